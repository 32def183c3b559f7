/**
 * `application.<partnership id>` documents: the joint application a bilateral partnership
 * co-writes. Its partners write while it is being formed; from submission to the advisory
 * board on it is frozen (read-only for every connection) and answered as it stands. A
 * selected partnership's network keeps reading it as its founding document.
 */
import type * as Y from "yjs";
import type { DocumentType, ExportRequest, ResolvedDocument } from "#server/documents/document-type";
import type { Services } from "#server/services";
import { TEXT_ONLY_LAYOUT } from "#shared/collab/document-layout";
import { docNameOf } from "#shared/collab/doc-names";
import type { DocumentState } from "#shared/policy";
import type { PartnershipStatus } from "#db/schema";
import { findPartnership } from "#db/queries/partnerships";
import { fixedT } from "#shared/i18n/instance";
import { deriveContent } from "#server/collab/derive";
import type { ExportDocument } from "../exports/model";
import { renderExport, type ExportFile } from "../exports/export-document";
import { blocksFromProsemirror } from "../exports/from-prosemirror";
import { cleanLine } from "../exports/text";
import { formatInstant } from "../exports/work-programme-model";

export const APPLICATION_DOC_TYPE = "application";
export const applicationDocName = (partnershipId: string) => docNameOf(APPLICATION_DOC_TYPE, partnershipId);
export const partnershipPath = (id: string) => `/partnerships/${id}`;
const ID = /^[A-Za-z0-9-]{1,64}$/;

export const applicationStateOf = (status: PartnershipStatus): DocumentState => (status === "forming" ? "open" : "frozen");

async function exportApplication(services: Services, document: ResolvedDocument, doc: Y.Doc, request: ExportRequest): Promise<ExportFile> {
  const t = fixedT(request.locale);
  const row = await findPartnership(services.db, document.id);
  const title = cleanLine(document.title) || t("board:application.untitled");
  const version = cleanLine(request.versionLabel ?? "") || t("export:document.currentVersion");
  const date = formatInstant(request.date, request.locale);
  const kind = t("board:application.kind");
  const model: ExportDocument = {
    language: request.locale,
    info: { title, subject: kind },
    runningHeader: [kind, title, version, date].filter(Boolean).join(" · "),
    blocks: [
      { kind: "meta", text: kind },
      { kind: "title", text: title },
      { kind: "meta", text: t("export:document.versionAsOf", { version, date }) },
      ...(row ? [{ kind: "meta" as const, text: t(`board:partnershipStatus.${row.status}`) }] : []),
      ...blocksFromProsemirror(deriveContent(doc, document.layout.contentField).json),
    ],
    pageLabel: (page, pages) => t("export:document.page", { page, pages }),
  };
  return renderExport(model, request.format, { title, ownerName: kind, date: request.date, fallbackTitle: t("board:application.untitled") });
}

export const applicationDocumentType: DocumentType = {
  layout: TEXT_ONLY_LAYOUT,
  async resolve(services, id) {
    if (!ID.test(id)) return null;
    const row = await findPartnership(services.db, id);
    if (!row) return null;
    return {
      owner: { kind: "partnership", partnershipId: row.id, networkId: row.network_id },
      state: applicationStateOf(row.status),
      title: row.name,
      path: partnershipPath(row.id),
    };
  },
  exportFile: exportApplication,
};
