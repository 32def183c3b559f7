/**
 * i18next options shared by the server (all languages bundled, shared/i18n/instance.ts) and
 * the browser (one language fetched as JSON, app/lib/translations.ts).
 */
import { DEFAULT_LOCALE, LOCALES, NAMESPACES } from "./config";

export const i18nBaseOptions = {
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  ns: [...NAMESPACES],
  defaultNS: "common",
  interpolation: { escapeValue: false }, // React escapes; mails are plain text
  returnNull: false,
} as const;
