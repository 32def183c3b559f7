/**
 * "Saved" must mean stored. The server sends MESSAGE_SAVED with a snapshot (state vector and
 * delete set) of what it has committed, after each stored batch and whenever the editor
 * (re)connects. This editor's changes are stored once the vector reaches its own clock and
 * the delete set contains every deletion it made.
 */
import * as Y from "yjs";
import * as decoding from "lib0/decoding";
import { checkStored, deletionsOf, type PendingDeletions } from "#shared/collab/saved-snapshot";

export class SaveTracker {
  private storedClock = 0;
  private pendingDeletions: PendingDeletions = [];

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
    const stored = checkStored(decoding.readVarUint8Array(decoder), this.doc.clientID, this.pendingDeletions);
    this.storedClock = Math.max(this.storedClock, stored.clock);
    this.pendingDeletions = stored.remaining;
  }

  isSaved(): boolean {
    return this.pendingDeletions.length === 0 && this.storedClock >= this.ownClock();
  }
}
