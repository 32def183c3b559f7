/**
 * "Download DOCX" / "Download PDF" for a work programme, or for any document (DownloadLinks). Plain links (not Remix <Link>):
 * the files come from a resource route and must be fetched as documents, not as data.
 */
import type { ReactNode } from "react";
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

/** DOCX and PDF of any document from its export route (`…/export`), of a stored version when given; `children` join the group (a history link). */
export function DownloadLinks({ exportPath, versionId, children }: { exportPath: string; versionId?: string; children?: ReactNode }) {
  const { t } = useTranslation("export");
  const query = versionId ? `?version=${encodeURIComponent(versionId)}` : "";
  return (
    <div className="actions export-links" role="group" aria-label={t("links.label")}>
      <a className="button button--quiet button--small" href={`${exportPath}/docx${query}`}>
        {t("links.docx")}
      </a>
      <a className="button button--quiet button--small" href={`${exportPath}/pdf${query}`}>
        {t("links.pdf")}
      </a>
      {children}
    </div>
  );
}
