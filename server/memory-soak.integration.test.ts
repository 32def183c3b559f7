/**
 * Issue 17 ("memory is flat over hours at steady document sizes"), the short run of
 * bench:soak (bench/soak/): the production bundle as a child process with --expose-gc, ten
 * members replacing their own paragraphs in five work programmes at a typing rate, page
 * reads in the background, for two minutes. It fails on gross growth of the live heap and
 * on any edit that is not in the database at the end. The 30-minute run and its figures are
 * in bench/README.md; this one only catches a leak of the size issue 17 found.
 *
 * It runs once: in the sqlite project. The server is a child process on a SQLite database
 * of its own whatever the project, so the postgres project would repeat the same two
 * minutes.
 */
import { describe, expect, it } from "vitest";
import { runSoak } from "../bench/soak/soak";
import { mib } from "../bench/soak/growth";

/**
 * What counts as gross: the live data after a full GC (V8's heapUsed without compiled code,
 * plus external memory such as Buffers) growing by more than 8 MiB per 10 minutes, fitted by
 * least squares over the 80 s after a 40 s warm-up (9 samples, one every 10 s).
 *
 * - Compiled code is left out because the JIT is still warming up at two minutes: it added
 *   2.3 MiB per 10 minutes in this test's runs, and flattens in longer soaks.
 * - Clean runs (2026-12-06, shared 2-core box): +3.5 MiB per 10 minutes. What remains in the
 *   first minutes is also warm-up (shapes, feedback); after 3 minutes of warm-up, the 10-minute
 *   soak's whole heapUsed grew by about 2 MiB per 10 minutes, half of it code.
 * - Issue 17's soak grew by 16 MiB per 10 minutes. A leak of that size — injected for the
 *   check into a copy of the tree: the root loader kept 10 KiB per page read, 2.6 reads a
 *   second — measured +18.8 MiB per 10 minutes and failed. 8 MiB sits between the two
 *   with a factor of two to each side.
 * - RSS is printed but not asserted: it moves in steps of V8's pages and of the allocator's
 *   arenas, and two minutes are too short to tell a step from a slope (+19.6 MiB per
 *   10 minutes in the clean run above, with flat live data).
 */
const GROSS_GROWTH_PER_10_MIN = 8 * 1024 * 1024;

describe.skipIf(process.env.TEST_DATABASE === "postgres")("memory over a steady soak (2 minutes)", () => {
  it("keeps the live heap flat while ten members type and others read pages, and stores every edit", { timeout: 240_000 }, async () => {
    const lines: string[] = [];
    const result = await runSoak(
      {
        minutes: 2,
        warmupMinutes: 40 / 60,
        sampleSeconds: 10,
        members: 10,
        editsPerMemberPerSecond: 4.4,
        pageReadsPerSecond: 2.6,
        pageReaders: 2,
        heapSnapshots: false,
        heapSnapshotDir: "",
      },
      (line) => lines.push(line),
      (s) =>
        lines.push(
          `${s.minute.toFixed(2)} min: rss ${mib(s.rss).toFixed(1)} heapUsed ${mib(s.heapUsed).toFixed(1)} (code ${mib(s.codeUsed).toFixed(1)}) external ${mib(s.external).toFixed(1)} MiB; edits ${s.editsSent}, pages ${s.pageReads}`,
        ),
    );
    const g = result.growth;
    const live = g.heapUsed - g.codeUsed + g.external;
    const report = [
      ...lines,
      `growth per 10 min: live data ${mib(live).toFixed(2)} MiB (heapUsed ${mib(g.heapUsed).toFixed(2)}, of it code ${mib(g.codeUsed).toFixed(2)}; external ${mib(g.external).toFixed(2)}), RSS after GC ${mib(g.rss).toFixed(2)} MiB`,
    ].join("\n");
    console.log(report);

    expect(result.pages.failed, result.pages.failures.join("; ")).toBe(0);
    expect(result.editsSent).toBeGreaterThan(4_000); // the load really ran
    expect(result.unsavedAtEnd).toBe(0);
    expect(result.stored.problems).toEqual([]);
    expect(result.serverExit.code).toBe(0);
    expect(live, `live data grew ${mib(live).toFixed(2)} MiB per 10 minutes\n${report}`).toBeLessThan(GROSS_GROWTH_PER_10_MIN);
  });
});
