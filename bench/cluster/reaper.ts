/**
 * Cleans up after the bench if it cannot: a detached helper process that learns every server,
 * redis-server, database and directory the bench creates (one line on its stdin each) and
 * what the bench removed itself. When its stdin closes, because the bench exited whatever the
 * way, it kills what is left and drops what is left. try/finally covers errors. This covers
 * the rest: Ctrl-C under tsx, whose parent SIGKILLs a child that does not acknowledge a signal
 * within about 60 ms, which a busy load generator may not do.
 */
import { spawn } from "node:child_process";
import { DEFAULT_TEST_PG_URL } from "#db/testing/test-database";

type Kind = "pid" | "db" | "dir";

export interface Reaper {
  track(kind: Kind, value: string | number): void;
  /** The bench removed it itself. */
  untrack(kind: Kind, value: string | number): void;
}

// Plain CommonJS for `node -e`: resolves pg from the working directory's node_modules.
const SCRIPT = `
const fs = require("node:fs");
const left = { pid: new Set(), db: new Set(), dir: new Set() };
let buffer = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => {
  buffer += chunk;
  let end;
  while ((end = buffer.indexOf("\\n")) >= 0) {
    const [op, kind, ...rest] = buffer.slice(0, end).split(" ");
    buffer = buffer.slice(end + 1);
    const value = rest.join(" ");
    if (left[kind]) op === "+" ? left[kind].add(value) : left[kind].delete(value);
  }
});
process.stdin.on("end", async () => {
  for (const pid of left.pid) { try { process.kill(Number(pid), "SIGKILL"); } catch {} }
  if (left.db.size > 0) {
    const pg = require("pg");
    const admin = new pg.Client({ connectionString: process.argv[1] });
    try {
      await admin.connect();
      for (const name of left.db) await admin.query('drop database if exists "' + name.replace(/"/g, '""') + '" with (force)').catch(() => {});
    } catch {}
    await admin.end().catch(() => {});
  }
  for (const dir of left.dir) fs.rmSync(dir, { recursive: true, force: true });
  process.exit(0);
});
`;

export function startReaper(): Reaper {
  const child = spawn(process.execPath, ["-e", SCRIPT, process.env.TEST_PG_URL ?? DEFAULT_TEST_PG_URL], {
    cwd: process.cwd(),
    // Its own process group: a Ctrl-C meant for the bench must not stop the one who cleans up after it.
    detached: true,
    stdio: ["pipe", "ignore", "ignore"],
  });
  child.unref();
  const stdin = child.stdin!;
  stdin.on("error", () => undefined);
  // The pipe must not keep the bench alive; it closes when the bench exits, in any way.
  (stdin as unknown as { unref?: () => void }).unref?.();
  const send = (line: string) => {
    if (!stdin.destroyed) stdin.write(`${line}\n`);
  };
  return {
    track: (kind, value) => send(`+ ${kind} ${value}`),
    untrack: (kind, value) => send(`- ${kind} ${value}`),
  };
}
