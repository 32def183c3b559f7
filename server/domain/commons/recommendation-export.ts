/**
 * A recommendation as a DOCX or PDF file: the network of networks, title, version and date
 * on top, the text, then its authors' networks and the evidence it cites. Made for anyone
 * who may read the commons, so only what every such reader sees goes in: findings (commons
 * content), published good-practice entries and live files of the commons library, by title
 * (a file without a title by its name); anything else is left out.
 */
import type * as Y from "yjs";
import type { Services } from "#server/services";
import type { ExportRequest, ResolvedDocument } from "#server/documents/document-type";
import { fixedT } from "#shared/i18n/instance";
import { deriveContent } from "#server/collab/derive";
import { findingsByIds, findRecommendation, goodPracticesByIds, listCitations } from "#db/queries/recommendations";
import type { Block, ExportDocument } from "../exports/model";
import { renderExport, type ExportFile } from "../exports/export-document";
import { blocksFromProsemirror } from "../exports/from-prosemirror";
import { cleanLine } from "../exports/text";
import { lineHeading as heading, lineList, lineParagraph as paragraph } from "../exports/simple-blocks";
import { formatInstant } from "../exports/work-programme-model";
import { authorsNetworksOf } from "./recommendation-notices";
import { liveLibraryDocuments } from "./library-citations";


async function evidence(services: Services, id: string, t: ReturnType<typeof fixedT>): Promise<string[]> {
  const citations = await listCitations(services.db, id);
  const [findings, practices, documents] = await Promise.all([
    findingsByIds(services.db, citations.filter((c) => c.kind === "finding").map((c) => c.target_id)),
    goodPracticesByIds(services.db, citations.filter((c) => c.kind === "goodPractice").map((c) => c.target_id)),
    liveLibraryDocuments(services, citations.filter((c) => c.kind === "libraryDocument").map((c) => c.target_id)),
  ]);
  const findingById = new Map(findings.map((f) => [f.id, f]));
  const practiceById = new Map(practices.map((p) => [p.id, p]));
  const lines: string[] = [];
  for (const c of citations) {
    const finding = c.kind === "finding" ? findingById.get(c.target_id) : undefined;
    const practice = c.kind === "goodPractice" ? practiceById.get(c.target_id) : undefined;
    const document = c.kind === "libraryDocument" ? documents.get(c.target_id) : undefined;
    if (finding) lines.push(`${finding.title} (${finding.network_name})`);
    else if (practice?.status === "published") lines.push(practice.title);
    else if (document) lines.push(t("commons:libraryDocuments.exportLine", { name: document.label }));
  }
  return lines;
}

export async function exportRecommendation(services: Services, document: ResolvedDocument, doc: Y.Doc, request: ExportRequest): Promise<ExportFile> {
  const t = fixedT(request.locale);
  const row = await findRecommendation(services.db, document.id);
  const owner = t("common:nav.networkOfNetworks");
  const title = cleanLine(document.title) || t("recommendations:export.untitled");
  const version = cleanLine(request.versionLabel ?? "") || t("export:document.currentVersion");
  const date = formatInstant(request.date, request.locale);
  const [networks, cited] = row ? await Promise.all([authorsNetworksOf(services, row), evidence(services, row.id, t)]) : [[], []];
  const kind = t("recommendations:export.kind", { owner });
  const blocks: Block[] = [
    { kind: "meta", text: kind },
    { kind: "title", text: title },
    { kind: "meta", text: t("export:document.versionAsOf", { version, date }) },
    ...(row ? [{ kind: "meta" as const, text: t("recommendations:export.stage", { stage: t(`recommendations:stages.${row.stage}`) }) }] : []),
    ...blocksFromProsemirror(deriveContent(doc, document.layout.contentField).json),
    heading(t("recommendations:export.authorsHeading")),
    networks.length ? lineList(networks.map((n) => n.name)) : paragraph(t("recommendations:export.noAuthors")),
    heading(t("recommendations:export.evidenceHeading")),
    cited.length ? lineList(cited) : paragraph(t("recommendations:export.noEvidence")),
  ];
  const model: ExportDocument = {
    language: request.locale,
    info: { title, subject: kind },
    runningHeader: [owner, title, version, date].filter(Boolean).join(" · "),
    blocks,
    pageLabel: (page, pages) => t("export:document.page", { page, pages }),
  };
  return renderExport(model, request.format, { title, ownerName: owner, date: request.date, fallbackTitle: t("recommendations:export.untitled") });
}
