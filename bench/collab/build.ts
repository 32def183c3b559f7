/**
 * Makes sure the production build the benchmark serves is current, like `npm start` and
 * the integration tests do: measuring yesterday's code would be worse than no figure.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { buildIsStale } from "../../scripts/build-freshness.mjs";
import { BUILD_DIR } from "./servers/ours";

export function ensureBuild(progress: (message: string) => void): void {
  if (process.env.BENCH_SKIP_BUILD === "1") return progress(`using ${BUILD_DIR}/ as it is (BENCH_SKIP_BUILD=1)`);
  if (!(buildIsStale as () => boolean)()) return progress(`${BUILD_DIR}/ is current`);
  // Remix empties its build directory before building, so a failed build (others edit the
  // tree while we run) would destroy the last good one: build beside it, swap on success.
  const next = `${BUILD_DIR}.next`;
  progress(`${BUILD_DIR}/ is missing or older than the sources: npm run build into ${next}/`);
  const result = spawnSync("npm", ["run", "build"], { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8", env: { ...process.env, BUILD_DIR: next } });
  if (result.status === 0) {
    fs.rmSync(BUILD_DIR, { recursive: true, force: true });
    fs.renameSync(next, BUILD_DIR);
    return progress("build done");
  }
  fs.rmSync(next, { recursive: true, force: true });
  const firstError = (result.stderr ?? "").split("\n").find((line) => /error|could not|failed/i.test(line)) ?? "see npm run build";
  const server = path.join(BUILD_DIR, "platform-server.js");
  if (fs.existsSync(server)) {
    progress(`WARNING: build failed (${firstError.trim()}); measuring the previous ${BUILD_DIR}/ from ${fs.statSync(server).mtime.toISOString()}`);
    return;
  }
  throw new Error(`npm run build failed (${firstError.trim()}) and there is no ${BUILD_DIR}/ to fall back on`);
}
