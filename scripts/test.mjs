// `npm test`: typecheck, the module-boundary lint (eslint.config.js), the JavaScript budget
// of every page (scripts/js-budget.mjs, on the production build), then every vitest
// project — unit, integration on SQLite, integration on PostgreSQL, several instances on
// PostgreSQL + Redis behind nginx, browser tests in Chromium — with a summary of counts.
// A suite whose service is missing is skipped LOUDLY on a developer machine and fails
// the run in CI (CI=true), where PostgreSQL, redis-server, nginx and Chromium must be present.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const CI = process.env.CI === "true" || process.env.CI === "1";
const PG_URL = process.env.TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const only = process.argv.slice(2); // e.g. `npm test -- unit sqlite`

async function postgresAvailable() {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("select 1");
    return null;
  } catch (error) {
    return `PostgreSQL not reachable at ${PG_URL.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@")} (${error.message})`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function chromiumAvailable() {
  try {
    fs.accessSync(CHROMIUM, fs.constants.X_OK);
    return null;
  } catch {
    return `Chromium not found at ${CHROMIUM} (install it: apt-get install -y chromium, or set CHROMIUM_PATH)`;
  }
}

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function vitest(project, extraArgs = [], env = {}) {
  const report = path.join(os.tmpdir(), `connactions-vitest-${project}-${process.pid}.json`);
  const status = run("npx", ["vitest", "run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...extraArgs], env);
  let counts = { total: 0, passed: 0, failed: 0, skipped: 0 };
  if (fs.existsSync(report)) {
    const json = JSON.parse(fs.readFileSync(report, "utf8"));
    counts = {
      total: json.numTotalTests,
      passed: json.numPassedTests,
      failed: json.numFailedTests,
      skipped: json.numPendingTests + json.numTodoTests,
    };
    fs.rmSync(report, { force: true });
  }
  return { status, counts };
}

const REDIS_SERVER = process.env.REDIS_SERVER_PATH ?? "/usr/bin/redis-server";
const NGINX = "/usr/sbin/nginx";

/** The cluster tests start their own redis-server and nginx (stopping Redis is one of the tests). */
async function clusterAvailable() {
  const missing = [await postgresAvailable()];
  if (spawnSync(REDIS_SERVER, ["--version"], { stdio: "ignore" }).status !== 0) missing.push(`redis-server not found at ${REDIS_SERVER} (apt-get install -y redis-server)`);
  if (spawnSync(NGINX, ["-v"], { stdio: "ignore" }).status !== 0) missing.push(`nginx not found at ${NGINX} (apt-get install -y nginx)`);
  const reasons = missing.filter(Boolean);
  return reasons.length ? reasons.join("; ") : null;
}

function pdftotextAvailable() {
  const result = spawnSync("pdftotext", ["-v"], { stdio: "ignore" });
  return result.error ? "pdftotext not found (install poppler-utils): exported PDFs are not read back in the export tests" : null;
}

// Vitest runs cores − 1 files at once: one on a 2-core CI machine. Integration files mostly
// wait (sockets, databases, timers), so two at a time took the two suites from about 150 and
// 210 s to 110 and 140 s here. The cluster and browser suites stay at one: they start several
// processes each and check timing.
const INTEGRATION_WORKERS = ["--maxWorkers=2", "--minWorkers=2"];

const suites = [
  { name: "typecheck", run: () => ({ status: run("npx", ["tsc", "--noEmit"]), counts: null }) },
  { name: "lint", label: "lint (module boundaries)", run: () => ({ status: run("npm", ["run", "--silent", "lint"]), counts: null }) },
  { name: "budget", label: "JavaScript budget (production build)", run: () => ({ status: run("node", ["scripts/js-budget.mjs"]), counts: null }) },
  { name: "unit", run: () => vitest("unit") },
  { name: "sqlite", label: "integration (SQLite)", run: () => vitest("sqlite", INTEGRATION_WORKERS) },
  { name: "postgres", label: "integration (PostgreSQL)", needs: postgresAvailable, run: () => vitest("postgres", INTEGRATION_WORKERS, { TEST_PG_URL: PG_URL }) },
  { name: "cluster", label: "several instances (PG+Redis+nginx)", needs: clusterAvailable, run: () => vitest("cluster", [], { TEST_PG_URL: PG_URL }) },
  { name: "e2e", label: "browser (Chromium)", needs: chromiumAvailable, run: () => vitest("e2e", ["--no-file-parallelism"], { CHROMIUM_PATH: CHROMIUM }) },
];

const results = [];
for (const suite of suites) {
  if (only.length && !only.includes(suite.name)) continue;
  const missing = suite.needs ? await suite.needs() : null;
  if (missing) {
    results.push({ suite, skipped: missing });
    continue;
  }
  console.log(`\n━━━ ${suite.label ?? suite.name} ━━━`);
  results.push({ suite, ...suite.run() });
}

// Not a suite of its own: the export tests skip their PDF-reading assertions without it.
const pdfReader = only.length && !only.includes("sqlite") && !only.includes("postgres") ? null : pdftotextAvailable();
if (pdfReader) results.push({ suite: { name: "pdf", label: "PDF reader (exports)" }, skipped: pdfReader });

const line = "━".repeat(72);
console.log(`\n${line}\nTest summary${CI ? " (CI)" : ""}`);
let failed = false;
for (const r of results) {
  const label = (r.suite.label ?? r.suite.name).padEnd(36);
  if (r.skipped) {
    console.log(`  ${label} SKIPPED — ${r.skipped}`);
    if (CI) failed = true;
    continue;
  }
  const counts = r.counts ? `${r.counts.passed} passed, ${r.counts.failed} failed, ${r.counts.skipped} skipped of ${r.counts.total}` : "";
  const ok = r.status === 0 && (!r.counts || r.counts.total > 0);
  if (r.counts && r.counts.total === 0) console.log(`  ${label} FAILED — no tests ran`);
  else console.log(`  ${label} ${ok ? "ok    " : "FAILED"} ${counts}`);
  if (!ok) failed = true;
}
const skipped = results.filter((r) => r.skipped);
if (skipped.length) {
  console.log(`\n  !!! ${skipped.length} suite(s) did NOT run: ${skipped.map((r) => r.suite.label ?? r.suite.name).join(", ")}.`);
  console.log(CI ? "  !!! In CI every suite must run: failing." : "  !!! This run proves less than CI will. Install what is missing to run everything.");
}
console.log(line);
process.exit(failed ? 1 : 0);
