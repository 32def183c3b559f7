/** Dates and numbers through Intl in the page's language; times shown in Europe/Berlin (= Rome). */
import { DISPLAY_TIME_ZONE } from "#shared/i18n/config";

export function formatDateTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: DISPLAY_TIME_ZONE }).format(
    new Date(iso),
  );
}

export function formatDate(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: DISPLAY_TIME_ZONE }).format(new Date(iso));
}

export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(value);
}
