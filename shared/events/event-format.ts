/**
 * Event times as people read them, in the event's zone, with Intl only: the pages that list
 * and show events load no time-zone library (the conversions in event-time.ts need one).
 */
import type { Locale } from "../i18n/config";
import type { EventTimeZone } from "./event-vocabulary";

function instant(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`Not a date-time: ${iso}`);
  return ms;
}

/** The day (YYYY-MM-DD) a clock in `zone` shows at the instant `iso`. */
export function dayInZone(iso: string, zone: EventTimeZone): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(instant(iso)));
}

// British English for "7 March 2027": the audience is European.
const INTL_LOCALES: Record<Locale, string> = { de: "de-DE", it: "it-IT", en: "en-GB" };

function parts(iso: string, zone: EventTimeZone, locale: Locale) {
  const date = new Date(instant(iso));
  const tag = INTL_LOCALES[locale];
  const zoneName = new Intl.DateTimeFormat(tag, { timeZone: zone, timeZoneName: "short" })
    .formatToParts(date)
    .find((part) => part.type === "timeZoneName")?.value;
  return {
    day: new Intl.DateTimeFormat(tag, { timeZone: zone, dateStyle: "long" }).format(date),
    time: new Intl.DateTimeFormat(tag, { timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(date),
    zoneName: zoneName ?? zone,
  };
}

/** "7 March 2027, 10:00 CET". Date and time are joined here, not by Intl, whose joining words differ between ICU versions. */
export function formatEventTime(iso: string, zone: EventTimeZone, locale: Locale): string {
  const { day, time, zoneName } = parts(iso, zone, locale);
  return `${day}, ${time} ${zoneName}`;
}

/** "7 March 2027, 10:00–12:30 CET", or both ends in full when the event spans days. */
export function formatEventRange(startIso: string, endIso: string, zone: EventTimeZone, locale: Locale): string {
  const start = parts(startIso, zone, locale);
  const end = parts(endIso, zone, locale);
  // A clock change inside the event: the start needs its own zone name to be read right.
  const startZone = start.zoneName === end.zoneName ? "" : ` ${start.zoneName}`;
  if (dayInZone(startIso, zone) === dayInZone(endIso, zone)) {
    return `${start.day}, ${start.time}${startZone}–${end.time} ${end.zoneName}`;
  }
  return `${start.day}, ${start.time}${startZone} – ${end.day}, ${end.time} ${end.zoneName}`;
}
