/**
 * A fixed-language t() for code that runs outside React's tree on both sides, such as Remix
 * `meta`. The server registers one over its bundled languages (entry.server.tsx), the browser
 * one over the languages it has fetched (entry.client.tsx); importing the server's version
 * here would bundle every language into every page.
 */
import type { TFunction } from "i18next";

type TranslatorFor = (locale: string) => TFunction;
let translatorFor: TranslatorFor | null = null;

export function setTranslator(fn: TranslatorFor) {
  translatorFor = fn;
}

export function translator(locale: string): TFunction {
  if (!translatorFor) throw new Error("translator used before entry.server or entry.client registered one");
  return translatorFor(locale);
}
