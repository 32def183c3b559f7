/**
 * Several real instances for tests: a Redis server of the test's own (so it can be stopped
 * and started without touching the machine's shared one) and production server processes on
 * one PostgreSQL database, each started the way an operator would (REDIS_URL + DATABASE_URL).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { freePort, startServerProcess, type ServerProcess } from "./server-process";

const REDIS_SERVER = process.env.REDIS_SERVER_PATH ?? "/usr/bin/redis-server";

/** Null when redis-server can be started here, else what to install. */
export function redisServerAvailable(): string | null {
  const result = spawnSync(REDIS_SERVER, ["--version"], { stdio: "ignore" });
  return result.error || result.status !== 0 ? `redis-server not found at ${REDIS_SERVER} (apt-get install -y redis-server, or set REDIS_SERVER_PATH)` : null;
}

export interface TestRedis {
  url: string;
  /** Stops the server (SIGTERM; it keeps nothing on disk). */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty, as a restarted Redis without persistence would be. */
  start(): Promise<void>;
}

export async function startTestRedis(): Promise<TestRedis> {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ca-redis-"));
  let child: ChildProcess | null = null;
  const start = async () => {
    fs.mkdirSync(dir, { recursive: true });
    child = spawn(REDIS_SERVER, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir], { stdio: "ignore" });
    await waitForPort(port);
  };
  const stop = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once("exit", resolve));
    running.kill("SIGTERM");
    await exited;
    // It keeps nothing on disk; the directory only has to exist while it runs.
    fs.rmSync(dir, { recursive: true, force: true });
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    start,
    async stop() {
      await stop();
    },
  };
}

async function waitForPort(port: number, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => {
        socket.destroy();
        resolve(true);
      });
      socket.on("error", () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nothing listens on port ${port}`);
}

export interface ClusterInstance extends ServerProcess {
  port: number;
  /** Starts this instance again (same port) after it stopped or was killed. */
  restart(): Promise<ClusterInstance>;
}

/** One production instance on the shared database and Redis. `env` adds or overrides variables. */
export async function startInstance(shared: { databaseUrl: string; redisUrl: string; dataDir: string }, env: Record<string, string> = {}, port?: number): Promise<ClusterInstance> {
  const chosen = port ?? (await freePort());
  const process = await startServerProcess({ DATABASE_URL: shared.databaseUrl, REDIS_URL: shared.redisUrl, DATA_DIR: shared.dataDir, ...env }, chosen);
  return { ...process, port: chosen, restart: () => startInstance(shared, env, chosen) };
}

/** Kills (SIGKILL) or stops (SIGTERM) an instance and waits for the process to end. */
export async function stopInstance(instance: ServerProcess, signal: "SIGKILL" | "SIGTERM" = "SIGTERM"): Promise<void> {
  if (instance.child.exitCode !== null || instance.child.signalCode !== null) return;
  instance.child.kill(signal);
  await instance.exited;
}

/** What /healthz says about an instance. */
export async function health(url: string): Promise<{ status: string; database: string; redis?: string; instance?: string }> {
  const response = await fetch(`${url}/healthz`);
  return (await response.json()) as { status: string; database: string; redis?: string; instance?: string };
}
