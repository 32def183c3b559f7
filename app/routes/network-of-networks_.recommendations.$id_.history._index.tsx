/**
 * /network-of-networks/recommendations/:id/history — every stored version of a
 * recommendation, newest first, among them the named version frozen at its submission to
 * the advisory board. Everyone in the network of networks reads it; nothing is changed here.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { loadRecommendationDocument } from "~/lib/recommendations.server";
import { summarise, versionHistory } from "~/lib/history.server";
import { versionTitle } from "~/components/version-label";
import { formatDateTime } from "~/lib/format";
import { pageMeta } from "~/lib/meta";

export const meta = pageMeta<{ recommendation: { title: string } }>((t, data) => `${t("history:list.title")} · ${data.recommendation.title}`);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { row, document } = await loadRecommendationDocument(request, context, params);
  return {
    recommendation: { id: row.id, title: row.title, submittedVersionId: row.submitted_version_id },
    paths: { page: document.path, history: `${document.path}/history` },
    versions: summarise(await versionHistory(context.services, document.name)),
  };
}

export default function RecommendationHistoryPage() {
  const { t, i18n } = useTranslation("history");
  const { recommendation, paths, versions } = useLoaderData<typeof loader>();
  const locale = i18n.language;
  return (
    <div className="page">
      <p className="muted">
        <Link to="/network-of-networks">{t("common:nav.networkOfNetworks")}</Link> ·{" "}
        <Link to="/network-of-networks/recommendations">{t("recommendations:list.title")}</Link> · <Link to={paths.page}>{recommendation.title}</Link>
      </p>
      <h1>{t("list.title")}</h1>
      <p>{t("recommendations:history.intro")}</p>
      {versions.length === 0 ? (
        <p className="empty">{t("list.empty")}</p>
      ) : (
        <ol className="version-list" aria-label={t("list.heading")}>
          {versions.map((v) => (
            <li key={v.id} className={`card version-list__item version-list__item--${v.kind}`} data-version-id={v.id}>
              <h2 className="version-list__title">
                <Link to={`${paths.history}/${v.id}`}>{versionTitle(t, v, locale)}</Link>
              </h2>
              <p className="version-list__meta">
                {v.kind !== "auto" ? <span className={`badge version-kind version-kind--${v.kind}`}>{t(`kinds.${v.kind}`)}</span> : null}{" "}
                {v.id === recommendation.submittedVersionId ? <span className="badge">{t("recommendations:history.submittedBadge")}</span> : null}{" "}
                <time dateTime={v.createdAt}>{formatDateTime(v.createdAt, locale)}</time>
              </p>
              {v.kind === "auto" ? (
                <p className="version-list__contributors">
                  {v.contributors.length > 0
                    ? t("list.contributors", { names: new Intl.ListFormat(locale, { type: "conjunction" }).format(v.contributors) })
                    : t("list.noContributors")}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      <p>
        <Link to={paths.page}>{t("recommendations:history.back")}</Link>
      </p>
    </div>
  );
}
