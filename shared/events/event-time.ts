/**
 * Event times: entered and shown as wall-clock time in the event's zone, stored as UTC ISO strings.
 * Used by forms (datetime-local inputs), pages and the calendar feed, on the server and in the browser.
 */
import { TZDate } from "@date-fns/tz";
import { HOUR } from "../time";
import type { EventTimeZone } from "./event-vocabulary";

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

const pad = (value: number, length = 2) => String(value).padStart(length, "0");

/** `YYYY-MM-DDTHH:mm:ss` as a clock in `zone` shows the instant `ms`. */
function wallClock(ms: number, zone: EventTimeZone): string {
  const d = new TZDate(ms, zone);
  return (
    `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` +
    `T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
  );
}

function instant(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`Not a date-time: ${iso}`);
  return ms;
}

/** The UTC instant of a datetime-local value, or null when no clock in `zone` ever shows it. */
export function localToUtc(local: string, zone: EventTimeZone): string | null {
  const match = LOCAL_PATTERN.exec(local);
  if (!match) return null;
  const [, year = "", month = "", day = "", hours = "", minutes = "", seconds = "00"] = match;
  const wanted = `${year}-${month}-${day}T${hours}:${minutes}:${seconds}`;
  const guess = new TZDate(Number(year), Number(month) - 1, Number(day), Number(hours), Number(minutes), Number(seconds), zone).getTime();
  // TZDate silently rolls over impossible dates and the spring gap, so only a wall clock that
  // reads back unchanged is accepted. Which autumn hour TZDate picks depends on the server's own
  // zone; looking one hour earlier as well makes it always the first (summer-time) one.
  const found = [guess - HOUR, guess].find((ms) => wallClock(ms, zone) === wanted);
  return found === undefined ? null : new Date(found).toISOString();
}

/** The value for an `<input type="datetime-local">` (minutes only: the inputs show no seconds). */
export function utcToLocal(iso: string, zone: EventTimeZone): string {
  return wallClock(instant(iso), zone).slice(0, 16);
}

export function localDay(iso: string, zone: EventTimeZone): string {
  return wallClock(instant(iso), zone).slice(0, 10);
}

export function localMonth(iso: string, zone: EventTimeZone): string {
  return wallClock(instant(iso), zone).slice(0, 7);
}
