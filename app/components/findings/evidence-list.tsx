/**
 * A finding's evidence. A cited item the reader may not see (an entry no longer published,
 * a finding that was removed, a document no longer in the commons library) shows neither
 * title nor text, only that it is not available. Web links leave the platform: marked as such
 * and never given our referrer.
 */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { EvidenceView } from "#server/domain/commons/findings-presenter";

const PATHS = {
  goodPractice: (id: string) => `/network-of-networks/good-practice/${id}`,
  finding: (id: string) => `/network-of-networks/findings/${id}`,
  libraryDocument: (id: string) => `/network-of-networks/library/files/${id}`,
};

export function EvidenceList({ evidence }: { evidence: EvidenceView[] }) {
  const { t } = useTranslation("commons");
  if (evidence.length === 0) return <p className="empty">{t("findings.evidence.none")}</p>;
  const unavailable = { goodPractice: t("findings.evidence.unavailableGoodPractice"), finding: t("findings.evidence.unavailableFinding"), libraryDocument: t("libraryDocuments.gone") };
  const kindLabel = { goodPractice: t("findings.evidence.goodPractice"), finding: t("findings.evidence.finding"), libraryDocument: t("libraryDocuments.kind") };
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
            <span className="muted">{unavailable[item.kind]}</span>
          ) : (
            <>
              <Link to={PATHS[item.kind](item.id)}>{item.title}</Link>{" "}
              <span className="muted">
                ({kindLabel[item.kind]}
                {item.kind === "libraryDocument" && item.sharedBy ? <>, {t("libraryDocuments.sharedBy", { network: item.sharedBy })}</> : null})
              </span>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
