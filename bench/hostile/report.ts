/** Formatting of the hostile-client benchmark: per-phase tables and the target lines. No measuring here. */
import { percentile } from "../collab/report";
import { COLLAB_CLOSE } from "#shared/collab/protocol";
import type { AttackStats } from "./attacker";
import type { Edit, LegitClose } from "./legit";
import type { HealthSample } from "./healthz";

/** The issue's target: the hostile client raises neither p99 by more than this. */
export const TARGET_DELTA_MS = 100;

export interface PhaseResult {
  index: number;
  name: string;
  hostile: boolean;
  /** Wall time from the phase's start until the next phase started (hostile time plus recovery). */
  wallMs: number;
  /** After the hostile client stopped: until no edit or health check was more than 1 s overdue. */
  recoveryMs: number;
  recoveryCapped: boolean;
  serverCpuMicros: number;
  loadgenCpuMicros: number;
  attackerCpuMicros: number;
  othersCpuMicros: number;
  attack: AttackStats | null;
}

export interface PhaseFigures {
  edits: number;
  lost: number;
  rtt: number[];
  health: number[];
  healthTimeouts: number;
  healthErrors: number;
  legitCloses: LegitClose[];
}

export function figuresFor(phases: number[], edits: Edit[][], health: HealthSample[], closes: LegitClose[]): PhaseFigures {
  const inPhase = new Set(phases);
  const mine = edits.flat().filter((e) => inPhase.has(e.phase));
  const samples = health.filter((h) => inPhase.has(h.phase));
  return {
    edits: mine.length,
    lost: mine.filter((e) => e.receivedAt === null).length,
    rtt: mine.flatMap((e) => (e.receivedAt === null ? [] : [e.receivedAt - e.sentAt])),
    health: samples.map((h) => h.ms),
    healthTimeouts: samples.filter((h) => h.timedOut).length,
    healthErrors: samples.filter((h) => !h.timedOut && h.status !== 200).length,
    legitCloses: closes.filter((c) => inPhase.has(c.phase)),
  };
}

const CLOSE_NAMES = new Map<number, string>(Object.entries(COLLAB_CLOSE).map(([name, code]) => [code, name]));

/** "4009 outOfOrder ×12, 1006 ×1" */
function closeList(counts: Record<string, number>): string {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  if (entries.length === 0) return "none";
  return entries
    .map(([key, n]) => {
      const code = Number(key.split(" ")[0]);
      const name = CLOSE_NAMES.get(code);
      return `${key}${name && !key.includes(name) ? ` (${name})` : ""} x${n}`;
    })
    .join(", ");
}

function table(header: string[], rows: string[][], leftColumns = 1): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < leftColumns ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

const ms = (n: number) => (Number.isFinite(n) ? (n >= 100 ? n.toFixed(0) : n.toFixed(1)) : "n/a");
const pct = (micros: number, wallMs: number) => (wallMs > 0 ? ((micros / 1000 / wallMs) * 100).toFixed(0) : "n/a");

export function legitTable(phases: PhaseResult[], figures: PhaseFigures[]): string {
  const header = ["phase", "wall s", "recovery s", "edits", "lost", "RTT p50", "p95", "p99", "max ms", "legit closes", "healthz n", "p50", "p99", "max ms", "timeouts", "errors"];
  const rows = phases.map((p, i) => {
    const f = figures[i]!;
    const closes: Record<string, number> = {};
    for (const c of f.legitCloses) closes[String(c.code)] = (closes[String(c.code)] ?? 0) + 1;
    return [
      p.name,
      (p.wallMs / 1000).toFixed(1),
      p.hostile ? `${(p.recoveryMs / 1000).toFixed(1)}${p.recoveryCapped ? " (cap)" : ""}` : "",
      String(f.edits),
      String(f.lost),
      ms(percentile(f.rtt, 50)),
      ms(percentile(f.rtt, 95)),
      ms(percentile(f.rtt, 99)),
      ms(percentile(f.rtt, 100)),
      f.legitCloses.length === 0 ? "0" : closeList(closes),
      String(f.health.length),
      ms(percentile(f.health, 50)),
      ms(percentile(f.health, 99)),
      ms(percentile(f.health, 100)),
      String(f.healthTimeouts),
      String(f.healthErrors),
    ];
  });
  return table(header, rows);
}

export function hostileTable(phases: PhaseResult[]): string {
  const header = ["phase", "srv CPU s", "srv CPU%", "loadgen CPU%", "attacker CPU%", "others CPU%", "frames", "KB", "frames/s", "conns", "refused", "server closed the hostile with"];
  const rows = phases.map((p) => {
    const a = p.attack;
    return [
      p.name,
      (p.serverCpuMicros / 1e6).toFixed(2),
      pct(p.serverCpuMicros, p.wallMs),
      pct(p.loadgenCpuMicros, p.wallMs),
      pct(p.attackerCpuMicros, p.wallMs),
      pct(p.othersCpuMicros, p.wallMs),
      a ? String(a.frames) : "",
      a ? (a.bytes / 1024).toFixed(0) : "",
      a && a.sendingMs > 0 ? (a.frames / (a.sendingMs / 1000)).toFixed(0) : "",
      a ? String(a.connections) : "",
      a ? String(Object.values(a.refused).reduce((s, n) => s + n, 0)) : "",
      a ? closeList(a.closes) : "",
    ];
  });
  return table(header, rows);
}

/** Details the tables have no room for: what the failed health checks got, refusal reasons, the burst figures. */
export function attackNotes(phases: PhaseResult[], health: HealthSample[]): string[] {
  const notes: string[] = [];
  for (const p of phases) {
    const kinds: Record<string, number> = {};
    for (const h of health) {
      if (h.phase !== p.index || h.timedOut || h.status === 200) continue;
      const kind = h.status ? `HTTP ${h.status}` : (h.error ?? "no answer");
      kinds[kind] = (kinds[kind] ?? 0) + 1;
    }
    const list = Object.entries(kinds);
    if (list.length > 0) notes.push(`${p.name}: /healthz errors (counted with their wait): ${list.map(([k, n]) => `${k} x${n}`).join(", ")}`);
  }
  for (const p of phases) {
    const a = p.attack;
    if (!a) continue;
    if (a.mode === "pending") {
      notes.push(
        `${p.name}: ${a.bursts} burst(s) of up to ${a.burstSize} updates started, the first sent in ${a.firstBurstMs.toFixed(0)} ms; ` +
          (a.burstsRead > 0
            ? `the server kept the socket open; from a burst's last frame until it had read the burst (ping answered): ${a.burstReadMs.map((t, i) => `burst ${i + 1} ${(t / 1000).toFixed(1)} s`).join(", ")}.`
            : "the server read no whole burst on an open socket."),
      );
    }
    const refused = Object.entries(a.refused);
    if (refused.length > 0) notes.push(`${p.name}: upgrades refused: ${refused.map(([k, n]) => `${k} x${n}`).join(", ")}`);
  }
  return notes;
}

export interface Verdict {
  lines: string[];
  pass: boolean;
}

/** Without hostile (baselines pooled) vs each hostile phase, for both p99s; and no edit lost. */
export function comparison(baseline: PhaseFigures, hostile: Array<{ name: string; figures: PhaseFigures }>, allLost: number): Verdict {
  const header = ["p99", "without hostile", ...hostile.flatMap((h) => [h.name, "delta ms", `<= +${TARGET_DELTA_MS} ms`])];
  let pass = allLost === 0;
  const row = (label: string, pick: (f: PhaseFigures) => number[]) => {
    const base = percentile(pick(baseline), 99);
    const cells = [label, ms(base)];
    for (const h of hostile) {
      const value = percentile(pick(h.figures), 99);
      const delta = value - base;
      const ok = Number.isFinite(delta) && delta <= TARGET_DELTA_MS;
      if (!ok) pass = false;
      cells.push(ms(value), `${delta >= 0 ? "+" : ""}${ms(delta)}`, ok ? "PASS" : "FAIL");
    }
    return cells;
  };
  const lines = [
    table(header, [row("legit round trip ms", (f) => f.rtt), row("/healthz ms", (f) => f.health)]),
    "",
    `Legitimate edits lost in the whole run (must be 0): ${allLost} ${allLost === 0 ? "PASS" : "FAIL"}`,
    `Overall: ${pass ? "PASS" : "FAIL"} (target: the hostile client raises neither p99 by more than ${TARGET_DELTA_MS} ms, and no legitimate edit is lost)`,
  ];
  return { lines, pass };
}

/** Phases in which other processes used more than half a core: their latencies say more about the machine than the server. */
export function disturbanceNote(phases: PhaseResult[]): string {
  const disturbed = phases.filter((p) => p.othersCpuMicros / 1000 / p.wallMs > 0.5);
  if (disturbed.length === 0) return "Machine: no phase was disturbed by other processes (others CPU% <= 50 in every phase).";
  return `WARNING: other processes used more than half a core in ${disturbed.map((p) => p.name).join(", ")} (others CPU% column); on 2 cores that alone moves p99s by tens to hundreds of ms. Run again on a quieter machine before reading a FAIL as the server's.`;
}
