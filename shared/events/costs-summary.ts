/**
 * Planned and actual event costs, summed per kind and per year for the networks' reports,
 * and euro amounts as organisers type and read them. Amounts are integer cents so sums are exact.
 */
import { COST_KINDS, type CostKind } from "./event-vocabulary";

export interface CostEntry {
  eventId: string;
  year: number;
  kind: CostKind;
  plannedCents: number;
  actualCents: number | null;
}

export interface CostTotals {
  plannedCents: number;
  /** Known actual amounts only: unknown ones are counted in `openEntries` instead of guessed. */
  actualCents: number;
  /** entries whose actual amount is still unknown */
  openEntries: number;
}

export interface YearCosts {
  year: number;
  byKind: Record<CostKind, CostTotals>;
  total: CostTotals;
  /** Distinct events with at least one entry that year. */
  events: number;
}

const zero = (): CostTotals => ({ plannedCents: 0, actualCents: 0, openEntries: 0 });

const add = (totals: CostTotals, entry: CostEntry): CostTotals => ({
  plannedCents: totals.plannedCents + entry.plannedCents,
  actualCents: totals.actualCents + (entry.actualCents ?? 0),
  openEntries: totals.openEntries + (entry.actualCents === null ? 1 : 0),
});

/** Every kind is present, with zeros, so tables keep the same columns whatever was recorded. */
export function eventCostTotals(entries: readonly CostEntry[]): { byKind: Record<CostKind, CostTotals>; total: CostTotals } {
  const byKind = Object.fromEntries(COST_KINDS.map((kind) => [kind, zero()])) as Record<CostKind, CostTotals>;
  let total = zero();
  for (const entry of entries) {
    byKind[entry.kind] = add(byKind[entry.kind], entry);
    total = add(total, entry);
  }
  return { byKind, total };
}

/** Latest year first: reports are read from the current year back. */
export function costsByYear(entries: readonly CostEntry[]): YearCosts[] {
  const years = [...new Set(entries.map((entry) => entry.year))].sort((a, b) => b - a);
  return years.map((year) => {
    const ofYear = entries.filter((entry) => entry.year === year);
    return { year, ...eventCostTotals(ofYear), events: new Set(ofYear.map((entry) => entry.eventId)).size };
  });
}

const FORMATS = {
  de: new Intl.NumberFormat("de", { style: "currency", currency: "EUR" }),
  it: new Intl.NumberFormat("it", { style: "currency", currency: "EUR" }),
  en: new Intl.NumberFormat("en", { style: "currency", currency: "EUR" }),
};

/** "1.234,56 €" (de), "1234,56 €" (it), "€1,234.56" (en). */
export function formatEuros(cents: number, locale: "de" | "it" | "en"): string {
  // Amounts are integer cents by contract; anything else is a bug upstream, not something to round away.
  if (!Number.isSafeInteger(cents)) throw new RangeError(`formatEuros expects integer cents, got ${cents}`);
  // Passed as an exact decimal string: cents / 100 would be a binary fraction.
  const abs = Math.abs(cents);
  const euros = `${cents < 0 ? "-" : ""}${(abs - (abs % 100)) / 100}.${String(abs % 100).padStart(2, "0")}` as `${number}`;
  return FORMATS[locale].format(euros);
}

/** Above this an amount is a typo, not an event cost. */
const MAX_EUROS = 1_000_000_000;

/**
 * Cents from what an organiser typed in any of the three languages: "1.234,56", "1,234.56",
 * "1234,5", " 12 €", "€1,234.56". The last "," or "." is the decimal mark when 1–2 digits follow
 * it to the end ("1,5", "1.50"); otherwise every separator groups thousands ("1.234" is 1234 euros),
 * as both German and English readers would read it. Negative, ambiguous or too large: null.
 */
export function parseEuros(text: string): number | null {
  const number = text
    .trim()
    .replace(/^€\s*|\s*€$/u, "")
    .trim();
  if (!/^[0-9][0-9.,]*$/.test(number)) return null;

  const decimal = /([.,])([0-9]{1,2})$/.exec(number);
  const integerPart = decimal ? number.slice(0, decimal.index) : number;
  const fraction = decimal?.[2] ?? "";

  const separators = new Set(integerPart.replace(/[0-9]/g, ""));
  if (separators.size > 1) return null;
  const [grouping] = separators;
  if (grouping !== undefined) {
    // A grouping mark equal to the decimal mark ("1.234.5") could be read either way.
    if (grouping === decimal?.[1]) return null;
    const groups = integerPart.split(grouping);
    // Grouped numbers never start with 0: "0.123" is a mistyped decimal, not 123 euros.
    if (!/^[1-9][0-9]{0,2}$/.test(groups[0] ?? "") || !groups.slice(1).every((group) => /^[0-9]{3}$/.test(group))) return null;
  }

  const digits = integerPart.replace(/[.,]/g, "").replace(/^0+(?=[0-9])/, "");
  // Compare as digit strings first so no conversion ever loses precision.
  if (digits.length > String(MAX_EUROS).length) return null;
  const euros = Number(digits);
  const cents = euros * 100 + Number(fraction.padEnd(2, "0"));
  return cents > MAX_EUROS * 100 ? null : cents;
}
