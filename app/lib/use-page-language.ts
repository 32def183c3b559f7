/**
 * Keeps i18next in the language the root loader chose. It switches in a layout effect, not
 * a passive one: <html lang> changes in the same commit, and the texts must change before
 * the browser paints, or a client-side navigation that changes the language shows one
 * frame (about 100 ms on a slow machine) of the old language under the new `lang`. The
 * resources are bundled, so changeLanguage completes synchronously.
 */
import { useEffect, useLayoutEffect } from "react";
import { useTranslation } from "react-i18next";

// useLayoutEffect warns during server rendering, where there is nothing to paint anyway.
const useBeforePaint = typeof document === "undefined" ? useEffect : useLayoutEffect;

export function usePageLanguage(locale: string) {
  const { i18n } = useTranslation();
  useBeforePaint(() => {
    if (i18n.language !== locale) void i18n.changeLanguage(locale);
  }, [i18n, locale]);
}
