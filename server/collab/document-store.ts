/**
 * Durable storage of collab documents. Every update is appended to a log (in batches, see
 * room.ts); compaction folds snapshot + log into one snapshot inside one transaction by
 * applying everything to a fresh Y.Doc in a single transact and re-encoding — never
 * Y.mergeUpdates, which is quadratic on long logs and unsafe on untrusted bytes.
 */
import * as Y from "yjs";
import type { Services } from "../services";
import { appendUpdates, appendUpdatesMany, countUpdates, deleteUpdatesUpTo, findSnapshot, listUpdates, lockSnapshotRow, saveDerived, upsertSnapshot } from "#db/queries/collab";
import { nowIso } from "#shared/time";

/** Origin of updates applied while loading, so the room does not persist them again. */
export const LOAD_ORIGIN = Symbol("collab-load");

export interface DocumentStore {
  /** Applies the stored state to `doc` in one transaction; returns how many log entries there were. */
  loadInto(name: string, doc: Y.Doc): Promise<{ logLength: number }>;
  append(name: string, updates: Uint8Array[]): Promise<void>;
  /** Appends the pending updates of several documents in one transaction. */
  appendMany(entries: Array<{ name: string; updates: Uint8Array[] }>): Promise<void>;
  /** Folds the log into the snapshot. Returns the log length before and after. */
  compact(name: string): Promise<{ before: number; after: number }>;
  logLength(name: string): Promise<number>;
  saveDerived(name: string, text: string, json: string): Promise<void>;
}

export function createDocumentStore(services: Services): DocumentStore {
  const { db } = services;
  return {
    async loadInto(name, doc) {
      const [snapshot, updates] = await Promise.all([findSnapshot(db, name), listUpdates(db, name)]);
      Y.transact(
        doc,
        () => {
          if (snapshot && snapshot.state.byteLength > 0) Y.applyUpdate(doc, snapshot.state, LOAD_ORIGIN);
          for (const update of updates) Y.applyUpdate(doc, update.data, LOAD_ORIGIN);
        },
        LOAD_ORIGIN,
      );
      return { logLength: updates.length };
    },

    append(name, updates) {
      return appendUpdates(db, name, updates, nowIso());
    },

    appendMany(entries) {
      return db.transaction().execute((trx) => appendUpdatesMany(trx, entries, nowIso()));
    },

    async compact(name) {
      return db.transaction().execute(async (trx) => {
        const at = nowIso();
        const snapshot = await lockSnapshotRow(trx, name, at, services.dialect === "postgres");
        const updates = await listUpdates(trx, name);
        if (updates.length === 0) return { before: 0, after: 0 };
        const doc = new Y.Doc({ gc: true });
        Y.transact(doc, () => {
          if (snapshot.state.byteLength > 0) Y.applyUpdate(doc, snapshot.state);
          for (const update of updates) Y.applyUpdate(doc, update.data);
        });
        await upsertSnapshot(trx, name, Y.encodeStateAsUpdate(doc), at);
        await deleteUpdatesUpTo(trx, name, updates[updates.length - 1]!.id);
        doc.destroy();
        return { before: updates.length, after: await countUpdates(trx, name) };
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
