/**
 * The export entry: an ExportSource (live document now, a stored version later) → a file.
 * Only reads; nothing about the document changes.
 */
import type * as Y from "yjs";
import { deriveContent } from "#server/collab/derive";
import { readActivities, readMilestones } from "#shared/collab/work-programme-doc";
import type { Locale } from "#shared/i18n/config";
import { fixedT } from "#shared/i18n/instance";
import { renderExport, type ExportFile, type ExportFormat } from "./export-document";
import { workProgrammeDocument, type ExportSource } from "./work-programme-model";

export type { ExportSource } from "./work-programme-model";

export { CONTENT_TYPES, EXPORT_FORMATS, isExportFormat, type ExportFile, type ExportFormat } from "./export-document";

export async function exportWorkProgramme(source: ExportSource, format: ExportFormat, locale: Locale): Promise<ExportFile> {
  return renderExport(workProgrammeDocument(source, locale), format, {
    title: source.title,
    ownerName: source.networkName,
    date: source.date,
    fallbackTitle: fixedT(locale)("export:document.kind"),
  });
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
