/**
 * Planning an event: creating it in a network or in the commons, changing its fields, and
 * moving it through draft → published → held, or cancelled. Times arrive as typed in the
 * event's zone and are stored in UTC; a changed time, place or status raises the iCalendar
 * SEQUENCE so subscribed calendars update, and tells everyone registered.
 */
import type { Services } from "#server/services";
import type { EventRow } from "#db/schema";
import { can, type Actor, type WorkspaceOwner } from "#shared/policy";
import type { EventFormData } from "#shared/validation/event-forms";
import type { EventStatus } from "#shared/events/event-vocabulary";
import { localToUtc } from "#shared/events/event-time";
import { countRegistrations, resetReminders } from "#db/queries/event-registrations";
import { findEvent, insertEvent, lockEvent, replaceEventOrganisations, sessionSpan, updateEventRow } from "#db/queries/events";
import { listOrganisations } from "#db/queries/organisations";
import { newId } from "../auth/tokens";
import { nowIso } from "#shared/time";
import { eventFor } from "./event-access";
import { announceEventChange } from "./event-notices";
import { promoteFromWaitingList } from "./registrations";

export type EventError = "forbidden" | "notFound" | "wrongStatus";
export type FieldErrors = Record<string, string>;
export type EventSaveResult = { ok: true; id: string } | { ok: false; error: EventError } | { ok: false; fieldErrors: FieldErrors };

interface EventFields {
  row: Omit<EventRow, "id" | "network_id" | "status" | "sequence" | "needs_purged_at" | "created_by" | "created_at" | "updated_by" | "updated_at">;
  organisationIds: string[];
}

/** The form's values as stored, or the messages of the fields that cannot be. */
async function toFields(services: Services, input: EventFormData): Promise<{ ok: true; fields: EventFields } | { ok: false; fieldErrors: FieldErrors }> {
  const errors: FieldErrors = {};
  const startsAt = localToUtc(input.start, input.timeZone);
  const endsAt = localToUtc(input.end, input.timeZone);
  const deadline = input.deadline === null ? null : localToUtc(input.deadline, input.timeZone);
  if (!startsAt) errors.start = "events:errors.timeInvalid";
  if (!endsAt) errors.end = "events:errors.timeInvalid";
  if (startsAt && endsAt && endsAt <= startsAt) errors.end = "events:errors.endBeforeStart";
  if (input.deadline !== null && !deadline) errors.deadline = "events:errors.timeInvalid";
  else if (deadline && endsAt && deadline > endsAt) errors.deadline = "events:errors.deadlineAfterEnd";
  const known = new Set((await listOrganisations(services.db)).map((o) => o.id));
  if (input.organisations.some((id) => !known.has(id))) errors.organisations = "validation.choice";
  if (Object.keys(errors).length || !startsAt || !endsAt) return { ok: false, fieldErrors: errors };
  return {
    ok: true,
    fields: {
      row: {
        title: input.title,
        description: input.description,
        format: input.format,
        time_zone: input.timeZone,
        starts_at: startsAt,
        ends_at: endsAt,
        venue: input.venue,
        address: input.address,
        city: input.city,
        country: input.country,
        online_url: input.onlineUrl,
        working_languages: JSON.stringify(input.workingLanguages),
        capacity: input.capacity,
        registration_deadline: deadline,
      },
      organisationIds: input.organisations,
    },
  };
}

/** A new event, as a draft its creator and the owner's organisers see until they publish it. */
export async function createEvent(services: Services, actor: Actor, owner: WorkspaceOwner, input: EventFormData): Promise<EventSaveResult> {
  if (!can(actor, { type: "event.create", owner })) return { ok: false, error: "forbidden" };
  const parsed = await toFields(services, input);
  if (!parsed.ok) return parsed;
  const id = newId();
  const at = nowIso();
  await services.db.transaction().execute((trx) =>
    insertEvent(
      trx,
      {
        ...parsed.fields.row,
        id,
        network_id: owner.kind === "network" ? owner.networkId : null,
        status: "draft",
        sequence: 0,
        needs_purged_at: null,
        created_by: actor.userId,
        created_at: at,
        updated_by: actor.userId,
        updated_at: at,
      },
      parsed.fields.organisationIds,
    ),
  );
  return { ok: true, id };
}

/** What a calendar program must hear about: a changed start, end or place. */
function timeOrPlaceChanged(before: EventRow, after: EventFields["row"]): { time: boolean; place: boolean } {
  return {
    time: before.starts_at !== after.starts_at || before.ends_at !== after.ends_at,
    place: before.venue !== after.venue || before.address !== after.address || before.city !== after.city || before.country !== after.country || before.online_url !== after.online_url,
  };
}

/**
 * Changes an event's fields. Refused with field messages when the new time leaves sessions
 * outside it or the capacity is below the places already taken; nothing is stored then.
 * A raised capacity gives places to the waiting list at once.
 */
export async function updateEvent(services: Services, actor: Actor, eventId: string, input: EventFormData): Promise<EventSaveResult> {
  const found = await eventFor(services, actor, eventId, "organise");
  if (!found.ok) return found;
  if (found.event.status === "cancelled" || found.event.status === "held") return { ok: false, error: "wrongStatus" };
  const parsed = await toFields(services, input);
  if (!parsed.ok) return parsed;
  const fields = parsed.fields;
  const outcome = await services.db.transaction().execute(async (trx) => {
    const before = await lockEvent(trx, eventId);
    if (!before) return { ok: false as const, error: "notFound" as const };
    const errors: FieldErrors = {};
    const span = await sessionSpan(trx, eventId);
    if (span.first && span.first < fields.row.starts_at) errors.start = "events:errors.sessionsOutside";
    if (span.last && span.last > fields.row.ends_at) errors.end = "events:errors.sessionsOutside";
    const taken = await countRegistrations(trx, eventId, "registered");
    if (fields.row.capacity !== null && fields.row.capacity < taken) errors.capacity = "events:errors.capacityBelowRegistered";
    if (Object.keys(errors).length) return { ok: false as const, fieldErrors: errors };
    const changed = timeOrPlaceChanged(before, fields.row);
    await updateEventRow(trx, eventId, {
      ...fields.row,
      sequence: before.sequence + (changed.time || changed.place ? 1 : 0),
      updated_by: actor.userId,
      updated_at: nowIso(),
    });
    await replaceEventOrganisations(trx, eventId, fields.organisationIds);
    if (before.starts_at !== fields.row.starts_at) await resetReminders(trx, eventId);
    const promoted = await promoteFromWaitingList(trx, eventId, fields.row.capacity);
    return { ok: true as const, before, changed, promoted };
  });
  if (!outcome.ok) return outcome;
  const after = await findEvent(services.db, eventId);
  if (after && after.status === "published" && (outcome.changed.time || outcome.changed.place)) {
    await announceEventChange(services, after, actor.userId, outcome.changed.time ? "timeChanged" : "placeChanged");
  }
  if (after) await announceEventChange(services, after, actor.userId, "promoted", outcome.promoted);
  return { ok: true, id: eventId };
}

export type StatusChange = "publish" | "cancel" | "markHeld" | "reopen";

const TRANSITIONS: Record<StatusChange, { from: readonly EventStatus[]; to: EventStatus }> = {
  publish: { from: ["draft"], to: "published" },
  cancel: { from: ["draft", "published"], to: "cancelled" },
  markHeld: { from: ["published"], to: "held" },
  // A held event marked by mistake goes back to published; cancelled events stay cancelled.
  reopen: { from: ["held"], to: "published" },
};

/** Moves the event's status; a cancellation tells everyone registered and reaches calendars as cancelled. */
export async function changeEventStatus(services: Services, actor: Actor, eventId: string, change: StatusChange): Promise<{ ok: true } | { ok: false; error: EventError }> {
  const found = await eventFor(services, actor, eventId, "organise");
  if (!found.ok) return found;
  const transition = TRANSITIONS[change];
  const moved = await services.db.transaction().execute(async (trx) => {
    const before = await lockEvent(trx, eventId);
    if (!before || !transition.from.includes(before.status)) return null;
    await updateEventRow(trx, eventId, { status: transition.to, sequence: before.sequence + 1, updated_by: actor.userId, updated_at: nowIso() });
    return before;
  });
  if (!moved) return { ok: false, error: "wrongStatus" };
  const after = await findEvent(services.db, eventId);
  if (after && change === "cancel" && moved.status === "published") await announceEventChange(services, after, actor.userId, "cancelled");
  return { ok: true };
}
