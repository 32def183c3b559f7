/**
 * Compaction with several instances. The lease normally lets one instance compact a document
 * while the other skips; but a lease can lapse (a compaction slower than the lease, a paused
 * process), so the store itself must keep two compactions that start at the same moment, on
 * two database connections, from losing an update a third instance appends meanwhile. And
 * with two real instances compacting a shared document every few rows, nothing typed is lost.
 */
import path from "node:path";
import os from "node:os";
import { createLibraryStorage } from "#server/library/storage/library-storage";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createTestDatabase, type TestDatabase } from "#db/testing/test-database";
import { openDatabase, type DbHandle } from "#db/connection";
import { appendUpdates, countUpdates, findSnapshot } from "#db/queries/collab";
import { storedText, waitUntilStored } from "#server/testing/stored-document";
import { signedInMember } from "#server/testing/people";
import { buildNetwork, buildWorkProgramme } from "#server/testing/factories";
import { eventually, openDoc, type DocClient } from "#server/testing/collab-client";
import { startInstance, startTestRedis, stopInstance, type ClusterInstance, type TestRedis } from "#server/testing/cluster";
import { testConfig } from "#server/testing/test-config";
import { createLogger } from "#server/log";
import { createLocalEvents } from "#server/events";
import { soloCluster } from "#server/cluster/cluster";
import { createMailer } from "#server/mail/mailer";
import { createDocumentStore, type DocumentStore } from "#server/collab/document-store";

let database: TestDatabase;
const handles: DbHandle[] = [];

beforeAll(async () => {
  database = await createTestDatabase("postgres");
});
afterAll(async () => {
  await Promise.all(handles.map((h) => h.close()));
  await database?.drop();
});

/** A document store on a connection pool of its own, as each instance has. */
function instanceStore(): DocumentStore {
  const handle = openDatabase({ databaseUrl: database.databaseUrl!, poolSize: 3 });
  handles.push(handle);
  const log = createLogger("error");
  return createDocumentStore({
    db: handle.db,
    dialect: handle.dialect,
    config: testConfig(),
    log,
    events: createLocalEvents(),
    cluster: soloCluster(),
    mailer: createMailer({ db: handle.db, from: "t@t", log }),
    // No library here: nothing is uploaded, so its storage stays an unused temporary path.
    library: createLibraryStorage(path.join(os.tmpdir(), "connactions-unused-library")),
    translator: null,
  });
}

describe("compaction on several instances", () => {
  it("two compactions started at once while a third instance appends leave the document whole", { timeout: 60_000 }, async () => {
    const [a, b] = [instanceStore(), instanceStore()];
    const writer = openDatabase({ databaseUrl: database.databaseUrl!, poolSize: 2 });
    handles.push(writer);
    const name = "workprogramme.compaction-race";
    const author = new Y.Doc();
    const pending: Uint8Array[] = [];
    author.on("update", (u: Uint8Array) => pending.push(u));
    const text = author.getText("t");
    const type = (count: number) => {
      for (let i = 0; i < count; i++) text.insert(text.length, `<${text.length}>`);
    };
    const flush = async () => {
      const batch = pending.splice(0);
      if (batch.length > 0) await appendUpdates(writer.db, name, batch, new Date().toISOString());
    };
    type(200);
    await flush();

    let foldedByBoth = 0;
    for (let round = 0; round < 30; round++) {
      // The third instance keeps appending while A and B compact the same document at the same moment.
      let appending = true;
      const appender = (async () => {
        while (appending) {
          type(3);
          await flush();
        }
      })();
      // B starts up to a few milliseconds after A, so over the rounds it lands in every phase of A's transaction.
      const [ra, rb] = await Promise.all([a.compact(name), new Promise((r) => setTimeout(r, round % 6)).then(() => b.compact(name))]);
      appending = false;
      await appender;
      if (ra.before > 0 && rb.before > 0) foldedByBoth++;
    }
    await flush();
    // Both really ran and folded rows in the same round (the second one after the first
    // released the row lock, folding what was appended in between), not just one of them.
    expect(foldedByBoth).toBeGreaterThan(0);
    expect(await storedText(database.db, name)).toBe(text.toString());
    author.destroy();
  });

  describe("two real instances compacting a shared document every few rows", () => {
    let redis: TestRedis;
    let instances: ClusterInstance[] = [];
    const clients: DocClient[] = [];
    beforeAll(async () => {
      redis = await startTestRedis();
      const shared = { databaseUrl: database.databaseUrl!, redisUrl: redis.url, dataDir: database.dataDir };
      const env = { COLLAB_COMPACT_AFTER_ROWS: "10" };
      instances = await Promise.all([startInstance(shared, env), startInstance(shared, env)]);
    });
    afterAll(async () => {
      clients.forEach((c) => c.destroy());
      await Promise.all(instances.map((instance) => stopInstance(instance)));
      await redis?.stop();
    });

    it("loses nothing typed on either instance", { timeout: 60_000 }, async () => {
      const network = await buildNetwork(database.db);
      const wp = await buildWorkProgramme(database.db, network.id);
      for (let i = 0; i < 6; i++) clients.push(openDoc(instances[i % 2]!.url, await signedInMember(database.db, instances[0]!.url, network.id), wp.docName));
      await Promise.all(clients.map((c) => c.synced));
      const written: string[] = [];
      for (let round = 0; round < 40; round++) {
        clients.forEach((c, i) => {
          const tag = `[${i}:${round}]`;
          c.doc.getText("t").insert(0, tag);
          written.push(tag);
        });
        await new Promise((r) => setTimeout(r, 25));
      }
      await eventually(() => clients.every((c) => c.doc.getText("t").length === written.join("").length), 15_000, "clients converge");
      await waitUntilStored(database.db, wp.docName, written);
      // Compaction did run: 240 edits, yet only a short log is left beside the snapshot.
      await eventually(async () => (await countUpdates(database.db, wp.docName)) < 60, 15_000, "log compacted");
      expect((await findSnapshot(database.db, wp.docName))?.state.byteLength ?? 0).toBeGreaterThan(0);
    });
  });
});
