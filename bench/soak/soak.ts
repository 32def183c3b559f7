/**
 * One soak: our production bundle as a child process (`startOurInstance`, with bench:collab's
 * `--expose-gc` SIGUSR2 hook) on a prepared SQLite database, typing members and page reads
 * for `minutes`, a memory sample every `sampleSeconds`, then the proof that every edit was
 * stored. Used by bench/soak/run.ts (30 minutes) and by the 2-minute test in `npm test`
 * (server/memory-soak.integration.test.ts). Prints nothing itself: `progress` gets lines.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { prepareOurDatabase } from "../collab/servers/our-database";
import { startOurInstance } from "../collab/servers/ours";
import type { ServerUnderTest } from "../collab/servers/server-process";
import { growthPer10Minutes, type Growth, type Sample } from "./growth";
import { TypingMembers, writtenBy } from "./members";
import { PageReaders, type PageReadCounts } from "./page-reads";
import type { SoakSettings } from "./settings";
import { checkEverythingStored, type StoredCheck } from "./stored-check";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** RssAnon and RssFile + RssShmem from /proc/<pid>/status, in bytes. */
function rssSplit(pid: number): { anon: number; file: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, "m").exec(status)?.[1] ?? NaN) * 1024;
  return { anon: kib("RssAnon"), file: kib("RssFile") + kib("RssShmem") };
}

/**
 * SOAK_HEAP_SNAPSHOTS=1: on SIGWINCH (unused by Node and by the server; a child without a
 * terminal never gets it otherwise) the server runs a full GC, writes a heap snapshot into
 * $SOAK_HEAP_DIR and prints its path. Inline as a data: URL like bench:collab's GC hook, so
 * the bundle is unchanged. SIGUSR1 would start the inspector.
 */
const HEAP_MARK = "[soak-heap]";
const HEAP_SNAPSHOT_ON_SIGNAL = `--import=data:text/javascript,${encodeURIComponent(
  `import v8 from "node:v8";process.on("SIGWINCH",()=>{globalThis.gc();const f=v8.writeHeapSnapshot(process.env.SOAK_HEAP_DIR+"/soak-"+process.pid+"-"+Date.now()+".heapsnapshot");console.error("${HEAP_MARK} "+f)})`,
)}`;

export interface SoakResult {
  samples: Sample[];
  growth: Growth;
  editsSent: number;
  pages: PageReadCounts;
  /** Members the server had not confirmed as saved when the soak stopped waiting. */
  unsavedAtEnd: number;
  stored: StoredCheck;
  /** Close codes the members' providers got during the soak (none expected). */
  closes: number[];
  heapSnapshots: string[];
  serverExit: { code: number | null; signal: NodeJS.Signals | null };
  serverErrors: string[];
  dataDir: string;
}

export async function runSoak(settings: SoakSettings, progress: (line: string) => void, onSample: (sample: Sample) => void = () => {}): Promise<SoakResult> {
  const documents = Math.max(1, settings.members / 2);
  const database = await prepareOurDatabase({ people: Math.max(settings.members, 2), fanoutDocs: documents });
  await database.handle.close(); // the server owns the file from here on
  const heapDir = settings.heapSnapshots ? settings.heapSnapshotDir || fs.mkdtempSync(path.join(os.tmpdir(), "ca-soak-heap-")) : "";
  let server: ServerUnderTest | null = null;
  let members: TypingMembers | null = null;
  let pages: PageReaders | null = null;
  try {
    server = await startOurInstance({
      name: "soak",
      dataDir: database.dataDir,
      cookies: database.cookies,
      limits: { perUser: 20, perDocument: 300 },
      env: heapDir ? { SOAK_HEAP_DIR: heapDir } : {},
      nodeArgs: heapDir ? [HEAP_SNAPSHOT_ON_SIGNAL] : [],
    });
    const s = server;
    const baseUrl = `http://127.0.0.1:${s.port}`;
    const docs = database.docs.fanout.slice(0, documents);
    const slug = database.network.slug;
    const wpId = (docName: string) => docName.slice(docName.indexOf(".") + 1);
    const pagePaths = ["/dashboard", `/networks/${slug}`, ...docs.map((d) => `/networks/${slug}/work-programmes/${wpId(d)}`)];

    members = await TypingMembers.open(baseUrl, docs, database.cookies, settings.members);
    pages = new PageReaders(baseUrl, pagePaths, database.cookies);
    progress(`server pid ${s.pid} on port ${s.port}; ${settings.members} members on ${settings.members ? documents : 0} work programmes; pages ${pagePaths.length}`);

    const heapSnapshots: string[] = [];
    const snapshot = async () => {
      if (!heapDir) return;
      const seen = s.stderrLines.length;
      process.kill(s.pid, "SIGWINCH");
      const deadline = performance.now() + 120_000;
      for (;;) {
        const line = s.stderrLines.slice(seen).find((l) => l.startsWith(HEAP_MARK));
        if (line) {
          heapSnapshots.push(line.slice(HEAP_MARK.length).trim());
          progress(`heap snapshot: ${heapSnapshots.at(-1)}`);
          return;
        }
        if (performance.now() > deadline) throw new Error("no heap snapshot within 120 s");
        await sleep(100);
      }
    };

    const samples: Sample[] = [];
    const started = performance.now();
    const minutesNow = () => (performance.now() - started) / 60_000;
    const sample = async () => {
      const rssPlain = s.rssBytes();
      const memory = await s.memoryAfterGc();
      const split = rssSplit(s.pid);
      const point: Sample = {
        minute: Math.round(minutesNow() * 100) / 100,
        rssPlain,
        rss: memory.rss,
        rssAnon: split.anon,
        rssFile: split.file,
        heapTotal: memory.heapTotal,
        heapUsed: memory.heapUsed,
        codeUsed: memory.codeUsed,
        external: memory.external,
        editsSent: members!.editsSent,
        pageReads: pages!.counts.ok + pages!.counts.failed,
      };
      samples.push(point);
      onSample(point);
    };

    members.start(settings.editsPerMemberPerSecond);
    pages.start(settings.pageReadsPerSecond, settings.pageReaders);
    await sample();
    // Sample times: every `sampleSeconds`, plus the warm-up's end (the growth line starts there; its heap snapshot follows it).
    const times: number[] = [];
    for (let k = 1; (k * settings.sampleSeconds) / 60 <= settings.minutes + 1e-9; k++) times.push((k * settings.sampleSeconds) / 60);
    if (!times.some((t) => Math.abs(t - settings.warmupMinutes) < 1e-6)) times.push(settings.warmupMinutes);
    times.sort((x, y) => x - y);
    for (const at of times) {
      await sleep(Math.max(0, started + at * 60_000 - performance.now()));
      await sample();
      if (Math.abs(at - settings.warmupMinutes) < 1e-6) await snapshot();
    }
    members.stop();
    await pages.stop();
    const editsSent = members.editsSent;
    await snapshot();

    const unsaved = await members.waitUntilSaved(30_000);
    if (unsaved.length) progress(`WARNING: ${unsaved.length} members not confirmed as saved after 30 s: ${unsaved.map((m) => m.index).join(", ")}`);
    const closes = members.members.flatMap((m) => m.closes);
    const written = members.members.map(writtenBy);
    members.destroy();
    members = null;
    const serverExit = await s.stop();
    server = null;
    const stored = await checkEverythingStored(database.dataDir, written);
    return {
      samples,
      growth: growthPer10Minutes(samples, settings.warmupMinutes),
      editsSent,
      pages: pages.counts,
      unsavedAtEnd: unsaved.length,
      stored,
      closes,
      heapSnapshots,
      serverExit,
      serverErrors: s.stderrLines.filter((l) => !l.startsWith(HEAP_MARK)),
      dataDir: database.dataDir,
    };
  } finally {
    members?.destroy();
    await pages?.stop();
    await server?.stop();
    if (process.env.BENCH_KEEP === "1") progress(`kept ${database.dataDir}`);
    else fs.rmSync(database.dataDir, { recursive: true, force: true });
  }
}
