/**
 * Durable storage of collab documents. Every update is appended to a log (in batches, see
 * room.ts); compaction folds snapshot + log into one snapshot inside one transaction by
 * applying everything to a fresh Y.Doc in a single transact and re-encoding — never
 * Y.mergeUpdates, which is quadratic on long logs and unsafe on untrusted bytes.
 */
import * as Y from "yjs";
import type { Services } from "../services";
import {
  appendUpdates,
  appendUpdatesInOneStatement,
  appendUpdatesMany,
  countUpdates,
  deleteUpdates,
  findSnapshot,
  listClientIds,
  listUpdates,
  lockSnapshotRow,
  saveDerived,
  upsertSnapshot,
} from "#db/queries/collab";
import type { ClientIdClaim } from "./client-ids";
import { nowIso } from "#shared/time";

/** Origin of updates applied while loading, so the room does not persist them again. */
export const LOAD_ORIGIN = Symbol("collab-load");

/** What is stored of a document, as loaded: sizes drive compaction and the size limit. */
export interface LoadedDocument {
  /** Rows in the update log. */
  logLength: number;
  logBytes: number;
  snapshotBytes: number;
  /** Who owns each client id (see client-ids.ts). */
  clientIds: Map<number, string>;
}

export interface CompactionResult {
  /** Log rows before and after (rows appended meanwhile stay). */
  before: number;
  after: number;
  /** Bytes of the rows folded, and of the new snapshot. */
  foldedBytes: number;
  snapshotBytes: number;
}

export interface DocumentStore {
  /** Applies the stored state to `doc` in one transaction. */
  loadInto(name: string, doc: Y.Doc): Promise<LoadedDocument>;
  append(name: string, updates: Uint8Array[]): Promise<void>;
  /** Appends the pending updates (and new client-id claims) of several documents in one transaction. */
  appendMany(entries: Array<{ name: string; updates: Uint8Array[]; claims?: ClientIdClaim[] }>): Promise<void>;
  /** Folds the log into the snapshot. */
  compact(name: string): Promise<CompactionResult>;
  logLength(name: string): Promise<number>;
  saveDerived(name: string, text: string, json: string): Promise<void>;
}

export function createDocumentStore(services: Services): DocumentStore {
  const { db } = services;
  return {
    async loadInto(name, doc) {
      const [snapshot, updates, clientIds] = await Promise.all([findSnapshot(db, name), listUpdates(db, name), listClientIds(db, name)]);
      let logBytes = 0;
      Y.transact(
        doc,
        () => {
          if (snapshot && snapshot.state.byteLength > 0) Y.applyUpdate(doc, snapshot.state, LOAD_ORIGIN);
          for (const update of updates) {
            Y.applyUpdate(doc, update.data, LOAD_ORIGIN);
            logBytes += update.data.byteLength;
          }
        },
        LOAD_ORIGIN,
      );
      return { logLength: updates.length, logBytes, snapshotBytes: snapshot?.state.byteLength ?? 0, clientIds };
    },

    append(name, updates) {
      return appendUpdates(db, name, updates, nowIso());
    },

    async appendMany(entries) {
      const at = nowIso();
      // One statement is atomic by itself; a transaction only when there is more to write.
      if (await appendUpdatesInOneStatement(db, entries, at)) return;
      await db.transaction().execute((trx) => appendUpdatesMany(trx, entries, at));
    },

    async compact(name) {
      return db.transaction().execute(async (trx) => {
        const at = nowIso();
        const snapshot = await lockSnapshotRow(trx, name, at, services.dialect === "postgres");
        const updates = await listUpdates(trx, name);
        if (updates.length === 0) return { before: 0, after: 0, foldedBytes: 0, snapshotBytes: snapshot.state.byteLength };
        const doc = new Y.Doc({ gc: true });
        let foldedBytes = 0;
        Y.transact(doc, () => {
          if (snapshot.state.byteLength > 0) Y.applyUpdate(doc, snapshot.state);
          for (const update of updates) {
            Y.applyUpdate(doc, update.data);
            foldedBytes += update.data.byteLength;
          }
        });
        // Whatever could not be applied (predecessors never stored) is kept, not silently dropped.
        const state = Y.encodeStateAsUpdate(doc);
        await upsertSnapshot(trx, name, state, at);
        await deleteUpdates(trx, name, updates.map((u) => u.id));
        doc.destroy();
        return { before: updates.length, after: await countUpdates(trx, name), foldedBytes, snapshotBytes: state.byteLength };
      });
    },

    logLength(name) {
      return countUpdates(db, name);
    },

    saveDerived(name, text, json) {
      return saveDerived(db, name, text, json, nowIso());
    },
  };
}
