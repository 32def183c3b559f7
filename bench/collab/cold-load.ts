/**
 * Cold load of a long-edited document from OUR store: 100,000 real Yjs updates are put in
 * the collab_updates log (as the room's batched flushes would leave them), then a fresh
 * client's connect-to-synced time is measured while the room loads them from the database;
 * then again after the log is compacted into the snapshot.
 */
import path from "node:path";
import os from "node:os";
import { createLibraryStorage } from "#server/library/storage/library-storage";
import { performance } from "node:perf_hooks";
import * as Y from "yjs";
import { appendUpdates, countUpdates, findSnapshot } from "#db/queries/collab";
import { loadConfig } from "#server/config";
import { createDocumentStore } from "#server/collab/document-store";
import { createLocalEvents } from "#server/events";
import { soloCluster } from "#server/cluster/cluster";
import { createLogger } from "#server/log";
import { createMailer } from "#server/mail/mailer";
import type { Services } from "#server/services";
import { CONTENT_FIELD } from "#shared/collab/work-programme-doc";
import { nowIso } from "#shared/time";
import { LeanClient } from "./clients";
import type { OurDatabase } from "./servers/our-database";
import type { ServerUnderTest } from "./servers/server-process";

export interface ColdLoadResult {
  updates: number;
  logBefore: number;
  logAfter: number;
  snapshotBytes: number;
  loadBeforeMs: number;
  loadAfterMs: number;
  compactedBy: string;
  compactMs: number;
  contentMatches: boolean;
}

/** Deterministic pseudo-random numbers, so every run builds the same history. */
function seeded(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Editing sessions of 500 keystrokes, each by a new Yjs client (as a new browser tab
 * would be): a new paragraph at a random place, typed one character per update with a
 * backspace now and then. Returns the updates and the final plain text to check against.
 */
export function buildEditingHistory(count: number): { updates: Uint8Array[]; text: string } {
  const random = seeded(42);
  const updates: Uint8Array[] = [];
  let state: Uint8Array = new Uint8Array(0);
  while (updates.length < count) {
    const doc = new Y.Doc();
    if (state.length > 0) Y.applyUpdate(doc, state);
    doc.on("update", (update: Uint8Array) => updates.push(update));
    const fragment = doc.getXmlFragment(CONTENT_FIELD);
    const paragraph = new Y.XmlElement("paragraph");
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    fragment.insert(Math.floor(random() * (fragment.length + 1)), [paragraph]);
    for (let key = 0; key < 500 && updates.length < count; key++) {
      if (text.length > 0 && random() < 0.1) text.delete(text.length - 1, 1);
      else text.insert(text.length, String.fromCharCode(97 + Math.floor(random() * 26)));
    }
    state = Y.encodeStateAsUpdate(doc);
    doc.destroy();
  }
  const final = new Y.Doc();
  Y.applyUpdate(final, state);
  const text = final.getXmlFragment(CONTENT_FIELD).toString();
  final.destroy();
  return { updates: updates.slice(0, count), text };
}

async function timeToSynced(server: ServerUnderTest, docName: string): Promise<{ ms: number; text: string }> {
  const client = new LeanClient({ url: server.urlFor(docName), cookie: server.cookieFor(0), handshake: true });
  const started = performance.now();
  await client.synced;
  const ms = performance.now() - started;
  const text = client.doc.getXmlFragment(CONTENT_FIELD).toString();
  await client.close();
  return { ms, text };
}

export async function measureColdLoad(server: ServerUnderTest, database: OurDatabase, count: number, progress: (message: string) => void): Promise<ColdLoadResult> {
  const { db } = database.handle;
  const name = database.docs.cold;
  const history = buildEditingHistory(count);
  progress(`built ${history.updates.length} updates with Yjs; writing them to collab_updates`);
  // The server is running and the room is not loaded: rows written now are what its next load reads.
  for (let i = 0; i < history.updates.length; i += 1_000) await appendUpdates(db, name, history.updates.slice(i, i + 1_000), nowIso());
  const logBefore = await countUpdates(db, name);

  progress(`cold load with ${logBefore} log entries`);
  const before = await timeToSynced(server, name);

  // When the last client leaves, the server unloads the room and compacts a long log itself.
  const leftAt = performance.now();
  let compactedBy = "server (room unload)";
  let compactMs = 0;
  const deadline = leftAt + 60_000;
  while ((await countUpdates(db, name)) >= logBefore && performance.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  if ((await countUpdates(db, name)) >= logBefore) {
    compactedBy = "bench (createDocumentStore().compact)";
    const started = performance.now();
    await createDocumentStore(servicesFor(database)).compact(name);
    compactMs = performance.now() - started;
  } else {
    compactMs = performance.now() - leftAt;
  }
  // Let the unload finish so the next client really loads from the database.
  await new Promise((r) => setTimeout(r, 500));
  const logAfter = await countUpdates(db, name);
  const snapshot = await findSnapshot(db, name);

  progress(`cold load after compaction (${logAfter} log entries)`);
  const after = await timeToSynced(server, name);
  return {
    updates: history.updates.length,
    logBefore,
    logAfter,
    snapshotBytes: snapshot?.state.byteLength ?? 0,
    loadBeforeMs: before.ms,
    loadAfterMs: after.ms,
    compactedBy,
    compactMs,
    contentMatches: before.text === history.text && after.text === history.text,
  };
}

/** A Services object over the bench's own handle, for the store (which uses only db and dialect). */
function servicesFor(database: OurDatabase): Services {
  const log = createLogger("warn");
  return {
    db: database.handle.db,
    dialect: database.handle.dialect,
    config: loadConfig({ DATA_DIR: database.dataDir, SEED_DEMO: "never" }),
    log,
    events: createLocalEvents(),
    cluster: soloCluster(),
    mailer: createMailer({ db: database.handle.db, from: "bench@connactions.test", log }),
    // No library here: nothing is uploaded, so its storage stays an unused temporary path.
    library: createLibraryStorage(path.join(os.tmpdir(), "connactions-unused-library")),
    translator: null,
  };
}
