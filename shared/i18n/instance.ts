import { createInstance, type i18n as I18n, type TFunction } from "i18next";
import type { Locale } from "./config";
import { i18nBaseOptions } from "./options";
import { resources } from "./resources";

/** The server's options: every language is bundled (mails go out in the recipient's language). */
const i18nOptions = { ...i18nBaseOptions, resources } as const;

/** A fresh, synchronously initialised instance: one per request or per mail, never shared. */
export function createI18n(locale: Locale): I18n {
  const instance = createInstance();
  void instance.init({ ...i18nOptions, lng: locale, initImmediate: false });
  return instance;
}

export function fixedT(locale: Locale): TFunction {
  return createI18n(locale).t;
}
