/**
 * vitest globalSetup for suites that talk to the real server: they serve the production
 * Remix build (which carries its own copy of app and domain code), so rebuild it whenever
 * it is missing or older than the sources. Otherwise tests would run yesterday's code.
 */
import { execSync } from "node:child_process";
import { buildIsStale } from "../../scripts/build-freshness.mjs";

export default function ensureBuild() {
  // For focused runs of tests that never start the server (e.g. storage tests) while the app does not build.
  if (process.env.TEST_SKIP_BUILD === "1") return;
  if (!(buildIsStale as () => boolean)()) return;
  console.log("[tests] production build missing or stale: running npm run build");
  execSync("npm run build", { stdio: ["ignore", "ignore", "inherit"] });
}
