/**
 * Who each Yjs client id of a document belongs to: the person who first used it there, for
 * content or for presence. Loaded with the room, claimed in memory at once (checks run on
 * every message), and stored with the next batch of updates, in the same transaction, so a
 * stored update is never without its author.
 */
export interface ClientIdClaim {
  clientId: number;
  userId: string;
}

/** Owner of the client ids the server itself writes with (restores, programmatic changes). */
export const SERVER_AUTHOR = "server";

export class ClientIds {
  private unsaved: ClientIdClaim[] = [];

  constructor(private readonly owners: Map<number, string> = new Map()) {}

  ownerOf(clientId: number): string | undefined {
    return this.owners.get(clientId);
  }

  /** True when `clientId` is (now) `userId`'s; false when it belongs to someone else. */
  claim(clientId: number, userId: string): boolean {
    const owner = this.owners.get(clientId);
    if (owner !== undefined) return owner === userId;
    this.owners.set(clientId, userId);
    this.unsaved.push({ clientId, userId });
    return true;
  }

  get hasUnsaved(): boolean {
    return this.unsaved.length > 0;
  }

  takeUnsaved(): ClientIdClaim[] {
    const taken = this.unsaved;
    this.unsaved = [];
    return taken;
  }

  /** Puts claims back after a failed write; they are retried with the next batch. */
  restoreUnsaved(claims: ClientIdClaim[]) {
    this.unsaved = claims.concat(this.unsaved);
  }
}
