/**
 * "Download DOCX" / "Download PDF" for a work programme. Plain links (not Remix <Link>):
 * the files come from a resource route and must be fetched as documents, not as data.
 */
import { useTranslation } from "react-i18next";

export function exportHref(networkSlug: string, workProgrammeId: string, format: "docx" | "pdf"): string {
  return `/networks/${encodeURIComponent(networkSlug)}/work-programmes/${encodeURIComponent(workProgrammeId)}/export/${format}`;
}

export function ExportLinks({ networkSlug, workProgrammeId }: { networkSlug: string; workProgrammeId: string }) {
  const { t } = useTranslation("export");
  const hintId = `export-hint-${workProgrammeId}`;
  return (
    <div className="actions export-links" role="group" aria-label={t("links.label")}>
      <a className="button button--quiet button--small" href={exportHref(networkSlug, workProgrammeId, "docx")} aria-describedby={hintId}>
        {t("links.docx")}
      </a>
      <a className="button button--quiet button--small" href={exportHref(networkSlug, workProgrammeId, "pdf")} aria-describedby={hintId}>
        {t("links.pdf")}
      </a>
      <span id={hintId} className="muted">
        {t("links.hint")}
      </span>
    </div>
  );
}
