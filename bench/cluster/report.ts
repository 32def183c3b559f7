/** Formatting of bench:cluster's figures. No measuring here. */
import { cpuPerDelivery, p99, percentile } from "../collab/report";
import { poolRounds } from "../collab/workloads";
import type { SetupStep } from "./setups";

/** Pools the rounds of one setup like bench:collab: CPU of all rounds over all their deliveries, latencies pooled. */
export function poolSetupRounds(rounds: SetupStep[]): SetupStep {
  return {
    setup: rounds[0]!.setup,
    step: poolRounds(rounds.map((r) => r.step)),
    redisCpuMicros: rounds.reduce((sum, r) => sum + r.redisCpuMicros, 0),
    pgCpuMicros: rounds.reduce((sum, r) => sum + r.pgCpuMicros, 0),
    rounds,
  };
}

const fixed = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "n/a");
const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}x` : "n/a");
const percent = (micros: number, wallMs: number) => fixed((micros / 1000 / wallMs) * 100, 0);

const perDelivery = (r: SetupStep, micros: number) => (r.step.stats.delivered > 0 ? micros / r.step.stats.delivered : NaN);
export const srvPerDelivery = (r: SetupStep) => cpuPerDelivery(r.step);
export const redisPerDelivery = (r: SetupStep) => perDelivery(r, r.redisCpuMicros);
export const pgPerDelivery = (r: SetupStep) => perDelivery(r, r.pgCpuMicros);
/** Everything the setup runs: its instances, its redis-server and its PostgreSQL backends. */
export const totalPerDelivery = (r: SetupStep) => perDelivery(r, r.step.serverCpuMicros + r.redisCpuMicros + r.pgCpuMicros);
export const lost = (r: SetupStep) => r.step.stats.expected - r.step.stats.delivered - r.step.stats.late;
const pct = (r: SetupStep, p: number) => percentile(r.step.stats.latenciesMs, p);

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/**
 * One table per workload: a row per setup, then two / one (what crossing instances costs)
 * and one / one-without-Redis (what the Redis layer costs on its own).
 */
export function setupTable(title: string, results: SetupStep[], labels: { one: string; two: string; solo: string }): string {
  const header = [
    "setup", "sent", "sent/s", "delivered/expected", "lost", "dup",
    "srv µs/deliv", "redis µs/deliv", "pg µs/deliv", "total µs/deliv",
    "p50 ms", "p95 ms", "p99 ms", "max ms", "srv CPU%", "loadgen CPU%", "others CPU%",
  ];
  const rows = results.map((r) => {
    const s = r.step.stats;
    return [
      r.setup, String(s.sent), fixed(r.step.sendRate, 0), `${s.delivered}/${s.expected}`, String(lost(r)), String(s.duplicates),
      fixed(srvPerDelivery(r), 2), r.setup === labels.solo ? "-" : fixed(redisPerDelivery(r), 2), fixed(pgPerDelivery(r), 2), fixed(totalPerDelivery(r), 2),
      fixed(pct(r, 50), 2), fixed(pct(r, 95), 2), fixed(p99(r.step), 2), fixed(pct(r, 100), 1),
      percent(r.step.serverCpuMicros, r.step.wallMs), percent(r.step.clientCpuMicros, r.step.wallMs), percent(r.step.othersCpuMicros, r.step.wallMs),
    ];
  });
  const find = (label: string) => results.find((r) => r.setup === label);
  const ratioRow = (name: string, a: SetupStep | undefined, b: SetupStep | undefined) => {
    if (!a || !b) return [];
    return [[
      name, "", "", "", "", "",
      ratio(srvPerDelivery(a), srvPerDelivery(b)), b.setup === labels.solo ? "" : ratio(redisPerDelivery(a), redisPerDelivery(b)), ratio(pgPerDelivery(a), pgPerDelivery(b)), ratio(totalPerDelivery(a), totalPerDelivery(b)),
      ratio(pct(a, 50), pct(b, 50)), ratio(pct(a, 95), pct(b, 95)), ratio(p99(a.step), p99(b.step)), "", "", "", "",
    ]];
  };
  rows.push(...ratioRow(`${labels.two} / ${labels.one}`, find(labels.two), find(labels.one)));
  rows.push(...ratioRow(`${labels.one} / ${labels.solo}`, find(labels.one), find(labels.solo)));
  return `${title}\n${table(header, rows)}`;
}

/** The ratio of every round on its own, so the spread behind the pooled ratio is visible. */
export function roundRatios(results: SetupStep[], a: string, b: string): string {
  const ra = results.find((r) => r.setup === a)?.rounds ?? [];
  const rb = results.find((r) => r.setup === b)?.rounds ?? [];
  const each = (f: (r: SetupStep) => number) => ra.map((r, k) => ratio(f(r), f(rb[k]!))).join(" ");
  return `  ${a} / ${b} by round: srv µs/deliv ${each(srvPerDelivery)}; total µs/deliv ${each(totalPerDelivery)}; p99 ${each((r) => p99(r.step))}`;
}

/** Names the rounds that lost, duplicated, reordered or delayed updates: with Redis that is a bug in the cluster layer. */
export function lossLines(results: SetupStep[], workload: string): string[] {
  const lines: string[] = [];
  for (const pooled of results) {
    for (const [k, r] of (pooled.rounds ?? [pooled]).entries()) {
      const s = r.step.stats;
      if (lost(r) > 0 || s.duplicates > 0 || s.gaps > 0 || s.late > 0) {
        lines.push(`  ${workload}, ${r.setup}, round ${k + 1}: ${lost(r)} never arrived, ${s.late} after the drain window, ${s.duplicates} duplicates, ${s.gaps} gaps (of ${s.expected} expected)`);
      }
    }
  }
  return lines;
}
