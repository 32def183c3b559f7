/**
 * Starts one server as a child process on its own port and stops it again. Every server
 * under test goes through here so they are launched, probed and measured the same way.
 */
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { cpuMicros, rssBytes } from "../proc-stats";

export interface ServerUnderTest {
  /** Short label used in tables: "ours", "y-ws-server", "relay". */
  name: string;
  port: number;
  pid: number;
  /** ws://host:port/collab/<docName> */
  urlFor(docName: string): string;
  /** Headers each client sends (ours needs the session cookie; others ignore it). */
  cookieFor(clientIndex: number): string | undefined;
  /** The bare relay holds no document, so clients must not expect a sync answer from it. */
  speaksSync: boolean;
  cpuMicros(): number;
  rssBytes(): number;
  /** Runs a full GC in the server (see GC_ON_SIGNAL) and returns its memory right after. */
  memoryAfterGc(): Promise<MemoryAfterGc>;
  /** Lines the server printed on stderr (errors and warnings), for the report. */
  stderrLines: string[];
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface MemoryAfterGc {
  rss: number;
  /** V8 heap in use plus memory of Buffers and other external objects: what is really live. */
  live: number;
  /** The two parts of `live`, for benches that follow them apart (bench:soak). */
  heapUsed: number;
  external: number;
  /** V8's heap pages, used or not: what the heap holds on to. */
  heapTotal: number;
  /** The part of heapUsed that is compiled code (V8's code spaces): it grows while the JIT warms up. */
  codeUsed: number;
}

export interface LaunchOptions {
  name: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  port: number;
  /** HTTP path that answers once the server is ready. */
  readyPath: string;
  /** More Node flags, before the script (e.g. bench:soak's heap-snapshot hook). */
  nodeArgs?: string[];
  cookieFor?: (clientIndex: number) => string | undefined;
  speaksSync?: boolean;
}

/** Asks the kernel for a free port. Closing before use leaves a tiny race we accept on a bench box. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The parent's environment minus variables that would change how a server behaves. */
export function cleanEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // A DATABASE_URL would point ours at PostgreSQL; YPERSISTENCE/CALLBACK_URL would add work to y-websocket-server.
  for (const key of ["DATABASE_URL", "YPERSISTENCE", "CALLBACK_URL", "NODE_OPTIONS"]) delete env[key];
  return { ...env, ...extra };
}

/**
 * Node flags every server gets: on SIGUSR2 (unused by Node and by all three servers) a
 * full GC, then one stderr line with rss, live memory, heapUsed, external, heapTotal and
 * the used size of V8's code spaces. Inline as a data: URL so no file
 * is added to the server's module graph, and the same for all three, so none is
 * advantaged. It does nothing until signalled.
 */
const MEMORY_MARK = "[bench-mem]";
const GC_ON_SIGNAL = [
  "--expose-gc",
  `--import=data:text/javascript,${encodeURIComponent(
    `import v8 from "node:v8";process.on("SIGUSR2",()=>{globalThis.gc();globalThis.gc();const m=process.memoryUsage();const code=v8.getHeapSpaceStatistics().filter(s=>s.space_name.startsWith("code")).reduce((a,s)=>a+s.space_used_size,0);console.error("${MEMORY_MARK} "+m.rss+" "+(m.heapUsed+m.external)+" "+m.heapUsed+" "+m.external+" "+m.heapTotal+" "+code)})`,
  )}`,
];

/**
 * BENCH_LOOP_LAG=1 (diagnosis): each server reports on stderr every second in which its
 * event loop was blocked over 20 ms, and every GC pause over 10 ms (kind 1 = scavenge,
 * 2 = mark-compact, 4 = incremental marking step).
 */
const LOOP_LAG = `--import=data:text/javascript,${encodeURIComponent(
  'import{monitorEventLoopDelay as m,PerformanceObserver as P}from"node:perf_hooks";const h=m({resolution:5});h.enable();setInterval(()=>{const x=h.max/1e6;if(x>20)console.error("[loop-lag] max "+x.toFixed(0)+" ms");h.reset()},1000).unref();new P(l=>{for(const e of l.getEntries())if(e.duration>10)console.error("[gc] kind "+e.detail.kind+" "+e.duration.toFixed(0)+" ms")}).observe({entryTypes:["gc"]})',
)}`;

/** BENCH_CPU_PROF=1 (diagnosis): each server writes a V8 CPU profile at exit, in <tmp>/ca-bench-profiles/<name>/. */
export const PROFILE_DIR = path.join(os.tmpdir(), "ca-bench-profiles");

export async function launchServer(options: LaunchOptions): Promise<ServerUnderTest> {
  const diagnosis = [
    ...(process.env.BENCH_LOOP_LAG === "1" ? [LOOP_LAG] : []),
    ...(process.env.BENCH_CPU_PROF === "1" ? ["--cpu-prof", `--cpu-prof-dir=${path.join(PROFILE_DIR, options.name)}`] : []),
  ];
  const child: ChildProcess = spawn(process.execPath, [...GC_ON_SIGNAL, ...diagnosis, ...(options.nodeArgs ?? []), ...options.args], {
    env: options.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stderrLines: string[] = [];
  const memoryWaiters: Array<(memory: MemoryAfterGc) => void> = [];
  type Exit = { code: number | null; signal: NodeJS.Signals | null };
  // Held in an object: the exit handler sets it while the readiness loop below polls it.
  const status: { exited: Exit | null } = { exited: null };
  const exit = new Promise<Exit>((resolve) => {
    child.on("exit", (code, signal) => {
      status.exited = { code, signal };
      resolve(status.exited);
    });
  });
  child.stdout?.on("data", () => {}); // drained so the child never blocks on a full pipe
  child.stderr?.setEncoding("utf8");
  child.stderr?.on("data", (chunk: string) => {
    for (const line of chunk.split("\n")) {
      if (!line.trim()) continue;
      if (line.startsWith(MEMORY_MARK)) {
        const [rss, live, heapUsed, external, heapTotal, codeUsed] = line.slice(MEMORY_MARK.length).trim().split(" ").map(Number);
        memoryWaiters.shift()?.({ rss: rss ?? NaN, live: live ?? NaN, heapUsed: heapUsed ?? NaN, external: external ?? NaN, heapTotal: heapTotal ?? NaN, codeUsed: codeUsed ?? NaN });
        continue;
      }
      stderrLines.push(line);
      // Shown at once: an error during a step explains its figures.
      if (stderrLines.length <= 60) console.error(`    [${options.name} stderr] ${line}`);
    }
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${options.name}: could not start`);
  // Also when the bench dies of an uncaught error: never leave a server running behind it.
  const killOnExit = () => child.kill("SIGKILL");
  process.on("exit", killOnExit);
  void exit.then(() => process.off("exit", killOnExit));

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (status.exited) throw new Error(`${options.name} exited during start (code ${String(status.exited.code)}): ${stderrLines.join("\n")}`);
    try {
      const response = await fetch(`http://127.0.0.1:${options.port}${options.readyPath}`);
      await response.arrayBuffer();
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`${options.name} did not become ready on port ${options.port}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    name: options.name,
    port: options.port,
    pid,
    urlFor: (docName) => `ws://127.0.0.1:${options.port}/collab/${encodeURIComponent(docName)}`,
    cookieFor: options.cookieFor ?? (() => undefined),
    speaksSync: options.speaksSync ?? true,
    cpuMicros: () => cpuMicros(pid),
    rssBytes: () => rssBytes(pid),
    memoryAfterGc: () =>
      new Promise<MemoryAfterGc>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${options.name}: no memory report after SIGUSR2`)), 10_000);
        memoryWaiters.push((memory) => {
          clearTimeout(timer);
          resolve(memory);
        });
        child.kill("SIGUSR2");
      }),
    stderrLines,
    async stop() {
      if (status.exited) return status.exited;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      const result = await exit;
      clearTimeout(timer);
      return result;
    },
  };
}
