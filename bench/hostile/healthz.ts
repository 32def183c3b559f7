/**
 * Polls GET /healthz on a fixed schedule, whether or not earlier requests have answered
 * (as load balancers and many users do): a stalled server thus shows up as every request
 * issued during the stall waiting, not as one slow sample. A request that gets no answer
 * within the timeout is aborted and counts with its full wait.
 */
import http from "node:http";
import { performance } from "node:perf_hooks";

export interface HealthSample {
  phase: number;
  startedAt: number;
  ms: number;
  /** HTTP status, or 0 for an error or a timeout. */
  status: number;
  timedOut: boolean;
  /** Socket error code when there was no answer (ECONNRESET…). */
  error?: string;
}

export class HealthzPoller {
  readonly samples: HealthSample[] = [];
  private readonly inFlight = new Set<number>();
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
  private timer: NodeJS.Timeout | null = null;
  private done: Promise<void>[] = [];

  constructor(
    private readonly port: number,
    private readonly everyMs: number,
    private readonly timeoutMs: number,
    private readonly phase: () => number,
  ) {}

  start(): void {
    let nextAt = performance.now();
    this.timer = setInterval(() => {
      // Catch up on ticks this process missed, so the schedule stays the schedule.
      for (const now = performance.now(); nextAt <= now; nextAt += this.everyMs) this.request(nextAt);
    }, Math.max(1, Math.floor(this.everyMs / 2)));
  }

  private request(startedAt: number) {
    const phase = this.phase();
    this.inFlight.add(startedAt);
    this.done.push(
      new Promise<void>((resolve) => {
        let finished = false;
        const finish = (status: number, timedOut: boolean, error?: NodeJS.ErrnoException) => {
          if (finished) return;
          finished = true;
          clearTimeout(timeout);
          this.inFlight.delete(startedAt);
          const sample: HealthSample = { phase, startedAt, ms: performance.now() - startedAt, status, timedOut };
          if (error) sample.error = error.code ?? error.message;
          this.samples.push(sample);
          resolve();
        };
        const req = http.get({ host: "127.0.0.1", port: this.port, path: "/healthz", agent: this.agent }, (res) => {
          res.resume();
          res.on("end", () => finish(res.statusCode ?? 0, false));
          res.on("error", (error) => finish(0, false, error));
        });
        req.on("error", (error) => finish(0, false, error));
        const timeout = setTimeout(() => {
          finish(0, true);
          req.destroy();
        }, this.timeoutMs);
      }),
    );
  }

  /** Requests without an answer that were issued more than `olderThanMs` ago. */
  overdue(olderThanMs: number): number {
    const before = performance.now() - olderThanMs;
    let n = 0;
    for (const startedAt of this.inFlight) if (startedAt < before) n++;
    return n;
  }

  /** Stops polling and waits for the requests in flight (each ends by its timeout at the latest). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await Promise.all(this.done);
    this.agent.destroy();
  }
}
