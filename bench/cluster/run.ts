/**
 * Cluster benchmark: the same co-editing workload on ONE instance and on TWO instances
 * (each room's clients split half/half across them), all on PostgreSQL, plus one instance
 * without Redis, side by side in one run. Instances are the production bundle
 * (`node $BUILD_DIR/platform-server.js`) as child processes; CPU comes from /proc, summed
 * over the instances of a setup, with the setup's redis-server and the PostgreSQL backends
 * of its database in columns of their own.
 *
 *   BUILD_DIR=build-bench-cluster npm run bench:cluster
 *
 * Env: BENCH_ROUNDS (default 3), BENCH_SKIP_BUILD=1, BENCH_KEEP=1 (keep the databases),
 * BENCH_CPU_PROF=1 / BENCH_LOOP_LAG=1 as for bench:collab; TEST_PG_URL picks the PostgreSQL
 * server (default postgres://postgres@127.0.0.1:5432/postgres); REDIS_SERVER_PATH the redis-server.
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import { ensureBuild } from "../collab/build";
import { DeliveryTracker } from "../collab/delivery";
import { cpuPerDelivery, p99 } from "../collab/report";
import { BUILD_DIR } from "../collab/servers/ours";
import { awaitStragglers, closeRooms, type RoomSet } from "../collab/workloads";
import { BackendCpu, prepareClusterDatabase, type ClusterDatabase } from "./database";
import { startReaper } from "./reaper";
import { measureSetupStep, openSplitRooms, startSetup, stopSetupProcesses, type Setup, type SetupSpec, type SetupStep, type StartedProcesses } from "./setups";
import { lossLines, pgPerDelivery, poolSetupRounds, redisPerDelivery, roundRatios, setupTable } from "./report";

const started = performance.now();
const progress = (message: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)}s] ${message}`);

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const LABELS = { one: "one", two: "two", solo: "one, no Redis" } as const;
const SPECS: SetupSpec[] = [
  { label: LABELS.one, slug: "one", instances: 1, redis: true },
  { label: LABELS.two, slug: "two", instances: 2, redis: true },
  { label: LABELS.solo, slug: "one-no-redis", instances: 1, redis: false },
];

/** Sized so the whole run (3 setups × 3 rounds × 2 workloads) stays under about three minutes on 2 cores. */
const WORKLOADS = {
  w1: { name: "W1", docs: 10, clientsPerDoc: 10, writersPerDoc: 2, rate: 800, warmupMs: 3_000 },
  w2: { name: "W2", docs: 1, clientsPerDoc: 60, writersPerDoc: 4, rate: 100, warmupMs: 2_000 },
} as const;
type Workload = (typeof WORKLOADS)[keyof typeof WORKLOADS];
const STEP_MS = 4_000;
const DRAIN_MS = 3_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until all servers and redis-servers together use under a tenth of a core over a second (at most 20 s); returns the wait. */
async function untilQuiet(setups: Setup[]): Promise<number> {
  const cpu = () => setups.reduce((sum, s) => sum + s.combined.cpuMicros() + (s.redis?.cpuMicros() ?? 0), 0);
  const start = performance.now();
  for (;;) {
    const before = cpu();
    await sleep(1_000);
    if (cpu() - before < 100_000 || performance.now() - start > 20_000) return performance.now() - start;
  }
}

const loadAverage = () => os.loadavg().map((l) => l.toFixed(2)).join(" ");

/**
 * One workload on every setup: rooms open on all setups at once (as bench:collab keeps all
 * servers connected), an unreported warm-up per setup, then ROUNDS rounds in rotating order.
 */
async function runWorkload(index: number, workload: Workload, setups: Setup[], tracker: DeliveryTracker, backends: BackendCpu): Promise<Map<string, SetupStep[]>> {
  const { name, docs, clientsPerDoc, writersPerDoc, rate } = workload;
  progress(`${name} ${docs} doc(s) x ${clientsPerDoc} clients (${writersPerDoc} writers each) at ${rate}/s: connecting ${docs * clientsPerDoc} clients per setup`);
  const sets = new Map<Setup, RoomSet>();
  try {
    for (const setup of setups) {
      const own = setup.database.docs.splice(0, docs);
      sets.set(setup, await openSplitRooms(setup, tracker, own, clientsPerDoc, writersPerDoc));
    }
    for (const setup of setups) {
      progress(`${name} warm-up on ${setup.label} (${rate}/s, ${workload.warmupMs} ms, not reported)`);
      await measureSetupStep(setup, sets.get(setup)!, tracker, backends, rate, workload.warmupMs, DRAIN_MS);
    }
    const rounds = new Map<string, SetupStep[]>();
    for (let round = 0; round < ROUNDS; round++) {
      const order = setups.map((_, k) => setups[(k + index + round) % setups.length]!);
      for (const setup of order) {
        const result = await measureSetupStep(setup, sets.get(setup)!, tracker, backends, rate, STEP_MS, DRAIN_MS);
        rounds.set(setup.label, [...(rounds.get(setup.label) ?? []), result]);
        const s = result.step.stats;
        progress(
          `${name} on ${setup.label}, round ${round + 1}/${ROUNDS}: ${s.delivered}/${s.expected} delivered, ` +
            `${cpuPerDelivery(result.step).toFixed(2)} us srv CPU/delivery (redis ${redisPerDelivery(result).toFixed(2)}, pg ${pgPerDelivery(result).toFixed(2)}), ` +
            `p99 ${p99(result.step).toFixed(1)} ms (${(result.step.wallMs / 1000).toFixed(1)} s)`,
        );
      }
    }
    if (tracker.outstanding() > 0) {
      progress(`waiting up to 20 s for ${tracker.outstanding()} late deliveries before closing clients`);
      const missing = await awaitStragglers(tracker, 20_000);
      if (missing > 0) progress(`${missing} deliveries never arrived`);
    }
    return rounds;
  } finally {
    for (const set of sets.values()) await closeRooms(set);
  }
}

async function main() {
  progress(`machine: ${os.cpus().length} cores, load average ${loadAverage()}; ${ROUNDS} rounds per setup; build ${BUILD_DIR}/`);
  ensureBuild(progress);
  const { w1, w2 } = WORKLOADS;
  const people = Math.max(w1.docs * w1.clientsPerDoc, w2.docs * w2.clientsPerDoc);
  const docsPerSetup = w1.docs + w2.docs;
  const databases: ClusterDatabase[] = [];
  let backends: BackendCpu | null = null;
  const reaper = startReaper();
  const processes: StartedProcesses = { instances: [], redis: [], reaper };
  let cleaned: Promise<string[]> | null = null;
  const cleanup = () =>
    (cleaned ??= (async () => {
      const exits = await stopSetupProcesses(processes);
      await backends?.close().catch(() => undefined);
      for (const database of databases) {
        if (process.env.BENCH_KEEP === "1") {
          progress(`kept database ${database.databaseUrl}`);
          reaper.untrack("db", database.name);
          reaper.untrack("dir", database.dataDir);
          continue;
        }
        await database.remove();
        reaper.untrack("db", database.name);
        reaper.untrack("dir", database.dataDir);
      }
      return exits;
    })());
  // Ctrl-C or a kill must not leave servers, redis-servers or databases behind either. Should
  // tsx SIGKILL this process before the cleanup is done, the reaper finishes it.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      progress(`${signal}: stopping servers and dropping the databases`);
      void cleanup().finally(() => process.exit(130));
    });
  }

  const results: Array<{ workload: Workload; rounds: Map<string, SetupStep[]> }> = [];
  let exits: string[] = [];
  try {
    progress(`preparing ${SPECS.length} PostgreSQL databases, one per setup: ${people} people with sessions, ${docsPerSetup} work programmes each`);
    for (let k = 0; k < SPECS.length; k++) {
      const database = await prepareClusterDatabase({ people, docs: docsPerSetup });
      databases.push(database);
      reaper.track("db", database.name);
      reaper.track("dir", database.dataDir);
    }
    backends = await BackendCpu.connect();
    progress("starting setups: one (1 instance + Redis), two (2 instances + Redis), one without Redis");
    const setups: Setup[] = [];
    for (const [k, spec] of SPECS.entries()) setups.push(await startSetup(spec, databases[k]!, processes));
    for (const setup of setups) {
      const pids = setup.instances.map((s) => `${s.name} pid ${s.pid} port ${s.port}`).join(", ");
      progress(`  ${setup.label}: ${pids}${setup.redis ? `, redis-server pid ${setup.redis.pid} (${setup.redis.url})` : ""}, database ${setup.database.name}`);
    }
    const tracker = new DeliveryTracker();
    for (const [index, workload] of [w1, w2].entries()) {
      if (index > 0) {
        // Closing the previous rooms makes every instance store, compact and unload them: let that pass before measuring again.
        const waited = await untilQuiet(setups);
        progress(`servers quiet after ${(waited / 1000).toFixed(1)} s`);
      }
      results.push({ workload, rounds: await runWorkload(index, workload, setups, tracker, backends) });
    }
  } finally {
    exits = await cleanup();
  }

  console.log("\n================ RESULTS ================\n");
  const losses: string[] = [];
  for (const { workload, rounds } of results) {
    const pooled = SPECS.map((spec) => poolSetupRounds(rounds.get(spec.label)!));
    const fanout = workload.clientsPerDoc - 1;
    console.log(
      setupTable(
        `${workload.name}: ${workload.docs} doc(s) x ${workload.clientsPerDoc} clients, ${workload.writersPerDoc} writers per doc (fan-out ${fanout}), ${workload.rate} updates/s, ${STEP_MS / 1000} s per round, ${ROUNDS} rounds pooled`,
        pooled,
        LABELS,
      ),
    );
    console.log(roundRatios(pooled, LABELS.two, LABELS.one));
    console.log(`${roundRatios(pooled, LABELS.one, LABELS.solo)}\n`);
    losses.push(...lossLines(pooled, workload.name));
  }
  console.log(
    "srv µs/deliv = CPU (utime+stime) of all instances of the setup ÷ updates delivered; redis = its redis-server; pg = the PostgreSQL backends of its database; total = all three.\n" +
      "two = clients of every room alternate between instances A and B, so every update reaches receivers on both.",
  );
  const allRounds = results.flatMap(({ rounds }) => [...rounds.values()].flat());
  const disturbed = allRounds.filter((r) => r.step.othersCpuMicros / 1000 / r.step.wallMs > 0.5).length;
  console.log(
    disturbed === 0
      ? "Machine: no round was disturbed by other processes (others CPU% <= 50 in every round)."
      : `WARNING: other processes used more than half a core in ${disturbed} of ${allRounds.length} rounds (others CPU%); latencies there reflect the shared machine more than the setups. CPU per delivery is affected less.`,
  );
  console.log(losses.length === 0 ? "Delivery: every expected update arrived once, in order, within its round, in every setup." : `Delivery problems:\n${losses.join("\n")}`);
  console.log(`Server processes: ${exits.join("; ")}`);
  console.log(`Machine load average at the end: ${loadAverage()}`);
  progress("done");
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error("bench failed:", error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);
