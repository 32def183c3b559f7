/**
 * A language version as an export document (docs/decisions/0022-language-versions.md): the
 * version's text section by section in the source's order, each section followed by a small
 * line saying how far it keeps up with the original ("reviewed by …", "outdated", …), or
 * ("bilingual") one two-column table, the original on the left and the version with its
 * status on the right, one row per section.
 *
 * Sections come from `alignSections`, so the file says what the side-by-side page says:
 * blocks typed in the version without an id continue the section before them, sections no
 * longer in the original stay near where they were, empty spacer paragraphs are left out.
 * In the single layout a section not translated yet shows the original's text in italics,
 * so the file has no holes; the status line says it is the original. Only reads.
 */
import type { TFunction } from "i18next";
import type * as Y from "yjs";
import { fragmentToProsemirrorJson, type PmNodeJson } from "#server/collab/content-json";
import { readSections, type Section } from "#shared/collab/sections";
import { alignSections, needsNoTranslation, readSectionRecords, summarise, type AlignedSection } from "#shared/collab/section-status";
import { DISPLAY_TIME_ZONE, type Locale } from "#shared/i18n/config";
import { fixedT } from "#shared/i18n/instance";
import { renderExport, type ExportFile, type ExportFormat } from "./export-document";
import { blocksFromProsemirror } from "./from-prosemirror";
import type { Block, ExportDocument, Inline, TableCell } from "./model";
import { cleanLine } from "./text";
import { formatInstant } from "./work-programme-model";

export const VERSION_EXPORT_LAYOUTS = ["single", "bilingual"] as const;
export type VersionExportLayout = (typeof VERSION_EXPORT_LAYOUTS)[number];

export function isVersionExportLayout(value: unknown): value is VersionExportLayout {
  return typeof value === "string" && (VERSION_EXPORT_LAYOUTS as readonly string[]).includes(value);
}

export interface LanguageVersionExportSource {
  /** The source document and its version, as they are now (private copies: nothing is written). */
  sourceDoc: Y.Doc;
  versionDoc: Y.Doc;
  /** The fragment both texts live in (the source type's layout.contentField). */
  contentField: string;
  /** The source document's title. */
  title: string;
  /** The network's (or the commons') name: running header and file name. */
  ownerName: string;
  /** A line above the title, e.g. "Work programme · <network>"; none when null. */
  kindLine: string | null;
  /** The moment the content is from (now), ISO 8601. */
  date: string;
  sourceLanguage: Locale;
  language: Locale;
  layout: VersionExportLayout;
}

/** Top-level blocks of a fragment, each with its section and its export blocks. */
interface SectionBlocks {
  section: Section;
  blocks: Block[];
}

function sectionBlocks(fragment: Y.XmlFragment): SectionBlocks[] {
  const sections = readSections(fragment);
  // One JSON node per top-level element, in order (top-level text, which readSections skips too, comes out as text nodes).
  const nodes = (fragmentToProsemirrorJson(fragment).content ?? []).filter((node: PmNodeJson) => typeof node.text !== "string");
  return sections.map((section, i) => ({ section, blocks: nodes[i] ? blocksFromProsemirror({ type: "doc", content: [nodes[i]] }) : [] }));
}

/**
 * The version's blocks per section head, grouped as `alignSections` groups them: an id-less
 * block continues the linked section before it; after a repeated id it belongs to nothing.
 */
function versionGroups(items: SectionBlocks[]): { byHead: Map<Section, Block[]>; firstById: Map<string, Section> } {
  const byHead = new Map<Section, Block[]>();
  const firstById = new Map<string, Section>();
  let current: Block[] | null = null;
  for (const { section, blocks } of items) {
    if (section.id) {
      const group = [...blocks];
      byHead.set(section, group);
      if (firstById.has(section.id)) {
        current = null;
      } else {
        firstById.set(section.id, section);
        current = group;
      }
    } else if (current) {
      current.push(...blocks);
    }
  }
  return { byHead, firstById };
}

/** The same blocks with every text in italics (the original shown where a translation is missing). */
function italic(blocks: Block[]): Block[] {
  const inlines = (list: Inline[]): Inline[] => list.map((i) => (i.kind === "text" ? { ...i, italic: true } : i));
  return blocks.map((block): Block => {
    switch (block.kind) {
      case "heading":
      case "paragraph":
        return { ...block, inlines: inlines(block.inlines) };
      case "list":
        return { ...block, items: block.items.map(italic) };
      case "quote":
        return { ...block, blocks: italic(block.blocks) };
      case "table":
        return { ...block, rows: block.rows.map((row) => ({ cells: row.cells.map((cell) => ({ ...cell, blocks: italic(cell.blocks) })) })) };
      default:
        return block;
    }
  });
}

function formatDate(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: DISPLAY_TIME_ZONE }).format(date);
}

/** The small line under a section: its status, with who and when where the record says. */
export function statusLine(row: AlignedSection, t: TFunction, locale: Locale, showsOriginal: { language: string } | null = null): string {
  const date = row.record ? formatDate(row.record.at, locale) : "";
  switch (row.status) {
    case "reviewed":
      return t("export:languageVersion.status.reviewed", { name: cleanLine(row.record?.byName ?? "") || t("export:languageVersion.status.someone"), date });
    case "machine":
      return t("export:languageVersion.status.machine", { date });
    case "outdated":
      return t("export:languageVersion.status.outdated", { date });
    case "untranslated":
      return showsOriginal ? t("export:languageVersion.status.untranslatedOriginal", showsOriginal) : t("export:languageVersion.status.untranslated");
    case "unchecked":
    case "removed":
      return t(`export:languageVersion.status.${row.status}`);
  }
}

const cell = (blocks: Block[], header = false): TableCell => ({ header, colspan: 1, rowspan: 1, blocks });
const para = (text: string): Block => ({ kind: "paragraph", inlines: [{ kind: "text", text: cleanLine(text) }] });

export function languageVersionDocument(input: LanguageVersionExportSource, locale: Locale): ExportDocument {
  const t = fixedT(locale);
  const name = (language: Locale) => t(`export:languageVersion.names.${language}`);
  const field = input.contentField;
  const source = sectionBlocks(input.sourceDoc.getXmlFragment(field));
  const version = sectionBlocks(input.versionDoc.getXmlFragment(field));
  const sourceBlocks = new Map(source.map((item) => [item.section, item.blocks]));
  const groups = versionGroups(version);

  const allRows = alignSections(
    source.map((item) => item.section),
    version.map((item) => item.section),
    readSectionRecords(input.versionDoc),
  );
  const summary = summarise(allRows);
  const rows = allRows.filter((row) => !needsNoTranslation(row));
  const targetBlocks = (row: AlignedSection): Block[] => {
    if (!row.target) return [];
    if (row.status === "removed") return groups.byHead.get(row.target) ?? [];
    const head = row.id ? groups.firstById.get(row.id) : undefined;
    return (head && groups.byHead.get(head)) ?? [];
  };
  const originalBlocks = (row: AlignedSection): Block[] => (row.source ? (sourceBlocks.get(row.source) ?? []) : []);

  const title = cleanLine(input.title) || t("export:languageVersion.untitled");
  const fullTitle =
    input.layout === "bilingual"
      ? t("export:languageVersion.bilingualTitle", { title, source: name(input.sourceLanguage), target: name(input.language) })
      : t("export:languageVersion.title", { title, language: name(input.language) });
  const owner = cleanLine(input.ownerName);
  const date = formatInstant(input.date, locale);

  let body: Block[];
  if (input.layout === "bilingual") {
    const header = { cells: [cell([para(name(input.sourceLanguage))], true), cell([para(name(input.language))], true)] };
    const tableRows = rows.map((row) => ({
      cells: [
        cell(row.source ? originalBlocks(row) : [{ kind: "meta", text: t("export:languageVersion.removedSource") }]),
        cell([...targetBlocks(row), { kind: "meta", text: statusLine(row, t, locale) }]),
      ],
    }));
    body = [{ kind: "table", rows: [header, ...tableRows], widths: [50, 50] }];
  } else {
    body = rows.flatMap((row): Block[] => {
      if (row.status === "untranslated") {
        return [...italic(originalBlocks(row)), { kind: "meta", text: statusLine(row, t, locale, { language: name(input.sourceLanguage) }) }];
      }
      return [...targetBlocks(row), { kind: "meta", text: statusLine(row, t, locale) }];
    });
  }

  return {
    language: locale,
    info: { title: fullTitle, subject: t("export:languageVersion.subject", { source: name(input.sourceLanguage), target: name(input.language) }) },
    runningHeader: [owner, fullTitle, date].filter(Boolean).join(" · "),
    blocks: [
      ...(input.kindLine ? [{ kind: "meta" as const, text: cleanLine(input.kindLine) }] : []),
      { kind: "title", text: fullTitle },
      { kind: "meta", text: t("export:languageVersion.asOf", { date, source: name(input.sourceLanguage) }) },
      { kind: "meta", text: t("export:languageVersion.summary", { current: summary.current, total: summary.total }) },
      ...body,
    ],
    pageLabel: (page, pages) => t("export:document.page", { page, pages }),
  };
}

export async function exportLanguageVersion(input: LanguageVersionExportSource, format: ExportFormat, locale: Locale): Promise<ExportFile> {
  const t = fixedT(locale);
  const model = languageVersionDocument(input, locale);
  return renderExport(model, format, {
    title: model.info.title,
    ownerName: input.ownerName,
    date: input.date,
    fallbackTitle: t("export:languageVersion.kind"),
  });
}
