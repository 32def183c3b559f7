/**
 * One flush for the whole process: every COLLAB_LIMITS.flushWindowMs, the pending updates of
 * all rooms are appended in a single transaction. With many quiet rooms this turns hundreds
 * of tiny commits per second into at most one per window (the benchmark showed per-room
 * commits costing more CPU than the relaying itself at low rates). Flushes are serialised,
 * so batches land in the order they were taken.
 */
import type { DocumentStore } from "./document-store";
import type { Logger } from "../log";
import type { ClientIdClaim } from "./client-ids";

export interface PendingBatch {
  updates: Uint8Array[];
  /** Client ids first used since the last batch: stored in the same transaction. */
  claims: ClientIdClaim[];
  /** The snapshot that covers the batch (empty when nobody asked for acknowledgements). */
  snapshot: Uint8Array;
}

export interface FlushableRoom {
  readonly name: string;
  /** Hands over everything pending. */
  takePending(): PendingBatch | null;
  /** Puts a batch back in front after a failed write, so nothing is lost. */
  restorePending(batch: PendingBatch): void;
  /** Called once the taken batch is committed. */
  afterStored(batch: PendingBatch): void;
}

export class FlushScheduler {
  private readonly dirty = new Set<FlushableRoom>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: DocumentStore,
    private readonly windowMs: number,
    private readonly log: Logger,
  ) {}

  markDirty(room: FlushableRoom, delayMs = this.windowMs): void {
    this.dirty.add(room);
    this.timer ??= setTimeout(() => void this.flushAll(), delayMs);
  }

  /** Stores everything pending now; resolves when it is committed (or put back after a failure). */
  flushAll(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.running = this.running.then(() => this.writeDirtyRooms());
    return this.running;
  }

  private async writeDirtyRooms(): Promise<void> {
    const rooms = [...this.dirty];
    this.dirty.clear();
    const batches = rooms.flatMap((room) => {
      const batch = room.takePending();
      return batch ? [{ room, batch }] : [];
    });
    if (batches.length === 0) return;
    try {
      await this.store.appendMany(batches.map(({ room, batch }) => ({ name: room.name, updates: batch.updates, claims: batch.claims })));
    } catch (error) {
      // Keep the updates and retry: losing them silently is the one thing we must not do.
      this.log.error(`[collab] storing updates of ${batches.length} documents failed; retrying`, error);
      for (const { room, batch } of batches) {
        room.restorePending(batch);
        this.markDirty(room, 1_000);
      }
      return;
    }
    for (const { room, batch } of batches) room.afterStored(batch);
  }
}
