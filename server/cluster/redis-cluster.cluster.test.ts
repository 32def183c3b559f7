/**
 * The Redis cluster layer on a real Redis of the test's own, two "instances" in one process:
 * work claimed once, connections counted across instances (and forgotten when an instance
 * stops renewing them), messages relayed without echo, and a Redis outage reported and
 * recovered from, with subscriptions restored.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRedisCluster } from "./redis-cluster";
import type { Cluster } from "./cluster";
import { startTestRedis, type TestRedis } from "#server/testing/cluster";
import { eventually } from "#server/testing/collab-client";
import type { Logger } from "#server/log";

let redis: TestRedis;
const clusters: Cluster[] = [];
const lines: string[] = [];
const log: Logger = {
  debug: () => undefined,
  info: (m) => lines.push(`info ${m}`),
  warn: (m) => lines.push(`warn ${m}`),
  error: (m) => lines.push(`error ${m}`),
};

async function instance(id: string): Promise<Cluster> {
  const cluster = await createRedisCluster(redis.url, log, { instanceId: id });
  clusters.push(cluster);
  return cluster;
}

beforeAll(async () => {
  redis = await startTestRedis();
});
afterAll(async () => {
  await Promise.all(clusters.map((c) => c.close()));
  await redis?.stop();
});

describe("the Redis cluster layer", () => {
  it("gives a claim to exactly one instance until it expires", async () => {
    const [a, b] = [await instance("claim-a"), await instance("claim-b")];
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : b).claimOnce("compact:doc-1", 300).then((won) => ({ who: i % 2 === 0 ? "a" : "b", won }))));
    const winners = new Set(results.filter((r) => r.won).map((r) => r.who));
    expect(winners.size).toBe(1);
    const loser = winners.has("a") ? b : a;
    expect(await loser.claimOnce("compact:doc-1", 300)).toBe(false);
    await new Promise((r) => setTimeout(r, 400));
    expect(await loser.claimOnce("compact:doc-1", 300)).toBe(true);
  });

  it("counts a person's connections across instances and forgets those nobody renews", async () => {
    const [a, b] = [await instance("count-a"), await instance("count-b")];
    expect(await a.addCounted("person:p1", "a:1", 400)).toBe(1);
    expect(await b.addCounted("person:p1", "b:1", 400)).toBe(2);
    expect(await b.addCounted("person:p1", "b:2", 400)).toBe(3);
    await b.removeCounted("person:p1", "b:2");
    // A keeps renewing its entry; B (as if killed) does not.
    await new Promise((r) => setTimeout(r, 250));
    await a.refreshCounted([{ set: "person:p1", member: "a:1" }], 400);
    await new Promise((r) => setTimeout(r, 250));
    expect(await a.addCounted("person:p1", "a:2", 400)).toBe(2);
  });

  it("relays a message to the other instances, never back to its sender", async () => {
    const [a, b] = [await instance("relay-a"), await instance("relay-b")];
    const atA: string[] = [];
    const atB: string[] = [];
    await a.subscribe("collab:doc-2", (m) => atA.push(m.toString()));
    await b.subscribe("collab:doc-2", (m) => atB.push(m.toString()));
    a.publish("collab:doc-2", Buffer.from("from a"));
    b.publish("collab:doc-2", Buffer.from("from b"));
    await eventually(() => atA.length === 1 && atB.length === 1, 3000, "both delivered");
    expect(atA).toEqual(["from b"]);
    expect(atB).toEqual(["from a"]);
  });

  it("says when Redis is gone, answers without it, and restores subscriptions when it returns", { timeout: 30_000 }, async () => {
    const [a, b] = [await instance("outage-a"), await instance("outage-b")];
    const atB: string[] = [];
    await b.subscribe("collab:doc-3", (m) => atB.push(m.toString()));
    let reconnects = 0;
    b.onReconnect(() => reconnects++);
    await redis.stop();
    await eventually(() => a.status() === "disconnected" && b.status() === "disconnected", 10_000, "both see Redis gone");
    expect(lines.some((l) => l.startsWith("warn") && l.includes("Redis unreachable"))).toBe(true);
    // Without Redis nothing blocks: work may run (twice rather than never), counts fall back to local.
    expect(await a.claimOnce("derive:doc-3", 1000)).toBe(true);
    expect(await a.addCounted("person:p2", "a:1", 1000)).toBeNull();
    a.publish("collab:doc-3", Buffer.from("lost in the outage"));
    await redis.start();
    await eventually(() => a.status() === "connected" && b.status() === "connected", 15_000, "both reconnected");
    await eventually(() => reconnects > 0, 5_000, "reconnect listeners told");
    a.publish("collab:doc-3", Buffer.from("after"));
    await eventually(() => atB.includes("after"), 5_000, "subscription restored");
    expect(atB).not.toContain("lost in the outage");
  });
});
