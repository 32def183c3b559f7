// What JavaScript a page of the production build makes the browser load, read from the build
// itself: Remix's manifest names each route's module and its static imports; the chunks are
// then followed through their own imports, static and dynamic (a lazily loaded editor counts
// for the pages that load it). Sizes are gzip at the level our compression middleware uses.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.{1,2}\/[^"']+\.js)["']/g;

export function readRemixManifest(assetsDir) {
  const file = fs.readdirSync(assetsDir).find((f) => /^manifest-[\w-]+\.js$/.test(f));
  if (!file) throw new Error(`no Remix manifest in ${assetsDir}: build first (npm run build)`);
  const text = fs.readFileSync(path.join(assetsDir, file), "utf8");
  const json = text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1);
  return { file, manifest: JSON.parse(json) };
}

/** Every chunk reachable from `start` (names relative to the assets folder). */
export function reachableChunks(assetsDir, start) {
  const seen = new Set();
  const queue = [...start];
  while (queue.length) {
    const name = queue.pop();
    if (seen.has(name)) continue;
    seen.add(name);
    const code = fs.readFileSync(path.join(assetsDir, name), "utf8");
    for (const match of code.matchAll(IMPORT)) queue.push(path.posix.normalize(path.posix.join(path.posix.dirname(name), match[1])));
  }
  return seen;
}

const gzipCache = new Map();
export function gzipSize(file) {
  if (!gzipCache.has(file)) {
    const twin = `${file}.gz`;
    const size = fs.existsSync(twin) ? fs.statSync(twin).size : zlib.gzipSync(fs.readFileSync(file), { level: zlib.constants.Z_DEFAULT_COMPRESSION }).length;
    gzipCache.set(file, size);
  }
  return gzipCache.get(file);
}

/** Whether a route id names a page (its module renders something), not a resource route. */
export function isPageRoute(id) {
  if (id === "root") return false;
  const file = ["tsx", "ts"].map((ext) => path.join("app", `${id}.${ext}`)).find((f) => fs.existsSync(f));
  // `export default function Page` or `export default SomeView;` (pages written once for several routes).
  return file ? /^export default /m.test(fs.readFileSync(file, "utf8")) : false;
}

const asset = (url) => url.replace(/^\/assets\//, "");

/** Route id → { chunks, bytes } for every route of the manifest. */
export function javascriptPerRoute(assetsDir) {
  const { manifest } = readRemixManifest(assetsDir);
  const routes = manifest.routes;
  const result = new Map();
  for (const id of Object.keys(routes)) {
    // The manifest file itself is not loaded: with lazy route discovery the page carries the
    // part it needs inline.
    const start = [asset(manifest.entry.module), ...manifest.entry.imports.map(asset)];
    const segments = [];
    for (let route = routes[id]; route; route = route.parentId ? routes[route.parentId] : null) {
      start.push(asset(route.module), ...(route.imports ?? []).map(asset));
      if (route.path) segments.unshift(route.path);
    }
    const chunks = reachableChunks(assetsDir, start);
    const bytes = [...chunks].reduce((sum, name) => sum + gzipSize(path.join(assetsDir, name)), 0);
    result.set(id, { chunks, bytes, path: `/${segments.join("/")}` });
  }
  return result;
}
