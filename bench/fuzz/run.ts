/**
 * Long fuzz campaign against the collab endpoint of the production server (a child
 * process), with the arbitraries of the short run in `npm test`
 * (server/testing/collab-fuzz/): hostile frame sequences on reused WebSockets and odd
 * upgrade requests on raw TCP sockets, at least 100,000 cases in all. A crash is the child
 * exiting on its own: it is counted, reported with the cases in flight, and the server is
 * restarted. Meanwhile a legitimate pair of editors on another document measures round
 * trips (in a process of its own), first in a quiet phase, then during the fuzzing.
 *
 *   BUILD_DIR=build-fuzz npm run bench:fuzz                 # 100,000 cases
 *   BUILD_DIR=build-fuzz npm run bench:fuzz -- --cases 20000 --seed 7
 *
 * Options: --cases N (default 100000), --seed S, --frame-share F (share of frame sequences,
 * default 0.6), --frame-workers N (default 5), --upgrade-workers N (default 4),
 * --quiet-seconds N (default 10). Env: BUILD_DIR, BENCH_SKIP_BUILD=1, BENCH_KEEP=1.
 * Exit status 1 when the server crashed.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fork } from "node:child_process";
import { parseArgs } from "node:util";
import fc from "fast-check";
import { ensureBuild } from "../collab/build";
import { percentile } from "../collab/report";
import { ownCpuMicros } from "../collab/proc-stats";
import {
  LONG_RUN_SIZES,
  describeRequest,
  frameSequenceArb,
  renderUpgradeRequest,
  upgradeRequestArb,
  type UpgradeContext,
} from "#server/testing/collab-fuzz/arbitraries";
import { HostileSession, describeSequence, sendRawRequest, type SequenceOutcome } from "#server/testing/collab-fuzz/drivers";
import { FuzzTarget, prepareFuzzDatabase, type Crash } from "./target";
import type { ProbeMessage } from "./legit-probe";

const { values: args } = parseArgs({
  options: {
    cases: { type: "string", default: "100000" },
    seed: { type: "string", default: "20261204" },
    "frame-share": { type: "string", default: "0.6" },
    "frame-workers": { type: "string", default: "5" },
    "upgrade-workers": { type: "string", default: "4" },
    "quiet-seconds": { type: "string", default: "10" },
  },
});
const CASES = Number(args.cases);
const SEED = Number(args.seed);
const FRAME_CASES = Math.round(CASES * Number(args["frame-share"]));
const UPGRADE_CASES = CASES - FRAME_CASES;
const FRAME_WORKERS = Number(args["frame-workers"]);
const UPGRADE_WORKERS = Number(args["upgrade-workers"]);
const QUIET_MS = Number(args["quiet-seconds"]) * 1000;
/** Sequences a worker sends as one person before it takes the next (each person has a send allowance). */
const SEQUENCES_PER_PERSON = 50;
/** Sequences per document before a worker moves on to a fresh one (hostile content piles up). */
const SEQUENCES_PER_DOC = 400;
const PROBE_INTERVAL_MS = 50;

const started = performance.now();
const progress = (message: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)}s] ${message}`);
const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "n/a");
const histogram = (map: Map<string, number>) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k}: ${n}`)
    .join(", ");

interface Sample {
  at: number;
  ms: number;
}

function summary(samples: Sample[], lost: number[], from: number, to: number): string {
  const inPhase = samples.filter((s) => s.at >= from && s.at < to).map((s) => s.ms);
  const lostInPhase = lost.filter((at) => at >= from && at < to).length;
  return `p50 ${fmt(percentile(inPhase, 50))} ms, p99 ${fmt(percentile(inPhase, 99))} ms, max ${fmt(percentile(inPhase, 100))} ms (${inPhase.length} samples${lostInPhase ? `, ${lostInPhase} lost` : ""})`;
}

async function main() {
  progress(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  progress(`plan: ${CASES} cases (${FRAME_CASES} frame sequences on ${FRAME_WORKERS} sockets, ${UPGRADE_CASES} upgrade requests on ${UPGRADE_WORKERS} connections at a time), seed ${SEED}`);
  ensureBuild(progress);
  const docsNeeded = Math.max(FRAME_WORKERS, Math.ceil(FRAME_CASES / SEQUENCES_PER_DOC) + FRAME_WORKERS);
  progress(`preparing the SQLite database: 120 members and 10 observers with sessions, ${docsNeeded} work programmes`);
  const database = await prepareFuzzDatabase({ writers: 122, readers: 10, docs: docsNeeded });

  const target = new FuzzTarget(database, started);
  await target.start();
  progress(`server: pid ${target.pid}, port ${target.port}`);

  // ── the legitimate pair, in its own process ──
  const rtt: Sample[] = [];
  const healthz: Sample[] = [];
  const lost: number[] = [];
  const probe = fork(path.join(import.meta.dirname, "legit-probe.ts"), [JSON.stringify({ url: target.url, doc: database.legitDoc, cookies: database.base.cookies.slice(0, 2), intervalMs: PROBE_INTERVAL_MS })], {
    execArgv: process.execArgv,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  process.on("exit", () => probe.kill("SIGKILL"));
  const probeReady = new Promise<void>((resolve, reject) => {
    probe.on("message", (message: ProbeMessage) => {
      if (message.kind === "ready") resolve();
      else if (message.kind === "rtt") rtt.push({ at: message.at, ms: message.ms });
      else if (message.kind === "healthz") healthz.push({ at: message.at, ms: message.ms });
      else lost.push(message.at);
    });
    probe.on("exit", (code) => reject(new Error(`legit probe exited (${code})`)));
  });
  await probeReady;

  const quietFrom = Date.now();
  progress(`quiet phase: ${QUIET_MS / 1000} s of legitimate round trips only`);
  await new Promise((r) => setTimeout(r, QUIET_MS));
  const quietTo = Date.now();
  progress(`quiet: round trip ${summary(rtt, lost, quietFrom, quietTo)}`);

  // ── fuzzing ──
  const upgradePeople = database.writers.slice(0, UPGRADE_WORKERS);
  const framePeople = database.writers.slice(UPGRADE_WORKERS);
  const frameOutcomes = new Map<string, number>();
  const requestOutcomes = new Map<string, number>();
  const problems = new Map<string, number>();
  const problemExamples: string[] = [];
  /** Problems are counted at the end: those within a few seconds of a crash are the crash's (refused while it restarted, sockets it dropped). */
  const problemLog: Array<{ at: number; kind: string; example: string }> = [];
  const problem = (kind: string, example: string) => problemLog.push({ at: (performance.now() - started) / 1000, kind, example });
  let framesRun = 0;
  let requestsRun = 0;
  let socketsOpened = 0;
  let slowestAnswer = 0;
  /** Per worker, the last cases (most recent last): the suspects when the server dies. */
  const recent = new Map<string, string[]>();
  const remember = (worker: string, description: string) => {
    const list = recent.get(worker) ?? [];
    list.push(description);
    if (list.length > 3) list.shift();
    recent.set(worker, list);
  };
  const sessions = new Map<string, HostileSession>();
  const crashReports: string[] = [];
  target.onCrash = (crash: Crash) => {
    const lines = [`CRASH #${target.crashes.length} at ${crash.at.toFixed(1)} s: exit code ${crash.code}, signal ${crash.signal}`, "  server output before it died:", ...crash.tail.slice(-25).map((l) => `    ${l}`), "  cases in flight or just sent (most recent last):"];
    for (const [worker, session] of sessions) if (session.lastSent.length) remember(worker, `in flight:\n${describeSequence({ sent: session.lastSent })}`);
    for (const [worker, list] of recent) for (const description of list) lines.push(`  [${worker}] ${description.replace(/\n/g, "\n    ")}`);
    const report = lines.join("\n");
    crashReports.push(report);
    console.log(report);
  };

  const fuzzFrom = Date.now();
  const cpuBefore = target.cpuMicros();
  const ownCpuBefore = ownCpuMicros();
  const rssBefore = target.rssBytes();

  const ticker = setInterval(() => {
    const seconds = (Date.now() - fuzzFrom) / 1000;
    const last10 = summary(rtt, lost, Date.now() - 10_000, Date.now());
    progress(`${framesRun + requestsRun}/${CASES} cases (${fmt((framesRun + requestsRun) / seconds, 0)}/s, fuzzer CPU ${fmt(((ownCpuMicros() - ownCpuBefore) / 1000 / (Date.now() - fuzzFrom)) * 100, 0)}%, server CPU ${target.crashes.length ? "n/a" : `${fmt(((target.cpuMicros() - cpuBefore) / 1000 / (Date.now() - fuzzFrom)) * 100, 0)}%`}), crashes ${target.crashes.length}, problems ${problemLog.length}; legit round trip (last 10 s): ${last10}`);
  }, 10_000);

  async function frameWorker(w: number, quota: number) {
    let person = w;
    let sequencesHere = 0;
    let docRound = 0;
    let writer: HostileSession | null = null;
    let reader: HostileSession | null = null;
    const open = () => {
      writer?.close();
      reader?.close();
      const doc = database.fuzzDocs[(w + docRound * FRAME_WORKERS) % database.fuzzDocs.length]!;
      const url = `${target.url.replace(/^http/, "ws")}/collab/${doc}`;
      writer = new HostileSession({ url, cookie: framePeople[person % framePeople.length]!, answerTimeoutMs: 20_000 });
      reader = new HostileSession({ url, cookie: database.readers[person % database.readers.length]!, answerTimeoutMs: 20_000 });
      sessions.set(`frames ${w} writer`, writer);
      sessions.set(`frames ${w} reader`, reader);
      person += FRAME_WORKERS;
    };
    await fc.assert(
      fc.asyncProperty(frameSequenceArb(LONG_RUN_SIZES), async (sequence) => {
        await target.up;
        if (!writer || sequencesHere % SEQUENCES_PER_PERSON === 0) {
          if (sequencesHere > 0 && sequencesHere % SEQUENCES_PER_DOC === 0) docRound++;
          if (writer && reader) socketsOpened += (writer as HostileSession).opened + (reader as HostileSession).opened;
          open();
        }
        sequencesHere++;
        const session = sequence.role === "writer" ? writer! : reader!;
        let outcome: SequenceOutcome;
        try {
          outcome = await session.run(sequence);
        } catch (error) {
          problem("driver error", `driver error: ${String(error)}`);
          return true;
        }
        framesRun++;
        slowestAnswer = Math.max(slowestAnswer, outcome.answerMs);
        remember(`frames ${w} ${sequence.role}`, `sent:\n${describeSequence(outcome)}`);
        const key = outcome.closeCode !== null ? String(outcome.closeCode) : outcome.refused !== null ? `refused ${outcome.refused}` : outcome.closedByUs ? "closed by client" : "open";
        count(frameOutcomes, key);
        if (outcome.problem) problem(outcome.problem.replace(/\d+/g, "N"), `${outcome.problem} (${sequence.role}):\n${describeSequence(outcome, 12)}`);
        return true;
      }),
      { seed: SEED + w, numRuns: quota, endOnFailure: true },
    );
    if (writer && reader) socketsOpened += (writer as HostileSession).opened + (reader as HostileSession).opened;
    (writer as HostileSession | null)?.close();
    (reader as HostileSession | null)?.close();
  }

  async function upgradeWorker(u: number, quota: number) {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(upgradeRequestArb, async (plan) => {
        await target.up;
        n++;
        const ctx: UpgradeContext = {
          host: `127.0.0.1:${target.port}`,
          origin: target.url,
          // One person per upgrade worker, as one attacker would: their connect allowance runs out.
          sessionCookie: upgradePeople[u]!.split("=")[1]!,
          docName: database.fuzzDocs[(u + n) % database.fuzzDocs.length]!,
        };
        const bytes = renderUpgradeRequest(plan, ctx, crypto.randomBytes(16).toString("base64"));
        const description = describeRequest(bytes, 600);
        remember(`upgrades ${u}`, `request ${description}`);
        const outcome = await sendRawRequest(target.port, bytes, { ending: plan.ending, complete: plan.cutPermille === null, timeoutMs: 10_000 });
        requestsRun++;
        count(requestOutcomes, outcome.kind === "status" ? String(outcome.status) : outcome.kind);
        if (outcome.kind === "timeout") problem("complete request neither answered nor closed in 10 s", `no answer in 10 s: ${description}`);
        return true;
      }),
      { seed: SEED + 100 + u, numRuns: quota, endOnFailure: true },
    );
  }

  const share = (total: number, workers: number, i: number) => Math.floor(total / workers) + (i < total % workers ? 1 : 0);
  await Promise.all([
    ...Array.from({ length: FRAME_WORKERS }, (_, w) => frameWorker(w, share(FRAME_CASES, FRAME_WORKERS, w))),
    ...Array.from({ length: UPGRADE_WORKERS }, (_, u) => upgradeWorker(u, share(UPGRADE_CASES, UPGRADE_WORKERS, u))),
  ]);
  const fuzzTo = Date.now();
  clearInterval(ticker);
  const cpuAfter = target.cpuMicros();
  const ownCpuAfter = ownCpuMicros();
  const rssAfter = target.rssBytes();
  // Let the last samples of the pair arrive, then stop everything.
  await new Promise((r) => setTimeout(r, 500));
  probe.send("stop");
  const exit = await target.stop();
  if (process.env.BENCH_KEEP === "1") {
    await database.base.handle.close();
    progress(`kept ${database.base.dataDir}`);
  } else await database.base.remove();

  for (const p of problemLog) {
    if (target.crashes.some((c) => p.at > c.at - 5 && p.at < c.at + 15)) continue;
    count(problems, p.kind);
    if (problemExamples.length < 10) problemExamples.push(p.example);
  }
  const fuzzSeconds = (fuzzTo - fuzzFrom) / 1000;
  const problemCount = [...problems.values()].reduce((a, b) => a + b, 0);
  console.log("\n================ RESULTS ================\n");
  console.log(`cases run          ${framesRun + requestsRun} (${framesRun} frame sequences, ${requestsRun} upgrade requests), seed ${SEED}`);
  console.log(`crashes            ${target.crashes.length}${target.crashes.length ? "  <-- MUST BE 0" : ""}`);
  console.log(`fuzzing took       ${fmt(fuzzSeconds)} s (${fmt((framesRun + requestsRun) / fuzzSeconds, 0)} cases/s); ${socketsOpened} WebSockets opened`);
  console.log(`problems           ${problemCount}${problemCount ? ` (${histogram(problems)})` : ""}`);
  console.log(`legit round trip   quiet (${QUIET_MS / 1000} s):  ${summary(rtt, lost, quietFrom, quietTo)}`);
  console.log(`                   during fuzzing:  ${summary(rtt, lost, fuzzFrom, fuzzTo)}`);
  console.log(`/healthz           quiet:           ${summary(healthz, [], quietFrom, quietTo)}`);
  console.log(`                   during fuzzing:  ${summary(healthz, [], fuzzFrom, fuzzTo)}`);
  const serverCpu = target.crashes.length ? "n/a (restarted)" : `${fmt(((cpuAfter - cpuBefore) / 1000 / (fuzzTo - fuzzFrom)) * 100, 0)}%`;
  console.log(`server             ${serverCpu} of a core during fuzzing (the fuzzer itself: ${fmt(((ownCpuAfter - ownCpuBefore) / 1000 / (fuzzTo - fuzzFrom)) * 100, 0)}%); RSS ${fmt(rssBefore / 2 ** 20, 0)} -> ${fmt(rssAfter / 2 ** 20, 0)} MiB; slowest answer to a sequence ${fmt(slowestAnswer, 0)} ms; exit ${exit.code ?? exit.signal}`);
  console.log(`frame sequences    ended: ${histogram(frameOutcomes)}`);
  console.log(`upgrade requests   answered: ${histogram(requestOutcomes)}`);
  if (target.stderrKinds.size) console.log(`server log (errors and warnings, by kind):\n${[...target.stderrKinds].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, n]) => `  ${n}x ${k}${k.includes("ERROR") && target.stderrDetail.get(k)?.length ? `\n      ${target.stderrDetail.get(k)!.join("\n      ")}` : ""}`).join("\n")}`);
  if (problemExamples.length) console.log(`problem examples:\n${problemExamples.map((e) => `  ${e.replace(/\n/g, "\n  ")}`).join("\n")}`);
  if (crashReports.length) {
    const file = path.join(os.tmpdir(), `collab-fuzz-crashes-${Date.now()}.txt`);
    fs.writeFileSync(file, crashReports.join("\n\n"));
    console.log(`crash reports (${crashReports.length}) with the cases in flight: ${file}`);
  }
  console.log(`machine load average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  progress("done");
  return target.crashes.length === 0;
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (error: unknown) => {
    console.error("bench failed:", error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);
