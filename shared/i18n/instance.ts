import { createInstance, type i18n as I18n, type TFunction } from "i18next";
import { LOCALES, type Locale } from "./config";
import { i18nBaseOptions } from "./options";
import { resources } from "./resources";

/** The server's options: every language is bundled (mails go out in the recipient's language). */
const i18nOptions = { ...i18nBaseOptions, resources } as const;

/** A fresh, synchronously initialised instance. Only for code that must change it; everything else uses i18nFor. */
export function createI18n(locale: Locale): I18n {
  const instance = createInstance();
  void instance.init({ ...i18nOptions, lng: locale, initImmediate: false });
  return instance;
}

/**
 * One instance per language for the whole process. Building one per request was 8 % of a
 * page's server time (docs/decisions/0017). Sharing is safe because the server never
 * changes them: all resources are bundled, so nothing loads or adds resources, and nobody
 * calls changeLanguage (the language is fixed per instance; a request picks the instance).
 */
const shared = new Map<Locale, I18n>(LOCALES.map((locale) => [locale, createI18n(locale)]));

export function i18nFor(locale: Locale): I18n {
  const instance = shared.get(locale);
  if (!instance) throw new Error(`no translations for the language "${String(locale)}"`);
  return instance;
}

export function fixedT(locale: Locale): TFunction {
  return i18nFor(locale).t;
}
