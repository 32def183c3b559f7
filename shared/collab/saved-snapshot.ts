/**
 * The "saved" acknowledgement carries a Yjs snapshot (state vector + delete set) of what is
 * stored. A state vector alone cannot confirm deletions (they do not advance a clock); the
 * delete set can. Shared by the server (encoding) and the editor (checking coverage).
 */
import * as Y from "yjs";

export function encodeStoredSnapshot(doc: Y.Doc): Uint8Array {
  return Y.encodeSnapshot(Y.snapshot(doc));
}

interface DeleteRange {
  clock: number;
  len: number;
}

/** Ranges (client, clock, len) deleted locally, still waiting to be confirmed as stored. */
export type PendingDeletions = Array<{ client: number; clock: number; len: number }>;

export function deletionsOf(transaction: Y.Transaction): PendingDeletions {
  const out: PendingDeletions = [];
  for (const [client, items] of (transaction.deleteSet as unknown as { clients: Map<number, DeleteRange[]> }).clients) {
    for (const item of items) out.push({ client, clock: item.clock, len: item.len });
  }
  return out;
}

/** True when the stored delete set contains the whole range. */
function covered(stored: Map<number, DeleteRange[]>, range: { client: number; clock: number; len: number }): boolean {
  const items = stored.get(range.client) ?? [];
  const end = range.clock + range.len;
  // Stored ranges are sorted and merged; find the one that starts at or before the range.
  let position = range.clock;
  for (const item of items) {
    if (item.clock > position) return false;
    if (item.clock + item.len > position) position = item.clock + item.len;
    if (position >= end) return true;
  }
  return false;
}

export interface StoredState {
  clock: number;
  remaining: PendingDeletions;
}

/** How far the snapshot covers this client: its stored clock, and the local deletions not yet stored. */
export function checkStored(snapshotBytes: Uint8Array, clientId: number, pending: PendingDeletions): StoredState {
  const stored = readStored(snapshotBytes, pending);
  return { clock: stored.clockOf(clientId), remaining: stored.remaining };
}

/** The stored clock of any client, and which of `pending` the snapshot does not cover yet. */
export function readStored(snapshotBytes: Uint8Array, pending: PendingDeletions): { clockOf(client: number): number; remaining: PendingDeletions } {
  const snapshot = Y.decodeSnapshot(snapshotBytes) as unknown as { sv: Map<number, number>; ds: { clients: Map<number, DeleteRange[]> } };
  return {
    clockOf: (client) => snapshot.sv.get(client) ?? 0,
    remaining: pending.filter((range) => !covered(snapshot.ds.clients, range)),
  };
}
