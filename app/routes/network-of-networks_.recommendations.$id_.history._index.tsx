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
import { VersionList } from "~/components/version-list";
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
  const { t } = useTranslation("history");
  const { recommendation, paths, versions } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <p className="muted">
        <Link to="/network-of-networks">{t("common:nav.networkOfNetworks")}</Link> ·{" "}
        <Link to="/network-of-networks/recommendations">{t("recommendations:list.title")}</Link> · <Link to={paths.page}>{recommendation.title}</Link>
      </p>
      <h1>{t("list.title")}</h1>
      <p>{t("recommendations:history.intro")}</p>
      <VersionList versions={versions} historyPath={paths.history} badge={(id) => (id === recommendation.submittedVersionId ? t("recommendations:history.submittedBadge") : null)} />
      <p>
        <Link to={paths.page}>{t("recommendations:history.back")}</Link>
      </p>
    </div>
  );
}
