/**
 * bench:library: how fast a large file goes through the library, against a plain copy on
 * this machine, and how much memory the server needs for it.
 *
 *   BUILD_DIR=build-bench npm run bench:library
 *
 * Our production bundle (`node $BUILD_DIR/platform-server.js`, rebuilt first if older than
 * the sources) runs as a child process on a fresh, demo-free SQLite database with one
 * network and one member, who logs in over HTTP. In every round, in one run:
 *   (a) upload: tus-js-client streams the N-byte source file from disk (fs.ReadStream,
 *       one PATCH per chunk) until the server has answered the last PATCH, i.e. the bytes
 *       are written, hashed, sniffed, fsynced and in the blob store;
 *   (b) plain copy of the same file to a new file on the same disk (stream, fsynced);
 *   (c) download of the uploaded file through the server into a file (fsynced), whose
 *       SHA-256 must equal the source's;
 *   (d) plain copy again.
 * The order alternates from round to round ((a)(b)(c)(d), then (b)(a)(d)(c), …), so drift
 * on a shared machine does not favour one side. Each round stamps the source anew, so
 * every upload is new content (the blob store would deduplicate a repeat and skip its
 * fsync). While (a) and (c) run, the server's VmRSS is sampled every 100 ms.
 *
 * Env: BENCH_LIBRARY_BYTES (1 GiB), BENCH_LIBRARY_CHUNK (64 MiB), BENCH_ROUNDS (3),
 * BENCH_SKIP_BUILD=1, BENCH_KEEP=1 (keep the temporary directory).
 */
import fs from "node:fs";
import path from "node:path";
import { ensureBuild } from "../collab/build";
import { BUILD_DIR } from "../collab/servers/ours";
import {
  DEFAULT_CHUNK_SIZE,
  GiB,
  downloadToDisk,
  mbPerSecond,
  measured,
  mib,
  plainCopy,
  sha256OfFile,
  stampFile,
  startLibraryServer,
  uploadFromDisk,
  writeSourceFile,
  type LibraryServer,
  type Measured,
} from "./library-bench";

const positiveInt = (name: string, fallback: number) => {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, not ${raw}`);
  return value;
};
const BYTES = positiveInt("BENCH_LIBRARY_BYTES", GiB);
const CHUNK = positiveInt("BENCH_LIBRARY_CHUNK", DEFAULT_CHUNK_SIZE);
const ROUNDS = positiveInt("BENCH_ROUNDS", 3);
const KEEP = process.env.BENCH_KEEP === "1";

const log = (line: string) => console.log(line);
const f1 = (n: number) => n.toFixed(1);
const f2 = (n: number) => n.toFixed(2);
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

type Kind = "upload" | "copy (up)" | "download" | "copy (down)";
interface Row {
  round: number;
  kind: Kind;
  m: Measured<unknown>;
}

ensureBuild((message) => log(`[build] ${message}`));
log(`bench:library on ${BUILD_DIR}/: ${f1(mib(BYTES))} MiB per transfer, tus chunk ${f1(mib(CHUNK))} MiB, ${ROUNDS} rounds; MB = 10^6 bytes`);

let lib: LibraryServer | null = null;
let cleaned = false;
const cleanUp = async () => {
  if (cleaned) return;
  cleaned = true;
  const exit = await lib?.close({ keep: KEEP });
  if (KEEP && lib) log(`kept ${lib.root}`);
  return exit;
};
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void cleanUp().finally(() => process.exit(130));
  });
}

let failed = false;
try {
  lib = await startLibraryServer();
  const { server } = lib;
  log(`server pid ${server.pid} on ${lib.baseUrl}; member logged in; temp ${lib.root}`);
  const source = path.join(lib.workDir, "source.bin");
  const started = performance.now();
  await writeSourceFile(source, BYTES);
  log(`source written in ${f1((performance.now() - started) / 1000)} s`);

  const rows: Row[] = [];
  const rssStart = server.rssBytes();
  const work = (name: string) => path.join(lib!.workDir, name);
  const remove = (file: string) => fs.rmSync(file, { force: true });

  for (let round = 0; round < ROUNDS; round++) {
    await stampFile(source, round + 1);
    const expected = await sha256OfFile(source);
    let uploaded: { downloadPath: string } | null = null;
    const steps: Record<Kind, () => Promise<void>> = {
      upload: async () => {
        const m = await measured(server, () => uploadFromDisk(lib!, source, { name: `bench-${round + 1}.bin`, chunkSize: CHUNK }));
        uploaded = m.value;
        rows.push({ round, kind: "upload", m });
      },
      "copy (up)": async () => {
        rows.push({ round, kind: "copy (up)", m: await measured(null, () => plainCopy(source, work("copy-up.bin"))) });
        remove(work("copy-up.bin"));
      },
      download: async () => {
        const target = work("download.bin");
        const m = await measured(server, () => downloadToDisk(lib!, uploaded!.downloadPath, target));
        rows.push({ round, kind: "download", m });
        const got = await sha256OfFile(target);
        remove(target);
        if (m.value !== BYTES || got !== expected) throw new Error(`round ${round + 1}: downloaded ${m.value} bytes with sha256 ${got}, expected ${BYTES} bytes with ${expected}`);
      },
      "copy (down)": async () => {
        rows.push({ round, kind: "copy (down)", m: await measured(null, () => plainCopy(source, work("copy-down.bin"))) });
        remove(work("copy-down.bin"));
      },
    };
    const order: Kind[] = round % 2 === 0 ? ["upload", "copy (up)", "download", "copy (down)"] : ["copy (up)", "upload", "copy (down)", "download"];
    for (const kind of order) {
      await steps[kind]();
      const m = rows.at(-1)!.m;
      const rss = m.rss ? `  server RSS ${f1(mib(m.rss.before))} → peak ${f1(mib(m.rss.peak))} → ${f1(mib(m.rss.after))} MiB (growth ${f1(mib(m.rss.peak - m.rss.before))}), CPU ${f1(m.serverCpuMs! / 1000)} s` : "";
      log(`  round ${round + 1} ${kind.padEnd(11)} ${f1(m.ms / 1000).padStart(6)} s ${f1(mbPerSecond(BYTES, m.ms)).padStart(7)} MB/s${rss}`);
    }
    log(`  round ${round + 1}: sha256 of the download equals the source's`);
  }

  // Summary: median MB/s per kind, the per-round ratios and the pooled ones.
  const of = (kind: Kind) => rows.filter((r) => r.kind === kind);
  const rate = (r: Row) => mbPerSecond(BYTES, r.m.ms);
  const pooled = (kind: Kind) => mbPerSecond(BYTES * of(kind).length, of(kind).reduce((a, r) => a + r.m.ms, 0));
  log("");
  log(`${"".padEnd(12)} ${"median MB/s".padStart(11)} ${"pooled MB/s".padStart(11)}   per round`);
  for (const kind of ["upload", "copy (up)", "download", "copy (down)"] as Kind[]) {
    log(`${kind.padEnd(12)} ${f1(median(of(kind).map(rate))).padStart(11)} ${f1(pooled(kind)).padStart(11)}   ${of(kind).map((r) => f1(rate(r))).join(", ")}`);
  }
  for (const [server, plain] of [["upload", "copy (up)"], ["download", "copy (down)"]] as Array<[Kind, Kind]>) {
    const perRound = of(server).map((r, i) => rate(r) / rate(of(plain)[i]!));
    log(`ratio ${server}/plain copy: pooled ${f2(pooled(server) / pooled(plain))}, median ${f2(median(perRound))} (rounds ${perRound.map(f2).join(", ")})`);
  }
  log("");
  log(`server RSS (MiB): ${f1(mib(rssStart))} before the first transfer`);
  for (const kind of ["upload", "download"] as Kind[]) {
    const windows = of(kind).map((r) => r.m.rss!);
    const growths = windows.map((w) => mib(w.peak - w.before));
    log(
      `  ${kind.padEnd(8)} before ${windows.map((w) => f1(mib(w.before))).join("/")}, peak ${windows.map((w) => f1(mib(w.peak))).join("/")}, after ${windows.map((w) => f1(mib(w.after))).join("/")}; ` +
        `peak growth ${growths.map(f1).join("/")} (max ${f1(Math.max(...growths))}); ${windows.reduce((a, w) => a + w.samples, 0)} samples, longest gap ${Math.max(...windows.map((w) => w.maxGapMs)).toFixed(0)} ms`,
    );
  }
  const serverRows = rows.filter((r) => r.m.rss);
  const overallPeak = Math.max(...serverRows.map((r) => r.m.rss!.peak));
  log(`  overall: peak ${f1(mib(overallPeak))}, growth over the start ${f1(mib(overallPeak - rssStart))} MiB`);
  const memory = await server.memoryAfterGc();
  log(`  after a full GC at the end: rss ${f1(mib(memory.rss))}, heapUsed ${f1(mib(memory.heapUsed))}, external ${f1(mib(memory.external))}, heapTotal ${f1(mib(memory.heapTotal))}`);
  const uploadGrowth = Math.max(...of("upload").map((r) => r.m.rss!.peak - r.m.rss!.before));
  log(`target (issue): RSS growth during a ${f1(mib(BYTES))} MiB upload < 100 MiB: ${mib(uploadGrowth) < 100 ? "PASS" : "MISS"} (${f1(mib(uploadGrowth))} MiB)`);
  if (server.stderrLines.length) log(`server stderr: ${server.stderrLines.length} lines (first: ${server.stderrLines[0]})`);
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  const exit = await cleanUp();
  if (exit && exit.code !== 0) log(`server exited with ${exit.code ?? exit.signal}`);
}
process.exit(failed ? 1 : 0);
