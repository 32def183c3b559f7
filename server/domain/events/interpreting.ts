/**
 * Interpreting for an event, worked out from who comes: the registered participants'
 * languages against each session's language (shared/events/interpreting.ts does the
 * arithmetic); organisers mark directions booked per session.
 */
import type { Services } from "#server/services";
import type { Actor } from "#shared/policy";
import type { EventLanguage } from "#shared/events/event-vocabulary";
import { interpretingNeeds, interpretingSummary, staleBookings, type InterpretingNeed, type InterpretingSummaryLine, type InterpretingBooking } from "#shared/events/interpreting";
import { findSession, listInterpretingBookings, listSessions, setInterpretingBooked } from "#db/queries/events";
import { registeredLanguages } from "#db/queries/event-registrations";
import { nowIso } from "#shared/time";
import { parseLanguages } from "./event-subject";
import { eventFor } from "./event-access";
import type { EventError } from "./events";

export interface EventInterpreting {
  needs: InterpretingNeed[];
  summary: InterpretingSummaryLine[];
  booked: InterpretingBooking[];
  /** Booked directions nobody needs any more (someone cancelled, a session changed language). */
  stale: InterpretingBooking[];
}

/** What the registered participants need, session by session, and what is booked. */
export async function eventInterpreting(services: Services, eventId: string): Promise<EventInterpreting> {
  const [sessions, people, bookingRows] = await Promise.all([listSessions(services.db, eventId), registeredLanguages(services.db, eventId), listInterpretingBookings(services.db, eventId)]);
  const participants = people.map((p) => ({ preferred: p.preferred_language, understands: parseLanguages(p.understands) }));
  const needs = interpretingNeeds(
    sessions.map((s) => ({ id: s.id, language: s.language })),
    participants,
  );
  const booked = bookingRows.map((b) => ({ sessionId: b.session_id, from: b.from_language, to: b.to_language }));
  return { needs, summary: interpretingSummary(needs, booked), booked, stale: staleBookings(needs, booked) };
}

/** Marks a direction of a session booked, or not. The direction's source must be the session's language. */
export async function markInterpreting(
  services: Services,
  actor: Actor,
  eventId: string,
  booking: { sessionId: string; from: EventLanguage; to: EventLanguage; booked: boolean },
): Promise<{ ok: true } | { ok: false; error: EventError }> {
  const found = await eventFor(services, actor, eventId, "organise");
  if (!found.ok) return found;
  const session = await findSession(services.db, eventId, booking.sessionId);
  if (!session) return { ok: false, error: "notFound" };
  if (booking.booked && (booking.from !== session.language || booking.from === booking.to)) return { ok: false, error: "wrongStatus" };
  await setInterpretingBooked(services.db, booking, booking.booked ? { by: actor.userId, at: nowIso() } : null);
  return { ok: true };
}
