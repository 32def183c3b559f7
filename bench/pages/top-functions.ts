/**
 * Prints the functions with the most self time in a V8 CPU profile (.cpuprofile, as
 * written by `node --cpu-prof`), grouped by function, file and line, with their share.
 *
 *   npx tsx bench/pages/top-functions.ts <file.cpuprofile> [count]
 */
import fs from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export function topFunctions(profile: Profile, count: number): Array<{ name: string; where: string; selfMs: number; share: number }> {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfMicros = new Map<string, { name: string; where: string; micros: number }>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byNode.get(id);
    const delta = profile.timeDeltas[i] ?? 0;
    if (!node) return;
    total += delta;
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url.replace(/^file:\/\//, "").replace(/.*node_modules\//, "").replace(process.cwd() + "/", "");
    const key = `${functionName}|${file}|${lineNumber}`;
    const entry = selfMicros.get(key) ?? { name: functionName || "(anonymous)", where: file ? `${file}:${lineNumber + 1}` : "", micros: 0 };
    entry.micros += delta;
    selfMicros.set(key, entry);
  });
  return [...selfMicros.values()]
    .sort((a, b) => b.micros - a.micros)
    .slice(0, count)
    .map((e) => ({ name: e.name, where: e.where, selfMs: Math.round(e.micros / 1000), share: e.micros / total }));
}

if (process.argv[1]?.endsWith("top-functions.ts")) {
  const [file, count] = process.argv.slice(2);
  if (!file) throw new Error("usage: top-functions.ts <file.cpuprofile> [count]");
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
  for (const row of topFunctions(profile, Number(count ?? 30))) {
    console.log(`${(row.share * 100).toFixed(1).padStart(5)} %  ${String(row.selfMs).padStart(6)} ms  ${row.name}  ${row.where}`);
  }
}
