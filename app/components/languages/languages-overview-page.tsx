/**
 * The overview of a document's language versions, shared by every document type's routes
 * (app/lib/language-pages.server.ts has its loader and action). Kept apart from the version
 * page, which loads the editor.
 */
import type { LinksFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { languagesOverviewRoute } from "~/lib/language-pages.server";
import { pageMeta } from "~/lib/meta";
import { LanguagesOverview } from "./languages-overview";
import stylesheet from "./languages.css?url";

type OverviewRoute = ReturnType<typeof languagesOverviewRoute>;

export const languagesLinks: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];
export const languagesMeta = pageMeta<{ title: string }>((t, data) => `${t("languages:overview.title")} – ${data.title}`);

export function LanguagesOverviewPage() {
  const { t } = useTranslation("languages");
  const data = useLoaderData<OverviewRoute["loader"]>();
  const result = useActionData<OverviewRoute["action"]>();
  const failed = result && !result.ok ? result : undefined;
  return (
    <div className="page">
      <p className="muted">
        <Link to={data.base}>{data.title}</Link>
      </p>
      <h1>{t("overview.title")}</h1>
      <p>{t("overview.intro")}</p>
      <LanguagesOverview base={data.base} sourceLanguage={data.sourceLanguage} versions={data.versions} addable={data.addable} canEdit={data.canEdit} error={failed?.error} values={failed?.values} />
    </div>
  );
}
