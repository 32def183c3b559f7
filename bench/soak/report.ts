/** Formatting only: the per-minute lines and the summary of bench:soak. */
import { mib, type Growth, type Sample } from "./growth";
import type { SoakResult } from "./soak";
import { TARGET_GROWTH_PER_10_MIN } from "./settings";

const f1 = (bytes: number) => mib(bytes).toFixed(1);
const signed = (bytes: number) => `${bytes >= 0 ? "+" : ""}${mib(bytes).toFixed(2)}`;

export const SAMPLE_HEADER =
  "| minute | RSS /proc | RSS after GC | anon | file | heapTotal | heapUsed | of it code | external | edits sent | page reads |\n" +
  "|-------:|----------:|-------------:|-----:|-----:|----------:|---------:|-----------:|---------:|-----------:|-----------:|";

export function sampleLine(s: Sample): string {
  const cells = [s.minute.toFixed(2).padStart(6), f1(s.rssPlain).padStart(9), f1(s.rss).padStart(12), f1(s.rssAnon).padStart(5), f1(s.rssFile).padStart(4), f1(s.heapTotal).padStart(9), f1(s.heapUsed).padStart(8), f1(s.codeUsed).padStart(10), f1(s.external).padStart(8), String(s.editsSent).padStart(10), String(s.pageReads).padStart(10)];
  return `| ${cells.join(" | ")} |`;
}

export function growthLines(g: Growth): string[] {
  return [
    `growth per 10 minutes, least squares over ${g.samples} samples from minute ${g.fromMinute.toFixed(2)} to ${g.toMinute.toFixed(2)}:`,
    `  RSS after GC ${signed(g.rss)} MiB (anon ${signed(g.rssAnon)}, file ${signed(g.rssFile)})   heapTotal ${signed(g.heapTotal)} MiB   heapUsed ${signed(g.heapUsed)} MiB (code ${signed(g.codeUsed)})   external ${signed(g.external)} MiB   (RSS from /proc without GC ${signed(g.rssPlain)} MiB)`,
  ];
}

export function summaryLines(result: SoakResult): string[] {
  const lines = growthLines(result.growth);
  const { stored, pages } = result;
  const pass = result.growth.rss < TARGET_GROWTH_PER_10_MIN;
  lines.push(
    `edits sent ${result.editsSent}; page reads ${pages.ok} ok, ${pages.failed} failed${pages.failures.length ? ` (${pages.failures.slice(0, 3).join("; ")})` : ""}; member closes ${result.closes.length ? result.closes.join(",") : "none"}`,
    `stored at the end: ${stored.members - stored.problems.length} of ${stored.members} members have every edit in the database${result.unsavedAtEnd ? `; ${result.unsavedAtEnd} never confirmed as saved` : ""}`,
    ...stored.problems.map((p) => `  MISSING ${p}`),
    `server exit: code ${String(result.serverExit.code)}${result.serverExit.signal ? ` signal ${result.serverExit.signal}` : ""}; stderr lines ${result.serverErrors.length}`,
    ...result.heapSnapshots.map((file, i) => `heap snapshot ${i === 0 ? "at the warm-up's end" : "at the end"}: ${file}`),
    `${pass ? "PASS" : "MISS"} RSS after GC grows ${signed(result.growth.rss)} MiB per 10 min (target < ${signed(TARGET_GROWTH_PER_10_MIN)})`,
    `${stored.problems.length === 0 && result.unsavedAtEnd === 0 ? "PASS" : "FAIL"} every edit stored`,
  );
  return lines;
}
