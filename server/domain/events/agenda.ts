/**
 * The agenda: sessions with time, title, room, the language spoken and speakers (people on
 * the platform, external guests). Times are typed in the event's zone; a session must lie
 * inside the event. A changed session language changes the interpreting worked out for it.
 */
import type { Services } from "#server/services";
import type { Actor } from "#shared/policy";
import type { SessionFormData } from "#shared/validation/event-forms";
import { localToUtc } from "#shared/events/event-time";
import { deleteSession, findSession, insertSession, replaceSessionSpeakers, updateSessionRow } from "#db/queries/events";
import { usersByIds } from "#db/queries/recommendations";
import { newId } from "../auth/tokens";
import { nowIso } from "#shared/time";
import { eventFor } from "./event-access";
import type { EventError, FieldErrors } from "./events";

export type SessionResult = { ok: true; id: string } | { ok: false; error: EventError } | { ok: false; fieldErrors: FieldErrors };

/** The event if the person organises it and it is not cancelled. */
async function organisable(services: Services, actor: Actor, eventId: string) {
  const found = await eventFor(services, actor, eventId, "organise");
  if (found.ok && found.event.status === "cancelled") return { ok: false as const, error: "wrongStatus" as const };
  return found;
}

/** Adds a session, or changes one when `sessionId` is given. */
export async function saveSession(services: Services, actor: Actor, eventId: string, input: SessionFormData): Promise<SessionResult> {
  const found = await organisable(services, actor, eventId);
  if (!found.ok) return found;
  const { event } = found;
  const errors: FieldErrors = {};
  const startsAt = localToUtc(input.start, event.time_zone);
  const endsAt = localToUtc(input.end, event.time_zone);
  if (!startsAt) errors.start = "events:errors.timeInvalid";
  if (!endsAt) errors.end = "events:errors.timeInvalid";
  if (startsAt && endsAt && endsAt <= startsAt) errors.end = "events:errors.endBeforeStart";
  if (startsAt && (startsAt < event.starts_at || startsAt >= event.ends_at)) errors.start = "events:errors.sessionOutsideEvent";
  // An end before the start is the message to see first: it is what the person has to change.
  if (endsAt && !errors.end && (endsAt > event.ends_at || endsAt <= event.starts_at)) errors.end = "events:errors.sessionOutsideEvent";
  const speakers = await usersByIds(services.db, input.speakers);
  if (speakers.length !== input.speakers.length) errors.speakers = "validation.choice";
  if (Object.keys(errors).length || !startsAt || !endsAt) return { ok: false, fieldErrors: errors };

  const at = nowIso();
  const fields = { title: input.title, starts_at: startsAt, ends_at: endsAt, room: input.room, language: input.language, guest_speakers: input.guests, updated_at: at };
  if (input.sessionId) {
    const existing = await findSession(services.db, eventId, input.sessionId);
    if (!existing) return { ok: false, error: "notFound" };
    await services.db.transaction().execute(async (trx) => {
      await updateSessionRow(trx, existing.id, fields);
      await replaceSessionSpeakers(trx, existing.id, input.speakers);
    });
    return { ok: true, id: existing.id };
  }
  const id = newId();
  await services.db.transaction().execute((trx) => insertSession(trx, { id, event_id: eventId, created_at: at, ...fields }, input.speakers));
  return { ok: true, id };
}

export async function removeSession(services: Services, actor: Actor, eventId: string, sessionId: string): Promise<{ ok: true } | { ok: false; error: EventError }> {
  const found = await organisable(services, actor, eventId);
  if (!found.ok) return found;
  return (await deleteSession(services.db, eventId, sessionId)) ? { ok: true } : { ok: false, error: "notFound" };
}
