/**
 * Hostile-client benchmark (issue 8, "must show" 3): what one hostile member does to
 * everyone else. Our production server runs as a child process on a fresh SQLite database;
 * 20 legitimate clients (stock y-websocket providers, 10 documents × 2) type at a human rate
 * and time each edit's round trip to their partner, a poller times GET /healthz every 20 ms,
 * and one hostile person (a child process) attacks its own documents. One run, four phases:
 *
 *   1 baseline        no hostile client
 *   2 pending flood   bursts of tiny updates whose predecessor never arrives
 *   3 valid flood     as many valid one-character updates as the server reads
 *   4 baseline again  no hostile client (half as long)
 *
 * A hostile phase lasts until the server has recovered (no edit or health check more than
 * 1 s overdue; at most --recovery-cap seconds), so a stall that outlives the attack is
 * charged to it. Samples belong to the phase they were sent in.
 *
 *   BUILD_DIR=build-bench npm run bench:hostile [-- --seconds 10]
 *
 * Options: --seconds N (phase length, default 10), --burst N (pending updates per burst,
 * default 8000), --flood-rate N (valid updates/s aimed at; default 0: as many as the server
 * reads, at most 1 MiB waiting in the socket), --recovery-cap N
 * (seconds, default 30). Env: BENCH_SKIP_BUILD=1 and BENCH_KEEP=1 as in bench:collab.
 */
import { fork, type ChildProcess } from "node:child_process";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { ensureBuild } from "../collab/build";
import { prepareOurDatabase } from "../collab/servers/our-database";
import { startOurs } from "../collab/servers/ours";
import { cpuMicros, machineBusyMicros, ownCpuMicros } from "../collab/proc-stats";
import type { AttackCommand, AttackerMessage, AttackMode, AttackStats } from "./attacker";
import { LegitPairs } from "./legit";
import { HealthzPoller } from "./healthz";
import { attackNotes, comparison, disturbanceNote, figuresFor, hostileTable, legitTable, type PhaseResult } from "./report";

const USAGE = "usage: npm run bench:hostile -- [--seconds N] [--burst N] [--flood-rate N] [--recovery-cap N]";
const args = (() => {
  try {
    return parseArgs({
      options: {
        seconds: { type: "string", default: "10" },
        burst: { type: "string", default: "8000" },
        "flood-rate": { type: "string", default: "0" },
        "recovery-cap": { type: "string", default: "30" },
      },
    }).values;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exit(2);
  }
})();
const positive = (name: string, value: string | undefined, zeroAllowed = false): number => {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || (n === 0 && !zeroAllowed)) {
    console.error(`--${name} must be a ${zeroAllowed ? "non-negative" : "positive"} number, not ${JSON.stringify(value)}\n${USAGE}`);
    process.exit(2);
  }
  return n;
};
const SECONDS = positive("seconds", args.seconds);
const BURST = Math.round(positive("burst", args.burst));
const FLOOD_RATE = positive("flood-rate", args["flood-rate"], true);
const RECOVERY_CAP_MS = positive("recovery-cap", args["recovery-cap"]) * 1000;
/** Niceness of the hostile client's process (19 = lowest priority); BENCH_HOSTILE_NICE=0 runs it like any other. */
const ATTACKER_NICE = Number(process.env.BENCH_HOSTILE_NICE ?? 19);

const SETTINGS = {
  pairs: 10,
  /** Each client types this often (a pair: twice as often), tagged strings of about 8 characters. */
  editsPerClientPerSecond: 2.5,
  healthzEveryMs: 20,
  healthzTimeoutMs: 20_000,
  warmupMs: 3_000,
  /** An edit or health check this late means the server has not recovered yet. */
  overdueMs: 1_000,
  /** After the last phase: how long outstanding edits may still arrive before they count as lost. */
  finalDrainMs: 15_000,
  /** The production defaults (README): the hostile is one person and may hold 20 sockets. */
  limits: { perUser: 20, perDocument: 300 },
} as const;

interface PhaseSpec {
  name: string;
  attack: AttackMode | null;
  seconds: number;
}

const PHASES: PhaseSpec[] = [
  { name: "1 baseline", attack: null, seconds: SECONDS },
  { name: "2 pending flood", attack: "pending", seconds: SECONDS },
  { name: "3 valid flood", attack: "valid", seconds: SECONDS },
  { name: "4 baseline again", attack: null, seconds: Math.max(1, SECONDS / 2) },
];

const started = performance.now();
const progress = (message: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)}s] ${message}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The hostile client's process; it runs one attack at a time on command. */
class Attacker {
  private readonly child: ChildProcess;
  private waiting: ((message: { type: string; stats?: AttackStats; message?: string }) => void) | null = null;

  constructor() {
    // fork() passes on this process's execArgv, so the child runs under tsx like this one.
    this.child = fork(fileURLToPath(new URL("./attacker.ts", import.meta.url)), [], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
    // A real attacker's CPU is not the server's. On a shared 2-core box its process would
    // otherwise take CPU from the server and the legitimate clients, and a perfect server
    // would still look slower; at the lowest priority it runs on what they leave.
    if (ATTACKER_NICE !== 0 && this.child.pid !== undefined) os.setPriority(this.child.pid, ATTACKER_NICE);
    this.child.on("message", (message: { type: string; stats?: AttackStats; message?: string }) => this.waiting?.(message));
    this.child.on("exit", (code, signal) => this.waiting?.({ type: "error", message: `its process exited (${code ?? signal})` }));
    const kill = () => this.child.kill("SIGKILL");
    process.on("exit", kill);
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  cpuMicros(): number {
    try {
      return cpuMicros(this.pid);
    } catch {
      return 0;
    }
  }

  /** Has the first pending burst made before its phase's clock starts. */
  prepare(burst: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("the hostile client did not prepare within 60 s")), 60_000);
      this.waiting = (message) => {
        clearTimeout(timer);
        this.waiting = null;
        if (message.type === "prepared") resolve();
        else reject(new Error(`hostile client failed: ${message.message}`));
      };
      this.child.send({ cmd: "prepare", burst } satisfies AttackerMessage);
    });
  }

  run(command: Omit<AttackCommand, "cmd">): Promise<AttackStats> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("the hostile client did not report within 30 s of its phase's end")), command.seconds * 1000 + 30_000);
      this.waiting = (message) => {
        clearTimeout(timer);
        this.waiting = null;
        if (message.type === "result" && message.stats) resolve(message.stats);
        else reject(new Error(`hostile client failed: ${message.message}`));
      };
      this.child.send({ cmd: "run", ...command } satisfies AttackerMessage);
    });
  }

  stop(): void {
    if (this.child.connected) this.child.send({ cmd: "exit" } satisfies AttackerMessage);
    setTimeout(() => this.child.kill("SIGKILL"), 2_000).unref();
  }
}

async function main() {
  progress(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  progress(`phases of ${SECONDS} s; pending bursts of ${BURST} updates; valid flood ${FLOOD_RATE > 0 ? `aimed at ${FLOOD_RATE}/s` : "as fast as the server reads"}`);
  ensureBuild(progress);
  const people = SETTINGS.pairs * 2 + 1;
  const database = await prepareOurDatabase({ people, fanoutDocs: SETTINGS.pairs + 2 });
  const legitDocs = database.docs.fanout.slice(0, SETTINGS.pairs);
  const [pendingDoc, floodDoc] = database.docs.fanout.slice(SETTINGS.pairs);
  const hostileCookie = database.cookies[people - 1]!;
  progress(`database ${database.dataDir}: ${people} people with sessions, ${SETTINGS.pairs} legitimate documents, 2 for the hostile person`);

  const server = await startOurs(database, SETTINGS.limits);
  progress(`server: pid ${server.pid}, port ${server.port}`);
  const baseUrl = `http://127.0.0.1:${server.port}`;

  let phase = 0; // 0 = warm-up, not reported
  const currentPhase = () => phase;
  let legit: LegitPairs | null = null;
  let health: HealthzPoller | null = null;
  const attacker = new Attacker();
  const results: PhaseResult[] = [];
  let exit = "";
  try {
    legit = await LegitPairs.open(baseUrl, legitDocs, database.cookies.slice(0, SETTINGS.pairs * 2), currentPhase);
    health = new HealthzPoller(server.port, SETTINGS.healthzEveryMs, SETTINGS.healthzTimeoutMs, currentPhase);
    progress(`${SETTINGS.pairs * 2} legitimate clients synced; warm-up ${SETTINGS.warmupMs / 1000} s (not reported)`);
    legit.start(SETTINGS.editsPerClientPerSecond);
    health.start();
    await Promise.all([sleep(SETTINGS.warmupMs), attacker.prepare(BURST)]);

    for (const [i, spec] of PHASES.entries()) {
      phase = i + 1;
      const begin = {
        at: performance.now(),
        server: server.cpuMicros(),
        own: ownCpuMicros(),
        attacker: attacker.cpuMicros(),
        machine: machineBusyMicros(),
      };
      progress(`phase ${spec.name}: ${spec.attack ? `hostile ${spec.attack} attack for ${spec.seconds} s` : `${spec.seconds} s without hostile client`}`);
      let attack: AttackStats | null = null;
      if (spec.attack) {
        attack = await attacker.run({
          mode: spec.attack,
          url: server.urlFor(spec.attack === "pending" ? pendingDoc! : floodDoc!),
          cookie: hostileCookie,
          seconds: spec.seconds,
          burst: BURST,
          rate: FLOOD_RATE,
        });
      } else await sleep(spec.seconds * 1000);

      // Recovery: the phase goes on until nothing is more than a second overdue.
      const attackEnded = performance.now();
      let capped = false;
      while (legit.overdue(SETTINGS.overdueMs) > 0 || health.overdue(SETTINGS.overdueMs) > 0) {
        if (performance.now() - attackEnded > RECOVERY_CAP_MS) {
          capped = true;
          progress(`  WARNING: not recovered ${RECOVERY_CAP_MS / 1000} s after the attack (${legit.overdue(SETTINGS.overdueMs)} edits, ${health.overdue(SETTINGS.overdueMs)} health checks overdue); the next phase starts on a busy server`);
          break;
        }
        await sleep(50);
      }
      const end = performance.now();
      const serverCpu = server.cpuMicros() - begin.server;
      const loadgenCpu = ownCpuMicros() - begin.own;
      const attackerCpu = attacker.cpuMicros() - begin.attacker;
      results.push({
        index: phase,
        name: spec.name,
        hostile: spec.attack !== null,
        wallMs: end - begin.at,
        recoveryMs: end - attackEnded,
        recoveryCapped: capped,
        serverCpuMicros: serverCpu,
        loadgenCpuMicros: loadgenCpu,
        attackerCpuMicros: attackerCpu,
        othersCpuMicros: Math.max(0, machineBusyMicros() - begin.machine - serverCpu - loadgenCpu - attackerCpu),
        attack,
      });
      progress(
        `  done in ${((end - begin.at) / 1000).toFixed(1)} s` +
          (spec.attack ? ` (recovery ${((end - attackEnded) / 1000).toFixed(1)} s); hostile sent ${attack!.frames} frames on ${attack!.connections} connection(s)` : "") +
          `; server CPU ${(serverCpu / 1e6).toFixed(2)} s`,
      );
    }

    legit.stop();
    progress(`waiting up to ${SETTINGS.finalDrainMs / 1000} s for ${legit.overdue(0)} outstanding edits`);
    const drainUntil = performance.now() + SETTINGS.finalDrainMs;
    while (legit.overdue(0) > 0 && performance.now() < drainUntil) await sleep(50);
    await health.stop();
  } finally {
    legit?.destroy();
    attacker.stop();
    const { code, signal } = await server.stop();
    exit = `server exit ${code ?? signal}, ${server.stderrLines.length} stderr lines`;
    if (process.env.BENCH_KEEP === "1") {
      await database.handle.close();
      progress(`kept ${database.dataDir}`);
    } else await database.remove();
  }

  const edits = legit!.edits;
  const samples = health!.samples;
  const closes = legit!.closes;
  const figures = results.map((r) => figuresFor([r.index], edits, samples, closes));
  const baseline = figuresFor(results.filter((r) => !r.hostile).map((r) => r.index), edits, samples, closes);
  const allLost = edits.flat().filter((e) => e.receivedAt === null).length;

  console.log("\n================ RESULTS ================\n");
  console.log(`Legitimate clients (${SETTINGS.pairs * 2}, ${SETTINGS.pairs} documents, ${SETTINGS.editsPerClientPerSecond * 2 * SETTINGS.pairs} edits/s in all) and /healthz (every ${SETTINGS.healthzEveryMs} ms), per phase; ms unless noted:\n`);
  console.log(legitTable(results, figures));
  console.log("\nServer CPU (from /proc, 100% = one core) and the hostile client, per phase:\n");
  console.log(hostileTable(results));
  for (const note of attackNotes(results, samples)) console.log(`  ${note}`);
  console.log("\nWithout hostile (phases 1 and 4 pooled) vs with hostile:\n");
  const verdict = comparison(
    baseline,
    results.filter((r) => r.hostile).map((r) => ({ name: r.name.replace(/^\d+ /, ""), figures: figures[results.indexOf(r)]! })),
    allLost,
  );
  for (const line of verdict.lines) console.log(line);
  console.log(`\n${disturbanceNote(results)}`);
  console.log(`\n${exit}; machine load average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  progress("done");
}

// The phases bound every wait; this is the last resort if something still hangs.
const watchdog = setTimeout(() => {
  console.error("bench:hostile: gave up after 10 minutes");
  process.exit(3);
}, 10 * 60_000);
watchdog.unref();

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error("bench failed:", error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);
