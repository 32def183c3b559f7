/**
 * Page titles in the page's language. Remix `meta` cannot use hooks, so it reads the
 * locale from the root loader's data and translates with a fixed-language t() (the one
 * entry.server or entry.client registered: app/lib/translator.ts).
 */
import type { MetaArgs, MetaDescriptor } from "@remix-run/node";
import type { TFunction } from "i18next";
import { translator } from "./translator";
import { DEFAULT_LOCALE, isLocale } from "#shared/i18n/config";

function localeFromMatches(matches: MetaArgs["matches"]): string {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: string } | undefined;
  return root?.locale ?? DEFAULT_LOCALE;
}

export function pageMeta<D = unknown>(title: string | ((t: TFunction, data: D) => string)) {
  return (args: MetaArgs): MetaDescriptor[] => {
    const locale = localeFromMatches(args.matches);
    const t = translator(isLocale(locale) ? locale : DEFAULT_LOCALE);
    const page = typeof title === "string" ? t(title) : args.data ? title(t, args.data as D) : t("errors.notFound.title");
    return [{ title: `${page} · ${t("appName")}` }];
  };
}
