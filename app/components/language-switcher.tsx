import { Form, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LOCALES, LOCALE_NATIVE_NAMES } from "#shared/i18n/config";
import { CsrfInput } from "./csrf-input";

/**
 * Three buttons, one per language, each labelled in its own language so someone who
 * cannot read the current page still finds theirs. Works without JavaScript.
 */
export function LanguageSwitcher({ current }: { current: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <Form method="post" action="/language" className="language-switcher" aria-label={t("language.label")}>
      <CsrfInput />
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      {LOCALES.map((lng) => (
        <button
          key={lng}
          type="submit"
          name="lng"
          value={lng}
          lang={lng}
          aria-pressed={lng === current}
          className="language-switcher__option"
          title={LOCALE_NATIVE_NAMES[lng]}
        >
          <span aria-hidden="true">{lng.toUpperCase()}</span>
          <span className="visually-hidden">{LOCALE_NATIVE_NAMES[lng]}</span>
        </button>
      ))}
    </Form>
  );
}
