/**
 * The export entry: an ExportSource (live document now, a stored version later) → a file.
 * Only reads; nothing about the document changes.
 */
import type * as Y from "yjs";
import { deriveContent } from "#server/collab/derive";
import { readActivities, readMilestones } from "#shared/collab/work-programme-doc";
import type { Locale } from "#shared/i18n/config";
import { fixedT } from "#shared/i18n/instance";
import { contentDisposition, exportFileName, type ExportFileName } from "./file-name";
import { renderDocx } from "./render-docx";
import { renderPdf } from "./render-pdf";
import { workProgrammeDocument, type ExportSource } from "./work-programme-model";

export type { ExportSource } from "./work-programme-model";

export const EXPORT_FORMATS = ["docx", "pdf"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
};

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === "string" && (EXPORT_FORMATS as readonly string[]).includes(value);
}

export interface ExportFile {
  data: Buffer;
  contentType: string;
  fileName: ExportFileName;
  /** The complete Content-Disposition header value (attachment, ASCII and UTF-8 names). */
  contentDisposition: string;
}

export async function exportWorkProgramme(source: ExportSource, format: ExportFormat, locale: Locale): Promise<ExportFile> {
  const document = workProgrammeDocument(source, locale);
  const data = format === "docx" ? await renderDocx(document) : await renderPdf(document);
  const fileName = exportFileName({
    title: source.title,
    networkName: source.networkName,
    date: source.date,
    extension: format,
    fallbackTitle: fixedT(locale)("export:document.kind"),
  });
  return { data, contentType: CONTENT_TYPES[format], fileName, contentDisposition: contentDisposition(fileName) };
}

/** The source for a work programme's Y.Doc: its text, activities and milestones as they are in `doc`. */
export function workProgrammeSource(
  doc: Y.Doc,
  meta: { networkName: string; title: string; date: string; versionLabel?: string | null; organisationNames: ReadonlyMap<string, string> },
): ExportSource {
  return {
    ...meta,
    json: deriveContent(doc).json,
    activities: readActivities(doc),
    milestones: readMilestones(doc),
  };
}
