import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { StrictMode, startTransition } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { i18nOptions } from "#shared/i18n/instance";
import { DEFAULT_LOCALE, isLocale } from "#shared/i18n/config";

// The server rendered the page in the language written into <html lang>; start there so
// hydration produces the same text.
const htmlLang = document.documentElement.lang;
void i18next.use(initReactI18next).init({
  ...i18nOptions,
  lng: isLocale(htmlLang) ? htmlLang : DEFAULT_LOCALE,
  initImmediate: false,
});

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
