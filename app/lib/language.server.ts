/** The cookie that remembers the chosen language (read back by the server's locale detection). */
import type { AppLoadContext } from "@remix-run/node";
import type { Locale } from "#shared/i18n/config";
import { serialiseCookie } from "#server/http/cookies";
import { LOCALE_COOKIE } from "#server/locale";

export function localeCookie(context: AppLoadContext, locale: Locale): string {
  return serialiseCookie(LOCALE_COOKIE, locale, { secure: context.secureCookies, maxAgeSeconds: 365 * 24 * 3600 });
}
