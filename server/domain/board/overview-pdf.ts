/**
 * The board overview as a PDF for a board meeting, in the reader's language: title and date,
 * how the figures are counted, one section per network with its figures, then the totals and
 * the network of networks. Built as an export model (server/domain/exports/model.ts) and drawn
 * by the same pdfkit renderer as every other export (standard fonts, WinAnsi mapping, tables
 * that break between rows), so it looks like the platform's other PDFs.
 */
import type { TFunction } from "i18next";
import type { Locale } from "#shared/i18n/config";
import { fixedT } from "#shared/i18n/instance";
import { COUNTRIES } from "#shared/roles";
import { RECOMMENDATION_STAGES } from "#shared/policy";
import { ACTIVITY_STATUSES } from "#shared/collab/work-programme-doc";
import { formatBytes } from "#shared/library/format-bytes";
import type { Block, ExportDocument, Inline, TableCell, TableRow } from "../exports/model";
import { renderExport, type ExportFile } from "../exports/export-document";
import { formatInstant } from "../exports/work-programme-model";
import { cleanLine } from "../exports/text";
import type { BoardOverview, CountryCounts, EventFigures, NetworkFigures } from "./overview";

const text = (value: string, format: { bold?: boolean; italic?: boolean } = {}): Inline[] => (value ? [{ kind: "text", text: value, ...format }] : []);
const para = (value: string, format: { bold?: boolean; italic?: boolean } = {}): Block => ({ kind: "paragraph", inlines: text(value, format) });
const cell = (value: string, header = false): TableCell => ({ header, colspan: 1, rowspan: 1, blocks: [para(value)] });
const heading = (level: 1 | 2, value: string): Block => ({ kind: "heading", level, inlines: text(value) });

/** "Germany: 3 · Italy: 2", leaving out countries with nobody; "none" when nobody at all. */
export function countriesLine(counts: CountryCounts, t: TFunction, number: (n: number) => string): string {
  const parts = [...COUNTRIES, "unknown" as const]
    .filter((c) => counts[c] > 0)
    .map((c) => t("overview:countryCount", { country: c === "unknown" ? t("overview:countries.unknown") : t(`common:countries.${c}`), value: number(counts[c]) }));
  return parts.length ? parts.join(" · ") : t("overview:none");
}

function figuresTable(rows: Array<[string, string]>, t: TFunction): Block {
  const header: TableRow = { cells: [cell(t("overview:pdf.figure"), true), cell(t("overview:pdf.value"), true)] };
  return { kind: "table", rows: [header, ...rows.map(([label, value]) => ({ cells: [cell(label), cell(value)] }))], widths: [55, 45] };
}

function eventRows(events: EventFigures, t: TFunction, number: (n: number) => string): Array<[string, string]> {
  return [
    [t("overview:events.held"), number(events.held)],
    [t("overview:events.heldParticipants"), countriesLine(events.heldParticipants, t, number)],
    [t("overview:events.upcoming"), number(events.upcoming)],
    [t("overview:events.upcomingParticipants"), countriesLine(events.upcomingParticipants, t, number)],
  ];
}

function figureRows(figures: NetworkFigures, t: TFunction, locale: Locale, number: (n: number) => string): Array<[string, string]> {
  return [
    ...ACTIVITY_STATUSES.map((s): [string, string] => [t("overview:activitiesWithStatus", { status: t(`workprogramme:activities.statuses.${s}`) }), number(figures.activities[s])]),
    [t("overview:workProgramme.activitiesTotal"), number(figures.activitiesTotal)],
    [t("overview:workProgramme.milestonesDue"), number(figures.milestones.due)],
    [t("overview:workProgramme.milestonesOverdue"), number(figures.milestones.overdue)],
    [t("overview:workProgramme.milestonesReached"), number(figures.milestones.reached)],
    [t("overview:workProgramme.milestonesTotal"), number(figures.milestones.total)],
    ...eventRows(figures.events, t, number),
    [t("overview:exchange.findings"), number(figures.findings)],
    [t("overview:exchange.endorsed"), number(figures.recommendationsEndorsed)],
    [t("overview:exchange.libraryFiles"), number(figures.library.files)],
    [t("overview:exchange.librarySize"), formatBytes(figures.library.bytes, locale)],
  ];
}

export function boardOverviewDocument(overview: BoardOverview, locale: Locale): ExportDocument {
  const t = fixedT(locale);
  const numberFormat = new Intl.NumberFormat(locale);
  const number = (n: number) => numberFormat.format(n);
  const title = t("overview:title");
  const date = formatInstant(overview.asOf, locale);

  const blocks: Block[] = [
    { kind: "meta", text: t("overview:pdf.kind") },
    { kind: "title", text: title },
    { kind: "meta", text: t("overview:asOf", { date }) },
    heading(2, t("overview:definitions.heading")),
    {
      kind: "list",
      ordered: false,
      start: 1,
      items: [
        t("overview:definitions.workProgrammes"),
        t("overview:definitions.milestones", { days: overview.dueWithinDays }),
        t("overview:definitions.events"),
        t("overview:definitions.participants"),
        t("overview:definitions.endorsed"),
        t("overview:definitions.library"),
      ].map((line) => [para(line)]),
    },
  ];

  if (!overview.networks.length) blocks.push(para(t("overview:empty"), { italic: true }));
  for (const network of overview.networks) {
    const name = cleanLine(network.name);
    blocks.push(heading(1, network.archivedAt ? `${name} (${t("overview:archived")})` : name));
    blocks.push(figuresTable(figureRows(network.figures, t, locale, number), t));
  }

  blocks.push(heading(1, t("overview:allNetworks")));
  blocks.push(figuresTable(figureRows(overview.totals, t, locale, number), t));

  blocks.push(heading(1, t("overview:commons.heading")));
  blocks.push(heading(2, t("overview:commons.stagesHeading")));
  blocks.push(
    figuresTable(
      [
        ...RECOMMENDATION_STAGES.map((s): [string, string] => [t(`recommendations:stages.${s}`), number(overview.commons.recommendationsByStage[s])]),
        [t("overview:commons.recommendations"), number(overview.commons.recommendations)],
      ],
      t,
    ),
  );
  blocks.push(heading(2, t("overview:commons.eventsHeading")));
  blocks.push(figuresTable(eventRows(overview.commons.events, t, number), t));

  return {
    language: locale,
    info: { title, subject: t("overview:pdf.kind") },
    runningHeader: [t("appName"), title, date].join(" · "),
    blocks,
    pageLabel: (page, pages) => t("export:document.page", { page, pages }),
  };
}

/** The PDF file with its download headers' values (name: title and date, in the reader's language). */
export async function boardOverviewPdf(overview: BoardOverview, locale: Locale): Promise<ExportFile> {
  const t = fixedT(locale);
  return renderExport(boardOverviewDocument(overview, locale), "pdf", { title: t("overview:pdf.fileTitle"), ownerName: "", date: overview.asOf, fallbackTitle: "overview" });
}
