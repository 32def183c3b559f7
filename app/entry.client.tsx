import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { StrictMode, startTransition } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { i18nBaseOptions } from "#shared/i18n/options";
import { DEFAULT_LOCALE, isLocale } from "#shared/i18n/config";
import { hasTranslations, loadTranslations, preloadedTranslationsHref } from "~/lib/translations";
import { setTranslator } from "~/lib/translator";
import { startOfflineShell } from "~/lib/device-copies";

// The server rendered the page in the language written into <html lang>; start there so
// hydration produces the same text. Its texts arrive as JSON (preloaded by the page's head,
// so this fetch is usually answered from the preload or the cache).
const htmlLang = document.documentElement.lang;
const lng = isLocale(htmlLang) ? htmlLang : DEFAULT_LOCALE;

async function boot() {
  await i18next.use(initReactI18next).init({ ...i18nBaseOptions, lng, resources: {}, partialBundledLanguages: true, initImmediate: false });
  await loadTranslations(i18next, lng, preloadedTranslationsHref() ?? `/translations/${lng}.json`);
  await i18next.changeLanguage(lng);
  // Page titles (Remix meta) in a language whose texts have not arrived yet stay in the
  // page's current one, like the rest of the page (usePageLanguage).
  setTranslator((locale) => i18next.getFixedT(hasTranslations(i18next, locale) ? locale : i18next.language));
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <I18nextProvider i18n={i18next}>
          <RemixBrowser />
        </I18nextProvider>
      </StrictMode>,
    );
  });
  // After the page is up: the worker keeps the application shell for offline use.
  window.addEventListener("load", () => void startOfflineShell(), { once: true });
  if (document.readyState === "complete") void startOfflineShell();
}

void boot();
