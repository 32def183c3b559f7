/**
 * The browser gets one language's texts as a JSON file, not as JavaScript: three languages
 * bundled into every page were 52 KB of the 66 KB i18next chunk. The address carries a hash
 * of the content, so the file is cached for a year and a new release fetches it once.
 */
import { createHash } from "node:crypto";
import { CLIENT_NAMESPACES, type Locale } from "#shared/i18n/config";
import { resources } from "#shared/i18n/resources";

type Translations = { body: string; version: string };
const cache = new Map<Locale, Translations>();

export function translationsOf(locale: Locale): Translations {
  let entry = cache.get(locale);
  if (!entry) {
    const body = JSON.stringify(Object.fromEntries(CLIENT_NAMESPACES.map((ns) => [ns, resources[locale][ns]])));
    entry = { body, version: createHash("sha256").update(body).digest("base64url").slice(0, 12) };
    cache.set(locale, entry);
  }
  return entry;
}

/** Where the page's language is fetched from (root loader → preload link → entry.client). */
export function translationsHref(locale: Locale): string {
  return `/translations/${locale}.json?v=${translationsOf(locale).version}`;
}
