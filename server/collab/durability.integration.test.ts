/**
 * Durability with the real server as a child process and 20 stock y-websocket clients
 * typing tagged edits: kill -9 at a random moment, restart, reconnect — every edit is in the
 * final document and all clients converge. The SIGTERM variant: the server is stopped right
 * after receiving the last edits and every client is gone, so only the database can have them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "#db/testing/test-database";
import { buildNetwork, buildWorkProgramme } from "#server/testing/factories";
import type { TestClient } from "#server/testing/http-client";
import { signedInMember } from "#server/testing/people";
import { eventually, openDoc } from "#server/testing/collab-client";
import { freePort, startServerProcess, type ServerProcess } from "#server/testing/server-process";
import { storedText } from "#server/testing/stored-document";
import { typist } from "#server/testing/typist";

const CLIENTS = 20;
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

const env = () => ({ DATA_DIR: database.dataDir, ...(database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : {}) });

async function setUp(server: ServerProcess) {
  const network = await buildNetwork(database.db);
  const wp = await buildWorkProgramme(database.db, network.id);
  const cookies: TestClient[] = [];
  for (let i = 0; i < CLIENTS; i++) cookies.push(await signedInMember(database.db, server.url, network.id));
  return { wp, cookies };
}

describe(`collab durability (${process.env.TEST_DATABASE})`, () => {
  it("loses no edit when the server is killed with -9 during typing", { timeout: 90_000 }, async () => {
    const port = await freePort();
    let server = await startServerProcess(env(), port);
    const { wp, cookies } = await setUp(server);
    const clients = cookies.map((cookie) => openDoc(server.url, cookie, wp.docName));
    try {
      await Promise.all(clients.map((c) => c.synced));
      const typists = clients.map((c, i) => typist(c, i));
      typists.forEach((t) => t.start());
      await new Promise((r) => setTimeout(r, 400 + Math.random() * 1200));
      server.child.kill("SIGKILL");
      await server.exited;
      // Keep typing while the server is down: these edits live only in the clients.
      await new Promise((r) => setTimeout(r, 300));
      server = await startServerProcess(env(), port);
      await new Promise((r) => setTimeout(r, 500));
      typists.forEach((t) => t.stop());

      const expected = typists.flatMap((t) => t.written);
      expect(expected.length).toBeGreaterThan(CLIENTS * 10);
      await eventually(
        () => clients.every((c) => c.provider.synced && c.doc.getText("t").toString() === clients[0]!.doc.getText("t").toString()),
        30_000,
        "all clients converge after the restart",
      );
      const final = clients[0]!.doc.getText("t").toString();
      const missing = expected.filter((tag) => !final.includes(tag));
      expect(missing).toEqual([]);
      // And the database holds it all, once the server has had its flush window.
      await eventually(async () => {
        const stored = await storedText(database.db, wp.docName);
        return expected.every((tag) => stored.includes(tag));
      }, 10_000, "every edit stored");
    } finally {
      clients.forEach((c) => c.destroy());
      server.child.kill("SIGTERM");
      await server.exited;
    }
  });

  it("stores every received edit on SIGTERM, with no client left to resend it", { timeout: 60_000 }, async () => {
    const port = await freePort();
    const server = await startServerProcess(env(), port);
    const { wp, cookies } = await setUp(server);
    const clients = cookies.map((cookie) => openDoc(server.url, cookie, wp.docName));
    await Promise.all(clients.map((c) => c.synced));
    const typists = clients.map((c, i) => typist(c, i));
    typists.forEach((t) => t.start());
    await new Promise((r) => setTimeout(r, 800));
    typists.forEach((t) => t.stop());
    // A last burst, then stop the server as soon as the server has relayed it (so it has
    // received it) — well inside the flush window, so it is still only in memory.
    typists.forEach((t) => t.typeOne());
    const expected = typists.flatMap((t) => t.written);
    const lastTags = typists.map((t) => t.written[t.written.length - 1]!);
    await eventually(() => lastTags.every((tag) => clients[0]!.doc.getText("t").toString().includes(tag)), 5000, "server relayed the last burst");
    server.child.kill("SIGTERM");
    clients.forEach((c) => c.destroy());
    expect(await server.exited).toBe(0);
    const stored = await storedText(database.db, wp.docName);
    expect(expected.filter((tag) => !stored.includes(tag))).toEqual([]);
  });
});
