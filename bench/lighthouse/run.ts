/**
 * Page audits on a phone: Lighthouse (default mobile settings: Moto G Power screen,
 * simulated slow 4G, 4x CPU slowdown) on the login page, the dashboard, a network's home
 * page and the work-programme editor of the production bundle, logged in as the demo
 * coordinator where the page needs it. In the same run it audits a reference: the login
 * page's own server-rendered HTML and stylesheets without any script, served by this
 * script, and prints our figures beside it with ratios.
 *
 *   BUILD_DIR=build-lighthouse npm run bench:lighthouse
 *
 * The server is `node $BUILD_DIR/platform-server.js` (rebuilt first if older than the
 * sources) on a fresh temporary SQLite database, which it fills with the demo seed itself.
 * Every page is audited BENCH_ROUNDS times (default 3) in rotating order, in a fresh
 * Chromium each time, with the service worker bypassed so that every byte a first visit
 * downloads is measured (browser-tab.ts says why); the table shows medians.
 *
 * Targets: accessibility = 100 on every page of ours; performance >= 90 on login,
 * dashboard and network home. Exit code 0 when all are met, 1 when one is missed (with the
 * failing audits printed), 2 when the run itself failed.
 *
 * Env: BENCH_ROUNDS, BENCH_SKIP_BUILD=1 (measure $BUILD_DIR as it is), BENCH_KEEP=1 (keep
 * the data directory), CHROMIUM_PATH (default /usr/bin/chromium). The HTML report of each
 * page's median run is written to <tmp>/ca-lighthouse-reports/.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { BUILD_DIR, PAGES, ROUNDS, type PageSpec } from "./settings";
import { startAppServer, type AppServer } from "./server";
import { logIn, type Session } from "./login";
import { startReferenceServer, type ReferenceServer } from "./reference";
import { auditPage, LighthouseRunError, type AuditOptions, type AuditRun } from "./audit";
import { bestPracticeNotes, checkTargets, median, medianRun, referenceComparison, resultsTable, roundsLine, type PageResult } from "./report";

// Loaded only now: it reads BUILD_DIR when it loads, and settings.ts has just defaulted it.
const { ensureBuild } = await import("../collab/build");

const started = performance.now();
const progress = (message: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)}s] ${message}`);
const loadAverage = () => os.loadavg().map((l) => l.toFixed(2)).join(" ");

const REPORT_DIR = path.join(os.tmpdir(), "ca-lighthouse-reports");

interface Targets {
  app: AppServer;
  reference: ReferenceServer;
  session: Session;
}

const urlOf = (spec: PageSpec, targets: Targets) => `${spec.reference ? targets.reference.origin : targets.app.origin}${spec.path}`;

/**
 * Lighthouse's simulation takes the server's response time from the run, so the first,
 * cold request of a page (server-side code paths, SQLite pages) must not be a measured one.
 */
async function warmUp(targets: Targets): Promise<void> {
  for (const spec of PAGES) {
    const response = await fetch(urlOf(spec, targets), { redirect: "manual", headers: spec.loggedIn ? { Cookie: targets.session.cookieHeader } : {} });
    await response.arrayBuffer();
    if (response.status !== 200) {
      throw new Error(`warm-up: ${spec.name} (${spec.path}) answered ${response.status}${response.headers.get("location") ? ` -> ${response.headers.get("location")}` : ""}`);
    }
  }
}

const ATTEMPTS = 3;

async function auditWithRetry(url: string, options: AuditOptions): Promise<AuditRun> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await auditPage(url, options);
    } catch (error) {
      if (!(error instanceof LighthouseRunError) || attempt === ATTEMPTS) throw error;
      progress(`  ${error.message}; trying again (${attempt + 1}/${ATTEMPTS})`);
    }
  }
}

async function auditAll(targets: Targets): Promise<PageResult[]> {
  const results = PAGES.map((spec): PageResult => ({ spec, runs: [] }));
  for (let round = 0; round < ROUNDS; round++) {
    // Rotating order, so drift on a shared machine does not always land on the same page.
    const order = results.map((_, k) => results[(k + round) % results.length]!);
    for (const result of order) {
      const { spec } = result;
      const begun = performance.now();
      const run = await auditWithRetry(urlOf(spec, targets), { expectPath: spec.path, ...(spec.loggedIn ? { session: targets.session } : {}) });
      result.runs.push(run);
      const { scores, metrics } = run;
      progress(
        `round ${round + 1}/${ROUNDS} ${spec.name}: performance ${scores.performance}, accessibility ${scores.accessibility}, best-practices ${scores["best-practices"]}; ` +
          `LCP ${(metrics.lcp / 1000).toFixed(2)} s, TBT ${metrics.tbt.toFixed(0)} ms, benchmark index ${run.benchmarkIndex.toFixed(0)} ` +
          `(${((performance.now() - begun) / 1000).toFixed(1)} s)`,
      );
      for (const warning of run.warnings) progress(`  Lighthouse warning: ${warning.replace(/\s+/g, " ")}`);
    }
  }
  return results;
}

function writeReports(results: PageResult[]): void {
  fs.mkdirSync(REPORT_DIR, { recursive: true });
  for (const result of results) {
    const file = path.join(REPORT_DIR, `${result.spec.name.replace(/\W+/g, "-")}.html`);
    fs.writeFileSync(file, medianRun(result).reportHtml);
  }
}

async function main(): Promise<number> {
  progress(`machine: ${os.cpus().length} cores, load average ${loadAverage()}; ${ROUNDS} rounds per page; build ${BUILD_DIR}/`);
  ensureBuild(progress);

  let app: AppServer | null = null;
  let reference: ReferenceServer | null = null;
  let results: PageResult[];
  try {
    app = await startAppServer();
    progress(`server up at ${app.origin} (data ${app.dataDir}, demo seeded)`);
    const referenceSpec = PAGES.find((spec) => spec.reference);
    if (!referenceSpec) throw new Error("no reference page in settings.ts");
    reference = await startReferenceServer(app.origin, referenceSpec.path);
    progress(`reference at ${reference.origin}${referenceSpec.path}: removed ${reference.removed.scripts} scripts and ${reference.removed.modulePreloads} module preloads`);
    if (reference.removed.scripts === 0) throw new Error("reference: the login page had no <script> to remove; the reference would equal the page");
    const session = await logIn(app.origin);
    progress("logged in as the demo coordinator");
    const targets: Targets = { app, reference, session };
    await warmUp(targets);
    results = await auditAll(targets);
  } catch (error) {
    if (app) console.error(`server output (last lines):\n${app.output().split("\n").slice(-30).join("\n")}`);
    throw error;
  } finally {
    await reference?.stop();
    await app?.stop();
  }
  writeReports(results);

  console.log("\n================ RESULTS ================\n");
  console.log(`Lighthouse ${ROUNDS} rounds per page, medians; default mobile settings (simulated slow 4G, 4x CPU slowdown).\n`);
  console.log(resultsTable(results));
  console.log(`\n${roundsLine(results)}`);
  const benchmarkIndex = median(results.flatMap((r) => r.runs.map((run) => run.benchmarkIndex)));
  console.log(`benchmark index (Lighthouse's measure of this machine, higher is faster): median ${benchmarkIndex.toFixed(0)}; load average now ${loadAverage()}`);

  const ours = results.find((r) => r.spec.path === "/login" && !r.spec.reference);
  const floor = results.find((r) => r.spec.reference);
  if (ours && floor) console.log(`\n${referenceComparison(ours, floor)}\n(ratio = ours / reference, or "+x" = ours minus a reference of 0; the reference is the same HTML and CSS without scripts.)`);

  const notes = bestPracticeNotes(results);
  if (notes.length > 0) console.log(`\n${notes.join("\n")}`);

  console.log("\nTargets:");
  const checks = checkTargets(results);
  for (const check of checks) {
    console.log(check.line);
    for (const detail of check.details) console.log(detail);
  }
  console.log(`\nHTML reports of each page's median run: ${REPORT_DIR}/`);
  const missed = checks.filter((check) => !check.passed).length;
  console.log(missed === 0 ? "All targets met." : `${missed} of ${checks.length} targets missed.`);
  return missed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`bench:lighthouse failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(2);
  },
);
