// Whether build/ is older than the sources it was made from. Used by `npm start` and by
// the test suites that serve the production build, so neither runs stale code.
import fs from "node:fs";
import path from "node:path";

const SOURCES = ["app", "server", "shared", "db", "locales", "public", "vite.config.ts", "package.json"];
export const BUILD_DIR = process.env.BUILD_DIR || "build";
export const BUILD_STAMP = `${BUILD_DIR}/.built-at`;

function newestMtime(entry) {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return entry.endsWith(".test.ts") ? 0 : stat.mtimeMs;
  let newest = 0;
  for (const child of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

export function buildIsStale() {
  if (!fs.existsSync(`${BUILD_DIR}/platform-server.js`) || !fs.existsSync(`${BUILD_DIR}/server/index.js`)) return true;
  const builtAt = fs.existsSync(BUILD_STAMP) ? fs.statSync(BUILD_STAMP).mtimeMs : 0;
  return SOURCES.some((s) => newestMtime(s) > builtAt);
}

export function markBuilt() {
  fs.writeFileSync(BUILD_STAMP, new Date().toISOString());
}
