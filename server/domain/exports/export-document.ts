/**
 * From an export model (model.ts) to a file, for any document type: the renderer for the
 * format, the file name (owner, title, date) and the headers' values. Only reads.
 */
import { contentDisposition, exportFileName, type ExportFileName } from "./file-name";
import type { ExportDocument } from "./model";
import { renderDocx } from "./render-docx";
import { renderPdf } from "./render-pdf";

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

/** `naming`: what the file name is made of (owner is a network's name, or the commons' name). */
export async function renderExport(
  model: ExportDocument,
  format: ExportFormat,
  naming: { title: string; ownerName: string; date: string; fallbackTitle: string },
): Promise<ExportFile> {
  const data = format === "docx" ? await renderDocx(model) : await renderPdf(model);
  const fileName = exportFileName({ title: naming.title, networkName: naming.ownerName, date: naming.date, extension: format, fallbackTitle: naming.fallbackTitle });
  return { data, contentType: CONTENT_TYPES[format], fileName, contentDisposition: contentDisposition(fileName) };
}
