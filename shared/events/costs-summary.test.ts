import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { costsByYear, eventCostTotals, formatEuros, parseEuros, type CostEntry } from "./costs-summary";
import { COST_KINDS } from "./event-vocabulary";

const entry = (eventId: string, year: number, kind: CostEntry["kind"], plannedCents: number, actualCents: number | null): CostEntry => ({
  eventId,
  year,
  kind,
  plannedCents,
  actualCents,
});

const zero = { plannedCents: 0, actualCents: 0, openEntries: 0 };

describe("eventCostTotals", () => {
  it("sums planned and known actual amounts per kind and overall, counting unknown actuals as open", () => {
    const totals = eventCostTotals([
      entry("e1", 2024, "travel", 120_000, 98_050),
      entry("e1", 2024, "travel", 30_000, null),
      entry("e1", 2024, "venue", 50_000, 55_000),
    ]);
    expect(totals.byKind.travel).toEqual({ plannedCents: 150_000, actualCents: 98_050, openEntries: 1 });
    expect(totals.byKind.venue).toEqual({ plannedCents: 50_000, actualCents: 55_000, openEntries: 0 });
    expect(totals.byKind.accommodation).toEqual(zero);
    expect(totals.total).toEqual({ plannedCents: 200_000, actualCents: 153_050, openEntries: 1 });
  });

  it("has every kind, with zeros, when nothing is recorded", () => {
    const totals = eventCostTotals([]);
    expect(Object.keys(totals.byKind)).toEqual([...COST_KINDS]);
    for (const kind of COST_KINDS) expect(totals.byKind[kind]).toEqual(zero);
    expect(totals.total).toEqual(zero);
  });
});

describe("costsByYear", () => {
  it("groups by year, latest first, with every kind and the number of distinct events", () => {
    const years = costsByYear([
      entry("e1", 2023, "fees", 10_000, 10_000),
      entry("e2", 2025, "interpreting", 300_000, null),
      entry("e3", 2025, "travel", 80_000, 79_999),
      entry("e3", 2025, "accommodation", 40_000, null),
      entry("e1", 2023, "venue", 5_000, 0),
    ]);
    expect(years.map((y) => [y.year, y.events])).toEqual([
      [2025, 2],
      [2023, 1],
    ]);
    const [y2025, y2023] = years;
    expect(y2025?.total).toEqual({ plannedCents: 420_000, actualCents: 79_999, openEntries: 2 });
    expect(y2025?.byKind.fees).toEqual(zero);
    expect(y2025?.byKind.interpreting).toEqual({ plannedCents: 300_000, actualCents: 0, openEntries: 1 });
    expect(y2023?.total).toEqual({ plannedCents: 15_000, actualCents: 10_000, openEntries: 0 });
    expect(Object.keys(y2023?.byKind ?? {})).toEqual([...COST_KINDS]);
  });

  it("is empty without entries", () => {
    expect(costsByYear([])).toEqual([]);
  });

  it("adds up to the totals of all entries, whatever the split by year and kind", () => {
    const cents = fc.integer({ min: 0, max: 10_000_000 });
    const entries = fc.array(
      fc.record({
        eventId: fc.constantFrom("a", "b", "c", "d"),
        year: fc.integer({ min: 2020, max: 2030 }),
        kind: fc.constantFrom(...COST_KINDS),
        plannedCents: cents,
        actualCents: fc.option(cents, { nil: null }),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(entries, (list) => {
        const years = costsByYear(list);
        const all = eventCostTotals(list);
        const sum = (pick: (y: (typeof years)[number]) => number) => years.reduce((s, y) => s + pick(y), 0);
        expect(sum((y) => y.total.plannedCents)).toBe(all.total.plannedCents);
        expect(sum((y) => y.total.actualCents)).toBe(all.total.actualCents);
        expect(sum((y) => y.total.openEntries)).toBe(list.filter((e) => e.actualCents === null).length);
        for (const y of years) {
          expect(COST_KINDS.reduce((s, k) => s + y.byKind[k].plannedCents, 0)).toBe(y.total.plannedCents);
          expect(y.events).toBe(new Set(list.filter((e) => e.year === y.year).map((e) => e.eventId)).size);
        }
        expect(years.map((y) => y.year)).toEqual([...new Set(list.map((e) => e.year))].sort((a, b) => b - a));
      }),
    );
  });
});

describe("formatEuros", () => {
  it("writes euros as each language does", () => {
    // Intl puts a no-break space before the euro sign; normalise it for readable expectations.
    const plain = (s: string) => s.replace(/\s/gu, " ");
    expect(plain(formatEuros(123_456, "de"))).toBe("1.234,56 €");
    expect(plain(formatEuros(123_456, "it"))).toBe("1234,56 €");
    expect(plain(formatEuros(123_456, "en"))).toBe("€1,234.56");
    expect(plain(formatEuros(5, "de"))).toBe("0,05 €");
    expect(plain(formatEuros(0, "en"))).toBe("€0.00");
    expect(plain(formatEuros(-250, "de"))).toBe("-2,50 €");
  });

  it("is exact for amounts binary fractions cannot hold", () => {
    expect(formatEuros(9_007_199_254_740_991, "en")).toBe("€90,071,992,547,409.91");
  });

  it("refuses amounts that are not integer cents", () => {
    expect(() => formatEuros(1.5, "de")).toThrow(RangeError);
    expect(() => formatEuros(Number.NaN, "de")).toThrow(RangeError);
  });
});

describe("parseEuros", () => {
  it.each([
    ["1.234,56", 123_456],
    ["1234.56", 123_456],
    ["1,234.56", 123_456],
    ["1234", 123_400],
    ["1234,5", 123_450],
    [" 12 €", 1_200],
    ["12\u00a0€", 1_200],
    ["€1,234.56", 123_456],
    ["€ 3", 300],
    ["0,05", 5],
    ["0", 0],
    ["1.234", 123_400],
    ["1,234", 123_400],
    ["1.234.567,89", 123_456_789],
    ["12.5", 1_250],
    ["007", 700],
    ["1.000.000.000,00", 100_000_000_000],
  ])("reads %j as %i cents", (text, cents) => {
    expect(parseEuros(text)).toBe(cents);
  });

  it.each([
    "",
    "   ",
    "€",
    "-12",
    "-12,00 €",
    "abc",
    "12a",
    "1,2,3",
    "12.",
    ",5",
    "1.234.5",
    "1,234,56",
    "1.234,567.89",
    "1234.567,89",
    "12.34.567",
    "0.123",
    "1 234,56",
    "12,345€€",
    "1.000.000.000,01",
    "99999999999",
    "1e5",
    "٣",
  ])("refuses %j", (text) => {
    expect(parseEuros(text)).toBeNull();
  });

  it("reads back what formatEuros writes, in every language", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000_000 }), fc.constantFrom("de" as const, "it" as const, "en" as const), (cents, locale) => {
        expect(parseEuros(formatEuros(cents, locale))).toBe(cents);
      }),
      { numRuns: 500 },
    );
  });

  it("never returns a negative, fractional or too large amount", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[ €0-9.,\-]{0,16}$/), (text) => {
        const cents = parseEuros(text);
        if (cents !== null) {
          expect(Number.isSafeInteger(cents)).toBe(true);
          expect(cents).toBeGreaterThanOrEqual(0);
          expect(cents).toBeLessThanOrEqual(100_000_000_000);
        }
      }),
    );
  });
});
