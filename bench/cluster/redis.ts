/**
 * A private redis-server per setup (server/testing/cluster.ts, as the two-instance tests use
 * it), plus its pid, so its CPU can be read from /proc like the instances'.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { startTestRedis } from "#server/testing/cluster";
import { cpuMicros } from "../collab/proc-stats";

export interface BenchRedis {
  url: string;
  pid: number;
  /** Its working directory (empty: no persistence), removed by stop(); null if it is not one of startTestRedis's. */
  dir: string | null;
  cpuMicros(): number;
  stop(): Promise<void>;
}

export async function startBenchRedis(): Promise<BenchRedis> {
  const redis = await startTestRedis();
  let pid = 0;
  let dir = "";
  try {
    ({ pid, dir } = await serverInfo(redis.url));
  } catch (error) {
    await redis.stop();
    throw error;
  }
  // Also when the bench dies of an uncaught error: never leave a redis-server behind it.
  const killOnExit = () => {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
  };
  process.on("exit", killOnExit);
  // startTestRedis leaves its working directory behind; only ever one of its own is removed.
  const ours = path.dirname(dir) === path.resolve(os.tmpdir()) && path.basename(dir).startsWith("ca-redis-") ? dir : null;
  return {
    url: redis.url,
    pid,
    dir: ours,
    cpuMicros: () => cpuMicros(pid),
    async stop() {
      await redis.stop();
      process.off("exit", killOnExit);
      if (ours) fs.rmSync(ours, { recursive: true, force: true });
    },
  };
}

/** The server's own answers (INFO server → process_id, CONFIG GET dir): no guessing from process lists. */
async function serverInfo(url: string): Promise<{ pid: number; dir: string }> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await client.connect();
    const info = await client.info("server");
    const match = /^process_id:(\d+)/m.exec(info);
    if (!match) throw new Error(`no process_id in INFO server of ${url}`);
    const [, dir] = (await client.config("GET", "dir")) as string[];
    return { pid: Number(match[1]), dir: dir ?? "" };
  } finally {
    client.disconnect();
  }
}
