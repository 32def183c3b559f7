// Writes <file>.gz beside every text asset of the client build, compressed once with zopfli
// (a slow, exhaustive encoder whose output any gzip reader takes), so the server sends
// those bytes instead of compressing each response on the fly (server/static-assets.ts).
// About 4 % smaller than zlib's default level: 12 KiB on the editor page, which is what the
// JavaScript budget measures (scripts/js-budget.mjs, decision 0016). Runs in `npm run build`.
import fs from "node:fs";
import path from "node:path";
import { gzipAsync } from "@gfx/zopfli";

const TEXT = /\.(js|css|json|webmanifest|svg|txt|html)$/;
/** Below this the headers cost more than compression saves; the server sends them as they are. */
const MIN_BYTES = 1024;

export async function precompress(dir) {
  let files = 0;
  let before = 0;
  let after = 0;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !TEXT.test(entry.name)) continue;
    const file = path.join(entry.parentPath ?? entry.path, entry.name);
    const raw = fs.readFileSync(file);
    if (raw.length < MIN_BYTES) continue;
    const gz = Buffer.from(await gzipAsync(raw, { numiterations: 15 }));
    fs.writeFileSync(`${file}.gz`, gz);
    files += 1;
    before += raw.length;
    after += gz.length;
  }
  return { files, before, after };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = path.join(process.env.BUILD_DIR || "build", "client");
  const started = Date.now();
  const { files, before, after } = await precompress(dir);
  console.log(`precompressed ${files} assets with zopfli: ${(before / 1024).toFixed(0)} → ${(after / 1024).toFixed(0)} KiB in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
