/** One finding in the list: what it says in short, who posted it for which network, its tags, how much it is discussed, what cites it. */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { FindingSummary } from "#server/domain/commons/findings-presenter";
import { formatDate } from "~/lib/format";
import { FindingFacts, FindingTags, FindingBadges } from "./finding-facts";
import { CitedBy } from "./cited-by";

export function FindingCard({ finding }: { finding: FindingSummary }) {
  const { t, i18n } = useTranslation("commons");
  return (
    <li className="card finding-card" data-finding-id={finding.id}>
      <h2 className="finding-card__title">
        <Link to={`/network-of-networks/findings/${finding.id}`}>{finding.title}</Link>
      </h2>
      <FindingBadges pinned={finding.pinnedAt !== null} closed={finding.discussionClosed !== null} />
      <FindingFacts networkName={finding.networkName} authorName={finding.authorName} country={finding.country}>
        <time dateTime={finding.createdAt}>{formatDate(finding.createdAt, i18n.language)}</time>
      </FindingFacts>
      {finding.excerpt ? <p className="finding-card__excerpt">{finding.excerpt}</p> : null}
      <FindingTags actionAreas={finding.actionAreas} occupationalFields={finding.occupationalFields} themes={finding.themes} />
      <p className="finding-card__comments">{t("findings.list.comments", { count: finding.commentCount })}</p>
      <CitedBy recommendations={finding.citedBy} compact />
    </li>
  );
}
