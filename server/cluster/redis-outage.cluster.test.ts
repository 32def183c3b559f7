/**
 * Redis goes away for a few seconds while people type on both instances. Each instance keeps
 * serving the people connected to it, says "degraded" in /healthz and warns in its log; when
 * Redis returns (empty, as a restarted Redis without persistence is), the instances catch up
 * with each other and every client and the database hold every edit.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "#db/testing/test-database";
import { waitUntilStored } from "#server/testing/stored-document";
import { signedInMember } from "#server/testing/people";
import { buildNetwork, buildWorkProgramme } from "#server/testing/factories";
import { eventually, openDoc, type DocClient } from "#server/testing/collab-client";
import { health, startInstance, startTestRedis, stopInstance, type ClusterInstance, type TestRedis } from "#server/testing/cluster";

let database: TestDatabase;
let redis: TestRedis;
let instances: ClusterInstance[] = [];
const clients: DocClient[] = [];

beforeAll(async () => {
  database = await createTestDatabase("postgres");
  redis = await startTestRedis();
  const shared = { databaseUrl: database.databaseUrl!, redisUrl: redis.url, dataDir: database.dataDir };
  instances = await Promise.all([startInstance(shared), startInstance(shared)]);
});
afterAll(async () => {
  clients.forEach((c) => c.destroy());
  await Promise.all(instances.map((instance) => stopInstance(instance)));
  await redis?.stop();
  await database?.drop();
});

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const textOf = (c: DocClient) => c.doc.getText("t").toString();

describe("a Redis outage during editing", () => {
  it("loses no edit: instances serve their own people meanwhile, say so, and catch up afterwards", { timeout: 90_000 }, async () => {
    const network = await buildNetwork(database.db);
    const wp = await buildWorkProgramme(database.db, network.id);
    for (let i = 0; i < 6; i++) clients.push(openDoc(instances[i % 2]!.url, await signedInMember(database.db, instances[0]!.url, network.id), wp.docName));
    await Promise.all(clients.map((c) => c.synced));
    const written: string[] = [];
    let round = 0;
    const typeRound = () => {
      clients.forEach((c, i) => {
        const tag = `[${i}:${round}]`;
        c.doc.getText("t").insert(0, tag);
        written.push(tag);
      });
      round++;
    };
    const typeFor = async (ms: number) => {
      const until = Date.now() + ms;
      while (Date.now() < until) {
        typeRound();
        await pause(40);
      }
    };

    await typeFor(500);
    await redis.stop();
    await typeFor(1000);
    // Both instances noticed, and say so.
    await eventually(async () => (await Promise.all(instances.map((i) => health(i.url)))).every((h) => h.status === "degraded" && h.redis === "disconnected"), 10_000, "both degraded");
    for (const instance of instances) expect(instance.output()).toContain("Redis unreachable");
    // Meanwhile people on the same instance still see each other's edits.
    const lastOnA = `[0:${round - 1}]`;
    await eventually(() => textOf(clients[2]!).includes(lastOnA), 5_000, "A's people still see each other");
    const lastOnB = `[1:${round - 1}]`;
    await eventually(() => textOf(clients[3]!).includes(lastOnB), 5_000, "B's people still see each other");
    await typeFor(2000);

    await redis.start();
    await typeFor(500);
    await eventually(async () => (await Promise.all(instances.map((i) => health(i.url)))).every((h) => h.status === "ok" && h.redis === "connected"), 15_000, "both connected again");
    await eventually(() => clients.every((c) => textOf(c) === textOf(clients[0]!)) && written.every((tag) => textOf(clients[0]!).includes(tag)), 15_000, "every client has every edit");
    await waitUntilStored(database.db, wp.docName, written);
    // And the relay works again: a new edit on A reaches B's people at once.
    clients[0]!.doc.getText("t").insert(0, "[after]");
    await eventually(() => textOf(clients[1]!).includes("[after]"), 5_000, "relay works again");
  });
});

describe("stopping an instance while Redis is away", () => {
  it("still shuts down cleanly on SIGTERM, and promptly", { timeout: 30_000 }, async () => {
    await redis.stop();
    await eventually(async () => (await health(instances[1]!.url)).redis === "disconnected", 10_000, "B sees Redis gone");
    const started = Date.now();
    instances[1]!.child.kill("SIGTERM");
    const code = await Promise.race([instances[1]!.exited, new Promise((r) => setTimeout(() => r("still running after 10 s"), 10_000))]);
    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
