/**
 * Runs wrk (a C load generator: one thread, keep-alive connections) against one URL and
 * reads its report. wrk rather than a Node generator: on a 2-core box a JavaScript client
 * saturates before node:http "hello" does, and the ratio to hello would flatter us.
 */
import { spawn, spawnSync } from "node:child_process";

export interface WrkResult {
  requests: number;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** Answers with a status outside 2xx/3xx (expected for the missing favicon). */
  non2xx3xx: number;
  socketErrors: number;
}

export function assertWrkInstalled(): void {
  const probe = spawnSync("wrk", ["--version"], { encoding: "utf8" });
  if (probe.error) throw new Error("wrk is not installed: `apt-get install wrk` (Debian) or see https://github.com/wg/wrk");
}

export async function runWrk(options: { url: string; seconds: number; connections: number; headers: Record<string, string> }): Promise<WrkResult> {
  const args = ["-t1", `-c${options.connections}`, `-d${options.seconds}s`, "--latency", "--timeout", "10s"];
  for (const [name, value] of Object.entries(options.headers)) args.push("-H", `${name}: ${value}`);
  args.push(options.url);
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn("wrk", args, { stdio: ["ignore", "pipe", "pipe"] });
    let text = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(text) : reject(new Error(`wrk exited with ${String(code)}:\n${text}`))));
  });
  return parseWrk(output);
}

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };

function durationMs(text: string): number {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(text.trim());
  if (!match) throw new Error(`wrk: cannot read the duration "${text}"`);
  return Number(match[1]) * (UNIT_MS[match[2] ?? "ms"] ?? 1);
}

export function parseWrk(output: string): WrkResult {
  const number = (pattern: RegExp, fallback?: number): number => {
    const match = pattern.exec(output);
    if (!match) {
      if (fallback !== undefined) return fallback;
      throw new Error(`wrk: no ${pattern.source} in its output:\n${output}`);
    }
    return Number(match[1]);
  };
  const percentile = (p: string): number => {
    const match = new RegExp(`^\\s+${p}%\\s+(\\S+)`, "m").exec(output);
    if (!match?.[1]) throw new Error(`wrk: no ${p}th percentile in its output:\n${output}`);
    return durationMs(match[1]);
  };
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  return {
    requests: number(/(\d+) requests in/),
    reqPerSec: number(/Requests\/sec:\s+([\d.]+)/),
    p50Ms: percentile("50"),
    p99Ms: percentile("99"),
    non2xx3xx: number(/Non-2xx or 3xx responses: (\d+)/, 0),
    socketErrors: socketErrors ? socketErrors.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
  };
}
