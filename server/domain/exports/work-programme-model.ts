/**
 * A work programme as an export document: header (network, title, version, date), the text,
 * then activities and milestones as tables. Everything comes from an ExportSource, which is
 * built the same way from the live document or (later) from a stored version.
 */
import type { TFunction } from "i18next";
import type { Activity, Milestone } from "#shared/collab/work-programme-doc";
import { DISPLAY_TIME_ZONE, type Locale } from "#shared/i18n/config";
import { fixedT } from "#shared/i18n/instance";
import type { Block, ExportDocument, Inline, TableCell } from "./model";
import { blocksFromProsemirror } from "./from-prosemirror";
import { cleanLine, cleanText } from "./text";
import { formatDay, formatMonth } from "#shared/calendar-format";

export interface ExportSource {
  networkName: string;
  title: string;
  /** A stored version's name; absent for the current (live) version. */
  versionLabel?: string | null;
  /** The moment the content is from (now for the live document), ISO 8601. */
  date: string;
  /** ProseMirror JSON of the "content" fragment (see server/collab/derive.ts). */
  json: unknown;
  activities: Activity[];
  milestones: Milestone[];
  /** Organisation id → name, for the responsible organisations of activities. */
  organisationNames: ReadonlyMap<string, string>;
}

/** Date and time of an instant in the reader's language, Europe/Berlin (= Rome). */
export function formatInstant(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone: DISPLAY_TIME_ZONE }).format(date);
}

/** Plain text (which may contain newlines) as inline content. */
function inlines(text: string, format: { italic?: boolean } = {}): Inline[] {
  const out: Inline[] = [];
  cleanText(text)
    .split("\n")
    .forEach((line, i) => {
      if (i > 0) out.push({ kind: "break" });
      if (line) out.push({ kind: "text", text: line, ...format });
    });
  return out;
}

const para = (text: string, format: { italic?: boolean } = {}): Block => ({ kind: "paragraph", inlines: inlines(text, format) });
const cell = (blocks: Block[], header = false): TableCell => ({ header, colspan: 1, rowspan: 1, blocks });
const textCell = (text: string, format: { italic?: boolean } = {}) => cell([para(text, format)]);
const headerRow = (labels: string[]) => ({ cells: labels.map((l) => cell([para(l)], true)) });

function activitiesSection(source: ExportSource, locale: Locale, t: TFunction): Block[] {
  const heading: Block = { kind: "heading", level: 1, inlines: inlines(t("export:activities.heading")) };
  if (!source.activities.length) return [heading, para(t("export:activities.empty"))];
  const notSet = t("export:activities.notSet");
  const month = (value: string) => (value ? textCell(formatMonth(value, locale)) : textCell(notSet, { italic: true }));
  const rows = source.activities.map((a) => {
    const names = a.responsible.map((id) => source.organisationNames.get(id) ?? t("export:activities.unknownOrganisation"));
    return {
      cells: [
        a.title.trim() ? textCell(a.title) : textCell(t("export:activities.untitled"), { italic: true }),
        names.length ? cell(names.map((n) => para(n))) : textCell(t("export:activities.noneResponsible"), { italic: true }),
        month(a.start),
        month(a.end),
        // Status names are the editor's, so the file says what the screen says.
        textCell(t(`workprogramme:activities.statuses.${a.status}`)),
        textCell(a.note),
      ],
    };
  });
  const labels = ["title", "responsible", "start", "end", "status", "note"].map((k) => t(`export:activities.${k}`));
  return [heading, { kind: "table", rows: [headerRow(labels), ...rows], widths: [20, 22, 11, 11, 11, 25] }];
}

function milestonesSection(source: ExportSource, locale: Locale, t: TFunction): Block[] {
  const heading: Block = { kind: "heading", level: 1, inlines: inlines(t("export:milestones.heading")) };
  if (!source.milestones.length) return [heading, para(t("export:milestones.empty"))];
  const rows = source.milestones.map((m) => ({
    cells: [
      m.title.trim() ? textCell(m.title) : textCell(t("export:milestones.untitled"), { italic: true }),
      m.due ? textCell(formatDay(m.due, locale)) : textCell(t("export:milestones.notSet"), { italic: true }),
      textCell(t(m.reached ? "export:milestones.yes" : "export:milestones.no")),
    ],
  }));
  const labels = ["title", "due", "reached"].map((k) => t(`export:milestones.${k}`));
  return [heading, { kind: "table", rows: [headerRow(labels), ...rows], widths: [55, 28, 17] }];
}

export function workProgrammeDocument(source: ExportSource, locale: Locale): ExportDocument {
  const t = fixedT(locale);
  const network = cleanLine(source.networkName);
  const title = cleanLine(source.title) || t("export:document.untitled");
  const version = cleanLine(source.versionLabel ?? "") || t("export:document.currentVersion");
  const date = formatInstant(source.date, locale);
  const body = blocksFromProsemirror(source.json);
  return {
    language: locale,
    info: { title, subject: t("export:document.kindOf", { network }) },
    runningHeader: [network, title, version, date].filter(Boolean).join(" · "),
    blocks: [
      { kind: "meta", text: t("export:document.kindOf", { network }) },
      { kind: "title", text: title },
      { kind: "meta", text: t("export:document.versionAsOf", { version, date }) },
      ...body,
      ...activitiesSection(source, locale, t),
      ...milestonesSection(source, locale, t),
    ],
    pageLabel: (page, pages) => t("export:document.page", { page, pages }),
  };
}
