/**
 * "Saved" must mean stored. The server sends MESSAGE_SAVED with a snapshot (state vector and
 * delete set) of what it has committed, after each stored batch and whenever the editor
 * (re)connects. This editor's changes are stored once the vector reaches its own clock and
 * the delete set contains every deletion it made.
 */
import * as Y from "yjs";
import * as decoding from "lib0/decoding";
import { deletionsOf, readStored, type PendingDeletions } from "#shared/collab/saved-snapshot";

/**
 * Edits of this device not yet confirmed by the server, kept beside the document's device
 * copy: after a reload (a new client id) they still count as unsaved until the server's
 * snapshot covers them.
 */
export interface UnsentEdits {
  /** Client id → the clock the server must reach for that client. */
  clients: Record<string, number>;
  deletions: PendingDeletions;
}

export class SaveTracker {
  private storedClock = 0;
  private pendingDeletions: PendingDeletions = [];
  /** Earlier sessions of this device (other client ids) with edits the server has not confirmed. */
  private earlier = new Map<number, number>();

  constructor(private readonly doc: Y.Doc) {}

  /** This client's own clock: how many items it has created in this document. */
  ownClock(): number {
    return Y.getState(this.doc.store, this.doc.clientID);
  }

  /** Call for every local transaction. */
  noteLocalTransaction(transaction: Y.Transaction): void {
    const deletions = deletionsOf(transaction);
    if (deletions.length > 0) this.pendingDeletions = this.pendingDeletions.concat(deletions);
  }

  /** Reads a MESSAGE_SAVED payload (after the message type). */
  noteSaved(decoder: decoding.Decoder): void {
    const stored = readStored(decoding.readVarUint8Array(decoder), this.pendingDeletions);
    this.storedClock = Math.max(this.storedClock, stored.clockOf(this.doc.clientID));
    this.pendingDeletions = stored.remaining;
    for (const [client, clock] of this.earlier) if (stored.clockOf(client) >= clock) this.earlier.delete(client);
  }

  /** Adds what earlier sessions on this device left unsent (read from the device copy). */
  addEarlier(unsent: UnsentEdits): void {
    for (const [id, clock] of Object.entries(unsent.clients)) {
      const client = Number(id);
      if (client !== this.doc.clientID && clock > 0) this.earlier.set(client, Math.max(clock, this.earlier.get(client) ?? 0));
    }
    this.pendingDeletions = this.pendingDeletions.concat(unsent.deletions);
  }

  /** Everything still unconfirmed, to keep on the device. */
  unsent(): UnsentEdits {
    const clients: Record<string, number> = Object.fromEntries(this.earlier);
    if (this.storedClock < this.ownClock()) clients[String(this.doc.clientID)] = this.ownClock();
    return { clients, deletions: this.pendingDeletions };
  }

  isSaved(): boolean {
    return this.earlier.size === 0 && this.pendingDeletions.length === 0 && this.storedClock >= this.ownClock();
  }
}
