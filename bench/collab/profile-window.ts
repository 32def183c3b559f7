/**
 * Top functions of a V8 CPU profile (BENCH_CPU_PROF=1) within a time window, by self time
 * and by total time (the function and everything it called), so a server's start-up,
 * connecting and warm-up can be left out and only the measured steps compared.
 *
 *   npx tsx bench/collab/profile-window.ts <file.cpuprofile> [fromSeconds] [toSeconds] [count]
 *
 * Seconds count from the profile's start (the server's start). Idle time is left out of
 * the shares, so they are shares of the server's busy time in the window.
 */
import fs from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

interface Row {
  name: string;
  where: string;
  selfMs: number;
  totalMs: number;
}

const IDLE = new Set(["(idle)"]);

export function profileWindow(profile: Profile, fromS: number, toS: number): { busyMs: number; rows: Row[] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const keyOf = (node: ProfileNode) => {
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url.replace(/^file:\/\//, "").replace(/.*node_modules\//, "").replace(process.cwd() + "/", "");
    return { key: `${functionName}|${file}|${lineNumber}`, name: functionName || "(anonymous)", where: file ? `${file}:${lineNumber + 1}` : "" };
  };
  const rows = new Map<string, Row>();
  let t = 0;
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    t += delta;
    const seconds = t / 1e6;
    if (seconds < fromS || seconds > toS) return;
    const node = byId.get(id);
    if (!node || IDLE.has(node.callFrame.functionName)) return;
    busy += delta;
    const seen = new Set<string>();
    for (let at: number | undefined = id, first = true; at !== undefined; at = parent.get(at), first = false) {
      const n = byId.get(at)!;
      const { key, name, where } = keyOf(n);
      if (key === "(root)||-1") continue;
      const row = rows.get(key) ?? { name, where, selfMs: 0, totalMs: 0 };
      if (first) row.selfMs += delta / 1000;
      if (!seen.has(key)) row.totalMs += delta / 1000;
      seen.add(key);
      rows.set(key, row);
    }
  });
  return { busyMs: busy / 1000, rows: [...rows.values()] };
}

if (process.argv[1]?.endsWith("profile-window.ts")) {
  const [file, from = "0", to = "1e9", count = "40"] = process.argv.slice(2);
  if (!file) throw new Error("usage: profile-window.ts <file.cpuprofile> [fromSeconds] [toSeconds] [count]");
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
  const { busyMs, rows } = profileWindow(profile, Number(from), Number(to));
  const line = (r: Row, ms: number) => `${((ms / busyMs) * 100).toFixed(1).padStart(5)} %  ${ms.toFixed(0).padStart(6)} ms  ${r.name}  ${r.where}`;
  console.log(`busy ${busyMs.toFixed(0)} ms in ${from}–${to} s\n\nby self time`);
  for (const r of [...rows].sort((a, b) => b.selfMs - a.selfMs).slice(0, Number(count))) console.log(line(r, r.selfMs));
  console.log("\nby total time");
  for (const r of [...rows].sort((a, b) => b.totalMs - a.totalMs).slice(0, Number(count))) console.log(line(r, r.totalMs));
}
