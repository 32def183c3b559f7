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
     * than ours' 2 s derive delay, so its first derive of every room is not measured.
     */
    warmupRate: 400,
    warmupMs: 4_000,
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
