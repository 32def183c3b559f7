/** "Cited by": the recommendations that cite a finding, each linked, with its stage in words. */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export function CitedBy({ recommendations, compact = false }: { recommendations: Array<{ id: string; title: string; stage: string }>; compact?: boolean }) {
  const { t } = useTranslation("commons");
  if (recommendations.length === 0) return compact ? null : <p className="empty">{t("findings.citedBy.none")}</p>;
  return (
    <div className="finding-cited-by">
      {compact ? <p className="finding-cited-by__label">{t("findings.citedBy.label")}</p> : null}
      <ul className="plain-list">
        {recommendations.map((r) => (
          <li key={r.id}>
            <Link to={`/network-of-networks/recommendations/${r.id}`}>{r.title}</Link> <span className="muted">({t(`findings.citedBy.stages.${r.stage}`, { defaultValue: r.stage })})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
