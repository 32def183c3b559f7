/**
 * Workload sizes. Chosen so one run stays under about seven minutes on a 2-core machine
 * while each step is long enough (4 s plus drain) for the CPU figures to be stable at the
 * 10 ms resolution of /proc accounting.
 */
export const SETTINGS = {
  /** W1: many small rooms, as a busy day on the platform looks. */
  fanout: {
    docs: 20,
    clientsPerDoc: 10,
    writersPerDoc: 2,
    /** Total updates per second across all 40 writers. */
    rates: [400, 1_600, 6_400],
    /**
     * Unreported step per server first: JIT, room loading, first database pages. Longer
     * than ours' 5 s derive delay (server/collab/room.ts, DERIVE_AFTER_MS), so its first
     * derive of every room, with its compilation, lands in the warm-up and is not measured.
     */
    warmupRate: 400,
    warmupMs: 6_000,
  },
  /** W2: one crowded room (a plenary session), where fan-out per update is 199. */
  crowd: {
    clients: 200,
    writers: 4,
    rates: [50, 200],
  },
  stepMs: 4_000,
  /**
   * Each step runs this often per server (the order rotating) and the rounds are pooled:
   * single steps varied by a third between runs on this machine. BENCH_ROUNDS overrides.
   */
  rounds: 3,
  /**
   * Whether clients that only read apply live updates to their Y.Doc. Off: the server's work
   * is the same either way, and applying in 200+ clients made the generator the bottleneck
   * (BENCH_READERS_APPLY=1 restores it to compare).
   */
  readersApply: process.env.BENCH_READERS_APPLY === "1",
  /** How long after the last send a step waits for outstanding deliveries before counting them lost. */
  drainMs: 3_000,
  /** Large enough that V8's stepwise heap growth (megabytes) is small against the per-connection cost. */
  idleConnections: 600,
  coldUpdates: 100_000,
  /** Limits for our server, above what the workloads open (each client is its own person). */
  ourLimits: { perUser: 50, perDocument: 1_000 },
} as const;

/**
 * BENCH_ONLY runs a subset for quick iteration: `W1:400` (W1 at 400/s only), `W1:400,1600`,
 * `W2:50` or `W1:400;W2:50`. Parts not named (the other workload, idle memory, cold load) are
 * skipped. BENCH_SERVERS=ours,y-ws-server leaves out the others (default: all three).
 */
export interface BenchSelection {
  w1: readonly number[] | null;
  w2: readonly number[] | null;
  idle: boolean;
  cold: boolean;
  servers: ReadonlySet<string> | null;
}

export function benchSelection(env: NodeJS.ProcessEnv = process.env): BenchSelection {
  const servers = env.BENCH_SERVERS ? new Set(env.BENCH_SERVERS.split(",").map((s) => s.trim()).filter(Boolean)) : null;
  const only = env.BENCH_ONLY?.trim();
  if (!only) return { w1: SETTINGS.fanout.rates, w2: SETTINGS.crowd.rates, idle: true, cold: true, servers };
  const picked: { w1: number[] | null; w2: number[] | null } = { w1: null, w2: null };
  for (const part of only.split(";")) {
    const match = /^\s*(W1|W2)\s*(?::\s*([\d_,\s]+))?$/i.exec(part);
    if (!match) throw new Error(`BENCH_ONLY: cannot read "${part}" (expected e.g. W1:400 or W1:400,1600;W2:50)`);
    const key = match[1]!.toLowerCase() as "w1" | "w2";
    const defaults = key === "w1" ? SETTINGS.fanout.rates : SETTINGS.crowd.rates;
    picked[key] = match[2] ? match[2].split(",").map((r) => Number(r.replace(/[_\s]/g, ""))).filter((r) => r > 0) : [...defaults];
  }
  return { ...picked, idle: false, cold: false, servers };
}
