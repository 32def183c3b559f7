/**
 * The stored versions of a document, newest first: each linked to its page, with its kind,
 * time and (for automatic versions) who wrote in it. `badge` marks special versions (the one
 * submitted to the advisory board).
 */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { VersionSummary } from "~/lib/history.server";
import { versionTitle } from "./version-label";
import { formatDateTime } from "~/lib/format";

export function VersionList({ versions, historyPath, badge }: { versions: VersionSummary[]; historyPath: string; badge?: (id: string) => string | null }) {
  const { t, i18n } = useTranslation("history");
  const locale = i18n.language;
  if (versions.length === 0) return <p className="empty">{t("list.empty")}</p>;
  return (
    <ol className="version-list" aria-label={t("list.heading")}>
      {versions.map((v) => {
        const mark = badge?.(v.id);
        return (
          <li key={v.id} className={`card version-list__item version-list__item--${v.kind}`} data-version-id={v.id}>
            <h2 className="version-list__title">
              <Link to={`${historyPath}/${v.id}`}>{versionTitle(t, v, locale)}</Link>
            </h2>
            <p className="version-list__meta">
              {v.kind !== "auto" ? <span className={`badge version-kind version-kind--${v.kind}`}>{t(`kinds.${v.kind}`)}</span> : null} {mark ? <span className="badge">{mark}</span> : null}{" "}
              <time dateTime={v.createdAt}>{formatDateTime(v.createdAt, locale)}</time>
            </p>
            {v.kind === "auto" ? (
              <p className="version-list__contributors">
                {v.contributors.length > 0 ? t("list.contributors", { names: new Intl.ListFormat(locale, { type: "conjunction" }).format(v.contributors) }) : t("list.noContributors")}
              </p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
