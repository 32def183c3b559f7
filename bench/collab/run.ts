/**
 * Collab benchmark: our /collab server (production build, auth, SQLite persistence)
 * against @y/websocket-server and a bare ws relay, on the same workloads in one run.
 * Servers run as separate processes; their CPU and RSS are read from /proc. The clients
 * live in this process and share its clock, so fan-out latency is send→receipt directly.
 *
 *   BUILD_DIR=build-bench npm run bench:collab
 *
 * Env (diagnosis): BENCH_CPU_PROF=1 writes a V8 CPU profile of each server to
 * <tmp>/ca-bench-profiles/<server>/; BENCH_LOOP_LAG=1 makes each server report event-loop
 * stalls over 20 ms; BENCH_KEEP=1 keeps our data dir; BENCH_SKIP_BUILD=1 uses the build as it is.
 * BENCH_ONLY=W1:400 (or W1:400,1600;W2:50) runs only those steps, without idle memory and cold
 * load; BENCH_SERVERS=ours,y-ws-server measures only those servers (settings.ts).
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import { SETTINGS, benchSelection } from "./settings";
import { ensureBuild } from "./build";
import { DeliveryTracker } from "./delivery";
import { prepareOurDatabase, type OurDatabase } from "./servers/our-database";
import { startOurs } from "./servers/ours";
import { startYWebsocketServer } from "./servers/y-websocket-server";
import { startBareRelay } from "./servers/bare-relay";
import type { ServerUnderTest } from "./servers/server-process";
import { awaitStragglers, closeRooms, measureIdleRss, measureStep, openRooms, poolRounds, type IdleRss, type RoomSet, type StepResult } from "./workloads";
import { measureColdLoad, type ColdLoadResult } from "./cold-load";
import { coldTable, cpuPerDelivery, idleTable, p99, stepTable, targetLines } from "./report";

const started = performance.now();
const progress = (message: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)}s] ${message}`);

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? SETTINGS.rounds);
const SELECTION = benchSelection();

/**
 * Runs each step on every server in turn, rotating who goes first so drift on a shared
 * machine does not favour one, ROUNDS times; each server's rounds are pooled into one result.
 */
async function runSteps(label: string, sets: RoomSet[], tracker: DeliveryTracker, rates: readonly number[]): Promise<StepResult[]> {
  const results: StepResult[] = [];
  for (const [i, rate] of rates.entries()) {
    const rounds = new Map<string, StepResult[]>();
    for (let round = 0; round < ROUNDS; round++) {
      const order = sets.map((_, k) => sets[(k + i + round) % sets.length]!);
      for (const set of order) {
        const result = await measureStep(set, tracker, rate, SETTINGS.stepMs, SETTINGS.drainMs);
        rounds.set(set.server.name, [...(rounds.get(set.server.name) ?? []), result]);
        progress(
          `${label} ${rate}/s on ${set.server.name}, round ${round + 1}/${ROUNDS}: ${result.stats.delivered}/${result.stats.expected} delivered, ` +
            `${cpuPerDelivery(result).toFixed(2)} us CPU/delivery, p99 ${p99(result).toFixed(1)} ms (${(result.wallMs / 1000).toFixed(1)} s)`,
        );
      }
    }
    const pooled = sets.map((set) => poolRounds(rounds.get(set.server.name)!));
    results.push(...pooled);
    console.log(`\n${stepTable(`${label} at ${rate}/s (${ROUNDS} rounds pooled)`, pooled)}\n`);
  }
  return results;
}

const loadAverage = () => os.loadavg().map((l) => l.toFixed(2)).join(" ");

async function settle(tracker: DeliveryTracker) {
  if (tracker.outstanding() === 0) return;
  progress(`waiting up to 20 s for ${tracker.outstanding()} late deliveries before closing clients`);
  const missing = await awaitStragglers(tracker, 20_000);
  if (missing > 0) progress(`${missing} deliveries never arrived`);
}

/** Steps in which other processes used more than half a core: their latencies say more about the machine than the servers. */
function disturbanceNote(results: StepResult[]): string {
  const disturbed = results.filter((r) => r.othersCpuMicros / 1000 / r.wallMs > 0.5);
  if (disturbed.length === 0) return "Machine: no step was disturbed by other processes (others CPU% <= 50 in every step).";
  return `WARNING: other processes used more than half a core during ${disturbed.length} of ${results.length} steps (others CPU% column); latencies in those steps reflect the shared machine more than the servers. CPU per delivery is affected less.`;
}

async function main() {
  progress(`machine: ${os.cpus().length} cores, load average ${loadAverage()}; ${ROUNDS} rounds per step`);
  ensureBuild(progress);
  const { fanout, crowd } = SETTINGS;
  const people = Math.max(fanout.docs * fanout.clientsPerDoc, crowd.clients, SETTINGS.idleConnections);
  progress(`preparing our SQLite database: ${people} people with sessions, ${fanout.docs + 4} work programmes`);
  const database: OurDatabase = await prepareOurDatabase({ people, fanoutDocs: fanout.docs });

  const wanted = (name: string) => SELECTION.servers === null || SELECTION.servers.has(name);
  const launchers: Array<[string, () => Promise<ServerUnderTest>]> = [
    ["ours", () => startOurs(database, SETTINGS.ourLimits)],
    ["y-ws-server", startYWebsocketServer],
    ["relay", startBareRelay],
  ];
  const chosen = launchers.filter(([name]) => wanted(name));
  progress(`starting servers: ${chosen.map(([name]) => name).join(", ")}`);
  const servers: ServerUnderTest[] = await Promise.all(chosen.map(([, start]) => start()));
  for (const s of servers) progress(`  ${s.name}: pid ${s.pid}, port ${s.port}`);

  let fanoutResults: StepResult[] = [];
  let crowdResults: StepResult[] = [];
  const idle: IdleRss[] = [];
  let cold: ColdLoadResult | null = null;
  const exits: string[] = [];
  try {
    for (const server of SELECTION.idle ? servers : []) {
      progress(`idle RSS on ${server.name}: ${SETTINGS.idleConnections} connections`);
      idle.push(await measureIdleRss(server, database.docs.idle, database.docs.warmup, SETTINGS.idleConnections));
    }

    const tracker = new DeliveryTracker();
    if (SELECTION.w1) {
      const w1 = `W1 ${fanout.docs} docs x ${fanout.clientsPerDoc} clients (${fanout.writersPerDoc} writers each)`;
      progress(`${w1}: connecting ${fanout.docs * fanout.clientsPerDoc} clients to each server`);
      const fanoutSets: RoomSet[] = [];
      for (const server of servers) fanoutSets.push(await openRooms(server, tracker, database.docs.fanout, fanout.clientsPerDoc, fanout.writersPerDoc));
      for (const set of fanoutSets) {
        progress(`W1 warm-up on ${set.server.name} (${fanout.warmupRate}/s, ${fanout.warmupMs} ms, not reported)`);
        await measureStep(set, tracker, fanout.warmupRate, fanout.warmupMs, SETTINGS.drainMs);
      }
      fanoutResults = await runSteps("W1", fanoutSets, tracker, SELECTION.w1);
      await settle(tracker);
      for (const set of fanoutSets) await closeRooms(set);
    }

    if (SELECTION.w2) {
      const w2 = `W2 1 doc x ${crowd.clients} clients (${crowd.writers} writers)`;
      progress(`${w2}: connecting`);
      const crowdSets: RoomSet[] = [];
      for (const server of servers) crowdSets.push(await openRooms(server, tracker, [database.docs.crowd], crowd.clients, crowd.writers));
      crowdResults = await runSteps("W2", crowdSets, tracker, SELECTION.w2);
      await settle(tracker);
      for (const set of crowdSets) await closeRooms(set);
    }

    const ours = servers.find((s) => s.name === "ours");
    if (SELECTION.cold && ours) {
      progress(`cold load: ${SETTINGS.coldUpdates} updates in our store`);
      cold = await measureColdLoad(ours, database, SETTINGS.coldUpdates, (m) => progress(`  ${m}`));
    }
  } finally {
    for (const server of servers) {
      const { code, signal } = await server.stop();
      exits.push(`${server.name}: exit ${code ?? signal}, ${server.stderrLines.length} stderr lines`);
    }
    if (process.env.BENCH_KEEP === "1") {
      await database.handle.close();
      progress(`kept ${database.dataDir}`);
    } else await database.remove();
  }

  console.log("\n================ RESULTS ================\n");
  if (fanoutResults.length > 0) console.log(`${stepTable(`W1: ${fanout.docs} docs x ${fanout.clientsPerDoc} clients, ${fanout.writersPerDoc} writers per doc (fan-out 9)`, fanoutResults)}\n`);
  if (crowdResults.length > 0) console.log(`${stepTable(`W2: 1 doc x ${crowd.clients} clients, ${crowd.writers} writers (fan-out ${crowd.clients - 1})`, crowdResults)}\n`);
  if (idle.length > 0) console.log(`${idleTable(idle)}\n`);
  if (cold) console.log(`${coldTable(cold)}\n`);
  console.log(targetLines({ fanout: fanoutResults, crowd: crowdResults, topRate: fanout.rates[fanout.rates.length - 1]!, idle }));
  console.log(`\n${disturbanceNote([...fanoutResults, ...crowdResults])}`);
  console.log(`Server processes: ${exits.join("; ")}`);
  console.log(`Machine load average at the end: ${loadAverage()} (others CPU% column: CPU used by other processes during each step, 100 = one core)`);
  progress("done");
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error("bench failed:", error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);
