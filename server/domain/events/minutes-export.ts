/**
 * Minutes as a DOCX or PDF file: owner, event, when and where on top, then attendees, the
 * text, decisions and action items (with the work-programme activity an item became). Made
 * for anyone who may read the minutes; nothing else of the event (registrations, needs) goes in.
 */
import type * as Y from "yjs";
import type { Services } from "#server/services";
import type { ExportRequest, ResolvedDocument } from "#server/documents/document-type";
import { fixedT } from "#shared/i18n/instance";
import { readActionItems, readAttendees, readDecisions } from "#shared/collab/minutes-doc";
import { formatEventRange } from "#shared/events/event-format";
import { formatDay } from "#shared/calendar-format";
import { deriveContent } from "#server/collab/derive";
import { findEvent } from "#db/queries/events";
import { findNetworkById } from "#db/queries/networks";
import { listMinutesActions } from "#db/queries/minutes-actions";
import type { Block, ExportDocument } from "../exports/model";
import { renderExport, type ExportFile } from "../exports/export-document";
import { blocksFromProsemirror } from "../exports/from-prosemirror";
import { cleanLine } from "../exports/text";
import { formatInstant } from "../exports/work-programme-model";
import { lineHeading, lineList, lineParagraph } from "../exports/simple-blocks";

export async function exportMinutes(services: Services, document: ResolvedDocument, doc: Y.Doc, request: ExportRequest): Promise<ExportFile> {
  const t = fixedT(request.locale);
  const event = await findEvent(services.db, document.id);
  const network = document.owner.kind === "network" ? await findNetworkById(services.db, document.owner.networkId) : undefined;
  const owner = network?.name ?? t("common:nav.networkOfNetworks");
  const eventTitle = cleanLine(document.title) || t("events:minutes.untitled");
  const title = t("events:minutes.exportTitle", { title: eventTitle });
  const version = cleanLine(request.versionLabel ?? "") || t("export:document.currentVersion");
  const date = formatInstant(request.date, request.locale);
  const activities = new Map((await listMinutesActions(services.db, document.id)).map((a) => [a.action_id, a]));
  const attendees = readAttendees(doc).filter((a) => a.name.trim());
  const decisions = readDecisions(doc).filter((d) => d.text.trim());
  const actions = readActionItems(doc).filter((a) => a.title.trim());
  const actionLine = (a: (typeof actions)[number]) => {
    const parts = [a.title, a.owner.trim() ? t("events:minutes.export.owner", { owner: a.owner }) : "", a.due ? t("events:minutes.export.due", { date: formatDay(a.due, request.locale) }) : ""];
    const activity = activities.get(a.id);
    if (activity) parts.push(t("events:minutes.export.becameActivity", { workProgramme: activity.work_programme_title }));
    return parts.filter(Boolean).join(" · ");
  };
  const place = event ? [event.venue, event.city].map((p) => p.trim()).filter(Boolean).join(", ") || (event.online_url ? t("events:minutes.export.online") : "") : "";
  const blocks: Block[] = [
    { kind: "meta", text: t("events:minutes.export.kind", { owner }) },
    { kind: "title", text: title },
    { kind: "meta", text: t("export:document.versionAsOf", { version, date }) },
    ...(event ? [{ kind: "meta" as const, text: [formatEventRange(event.starts_at, event.ends_at, event.time_zone, request.locale), place].filter(Boolean).join(" · ") }] : []),
    lineHeading(t("events:minutes.attendees.heading")),
    attendees.length ? lineList(attendees.map((a) => (a.organisation.trim() ? `${a.name} (${a.organisation})` : a.name))) : lineParagraph(t("events:minutes.attendees.empty")),
    lineHeading(t("events:minutes.textHeading")),
    ...blocksFromProsemirror(deriveContent(doc, document.layout.contentField).json),
    lineHeading(t("events:minutes.decisions.heading")),
    decisions.length ? lineList(decisions.map((d) => d.text), true) : lineParagraph(t("events:minutes.decisions.empty")),
    lineHeading(t("events:minutes.actions.heading")),
    actions.length ? lineList(actions.map(actionLine)) : lineParagraph(t("events:minutes.actions.empty")),
  ];
  const model: ExportDocument = {
    language: request.locale,
    info: { title, subject: t("events:minutes.export.kind", { owner }) },
    runningHeader: [owner, title, version, date].filter(Boolean).join(" · "),
    blocks,
    pageLabel: (page, pages) => t("export:document.page", { page, pages }),
  };
  return renderExport(model, request.format, { title, ownerName: owner, date: request.date, fallbackTitle: t("events:minutes.untitled") });
}
