/** Months (YYYY-MM) and days (YYYY-MM-DD) in a language, independent of time zones. Used by the editor, version views and exports. */
const parts = (value: string) => value.split("-").map(Number);

export function formatMonth(month: string, locale: string, style: "long" | "short" = "long"): string {
  const [year, mon] = parts(month);
  if (!year || !mon) return month;
  const options: Intl.DateTimeFormatOptions =
    style === "long" ? { month: "long", year: "numeric", timeZone: "UTC" } : { month: "short", year: "2-digit", timeZone: "UTC" };
  return new Intl.DateTimeFormat(locale, options).format(new Date(Date.UTC(year, mon - 1, 1)));
}

export function formatDay(day: string, locale: string): string {
  const [year, mon, date] = parts(day);
  if (!year || !mon || !date) return day;
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(new Date(Date.UTC(year, mon - 1, date)));
}
