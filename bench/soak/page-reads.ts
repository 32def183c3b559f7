/**
 * Page reads in the background, as members click around while others type: full HTML
 * renders of the dashboard, the network's home and a work programme's page, each with a
 * member's session cookie. Each reader loop waits for its answer before the next request,
 * paced to a total rate, so a slow server is read less rather than piled up.
 */
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface PageReadCounts {
  ok: number;
  /** Answers with another status, or a network error: counted, first few kept. */
  failed: number;
  failures: string[];
}

export class PageReaders {
  readonly counts: PageReadCounts = { ok: 0, failed: 0, failures: [] };
  private running = false;
  private loops: Array<Promise<void>> = [];
  /** fetch asks for gzip as browsers do; SOAK_ACCEPT_ENCODING=identity (diagnosis) takes compression out. */
  private readonly acceptEncoding: Record<string, string> = process.env.SOAK_ACCEPT_ENCODING ? { "Accept-Encoding": process.env.SOAK_ACCEPT_ENCODING } : {};

  constructor(
    private readonly baseUrl: string,
    private readonly paths: string[],
    private readonly cookies: string[],
  ) {}

  /** `readers` loops, `perSecond` requests a second in all. */
  start(perSecond: number, readers: number): void {
    if (perSecond <= 0 || this.paths.length === 0) return;
    this.running = true;
    const period = (1000 * readers) / perSecond;
    for (let r = 0; r < readers; r++) this.loops.push(this.loop(r, readers, period));
  }

  private async loop(reader: number, readers: number, period: number): Promise<void> {
    let n = reader;
    let next = performance.now() + (reader / readers) * period;
    while (this.running) {
      const wait = next - performance.now();
      if (wait > 0) await sleep(wait);
      if (!this.running) break;
      next = Math.max(next + period, performance.now() - period);
      const path = this.paths[n % this.paths.length]!;
      const cookie = this.cookies[n % this.cookies.length]!;
      n += readers;
      try {
        const response = await fetch(`${this.baseUrl}${path}`, { headers: { Cookie: cookie, "Accept-Language": "de", ...this.acceptEncoding }, redirect: "manual" });
        await response.arrayBuffer();
        if (response.status === 200) this.counts.ok++;
        else this.fail(`${path}: ${response.status}`);
      } catch (error) {
        this.fail(`${path}: ${(error as Error).message}`);
      }
    }
  }

  private fail(what: string): void {
    this.counts.failed++;
    if (this.counts.failures.length < 10) this.counts.failures.push(what);
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
    this.loops = [];
  }
}
