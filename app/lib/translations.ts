/**
 * The browser's side of translations: fetch one language's JSON (the root preloads it) and
 * add it to i18next. Languages already loaded are not fetched again.
 */
import type { i18n as I18n } from "i18next";
import { CLIENT_NAMESPACES } from "#shared/i18n/config";

export function hasTranslations(i18n: I18n, locale: string): boolean {
  return CLIENT_NAMESPACES.every((ns) => i18n.hasResourceBundle(locale, ns));
}

async function fetchTranslations(href: string): Promise<Record<string, Record<string, unknown>>> {
  const response = await fetch(href, { credentials: "same-origin" });
  if (!response.ok) throw new Error(`translations: ${response.status} for ${href}`);
  return (await response.json()) as Record<string, Record<string, unknown>>;
}

export async function loadTranslations(i18n: I18n, locale: string, href: string): Promise<void> {
  if (hasTranslations(i18n, locale)) return;
  const bundles = await fetchTranslations(href);
  for (const [ns, bundle] of Object.entries(bundles)) i18n.addResourceBundle(locale, ns, bundle, true, true);
}

/** The address the server wrote into the page for its language (see root.tsx). */
export function preloadedTranslationsHref(): string | null {
  return document.querySelector<HTMLLinkElement>("link[data-translations]")?.getAttribute("href") ?? null;
}
