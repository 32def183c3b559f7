/** Names of event vocabulary in the page's language, and how times are shown. */
import type { TFunction } from "i18next";
import { LOCALE_NATIVE_NAMES, type Locale } from "#shared/i18n/config";
import { formatEventRange, formatEventTime } from "#shared/events/event-format";
import type { EventTimeZone } from "#shared/events/event-vocabulary";

export const languageName = (language: Locale, t: TFunction) => t(`events:languages.${language}`, { defaultValue: LOCALE_NATIVE_NAMES[language] });

export const when = (event: { startsAt: string; endsAt: string; timeZone: EventTimeZone }, locale: string) =>
  formatEventRange(event.startsAt, event.endsAt, event.timeZone, asLocale(locale));

export const at = (iso: string, zone: EventTimeZone, locale: string) => formatEventTime(iso, zone, asLocale(locale));

export const asLocale = (locale: string): Locale => (locale === "it" || locale === "en" ? locale : "de");

/** Session times only (the day is the event's): "10:00–12:30". */
export function sessionTime(session: { startsAt: string; endsAt: string }, zone: EventTimeZone, locale: string): string {
  const format = new Intl.DateTimeFormat(asLocale(locale) === "en" ? "en-GB" : locale, { hour: "2-digit", minute: "2-digit", timeZone: zone });
  return `${format.format(new Date(session.startsAt))}–${format.format(new Date(session.endsAt))}`;
}

export function sessionDay(iso: string, zone: EventTimeZone, locale: string): string {
  return new Intl.DateTimeFormat(asLocale(locale) === "en" ? "en-GB" : locale, { weekday: "long", day: "numeric", month: "long", timeZone: zone }).format(new Date(iso));
}
