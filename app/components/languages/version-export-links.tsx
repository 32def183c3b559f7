/**
 * Downloads of one language version: DOCX, PDF, and a DOCX with the original beside the
 * version in two columns. Plain links (not Remix <Link>): the files come from a resource
 * route and must be fetched as documents, not as data.
 */
import { useTranslation } from "react-i18next";

export function versionExportHref(base: string, language: string, format: "docx" | "pdf", layout: "single" | "bilingual" = "single"): string {
  return `${base}/languages/${encodeURIComponent(language)}/export/${format}${layout === "bilingual" ? "?layout=bilingual" : ""}`;
}

export function VersionExportLinks({ base, language }: { base: string; language: string }) {
  const { t } = useTranslation("export");
  return (
    <div className="actions export-links" role="group" aria-label={t("languageVersion.links.label")}>
      <a className="button button--quiet button--small" href={versionExportHref(base, language, "docx")}>
        {t("languageVersion.links.docx")}
      </a>
      <a className="button button--quiet button--small" href={versionExportHref(base, language, "pdf")}>
        {t("languageVersion.links.pdf")}
      </a>
      <a className="button button--quiet button--small" href={versionExportHref(base, language, "docx", "bilingual")}>
        {t("languageVersion.links.bilingual")}
      </a>
    </div>
  );
}
