/**
 * A language version beside its source, shared by every document type's routes
 * (app/lib/language-pages.server.ts has its loader and action).
 */
import type { LinksFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { languageVersionRoute } from "~/lib/language-pages.server";
import { pageMeta } from "~/lib/meta";
import { VersionView } from "./version-view";
import stylesheet from "./languages.css?url";
import glossaryStyles from "~/components/glossary/glossary-marks.css?url";

type VersionRoute = ReturnType<typeof languageVersionRoute>;

export const versionLinks: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "stylesheet", href: glossaryStyles },
];
export const versionMeta = pageMeta<{ title: string; language: string }>((t, data) => t("languages:version.title", { title: data.title, language: t(`languages:names.${data.language}`) }));

export function LanguageVersionPage() {
  const { t } = useTranslation("languages");
  const data = useLoaderData<VersionRoute["loader"]>();
  const result = useActionData<VersionRoute["action"]>();
  return (
    <div className="page page--wide">
      <p className="muted">
        <Link to={data.base}>{data.title}</Link>
      </p>
      <h1>{t("version.title", { title: data.title, language: t(`names.${data.language}`) })}</h1>
      <VersionView data={data} result={result} />
    </div>
  );
}
