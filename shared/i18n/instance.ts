import { createInstance, type i18n as I18n, type TFunction } from "i18next";
import { DEFAULT_LOCALE, NAMESPACES, type Locale } from "./config";
import { resources } from "./resources";

export const i18nOptions = {
  resources,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: ["de", "it", "en"],
  ns: [...NAMESPACES],
  defaultNS: "common",
  interpolation: { escapeValue: false }, // React escapes; mails are plain text
  returnNull: false,
} as const;

/** A fresh, synchronously initialised instance: one per request or per mail, never shared. */
export function createI18n(locale: Locale): I18n {
  const instance = createInstance();
  void instance.init({ ...i18nOptions, lng: locale, initImmediate: false });
  return instance;
}

export function fixedT(locale: Locale): TFunction {
  return createI18n(locale).t;
}
