/**
 * One flush for the whole process: every COLLAB_LIMITS.flushWindowMs, the pending updates of
 * all rooms are appended in a single transaction. With many quiet rooms this turns hundreds
 * of tiny commits per second into at most one per window (the benchmark showed per-room
 * commits costing more CPU than the relaying itself at low rates). Flushes are serialised,
 * so batches land in the order they were taken.
 */
import type { DocumentStore } from "./document-store";
import type { Logger } from "../log";

export interface FlushableRoom {
  readonly name: string;
  /** Hands over everything pending and the snapshot that covers it (empty when nobody asked for acknowledgements). */
  takePending(): { updates: Uint8Array[]; snapshot: Uint8Array } | null;
  /** Puts updates back in front after a failed write, so nothing is lost. */
  restorePending(updates: Uint8Array[]): void;
  /** Called once the taken updates are committed. */
  afterStored(snapshot: Uint8Array): void;
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
      const taken = room.takePending();
      return taken ? [{ room, ...taken }] : [];
    });
    if (batches.length === 0) return;
    try {
      await this.store.appendMany(batches.map((b) => ({ name: b.room.name, updates: b.updates })));
    } catch (error) {
      // Keep the updates and retry: losing them silently is the one thing we must not do.
      this.log.error(`[collab] storing updates of ${batches.length} documents failed; retrying`, error);
      for (const b of batches) {
        b.room.restorePending(b.updates);
        this.markDirty(b.room, 1_000);
      }
      return;
    }
    for (const b of batches) b.room.afterStored(b.snapshot);
  }
}
