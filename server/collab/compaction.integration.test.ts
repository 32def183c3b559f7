/**
 * Compaction folds a long update log into one snapshot in one transaction. With 100,000
 * stored updates the log shrinks to nothing, the content is unchanged, and the snapshot is
 * as small as the same content encoded directly — so loading it costs what loading that
 * content costs, whatever its history. (Load *times* are measured in bench/collab.)
 */
import path from "node:path";
import os from "node:os";
import { createLibraryStorage } from "#server/library/storage/library-storage";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createTestDatabase, type TestDatabase } from "#db/testing/test-database";
import { createDocumentStore, type DocumentStore } from "./document-store";
import { appendUpdates, findSnapshot, listUpdates } from "#db/queries/collab";
import { testConfig } from "#server/testing/test-config";
import { createLogger } from "#server/log";
import { createLocalEvents } from "#server/events";
import { soloCluster } from "#server/cluster/cluster";
import { createMailer } from "#server/mail/mailer";

let database: TestDatabase;
let store: DocumentStore;

beforeAll(async () => {
  database = await createTestDatabase();
  const log = createLogger("error");
  store = createDocumentStore({
    db: database.db,
    dialect: database.dialect,
    config: testConfig(),
    log,
    events: createLocalEvents(),
    cluster: soloCluster(),
    mailer: createMailer({ db: database.db, from: "t@t", log }),
    // No library here: nothing is uploaded, so its storage stays an unused temporary path.
    library: createLibraryStorage(path.join(os.tmpdir(), "connactions-unused-library")),
    translator: null,
  });
});
afterAll(async () => {
  await database?.drop();
});

/** 100,000 real one-character edits, as the log would hold them after a long writing session. */
function history(count: number) {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => updates.push(u));
  const text = doc.getText("t");
  for (let i = 0; i < count; i++) {
    // Mostly typing at the end, sometimes editing earlier text (deletes make history longer than content).
    if (i % 10 === 9 && text.length > 5) text.delete(Math.floor(text.length / 2), 1);
    else text.insert(text.length, String.fromCharCode(97 + (i % 26)));
  }
  return { doc, updates };
}

describe(`compaction (${process.env.TEST_DATABASE})`, () => {
  it("folds 100,000 stored updates into one snapshot with the same content", { timeout: 120_000 }, async () => {
    const name = "workprogramme.compaction-100k";
    const { doc: original, updates } = history(100_000);
    expect(updates).toHaveLength(100_000);
    for (let i = 0; i < updates.length; i += 2_000) await appendUpdates(database.db, name, updates.slice(i, i + 2_000), new Date().toISOString());
    expect(await store.logLength(name)).toBe(100_000);

    const result = await store.compact(name);
    expect(result).toMatchObject({ before: 100_000, after: 0 });
    expect(await listUpdates(database.db, name)).toHaveLength(0);

    const loaded = new Y.Doc();
    const { logLength } = await store.loadInto(name, loaded);
    expect(logLength).toBe(0);
    expect(loaded.getText("t").toString()).toBe(original.getText("t").toString());

    // The stored snapshot is the content, not the history: no bigger than encoding the
    // same document directly.
    const snapshot = await findSnapshot(database.db, name);
    expect(snapshot!.state.byteLength).toBeLessThanOrEqual(Y.encodeStateAsUpdate(original).byteLength * 1.05);
  });

  it("keeps updates that arrive after compaction and loads snapshot plus log", async () => {
    const name = "workprogramme.compaction-then-more";
    const { doc, updates } = history(1_000);
    await appendUpdates(database.db, name, updates, new Date().toISOString());
    await store.compact(name);
    const later: Uint8Array[] = [];
    doc.on("update", (u: Uint8Array) => later.push(u));
    doc.getText("t").insert(0, "NEU ");
    await appendUpdates(database.db, name, later, new Date().toISOString());
    expect(await store.logLength(name)).toBe(1);
    const loaded = new Y.Doc();
    await store.loadInto(name, loaded);
    expect(loaded.getText("t").toString()).toBe(doc.getText("t").toString());
    expect(await store.compact(name)).toMatchObject({ before: 1, after: 0 });
  });
});
