/**
 * The server under fuzzing: the production bundle (`node $BUILD_DIR/platform-server.js`) as
 * a child process on a temporary SQLite database, prepared beforehand with people (each with
 * a session) and work programmes. When the child exits on its own, that is a crash: it is
 * recorded with the tail of its output and restarted on the same port and database, so the
 * campaign goes on and counts.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { buildUser } from "#server/testing/factories";
import { hashToken, newToken } from "#server/domain/auth/tokens";
import { SESSION_COOKIE } from "#server/domain/auth/sessions";
import { insertSession } from "#db/queries/sessions";
import { prepareOurDatabase, type OurDatabase } from "../collab/servers/our-database";
import { cleanEnv, freePort } from "../collab/servers/server-process";
import { BUILD_DIR } from "../collab/servers/ours";
import { cpuMicros, rssBytes } from "../collab/proc-stats";

export interface FuzzDatabase {
  base: OurDatabase;
  /** Cookie headers of members of the network (writers). */
  writers: string[];
  /** Cookie headers of advisory-board observers (read-only everywhere). */
  readers: string[];
  /** Documents the hostile sockets edit, used in turn. */
  fuzzDocs: string[];
  /** The document of the legitimate pair. */
  legitDoc: string;
}

export async function prepareFuzzDatabase(options: { writers: number; readers: number; docs: number }): Promise<FuzzDatabase> {
  const base = await prepareOurDatabase({ people: options.writers, fanoutDocs: options.docs });
  const { db } = base.handle;
  const readers: string[] = [];
  const now = new Date();
  for (let i = 0; i < options.readers; i++) {
    const user = await buildUser(db, { platformRoles: ["observer"], name: `Fuzz observer ${i}` });
    const token = newToken();
    await insertSession(db, {
      id: hashToken(token),
      user_id: user.id,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + 7 * 24 * 3600_000).toISOString(),
      user_agent: "bench/fuzz",
      ip: "127.0.0.1",
    });
    readers.push(`${SESSION_COOKIE}=${token}`);
  }
  // The legitimate pair are the first two people; hostile sockets never use them.
  return { base, writers: base.cookies.slice(2), readers, fuzzDocs: base.docs.fanout, legitDoc: base.docs.crowd };
}

export interface Crash {
  /** Seconds since the campaign started. */
  at: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The child's last lines of output before it died. */
  tail: string[];
}

/** The server child: start, watch, restart after a crash, stop. */
export class FuzzTarget {
  port = 0;
  private child: ChildProcess | null = null;
  private stopping = false;
  private output: string[] = [];
  /** Every line the server wrote on stderr (errors and warnings), counted by shape. */
  readonly stderrKinds = new Map<string, number>();
  /** The first few lines after the first line of each kind (the stack of a logged error). */
  readonly stderrDetail = new Map<string, string[]>();
  private lastKind: string | null = null;
  readonly crashes: Crash[] = [];
  /** Resolves while the server is up; replaced by a pending promise while it restarts. */
  up: Promise<void> = Promise.resolve();
  private markUp: () => void = () => {};
  onCrash: (crash: Crash) => void = () => {};

  constructor(
    private readonly database: FuzzDatabase,
    private readonly started: number,
  ) {}

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  cpuMicros(): number {
    return this.child?.pid ? cpuMicros(this.child.pid) : NaN;
  }

  rssBytes(): number {
    return this.child?.pid ? rssBytes(this.child.pid) : NaN;
  }

  async start(): Promise<void> {
    if (!this.port) this.port = await freePort();
    this.output = [];
    const child = spawn(process.execPath, [path.join(BUILD_DIR, "platform-server.js")], {
      env: cleanEnv({
        NODE_ENV: "production",
        BUILD_DIR,
        HOST: "127.0.0.1",
        PORT: String(this.port),
        PUBLIC_URL: this.url,
        DATA_DIR: this.database.base.dataDir,
        SEED_DEMO: "never",
        LOG_LEVEL: "warn",
      }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    const remember = (chunk: Buffer, fromStderr: boolean) => {
      for (const line of chunk.toString("utf8").split("\n")) {
        if (!line.trim()) continue;
        this.output.push(line);
        if (this.output.length > 80) this.output.shift();
        // "2026-12-04T15:43:33.123Z ERROR [collab] … failed" → its shape, without ids and quotes.
        if (fromStderr && /^\d{4}-\d\d-\d\dT/.test(line)) {
          const kind = line
            .slice(25)
            .replace(/"[^"]*"/g, '"…"')
            .replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, "<id>")
            .slice(0, 110);
          this.stderrKinds.set(kind, (this.stderrKinds.get(kind) ?? 0) + 1);
          this.lastKind = this.stderrDetail.has(kind) ? null : kind;
          if (this.lastKind) this.stderrDetail.set(kind, []);
        } else if (fromStderr && this.lastKind) {
          const detail = this.stderrDetail.get(this.lastKind)!;
          if (detail.length < 14) detail.push(line.trim());
        }
      }
    };
    child.stdout?.on("data", (chunk: Buffer) => remember(chunk, false));
    child.stderr?.on("data", (chunk: Buffer) => remember(chunk, true));
    const killOnExit = () => child.kill("SIGKILL");
    process.on("exit", killOnExit);
    // "close", not "exit": by then its output is read to the end, including the stack of what killed it.
    child.on("close", (code, signal) => {
      process.off("exit", killOnExit);
      if (this.stopping || this.child !== child) return;
      const crash: Crash = { at: (performance.now() - this.started) / 1000, code, signal, tail: [...this.output] };
      this.crashes.push(crash);
      this.up = new Promise<void>((resolve) => (this.markUp = resolve));
      this.onCrash(crash);
      void this.start().then(
        () => this.markUp(),
        (error: unknown) => {
          console.error("could not restart the server after a crash:", error);
          process.exit(1);
        },
      );
    });
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited during start (${child.exitCode}):\n${this.output.join("\n")}`);
      try {
        const response = await fetch(`${this.url}/healthz`);
        await response.arrayBuffer();
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`server did not become ready:\n${this.output.join("\n")}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    this.stopping = true;
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return { code: child?.exitCode ?? null, signal: child?.signalCode ?? null };
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    const result = await exited;
    clearTimeout(timer);
    return result;
  }
}
