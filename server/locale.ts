/**
 * Which language a request is served in: the account's choice, else the `lng` cookie set by
 * the language switch, else the browser's Accept-Language, else German.
 */
import { DEFAULT_LOCALE, LOCALES, isLocale, type Locale } from "#shared/i18n/config";

export const LOCALE_COOKIE = "lng";

export function pickFromAcceptLanguage(header: string | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { lang: tag.toLowerCase().split("-")[0] ?? "", q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => entry.lang && Number.isFinite(entry.q) && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const entry of ranked) if ((LOCALES as readonly string[]).includes(entry.lang)) return entry.lang as Locale;
  return null;
}

export function detectLocale(input: {
  userLocale?: string | null | undefined;
  cookieLocale?: string | undefined;
  acceptLanguage?: string | undefined;
}): Locale {
  if (isLocale(input.userLocale)) return input.userLocale;
  if (isLocale(input.cookieLocale)) return input.cookieLocale;
  return pickFromAcceptLanguage(input.acceptLanguage) ?? DEFAULT_LOCALE;
}
