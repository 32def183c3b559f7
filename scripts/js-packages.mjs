// Which packages make up a page's JavaScript: the evidence behind the budget figures in
// decision 0016. Needs a build with client source maps:
//   BUILD_DIR=build-sourcemaps npx remix vite:build --sourcemapClient
//   BUILD_DIR=build-sourcemaps node scripts/js-packages.mjs 'routes/networks.$slug_.work-programmes.$id' [routes/_index]
// With a second route, only what the first loads beyond it. Each chunk's gzipped size is
// shared out among the sources in it by their share of its minified characters: an
// estimate (gzip does not compress every part equally), good to a few per cent.
// FILES=1 lists files instead of packages.
import fs from "node:fs";
import path from "node:path";
import { SourceMapConsumer } from "source-map-js";
import { BUILD_DIR } from "./build-freshness.mjs";
import { gzipSize, javascriptPerRoute } from "./lib/route-javascript.mjs";

/** A source's package ("react-dom", "@tiptap/core"), or its path for code of ours. */
function owner(source) {
  const inModules = source.replace(/^.*node_modules\//, "node_modules/");
  if (!inModules.startsWith("node_modules/")) return source.replace(/^(\.\.\/)+/, "");
  if (process.env.FILES) return inModules.slice("node_modules/".length);
  return /^node_modules\/((@[^/]+\/)?[^/]+)/.exec(inModules)[1];
}

export function bytesBySource(assetsDir, chunks) {
  const shares = new Map();
  for (const name of chunks) {
    const file = path.join(assetsDir, name);
    const gzipped = gzipSize(file);
    if (!fs.existsSync(`${file}.map`)) {
      shares.set(`(no source map) ${name}`, gzipped);
      continue;
    }
    const lines = fs.readFileSync(file, "utf8").split("\n");
    const consumer = new SourceMapConsumer(JSON.parse(fs.readFileSync(`${file}.map`, "utf8")));
    const characters = new Map();
    let total = 0;
    let previous = null;
    // A mapping covers the characters up to the next mapping (or the end of its line).
    consumer.eachMapping((m) => {
      if (previous) {
        const length = previous.line === m.generatedLine ? m.generatedColumn - previous.column : lines[previous.line - 1].length - previous.column;
        characters.set(previous.source, (characters.get(previous.source) ?? 0) + length);
        total += length;
      }
      previous = { line: m.generatedLine, column: m.generatedColumn, source: m.source ? owner(m.source) : "(unmapped)" };
    });
    for (const [source, count] of characters) shares.set(source, (shares.get(source) ?? 0) + (gzipped * count) / total);
  }
  return [...shares].sort((a, b) => b[1] - a[1]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [route, baseRoute] = process.argv.slice(2);
  const assetsDir = path.join(BUILD_DIR, "client/assets");
  const perRoute = javascriptPerRoute(assetsDir);
  if (!perRoute.has(route)) throw new Error(`no route ${route}; routes: ${[...perRoute.keys()].join(", ")}`);
  const base = baseRoute ? perRoute.get(baseRoute).chunks : new Set();
  const rows = bytesBySource(assetsDir, [...perRoute.get(route).chunks].filter((c) => !base.has(c)));
  const kib = (n) => (n / 1024).toFixed(1).padStart(7);
  for (const [source, bytes] of rows) if (bytes >= 256) console.log(`${kib(bytes)} KiB  ${source}`);
  console.log(`${kib(rows.reduce((sum, [, b]) => sum + b, 0))} KiB  in all${baseRoute ? ` beyond ${baseRoute}` : ""}`);
}
