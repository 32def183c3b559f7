/**
 * How fast pages are served: our production build against a node:http "hello" in the same
 * run, with wrk (`-t1 -c16 -d10s` by default), as issue 17 measured it.
 *
 *   BUILD_DIR=build-bench npm run bench:pages
 *
 * Our server is `node $BUILD_DIR/platform-server.js` (rebuilt first if older than the
 * sources) on an empty SQLite directory it fills with the demo seed; the logged-in pages
 * are requested as the demo coordinator of the Mechatronik network. Every target runs in
 * ROUNDS rounds, the order rotating from round to round so that drift on a shared machine
 * does not favour one target. Per target it prints the median req/s, p50/p99 latency
 * (pooled as medians of the rounds), the server's CPU per request (from /proc, so the
 * server is not instrumented) and the share of hello's req/s in the same round.
 *
 * Env: BENCH_ROUNDS (3), BENCH_SECONDS (10), BENCH_CONNECTIONS (16), BENCH_SKIP_BUILD=1,
 * BENCH_CPU_PROF=1 (our server writes a V8 CPU profile to <tmp>/ca-bench-profiles/pages/; read
 * it with `npx tsx bench/pages/top-functions.ts <file>`), BENCH_ONLY=home,login (those targets only).
 */
import { spawn, type ChildProcess } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { BUILD_DIR, CONNECTIONS, DEMO_EMAIL, ROUNDS, SECONDS, TARGETS, type Target } from "./settings";
import { assertWrkInstalled, runWrk, type WrkResult } from "./wrk";
import { sessionCookie } from "./session";
import { cpuMicros, rssBytes } from "../collab/proc-stats";
import { freePort } from "../collab/servers/server-process";

// Loaded only now: they read BUILD_DIR when they load, and settings.ts has just defaulted it.
const { ensureBuild } = await import("../collab/build");
const { startAppServer } = await import("../lighthouse/server");

const progress = (message: string) => console.log(`[bench:pages] ${message}`);

async function startHello(): Promise<{ origin: string; pid: number; stop(): void }> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [path.join(path.dirname(fileURLToPath(import.meta.url)), "hello-server.mjs")], {
    env: { PORT: String(port), NODE_ENV: "production" },
    stdio: "ignore",
  });
  process.on("exit", () => child.kill("SIGKILL"));
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      await (await fetch(origin)).text();
      return { origin, pid: child.pid ?? 0, stop: () => child.kill("SIGTERM") };
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error("the hello server did not start");
}

interface Sample extends WrkResult {
  cpuMicrosPerRequest: number;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
};

/** Asks each page 50 times, one request at a time, and takes the median of each Server-Timing phase. */
async function serverTimings(targets: Target[], originOf: (t: Target) => string, headersOf: (t: Target) => Record<string, string>) {
  const rows = [];
  for (const target of targets) {
    const phases = new Map<string, number[]>();
    let route = "";
    for (let i = 0; i < 50; i++) {
      const response = await fetch(originOf(target) + target.path, { headers: headersOf(target), redirect: "manual" });
      await response.arrayBuffer();
      for (const entry of (response.headers.get("server-timing") ?? "").split(",")) {
        const [name = "", ...params] = entry.trim().split(";");
        const duration = params.find((p) => p.startsWith("dur="));
        const description = params.find((p) => p.startsWith("desc="));
        if (duration) phases.set(name, [...(phases.get(name) ?? []), Number(duration.slice(4))]);
        if (name === "route" && description) route = description.slice(5).replace(/"/g, "");
      }
    }
    if (phases.size === 0) continue; // not a page (health check, files)
    const phase = (name: string) => (phases.has(name) ? median(phases.get(name) ?? []).toFixed(2) : "");
    rows.push({ target: target.name, route, auth: phase("auth"), loaders: phase("loaders"), render: phase("render"), total: phase("total") });
  }
  return rows;
}

async function main() {
  assertWrkInstalled();
  progress(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((n) => n.toFixed(2)).join(" ")}; ${ROUNDS} rounds of ${SECONDS} s per target, ${CONNECTIONS} connections; build ${BUILD_DIR}/`);
  ensureBuild(progress);
  const app = await startAppServer({ cpuProfileDir: process.env.BENCH_CPU_PROF === "1" ? path.join(os.tmpdir(), "ca-bench-profiles", "pages") : undefined });
  const hello = await startHello();
  try {
    const cookie = await sessionCookie(app.dataDir, DEMO_EMAIL);
    const originOf = (target: Target) => (target.server === "hello" ? hello.origin : app.origin);
    const pidOf = (target: Target) => (target.server === "hello" ? hello.pid : app.pid);
    const headersOf = (target: Target): Record<string, string> => ({
      "Accept-Language": "de",
      ...(target.loggedIn ? { Cookie: cookie } : {}),
    });

    // Each target once by hand first: the status and a piece of the page, so a redirect to
    // /login or an error page is never measured as the page.
    for (const target of TARGETS) {
      const response = await fetch(originOf(target) + target.path, { headers: headersOf(target), redirect: "manual" });
      const body = await response.text();
      if (response.status !== target.status || (target.mustContain && !body.includes(target.mustContain))) {
        throw new Error(`${target.name}: expected ${target.status}${target.mustContain ? ` containing ${target.mustContain}` : ""}, got ${response.status}: ${body.slice(0, 300)}`);
      }
    }
    // Warm-up (JIT, caches, the first database pages), not reported.
    for (const target of TARGETS) await runWrk({ url: originOf(target) + target.path, seconds: 2, connections: CONNECTIONS, headers: headersOf(target) });

    const samples = new Map<string, Sample[]>(TARGETS.map((t) => [t.name, []]));
    const shares = new Map<string, number[]>(TARGETS.map((t) => [t.name, []]));
    for (let round = 0; round < ROUNDS; round++) {
      const order = TARGETS.map((_, i) => TARGETS[(i + round) % TARGETS.length] as Target);
      const helloThisRound = { reqPerSec: NaN };
      const roundSamples = new Map<string, Sample>();
      for (const target of order) {
        const pid = pidOf(target);
        const cpuBefore = cpuMicros(pid);
        const result = await runWrk({ url: originOf(target) + target.path, seconds: SECONDS, connections: CONNECTIONS, headers: headersOf(target) });
        const cpu = cpuMicros(pid) - cpuBefore;
        const expectedNon2xx = target.status >= 400 ? result.requests : 0;
        if (result.non2xx3xx !== expectedNon2xx || result.socketErrors > 0) {
          progress(`WARNING ${target.name}: ${result.non2xx3xx} answers outside 2xx/3xx (expected ${expectedNon2xx}), ${result.socketErrors} socket errors`);
        }
        const sample = { ...result, cpuMicrosPerRequest: cpu / Math.max(1, result.requests) };
        roundSamples.set(target.name, sample);
        samples.get(target.name)?.push(sample);
        if (target.server === "hello") helloThisRound.reqPerSec = result.reqPerSec;
      }
      for (const [name, sample] of roundSamples) shares.get(name)?.push(sample.reqPerSec / helloThisRound.reqPerSec);
      progress(`round ${round + 1}/${ROUNDS}: ${order.map((t) => `${t.name} ${Math.round(roundSamples.get(t.name)?.reqPerSec ?? 0)}`).join(", ")} req/s`);
    }

    const rows = TARGETS.map((target) => {
      const list = samples.get(target.name) ?? [];
      const share = median(shares.get(target.name) ?? []);
      const verdict = target.minShareOfHello === null ? "" : share >= target.minShareOfHello ? `PASS (≥ 1/${Math.round(1 / target.minShareOfHello)})` : `MISS (target ≥ 1/${Math.round(1 / target.minShareOfHello)})`;
      return {
        target: target.name,
        "req/s": Math.round(median(list.map((s) => s.reqPerSec))),
        "p50 ms": median(list.map((s) => s.p50Ms)).toFixed(2),
        "p99 ms": median(list.map((s) => s.p99Ms)).toFixed(2),
        "server CPU µs/req": Math.round(median(list.map((s) => s.cpuMicrosPerRequest))),
        "of hello": target.server === "hello" ? "1" : `1/${(1 / share).toFixed(1)}`,
        rounds: (shares.get(target.name) ?? []).map((s) => `1/${(1 / s).toFixed(1)}`).join(" "),
        target_: verdict,
      };
    });
    console.log();
    console.table(rows);
    console.log();
    progress("server time per route, from the Server-Timing header (median of 50 requests one at a time, ms):");
    console.table(await serverTimings(TARGETS.filter((t) => t.server === "ours"), originOf, headersOf));
    progress(`our server's RSS at the end: ${(rssBytes(app.pid) / 2 ** 20).toFixed(0)} MiB`);
  } finally {
    hello.stop();
    await app.stop();
  }
}

await main();
