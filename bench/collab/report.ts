/** Formatting of the figures: tables, ratios and the PASS/MISS lines. No measuring here. */
import type { StepResult, IdleRss } from "./workloads";
import type { ColdLoadResult } from "./cold-load";

export const TARGETS = {
  cpuRatioToReference: 1.25,
  /** Issue 17: at the everyday rate (W1 at 400 updates/s), at most the reference's CPU per delivery. */
  cpuRatioAtEverydayRate: 1.0,
  everydayRate: 400,
  p99AtTopRateMs: 50,
  idleRssPerConnectionBytes: 30 * 1024,
} as const;

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export const cpuPerDelivery = (r: StepResult) => (r.stats.delivered > 0 ? r.serverCpuMicros / r.stats.delivered : NaN);
export const p99 = (r: StepResult) => percentile(r.stats.latenciesMs, 99);

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

const fixed = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "n/a");
const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}x` : "n/a");

/** One table per workload: a row per step and server, then ours ÷ reference and ours ÷ relay. */
export function stepTable(title: string, results: StepResult[]): string {
  const header = ["step", "server", "sent/s", "delivered/expected", "lost", "late", "dup", "gaps", "srv CPU%", "us CPU/deliv", "p50 ms", "p99 ms", "max ms", "loadgen CPU%", "others CPU%"];
  const rows: string[][] = [];
  const rates = [...new Set(results.map((r) => r.rate))];
  for (const rate of rates) {
    const atRate = results.filter((r) => r.rate === rate);
    for (const r of atRate) {
      const s = r.stats;
      rows.push([
        `${rate}/s`,
        r.server,
        fixed(r.sendRate, 0),
        `${s.delivered}/${s.expected}`,
        String(s.expected - s.delivered - s.late),
        String(s.late),
        String(s.duplicates),
        String(s.gaps),
        fixed((r.serverCpuMicros / 1000 / r.wallMs) * 100, 0),
        fixed(cpuPerDelivery(r), 2),
        fixed(percentile(s.latenciesMs, 50), 2),
        fixed(p99(r), 2),
        fixed(percentile(s.latenciesMs, 100), 1),
        fixed((r.clientCpuMicros / 1000 / r.wallMs) * 100, 0),
        fixed((r.othersCpuMicros / 1000 / r.wallMs) * 100, 0),
      ]);
    }
    const ours = atRate.find((r) => r.server === "ours");
    for (const other of atRate.filter((r) => r.server !== "ours")) {
      if (!ours) continue;
      const pct = (r: StepResult, p: number) => percentile(r.stats.latenciesMs, p);
      rows.push([`${rate}/s`, `ours / ${other.server}`, "", "", "", "", "", "", "", ratio(cpuPerDelivery(ours), cpuPerDelivery(other)), ratio(pct(ours, 50), pct(other, 50)), ratio(p99(ours), p99(other)), "", "", ""]);
    }
  }
  return `${title}\n${table(header, rows)}`;
}

export function idleTable(results: IdleRss[]): string {
  const mb = (b: number) => (b / 1024 / 1024).toFixed(1);
  const kb = (b: number) => (b / 1024).toFixed(1);
  const counts = results[0]?.counts ?? [];
  const rows = results.map((r) => [r.server, "", ...r.rss.map(mb), kb(r.perConnectionBytes), kb(r.slopeBytes), kb(r.livePerConnectionBytes)]);
  return [
    "Idle memory per connection (idle synced clients on one document; RSS after a full GC in the server)",
    table(["server", "", ...counts.map((n) => `RSS@${n} MiB`), "KiB/conn", "slope KiB/conn", "live JS KiB/conn"], rows),
    `KiB/conn = (RSS(${counts[counts.length - 1] ?? "N"}) - RSS(0)) / N; slope = least squares over all samples; live JS = slope of V8 heapUsed + external.`,
  ].join("\n");
}

export function coldTable(r: ColdLoadResult): string {
  return [
    `Cold load of a document with ${r.updates} stored updates (ours, SQLite)`,
    table(
      ["phase", "log entries", "connect->synced ms"],
      [
        ["before compaction", String(r.logBefore), fixed(r.loadBeforeMs, 0)],
        ["after compaction", String(r.logAfter), fixed(r.loadAfterMs, 0)],
      ],
    ),
    `compaction: by ${r.compactedBy}, ${fixed(r.compactMs, 0)} ms${r.compactedBy.startsWith("server") ? " (from last client leaving to log shortened)" : ""}; snapshot ${r.snapshotBytes} bytes; content identical to the generated history: ${r.contentMatches ? "yes" : "NO"}`,
  ].join("\n");
}

const verdict = (ok: boolean) => (ok ? "PASS" : "MISS");

export function targetLines(input: { fanout: StepResult[]; crowd: StepResult[]; topRate: number; idle: IdleRss[] }): string {
  const lines: string[] = ["Targets"];
  for (const [name, results] of [["W1", input.fanout], ["W2", input.crowd]] as const) {
    for (const rate of [...new Set(results.map((r) => r.rate))]) {
      const ours = results.find((r) => r.rate === rate && r.server === "ours");
      const reference = results.find((r) => r.rate === rate && r.server === "y-ws-server");
      if (!ours || !reference) continue;
      const x = cpuPerDelivery(ours) / cpuPerDelivery(reference);
      // The spread of the single rounds says how far one short step can be trusted.
      const perRound = (ours.rounds ?? []).map((r, k) => cpuPerDelivery(r) / cpuPerDelivery(reference.rounds?.[k] ?? reference));
      const spread = perRound.length > 1 ? ` (rounds: ${perRound.map((v) => `${v.toFixed(2)}x`).join(" ")})` : "";
      const limit = name === "W1" && rate === TARGETS.everydayRate ? TARGETS.cpuRatioAtEverydayRate : TARGETS.cpuRatioToReference;
      lines.push(
        `  ${verdict(x <= limit)}  CPU per delivery <= ${limit}x y-ws-server  ${name} ${rate}/s: ${fixed(cpuPerDelivery(ours), 2)} vs ${fixed(cpuPerDelivery(reference), 2)} us = ${x.toFixed(2)}x${spread}`,
      );
    }
  }
  const top = input.fanout.find((r) => r.rate === input.topRate && r.server === "ours");
  if (top) lines.push(`  ${verdict(p99(top) < TARGETS.p99AtTopRateMs)}  p99 fan-out < ${TARGETS.p99AtTopRateMs} ms at ${input.topRate}/s (ours, W1): ${fixed(p99(top), 2)} ms`);
  const idle = input.idle.find((r) => r.server === "ours");
  if (idle) lines.push(`  ${verdict(idle.perConnectionBytes < TARGETS.idleRssPerConnectionBytes)}  idle RSS per connection < ${TARGETS.idleRssPerConnectionBytes / 1024} KiB (ours, N=${idle.counts[idle.counts.length - 1]}): ${(idle.perConnectionBytes / 1024).toFixed(1)} KiB (slope ${(idle.slopeBytes / 1024).toFixed(1)} KiB)`);
  // Not one of the three targets, but a lost update is a bug whatever the speed.
  const short = [...input.fanout, ...input.crowd].filter((r) => r.server === "ours" && r.stats.delivered < r.stats.expected);
  const lost = short.filter((r) => r.stats.expected - r.stats.delivered - r.stats.late > 0);
  lines.push(
    `  ${verdict(lost.length === 0)}  (check) no lost updates (ours): ` +
      (short.length === 0
        ? "every expected delivery arrived within its step"
        : short.map((r) => `${r.rate}/s: ${r.stats.expected - r.stats.delivered - r.stats.late} never arrived, ${r.stats.late} arrived after the drain window`).join("; ")),
  );
  return lines.join("\n");
}
