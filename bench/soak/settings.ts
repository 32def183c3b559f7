/** What bench:soak runs, for how long, and what it must reach. Every figure can be set by env. */

// Set before anything reads it: bench/collab's launcher and build helper read BUILD_DIR when
// their modules load, and the default build/ is other people's.
export const BUILD_DIR = (process.env.BUILD_DIR ||= "build-soak");

const numberFromEnv = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name}=${raw} is not a number ≥ 0`);
  return value;
};

export interface SoakSettings {
  minutes: number;
  /** Samples before this are printed but left out of the growth figures. */
  warmupMinutes: number;
  /** Seconds between memory samples (60 in the bench; the test samples more often). */
  sampleSeconds: number;
  /** Members typing; two per document, so documents = members / 2. 0 = page reads only. */
  members: number;
  /** Paragraph replacements per member per second (a fast typist: one per keystroke). */
  editsPerMemberPerSecond: number;
  /** Page reads per second in all, spread over `pageReaders` loops (each waits for its answer). */
  pageReadsPerSecond: number;
  pageReaders: number;
  /** Write a heap snapshot at the end of the warm-up and at the end (into `heapSnapshotDir`). */
  heapSnapshots: boolean;
  heapSnapshotDir: string;
}

/**
 * The defaults give the earlier measurement's load: ten members, five work programmes,
 * about 78,000 edits and 4,700 page reads in 30 minutes.
 */
export function settingsFromEnv(): SoakSettings {
  const minutes = numberFromEnv("SOAK_MINUTES", 30);
  // 5 of 30 minutes, scaled for shorter runs (a 2-minute run warms up for 40 s).
  const warmupMinutes = numberFromEnv("SOAK_WARMUP_MINUTES", Math.min(5, minutes / 3));
  if (warmupMinutes >= minutes) throw new Error(`SOAK_WARMUP_MINUTES (${warmupMinutes}) must be below SOAK_MINUTES (${minutes})`);
  const members = Math.round(numberFromEnv("SOAK_MEMBERS", 10));
  if (members % 2 !== 0) throw new Error(`SOAK_MEMBERS=${members}: members come in pairs (two per document)`);
  return {
    minutes,
    warmupMinutes,
    sampleSeconds: numberFromEnv("SOAK_SAMPLE_SECONDS", 60),
    members,
    editsPerMemberPerSecond: numberFromEnv("SOAK_EDITS_PER_SECOND", 4.4),
    pageReadsPerSecond: numberFromEnv("SOAK_PAGE_READS_PER_SECOND", 2.6),
    pageReaders: Math.max(1, Math.round(numberFromEnv("SOAK_PAGE_READERS", 2))),
    heapSnapshots: process.env.SOAK_HEAP_SNAPSHOTS === "1",
    heapSnapshotDir: process.env.SOAK_HEAP_DIR || "",
  };
}

/** The target: post-GC RSS grows by less than this per 10 minutes after the warm-up. */
export const TARGET_GROWTH_PER_10_MIN = 2 * 1024 * 1024;
