/**
 * The setups compared by bench:cluster, all on PostgreSQL (one server, a database each):
 *   one            one instance with REDIS_URL (it publishes every update; nobody else listens)
 *   two            two instances on one Redis; each room's clients alternate between them
 *   one, no Redis  one instance without REDIS_URL (the single-process path)
 * Each setup with Redis has a redis-server of its own and each setup a database of its own,
 * so setups never relay to one another.
 */
import { performance } from "node:perf_hooks";
import { health } from "#server/testing/cluster";
import { LeanClient, closeClients, openClients } from "../collab/clients";
import type { DeliveryTracker } from "../collab/delivery";
import { SETTINGS } from "../collab/settings";
import { startOurInstance } from "../collab/servers/ours";
import type { ServerUnderTest } from "../collab/servers/server-process";
import { assignWriters, createParagraphs, measureStep, paragraphText, type RoomSet, type StepResult } from "../collab/workloads";
import { BackendCpu, type ClusterDatabase } from "./database";
import { startBenchRedis, type BenchRedis } from "./redis";
import type { Reaper } from "./reaper";

export interface Setup {
  label: string;
  instances: ServerUnderTest[];
  redis: BenchRedis | null;
  database: ClusterDatabase;
  /** All instances as one server for measureStep: its CPU is the sum over their pids. */
  combined: ServerUnderTest;
}

/** Every process the setups started, as soon as it runs, so all of them can be stopped whatever fails later. */
export interface StartedProcesses {
  instances: ServerUnderTest[];
  redis: BenchRedis[];
  reaper: Reaper;
}

export interface SetupSpec {
  label: string;
  /** Instance name prefix: stderr lines and profiles (BENCH_CPU_PROF) are filed under it. */
  slug: string;
  instances: number;
  redis: boolean;
}

/**
 * Starts a setup. `started` receives every process as soon as it runs (and the reaper its
 * pid), so the caller can stop them even if a later one fails to start.
 */
export async function startSetup(
  spec: SetupSpec,
  database: ClusterDatabase,
  started: StartedProcesses,
): Promise<Setup> {
  const redis = spec.redis ? await startBenchRedis() : null;
  if (redis) {
    started.redis.push(redis);
    started.reaper.track("pid", redis.pid);
    if (redis.dir) started.reaper.track("dir", redis.dir);
  }
  const names = spec.instances === 1 ? [spec.slug] : Array.from({ length: spec.instances }, (_, k) => `${spec.slug}-${String.fromCharCode(65 + k)}`);
  const instances = await Promise.all(
    names.map(async (name) => {
      const instance = await startOurInstance({
        name,
        dataDir: database.dataDir,
        cookies: database.cookies,
        limits: SETTINGS.ourLimits,
        // An empty REDIS_URL is unset for the server (config.ts): no setup inherits the caller's Redis.
        env: { DATABASE_URL: database.databaseUrl, REDIS_URL: redis?.url ?? "" },
      });
      started.instances.push(instance);
      started.reaper.track("pid", instance.pid);
      return instance;
    }),
  );
  // The instances must say what they are: PostgreSQL, and Redis connected exactly where wanted.
  for (const instance of instances) {
    const said = await health(`http://127.0.0.1:${instance.port}`);
    const redisOk = redis ? said.redis === "connected" : said.redis === undefined;
    if (said.database !== "postgres" || !redisOk) throw new Error(`${instance.name}: /healthz says ${JSON.stringify(said)}`);
  }
  const first = instances[0]!;
  const combined: ServerUnderTest = {
    ...first,
    name: spec.label,
    cpuMicros: () => instances.reduce((sum, s) => sum + s.cpuMicros(), 0),
    rssBytes: () => instances.reduce((sum, s) => sum + s.rssBytes(), 0),
  };
  return { label: spec.label, instances, redis, database, combined };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Like openRooms in collab/workloads.ts, but the clients of every room alternate between the
 * setup's instances (client index in the room even → A, odd → B), so with two instances the writers are
 * on both and every update has receivers on both. With one instance it is openRooms.
 */
export async function openSplitRooms(setup: Setup, tracker: DeliveryTracker, docNames: string[], perDoc: number, writersPerDoc: number): Promise<RoomSet> {
  const { instances } = setup;
  const clients = await openClients(docNames.length * perDoc, (i) => {
    const instance = instances[(i % perDoc) % instances.length]!;
    return new LeanClient({ url: instance.urlFor(docNames[Math.floor(i / perDoc)]!), cookie: instance.cookieFor(i), handshake: true, onTag: tracker.onTag });
  });
  const rooms = docNames.map((_, r) => clients.slice(r * perDoc, (r + 1) * perDoc));
  createParagraphs(rooms);
  // With two instances the paragraph reaches B's clients through Redis: the first cross-instance check.
  const deadline = performance.now() + 15_000;
  while (!clients.every((c) => paragraphText(c.doc) !== null)) {
    if (performance.now() > deadline) {
      const detail = await describeMissing(setup, docNames, rooms);
      await closeClients(clients);
      throw new Error(`${setup.label}: the paragraph did not reach every client within 15 s\n${detail}`);
    }
    await sleep(10);
  }
  return { server: setup.combined, clients, writers: assignWriters(rooms, clients, tracker, writersPerDoc) };
}

/**
 * Which clients lack the paragraph, on which instance, and whether each instance's room has
 * it (a fresh client's sync answer): tells a relay that never reached an instance from a
 * fan-out that missed a client.
 */
async function describeMissing(setup: Setup, docNames: string[], rooms: LeanClient[][]): Promise<string> {
  const lines: string[] = [];
  for (const [r, room] of rooms.entries()) {
    const missing = room.flatMap((c, k) => (paragraphText(c.doc) ? [] : [`${k}@${setup.instances[k % setup.instances.length]!.name}`]));
    if (missing.length === 0) continue;
    const probes = await Promise.all(
      setup.instances.map(async (instance) => {
        const probe = new LeanClient({ url: instance.urlFor(docNames[r]!), cookie: instance.cookieFor(0), handshake: true });
        try {
          await Promise.race([probe.synced, sleep(5_000).then(() => Promise.reject(new Error("no sync in 5 s")))]);
          return `${instance.name} room ${paragraphText(probe.doc) ? "has" : "LACKS"} it`;
        } catch (error) {
          return `${instance.name}: ${error instanceof Error ? error.message : String(error)}`;
        } finally {
          await probe.close();
        }
      }),
    );
    lines.push(`  doc ${r} (${docNames[r]}): clients without it ${missing.join(" ")}; fresh client: ${probes.join(", ")}`);
  }
  const stderr = setup.instances.flatMap((i) => i.stderrLines.map((l) => `  [${i.name}] ${l}`));
  return [...lines, ...(stderr.length > 0 ? ["server stderr:", ...stderr] : [])].join("\n");
}

export interface SetupStep {
  setup: string;
  step: StepResult;
  /** CPU of the setup's redis-server over the same window (0 without Redis). */
  redisCpuMicros: number;
  /** CPU of the PostgreSQL backends serving the setup's database over the same window. */
  pgCpuMicros: number;
  /** When pooled: the rounds on their own. */
  rounds?: SetupStep[];
}

/** measureStep over the combined instances, plus the setup's redis-server and PostgreSQL backends over the same window. */
export async function measureSetupStep(
  setup: Setup,
  set: RoomSet,
  tracker: DeliveryTracker,
  backends: BackendCpu,
  rate: number,
  durationMs: number,
  drainMs: number,
): Promise<SetupStep> {
  const pg0 = await backends.snapshot(setup.database.name);
  const redis0 = setup.redis?.cpuMicros() ?? 0;
  const step = await measureStep(set, tracker, rate, durationMs, drainMs);
  const redisCpuMicros = (setup.redis?.cpuMicros() ?? 0) - redis0;
  const pgCpuMicros = BackendCpu.between(pg0, await backends.snapshot(setup.database.name));
  // measureStep counts Redis and PostgreSQL among "others"; here they have columns of their own.
  step.othersCpuMicros = Math.max(0, step.othersCpuMicros - redisCpuMicros - pgCpuMicros);
  return { setup: setup.label, step, redisCpuMicros, pgCpuMicros };
}

/**
 * Stops the instances (together: one that hangs must not hold up the others), then the
 * redis-servers. An instance whose Redis is gone does not finish its SIGTERM shutdown, so
 * Redis goes last; launchServer's stop() sends SIGKILL after 15 s should it hang anyway.
 */
export async function stopSetupProcesses(started: StartedProcesses): Promise<string[]> {
  const exits = await Promise.all(
    started.instances.map(async (instance) => {
      const { code, signal } = await instance.stop();
      started.reaper.untrack("pid", instance.pid);
      return `${instance.name}: exit ${code ?? signal}, ${instance.stderrLines.length} stderr lines`;
    }),
  );
  for (const redis of started.redis) {
    await redis.stop();
    started.reaper.untrack("pid", redis.pid);
    if (redis.dir) started.reaper.untrack("dir", redis.dir);
  }
  return exits;
}
