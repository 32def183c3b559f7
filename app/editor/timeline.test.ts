import { describe, expect, it } from "vitest";
import type { Activity } from "#shared/collab/work-programme-doc";
import { buildTimeline, MAX_TIMELINE_MONTHS } from "./timeline";

const activity = (id: string, start: string, end: string): Activity => ({ id, title: id, responsible: [], start, end, status: "planned", note: "" });

describe("timeline", () => {
  it("is empty without dated activities and counts the undated ones", () => {
    expect(buildTimeline([])).toEqual({ months: [], rows: [], undated: 0 });
    expect(buildTimeline([activity("a", "", "")])).toEqual({ months: [], rows: [], undated: 1 });
  });

  it("spans from the earliest to the latest month, across years", () => {
    const t = buildTimeline([activity("a", "2025-11", "2026-01"), activity("b", "2026-03", "2026-03"), activity("c", "", "")]);
    expect(t.months).toEqual(["2025-11", "2025-12", "2026-01", "2026-02", "2026-03"]);
    expect(t.rows.map((r) => [r.activity.id, r.from, r.to])).toEqual([
      ["a", 0, 2],
      ["b", 4, 4],
    ]);
    expect(t.undated).toBe(1);
  });

  it("takes a single month for a missing start or end, and puts reversed months right", () => {
    const t = buildTimeline([activity("only-end", "", "2026-05"), activity("reversed", "2026-07", "2026-05")]);
    expect(t.months).toEqual(["2026-05", "2026-06", "2026-07"]);
    expect(t.rows.map((r) => [r.from, r.to, r.first, r.last])).toEqual([
      [0, 0, "2026-05", "2026-05"],
      [0, 2, "2026-05", "2026-07"],
    ]);
  });

  it("cuts absurd ranges instead of building thousands of columns", () => {
    const t = buildTimeline([activity("a", "2026-01", "2026-02"), activity("typo", "2206-01", "2206-03")]);
    expect(t.months.length).toBe(MAX_TIMELINE_MONTHS);
    const typo = t.rows.find((r) => r.activity.id === "typo")!;
    expect(typo.clipped).toBe(true);
    expect(typo.from).toBeLessThanOrEqual(MAX_TIMELINE_MONTHS - 1);
  });
});
