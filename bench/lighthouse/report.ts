/** Formatting of bench:lighthouse's figures: medians, the table, the reference ratios, the targets. No measuring here. */
import { METRIC_KEYS, type AuditRun, type Finding, type Metrics } from "./audit";
import { CATEGORIES, type Category, type PageSpec } from "./settings";

export interface PageResult {
  spec: PageSpec;
  runs: AuditRun[];
}

export function median(values: number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const medianScore = (result: PageResult, category: Category) => median(result.runs.map((run) => run.scores[category]));

export function medianMetrics(result: PageResult): Metrics {
  const entries = METRIC_KEYS.map((key) => [key, median(result.runs.map((run) => run.metrics[key]))] as const);
  return Object.fromEntries(entries) as unknown as Metrics;
}

/** The run whose performance score is the median: its audits explain the median figure. */
export function medianRun(result: PageResult): AuditRun {
  const target = medianScore(result, "performance");
  return result.runs.reduce((best, run) => (Math.abs(run.scores.performance - target) < Math.abs(best.scores.performance - target) ? run : best));
}

const seconds = (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : "n/a");
const millis = (ms: number) => (Number.isFinite(ms) ? `${ms.toFixed(0)} ms` : "n/a");
const kilobytes = (bytes: number) => (Number.isFinite(bytes) ? (bytes / 1024).toFixed(1) : "n/a");
const cls = (value: number) => (Number.isFinite(value) ? value.toFixed(3) : "n/a");
const score = (value: number) => (Number.isFinite(value) ? String(Math.round(value)) : "n/a");

/** Markdown, so a run's table can go into bench/README.md as it is. */
function markdownTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? `-${"-".repeat(w)}-` : `${"-".repeat(w + 1)}:`)).join("|")}|`;
  return [line(header), rule, ...rows.map(line)].join("\n");
}

export function resultsTable(results: PageResult[]): string {
  const header = ["page", "performance", "accessibility", "best-practices", "FCP", "LCP", "TBT", "CLS", "JS transferred (KB)"];
  const rows = results.map((result) => {
    const m = medianMetrics(result);
    return [
      result.spec.name,
      ...CATEGORIES.map((category) => score(medianScore(result, category))),
      seconds(m.fcp), seconds(m.lcp), millis(m.tbt), cls(m.cls), kilobytes(m.jsBytes),
    ];
  });
  return markdownTable(header, rows);
}

/** Each round's performance score, so the spread behind a median is visible. */
export function roundsLine(results: PageResult[]): string {
  return `performance per round: ${results.map((r) => `${r.spec.name} ${r.runs.map((run) => run.scores.performance).join("/")}`).join(", ")}`;
}

/** ours / reference; against a reference of 0 (no scripts, so no TBT and no JS) a ratio says nothing, so the difference is shown. */
function ratio(ours: number, reference: number, format: (value: number) => string = String): string {
  if (!Number.isFinite(ours) || !Number.isFinite(reference)) return "n/a";
  if (reference === 0) return ours === 0 ? "1.00x" : `+${format(ours)}`;
  return `${(ours / reference).toFixed(2)}x`;
}

/** Our login page beside the same markup without JavaScript: what hydration and our bundles cost on a phone. */
export function referenceComparison(ours: PageResult, reference: PageResult): string {
  const a = medianMetrics(ours);
  const b = medianMetrics(reference);
  const rows: Array<[string, string, string, string]> = [
    ["performance score", score(medianScore(ours, "performance")), score(medianScore(reference, "performance")), ratio(medianScore(ours, "performance"), medianScore(reference, "performance"))],
    ["FCP", seconds(a.fcp), seconds(b.fcp), ratio(a.fcp, b.fcp)],
    ["LCP", seconds(a.lcp), seconds(b.lcp), ratio(a.lcp, b.lcp)],
    ["TBT", millis(a.tbt), millis(b.tbt), ratio(a.tbt, b.tbt, millis)],
    ["CLS", cls(a.cls), cls(b.cls), ratio(a.cls, b.cls, cls)],
    ["Speed Index", seconds(a.speedIndex), seconds(b.speedIndex), ratio(a.speedIndex, b.speedIndex)],
    ["total byte weight (KB)", kilobytes(a.totalBytes), kilobytes(b.totalBytes), ratio(a.totalBytes, b.totalBytes)],
    ["JS transferred (KB)", kilobytes(a.jsBytes), kilobytes(b.jsBytes), ratio(a.jsBytes, b.jsBytes, (bytes) => `${kilobytes(bytes)} KB`)],
  ];
  return markdownTable([`${ours.spec.name} vs ${reference.spec.name} (medians)`, ours.spec.name, reference.spec.name, "ratio"], rows);
}

export interface TargetCheck {
  line: string;
  passed: boolean;
  /** What to fix, printed under the target lines when missed. */
  details: string[];
}

export function checkTargets(results: PageResult[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const result of results.filter((r) => r.spec.fullAccessibility)) {
    const value = medianScore(result, "accessibility");
    const passed = value === 100;
    checks.push({ line: `${passed ? "PASS" : "MISS"}  accessibility = 100 on ${result.spec.name}: ${score(value)}`, passed, details: passed ? [] : accessibilityDetails(result) });
  }
  for (const result of results) {
    const minimum = result.spec.minPerformance;
    if (minimum === null) continue;
    const value = medianScore(result, "performance");
    const passed = value >= minimum;
    checks.push({ line: `${passed ? "PASS" : "MISS"}  performance >= ${minimum} on ${result.spec.name}: ${score(value)}`, passed, details: passed ? [] : performanceDetails(result) });
  }
  return checks;
}

const offenderLines = (finding: Finding) => finding.offenders.map((offender) => `        ${offender}`);

/** Every failing accessibility audit of any round, with how many rounds it failed in. */
function accessibilityDetails(result: PageResult): string[] {
  const seen = new Map<string, { finding: Finding; rounds: number }>();
  for (const run of result.runs) {
    for (const finding of run.findings.accessibility) {
      const entry = seen.get(finding.id);
      if (entry) entry.rounds++;
      else seen.set(finding.id, { finding, rounds: 1 });
    }
  }
  return [...seen.values()].flatMap(({ finding, rounds }) => [
    `    ${finding.id}: ${finding.title}${finding.displayValue ? ` (${finding.displayValue})` : ""} [${rounds}/${result.runs.length} rounds]`,
    ...offenderLines(finding),
  ]);
}

const TOP_FINDINGS = 8;

function savingsText(finding: Finding): string {
  const parts = Object.entries(finding.metricSavings).map(([metric, value]) => (metric === "CLS" ? `CLS ${value.toFixed(3)}` : `${metric} ${value.toFixed(0)} ms`));
  return parts.length > 0 ? `; est. savings ${parts.join(", ")}` : "";
}

/** Where the points go (metric by metric) and the largest opportunities, from the median run. */
function performanceDetails(result: PageResult): string[] {
  const run = medianRun(result);
  const totalWeight = run.metricScores.reduce((sum, m) => sum + m.weight, 0);
  const metricLine = run.metricScores
    .map((m) => `${m.acronym} ${m.displayValue} (score ${Math.round(m.score * 100)}, -${((m.weight * (1 - m.score) * 100) / totalWeight).toFixed(1)} pts)`)
    .join("; ");
  return [
    `    points lost per metric (median run, ${run.scores.performance}): ${metricLine}`,
    ...run.findings.performance.slice(0, TOP_FINDINGS).flatMap((finding) => [
      `    ${finding.id}: ${finding.title}${finding.displayValue ? ` (${finding.displayValue})` : ""}${savingsText(finding)}`,
      ...offenderLines(finding),
    ]),
  ];
}

/** No target, but what keeps best practices under 100 is usually a one-line fix, so it is worth a line. */
export function bestPracticeNotes(results: PageResult[]): string[] {
  return results
    .filter((result) => medianScore(result, "best-practices") < 100)
    .flatMap((result) => [
      `best-practices ${score(medianScore(result, "best-practices"))} on ${result.spec.name} (no target):`,
      ...medianRun(result).findings["best-practices"].flatMap((finding) => [`    ${finding.id}: ${finding.title}`, ...offenderLines(finding)]),
    ]);
}
