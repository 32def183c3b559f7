/**
 * The app as deployed: `node $BUILD_DIR/platform-server.js` as a child process on an empty
 * SQLite directory, which the server fills with the demo seed by itself at start.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { cleanEnv, freePort } from "../collab/servers/server-process";
import { BUILD_DIR } from "./settings";

export interface AppServer {
  origin: string;
  pid: number;
  dataDir: string;
  /** Everything the server printed, for error messages. */
  output(): string;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 60_000;

export async function startAppServer(options: { cpuProfileDir?: string | undefined } = {}): Promise<AppServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ca-lighthouse-data-"));
  const profile = options.cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
  const child = spawn(process.execPath, [...profile, path.join(BUILD_DIR, "platform-server.js")], {
    env: cleanEnv({
      NODE_ENV: "production",
      BUILD_DIR,
      HOST: "127.0.0.1",
      PORT: String(port),
      // The same-origin check on form posts compares against PUBLIC_URL: it must be the origin the browser uses.
      PUBLIC_URL: origin,
      DATA_DIR: dataDir,
      SEED_DEMO: "auto",
      LOG_LEVEL: "info",
    }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // Also when the bench dies of an uncaught error: never leave a server running behind it.
  const killOnExit = () => child.kill("SIGKILL");
  process.on("exit", killOnExit);

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    }
    process.off("exit", killOnExit);
    if (process.env.BENCH_KEEP === "1") return;
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(`the server exited during start (code ${String(child.exitCode)}):\n${output}`);
    }
    try {
      const response = await fetch(`${origin}/healthz`);
      await response.arrayBuffer();
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the server did not answer /healthz within ${READY_TIMEOUT_MS / 1000} s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  // Logging in as a demo person only works on a seeded database: say so now rather than as a login failure later.
  if (!output.includes("demo seeded")) {
    await stop();
    throw new Error(`the server started without seeding the demo (expected "[db] empty database: demo seeded" in its log):\n${output}`);
  }
  return { origin, pid: child.pid ?? 0, dataDir, output: () => output, stop };
}
