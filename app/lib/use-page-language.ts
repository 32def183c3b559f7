/**
 * Keeps i18next in the language the root loader chose. When the language's texts are already
 * in the browser it switches in a layout effect, not a passive one: the texts change before
 * the browser paints (decision 0009). A language not yet fetched is fetched first; until it
 * arrives the page stays in the old language, and <html lang> with it (root.tsx reads
 * i18n.language), so the two never disagree.
 */
import { useEffect, useLayoutEffect } from "react";
import { useTranslation } from "react-i18next";
import { hasTranslations, loadTranslations } from "./translations";

// useLayoutEffect warns during server rendering, where there is nothing to paint anyway.
const useBeforePaint = typeof document === "undefined" ? useEffect : useLayoutEffect;

export function usePageLanguage(locale: string, translationsHref: string | undefined) {
  const { i18n } = useTranslation();
  useBeforePaint(() => {
    if (i18n.language === locale) return;
    if (hasTranslations(i18n, locale)) {
      void i18n.changeLanguage(locale);
      return;
    }
    if (!translationsHref) return;
    let current = true;
    loadTranslations(i18n, locale, translationsHref)
      .then(() => {
        if (current) void i18n.changeLanguage(locale);
      })
      // Offline or a failed fetch: the page stays in the language it is in; the next
      // navigation tries again.
      .catch((error: unknown) => console.warn("[i18n]", error));
    return () => {
      current = false;
    };
  }, [i18n, locale, translationsHref]);
}
