/**
 * A finding's evidence. A cited item the reader may not see (an entry no longer published,
 * a finding that was removed) shows neither title nor text, only that it is not available.
 * Web links leave the platform: marked as such and never given our referrer.
 */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { EvidenceView } from "#server/domain/commons/findings-presenter";

export function EvidenceList({ evidence }: { evidence: EvidenceView[] }) {
  const { t } = useTranslation("commons");
  if (evidence.length === 0) return <p className="empty">{t("findings.evidence.none")}</p>;
  return (
    <ul className="finding-evidence">
      {evidence.map((item, i) => (
        <li key={i}>
          {item.kind === "web" ? (
            <>
              <a href={item.url} rel="nofollow noopener noreferrer" className="finding-evidence__web">
                {item.label || item.url}
              </a>{" "}
              <span className="muted">({t("findings.evidence.web")})</span>
            </>
          ) : item.title === null ? (
            <span className="muted">{item.kind === "goodPractice" ? t("findings.evidence.unavailableGoodPractice") : t("findings.evidence.unavailableFinding")}</span>
          ) : (
            <>
              <Link to={item.kind === "goodPractice" ? `/network-of-networks/good-practice/${item.id}` : `/network-of-networks/findings/${item.id}`}>{item.title}</Link>{" "}
              <span className="muted">({item.kind === "goodPractice" ? t("findings.evidence.goodPractice") : t("findings.evidence.finding")})</span>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
