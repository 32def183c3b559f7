/**
 * /network-of-networks/recommendations/:id/history/:versionId — one stored version of a
 * recommendation, read-only: when, what kind, and its text; downloads of exactly that
 * version. A version of another document, or an unknown one, is 404.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { fixedT } from "#shared/i18n/instance";
import { notFound } from "~/lib/guards.server";
import { loadRecommendationDocument } from "~/lib/recommendations.server";
import { deriveContent, docFromState, summarise, versionHistory, versionOfDocument } from "~/lib/history.server";
import { ProseMirrorView, isEmptyDoc, type PmNode } from "~/components/prosemirror-view";
import { versionTitle } from "~/components/version-label";
import { formatDateTime } from "~/lib/format";
import { pageMeta } from "~/lib/meta";
import { DownloadLinks } from "~/components/export-links";

export const meta = pageMeta<{ title: string; recommendation: { title: string } }>((_t, data) => `${data.title} · ${data.recommendation.title}`);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { row, document } = await loadRecommendationDocument(request, context, params);
  const version = await versionOfDocument(context.services, document.name, params.versionId);
  if (!version) notFound();
  const summary = summarise(await versionHistory(context.services, document.name)).find((v) => v.id === version.id);
  if (!summary) notFound();
  const doc = docFromState(version.state);
  let content: PmNode;
  try {
    content = deriveContent(doc, document.layout.contentField).json as PmNode;
  } finally {
    doc.destroy();
  }
  return {
    title: versionTitle(fixedT(context.locale), summary, context.locale),
    recommendation: { title: row.title, submitted: row.submitted_version_id === version.id },
    paths: { page: document.path, history: `${document.path}/history`, export: `${document.path}/export` },
    version: summary,
    content,
  };
}

export default function RecommendationVersionPage() {
  const { t, i18n } = useTranslation("history");
  const data = useLoaderData<typeof loader>();
  const { recommendation, paths, version } = data;
  const locale = i18n.language;
  return (
    <div className="page">
      <p className="muted">
        <Link to="/network-of-networks/recommendations">{t("recommendations:list.title")}</Link> · <Link to={paths.page}>{recommendation.title}</Link> ·{" "}
        <Link to={paths.history}>{t("list.title")}</Link>
      </p>
      <p className="version-kicker">{t("version.kicker", { title: recommendation.title })}</p>
      <h1>{data.title}</h1>
      {recommendation.submitted ? <p className="alert alert--info">{t("recommendations:history.submittedNote")}</p> : null}
      <dl className="facts version-facts">
        <dt>{t("version.savedAt")}</dt>
        <dd>
          <time dateTime={version.createdAt}>{formatDateTime(version.createdAt, locale)}</time>
        </dd>
        <dt>{t("version.kind")}</dt>
        <dd>{t(`kinds.${version.kind}`)}</dd>
        {version.createdByName ? (
          <>
            <dt>{t("version.createdBy")}</dt>
            <dd>{version.createdByName}</dd>
          </>
        ) : null}
      </dl>
      <DownloadLinks exportPath={paths.export} versionId={version.id} />
      <section className="wp-section" aria-labelledby="version-text-heading">
        <h2 id="version-text-heading">{t("version.textHeading")}</h2>
        {!isEmptyDoc(data.content) ? <ProseMirrorView doc={data.content} headingOffset={2} className="pm-view version-text" /> : <p className="empty">{t("version.emptyText")}</p>}
      </section>
      <p>
        <Link to={paths.history}>{t("version.backToHistory")}</Link>
      </p>
    </div>
  );
}
