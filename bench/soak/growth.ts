/** Growth per 10 minutes from a least-squares line through (minute, bytes) samples. */

export interface Sample {
  /** Minutes since the soak began. */
  minute: number;
  /** RSS from /proc just before the forced GC (what `ps` would show). */
  rssPlain: number;
  /** After a full GC in the server (memoryAfterGc): RSS, V8 heap in use, external memory. */
  rss: number;
  /** The RSS after GC split as the kernel counts it: anonymous memory (V8, malloc) and file-backed plus shared pages. */
  rssAnon: number;
  rssFile: number;
  heapTotal: number;
  heapUsed: number;
  /** Compiled code within heapUsed. */
  codeUsed: number;
  external: number;
  editsSent: number;
  pageReads: number;
}

/** Least-squares slope of y over x; NaN with fewer than two distinct x. */
export function slope(points: Array<{ x: number; y: number }>): number {
  const n = points.length;
  if (n < 2) return NaN;
  const meanX = points.reduce((s, p) => s + p.x, 0) / n;
  const meanY = points.reduce((s, p) => s + p.y, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.x - meanX) * (p.y - meanY);
    den += (p.x - meanX) ** 2;
  }
  return den === 0 ? NaN : num / den;
}

export interface Growth {
  /** Samples after the warm-up that the slopes use. */
  samples: number;
  fromMinute: number;
  toMinute: number;
  /** Bytes per 10 minutes. */
  rss: number;
  rssPlain: number;
  rssAnon: number;
  rssFile: number;
  heapTotal: number;
  heapUsed: number;
  codeUsed: number;
  external: number;
}

export function growthPer10Minutes(samples: Sample[], warmupMinutes: number): Growth {
  // The sample at the warm-up's end is the line's first point.
  const after = samples.filter((s) => s.minute >= warmupMinutes - 1e-6);
  const per10 = (pick: (s: Sample) => number) => 10 * slope(after.map((s) => ({ x: s.minute, y: pick(s) })));
  return {
    samples: after.length,
    fromMinute: after[0]?.minute ?? NaN,
    toMinute: after.at(-1)?.minute ?? NaN,
    rss: per10((s) => s.rss),
    rssPlain: per10((s) => s.rssPlain),
    rssAnon: per10((s) => s.rssAnon),
    rssFile: per10((s) => s.rssFile),
    heapTotal: per10((s) => s.heapTotal),
    heapUsed: per10((s) => s.heapUsed),
    codeUsed: per10((s) => s.codeUsed),
    external: per10((s) => s.external),
  };
}

export const mib = (bytes: number) => bytes / (1024 * 1024);
