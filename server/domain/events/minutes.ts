/**
 * An event's minutes beyond the co-edited document itself: what the minutes page shows
 * around the editor (which action items became activities, where an item may go, who
 * attended), and turning an action item into an activity of a work programme — written into
 * that work programme's live document through the collab server, so everyone editing it
 * sees the activity appear, and stored like any other edit.
 */
import type { Services } from "#server/services";
import type { DocumentAccess } from "#server/collab/collab-server";
import type { EventRow } from "#db/schema";
import type { Locale } from "#shared/i18n/config";
import { can, type Actor } from "#shared/policy";
import { fixedT } from "#shared/i18n/instance";
import { docNameOf, MINUTES_DOC_TYPE, WORK_PROGRAMME_DOC_TYPE } from "#shared/collab/doc-names";
import { readActionItems } from "#shared/collab/minutes-doc";
import { addActivity } from "#shared/collab/work-programme-doc";
import { dayInZone } from "#shared/events/event-format";
import { formatDay } from "#shared/calendar-format";
import { resolveDocument } from "#server/documents/registry";
import { claimMinutesAction, listMinutesActions, releaseMinutesAction } from "#db/queries/minutes-actions";
import { listOpenWorkProgrammesOfNetworks } from "#db/queries/work-programmes";
import { listRegistrations } from "#db/queries/event-registrations";
import { nowIso } from "#shared/time";
import { eventFor, organises } from "./event-access";

export const minutesDocName = (eventId: string) => docNameOf(MINUTES_DOC_TYPE, eventId);
const workProgrammePath = (slug: string, id: string) => `/networks/${slug}/work-programmes/${id}`;

/** Work programmes an action item of this event may become an activity of: the event's network's (or, for the commons, the person's networks'), open, that the person may edit. */
async function targetWorkProgrammes(services: Services, actor: Actor, event: EventRow) {
  const networkIds = event.network_id === null ? [...actor.memberships.keys()] : [event.network_id];
  const rows = await listOpenWorkProgrammesOfNetworks(services.db, networkIds);
  return rows.filter((w) => can(actor, { type: "document.edit", doc: { owner: { kind: "network", networkId: w.network_id }, state: "open" } }));
}

/** What the minutes page needs besides the document: links of items that became activities, targets, attendance to copy in. */
export async function minutesPageData(services: Services, actor: Actor, event: EventRow, mayEdit: boolean) {
  const [links, targets] = await Promise.all([listMinutesActions(services.db, event.id), mayEdit ? targetWorkProgrammes(services, actor, event) : []]);
  // Who came (or, before attendance is ticked, who holds a place), for organisers to copy into the attendees.
  let attendance: Array<{ name: string; organisation: string }> = [];
  if (mayEdit && organises(actor, event)) {
    const holding = (await listRegistrations(services.db, event.id)).filter((r) => r.status === "registered");
    const ticked = holding.some((r) => r.attended !== null);
    attendance = holding.filter((r) => !ticked || r.attended === 1).map((r) => ({ name: r.name, organisation: r.organisation_name ?? "" }));
  }
  return {
    activities: Object.fromEntries(
      links.map((l) => [l.action_id, { workProgramme: l.work_programme_title, network: l.network_name, path: workProgrammePath(l.network_slug, l.work_programme_id) }]),
    ),
    workProgrammes: targets.map((w) => ({ id: w.id, title: w.title, network: w.network_name })),
    attendance,
  };
}

export type ActionToActivityRefusal = "notFound" | "forbidden" | "workProgrammeNotAllowed" | "actionNotFound" | "actionWithoutTitle" | "alreadyActivity";

export type ActionToActivityResult = { ok: true; path: string; workProgramme: string } | { ok: false; error: ActionToActivityRefusal };

/**
 * Turns one action item of the minutes into a planned activity of a work programme: its title,
 * its due date's month as start and end, and a note naming the meeting (in the language of
 * the person who does it). Once per action item: the claim is a row, so a second click, by
 * anyone on any instance, is told it happened already.
 */
export async function turnActionIntoActivity(
  services: Services,
  documents: DocumentAccess,
  actor: Actor,
  input: { eventId: string; actionId: string; workProgrammeId: string; locale: Locale },
): Promise<ActionToActivityResult> {
  const access = await eventFor(services, actor, input.eventId, "view");
  if (!access.ok) return { ok: false, error: "notFound" };
  const event = access.event;
  const minutes = await resolveDocument(services, minutesDocName(event.id));
  if (!minutes || !can(actor, { type: "document.read", doc: minutes })) return { ok: false, error: "notFound" };
  if (!can(actor, { type: "document.edit", doc: minutes })) return { ok: false, error: "forbidden" };
  const target = (await targetWorkProgrammes(services, actor, event)).find((w) => w.id === input.workProgrammeId);
  if (!target) return { ok: false, error: "workProgrammeNotAllowed" };

  const copy = await documents.read(minutes.name);
  const item = readActionItems(copy).find((a) => a.id === input.actionId);
  copy.destroy();
  if (!item) return { ok: false, error: "actionNotFound" };
  if (!item.title.trim()) return { ok: false, error: "actionWithoutTitle" };

  const activityId = crypto.randomUUID();
  const claimed = await claimMinutesAction(services.db, {
    event_id: event.id,
    action_id: item.id,
    work_programme_id: target.id,
    activity_id: activityId,
    created_by: actor.userId,
    created_at: nowIso(),
  });
  if (!claimed) return { ok: false, error: "alreadyActivity" };

  const t = fixedT(input.locale);
  const month = item.due.slice(0, 7);
  const note = t("events:minutes.activityNote", { event: event.title, date: formatDay(dayInZone(event.starts_at, event.time_zone), input.locale), owner: item.owner.trim() || "–" });
  try {
    await documents.change(docNameOf(WORK_PROGRAMME_DOC_TYPE, target.id), actor.userId, (doc) => {
      addActivity(doc, { id: activityId, title: item.title.trim(), start: month, end: month, note });
    });
  } catch (error) {
    // Nothing reached the work programme: the item may be turned into an activity again.
    await releaseMinutesAction(services.db, event.id, item.id);
    throw error;
  }
  return { ok: true, path: workProgrammePath(target.network_slug, target.id), workProgramme: target.title };
}
