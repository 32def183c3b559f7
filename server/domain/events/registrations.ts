/**
 * Registering for an event: oneself, or (a coordinator) a colleague of one's network; the
 * waiting list once the places are taken, filled automatically when someone cancels or the
 * capacity grows; attendance. Counting the places taken and taking one run in one transaction
 * holding the event's lock, so 50 people asking for the last 10 places at the same moment end
 * as exactly 10 registered and 40 waiting.
 */
import type { Kysely } from "kysely";
import type { Database, EventRow } from "#db/schema";
import type { Services } from "#server/services";
import { can, type Actor, type EventSubject } from "#shared/policy";
import type { RegistrationFormData } from "#shared/validation/event-forms";
import type { RegistrationStatus } from "#shared/events/event-vocabulary";
import { findEvent, lockEvent } from "#db/queries/events";
import {
  countRegistrations,
  findRegistration,
  findRegistrationById,
  firstWaiting,
  insertRegistration,
  nextQueuedAt,
  setAttendance,
  updateRegistration,
} from "#db/queries/event-registrations";
import { findMembership } from "#db/queries/memberships";
import { findUserById } from "#db/queries/users";
import { newId } from "../auth/tokens";
import { nowIso } from "#shared/time";
import { eventSubject } from "./event-subject";
import { eventFor, organises } from "./event-access";
import { announceEventChange } from "./event-notices";

export type RegistrationError =
  | "notFound"
  | "forbidden"
  | "eventCancelled"
  | "registrationClosed"
  | "deadlinePassed"
  | "alreadyRegistered"
  | "notRegistered"
  | "notColleague"
  | "invalidDates";

export type RegisterResult = { ok: true; status: RegistrationStatus; userId: string } | { ok: false; error: RegistrationError };

/** Why the event takes no registrations now, or null when it does. */
function closedBecause(event: EventRow, now: string): RegistrationError | null {
  if (event.status === "cancelled") return "eventCancelled";
  if (event.status !== "published" || event.ends_at <= now) return "registrationClosed";
  if (event.registration_deadline !== null && event.registration_deadline < now) return "deadlinePassed";
  return null;
}

/** Whom the actor may register: themselves, or a colleague of a network they coordinate. */
async function mayRegister(services: Services, actor: Actor, event: EventSubject, userId: string): Promise<RegistrationError | null> {
  if (userId === actor.userId) return can(actor, { type: "event.register", event }) ? null : "forbidden";
  for (const [networkId] of actor.memberships) {
    if (!can(actor, { type: "event.registerColleagues", event, networkId })) continue;
    if (await findMembership(services.db, networkId, userId)) return null;
  }
  return "notColleague";
}

function details(input: RegistrationFormData, isStudyTrip: boolean) {
  return {
    preferred_language: input.preferredLanguage,
    understands: JSON.stringify([...new Set([input.preferredLanguage, ...input.understands])]),
    accessibility_needs: input.accessibilityNeeds,
    dietary_needs: input.dietaryNeeds,
    // Travel dates and rooms are asked for study trips only.
    arrival: isStudyTrip ? input.arrival : null,
    departure: isStudyTrip ? input.departure : null,
    needs_room: isStudyTrip ? (input.needsRoom ? 1 : 0) : null,
  };
}

const datesInOrder = (input: RegistrationFormData) => !input.arrival || !input.departure || input.arrival <= input.departure;

/**
 * Registers the actor (or, for a coordinator, a colleague): a place while there is one and
 * nobody waits, else the end of the waiting list. Twice, after the deadline or for a
 * cancelled event: refused, nothing changes.
 */
export async function register(services: Services, actor: Actor, eventId: string, input: RegistrationFormData): Promise<RegisterResult> {
  const found = await eventFor(services, actor, eventId, "view");
  if (!found.ok) return found;
  const { event } = found;
  const userId = input.userId ?? actor.userId;
  const closed = closedBecause(event, nowIso());
  if (closed) return { ok: false, error: closed };
  const refused = await mayRegister(services, actor, eventSubject(event), userId);
  if (refused) return { ok: false, error: refused };
  if (!datesInOrder(input)) return { ok: false, error: "invalidDates" };
  const person = await findUserById(services.db, userId);
  if (!person || person.disabled_at) return { ok: false, error: "notColleague" };

  return services.db.transaction().execute(async (trx): Promise<RegisterResult> => {
    const locked = await lockEvent(trx, eventId);
    const at = nowIso();
    const closedNow = locked ? closedBecause(locked, at) : "notFound";
    if (!locked || closedNow) return { ok: false, error: closedNow ?? "notFound" };
    const existing = await findRegistration(trx, eventId, userId);
    if (existing && existing.status !== "cancelled") return { ok: false, error: "alreadyRegistered" };
    const status = await placeFor(trx, locked);
    const queuedAt = await nextQueuedAt(trx, eventId, at);
    const fields = { ...details(input, locked.format === "studyTrip"), status, queued_at: queuedAt, registered_by: actor.userId, attended: null, reminded_at: null, updated_at: at };
    if (existing) await updateRegistration(trx, existing.id, fields);
    else await insertRegistration(trx, { id: newId(), event_id: eventId, user_id: userId, created_at: at, ...fields });
    return { ok: true, status, userId };
  });
}

/** A place if one is free and nobody is waiting for it; otherwise the waiting list. */
async function placeFor(trx: Kysely<Database>, event: EventRow): Promise<RegistrationStatus> {
  if (event.capacity === null) return "registered";
  const [taken, waiting] = await Promise.all([countRegistrations(trx, event.id, "registered"), countRegistrations(trx, event.id, "waiting")]);
  return taken < event.capacity && waiting === 0 ? "registered" : "waiting";
}

/**
 * Gives free places to the waiting list in order; returns who moved up. Runs inside the
 * transaction that freed the places (and holds the event's lock).
 */
export async function promoteFromWaitingList(trx: Kysely<Database>, eventId: string, capacity: number | null): Promise<string[]> {
  const free = capacity === null ? Number.MAX_SAFE_INTEGER : capacity - (await countRegistrations(trx, eventId, "registered"));
  const promoted = await firstWaiting(trx, eventId, Math.min(free, 10_000));
  const at = nowIso();
  for (const row of promoted) await updateRegistration(trx, row.id, { status: "registered", updated_at: at });
  return promoted.map((row) => row.user_id);
}

/**
 * Changes one's languages and needs (organisers: anyone's) without losing the place. Not once the
 * event is over: its needs are deleted after the retention time and must not be stored again.
 */
export async function updateRegistrationDetails(services: Services, actor: Actor, eventId: string, input: RegistrationFormData): Promise<RegisterResult> {
  const found = await eventFor(services, actor, eventId, "view");
  if (!found.ok) return found;
  const { event } = found;
  const userId = input.userId ?? actor.userId;
  if (userId !== actor.userId && !organises(actor, event)) return { ok: false, error: "forbidden" };
  if (event.ends_at <= nowIso()) return { ok: false, error: "registrationClosed" };
  if (!datesInOrder(input)) return { ok: false, error: "invalidDates" };
  const existing = await findRegistration(services.db, eventId, userId);
  if (!existing || existing.status === "cancelled") return { ok: false, error: "notRegistered" };
  await updateRegistration(services.db, existing.id, { ...details(input, event.format === "studyTrip"), updated_at: nowIso() });
  return { ok: true, status: existing.status, userId };
}

/**
 * Cancels a registration: one's own, or (organisers) anyone's. A freed place goes to the
 * first on the waiting list, who is told.
 */
export async function cancelRegistration(services: Services, actor: Actor, eventId: string, registrationId: string | null): Promise<{ ok: true; promoted: string[] } | { ok: false; error: RegistrationError }> {
  const found = await eventFor(services, actor, eventId, "view");
  if (!found.ok) return found;
  const organiser = organises(actor, found.event);
  const target = registrationId === null ? await findRegistration(services.db, eventId, actor.userId) : await findRegistrationById(services.db, eventId, registrationId);
  if (!target || target.status === "cancelled") return { ok: false, error: "notRegistered" };
  if (target.user_id !== actor.userId && !organiser) return { ok: false, error: "forbidden" };

  const promoted = await services.db.transaction().execute(async (trx) => {
    const locked = await lockEvent(trx, eventId);
    const current = await findRegistrationById(trx, eventId, target.id);
    if (!locked || !current || current.status === "cancelled") return null;
    await updateRegistration(trx, current.id, { status: "cancelled", updated_at: nowIso() });
    return current.status === "registered" && locked.status === "published" ? promoteFromWaitingList(trx, eventId, locked.capacity) : [];
  });
  if (promoted === null) return { ok: false, error: "notRegistered" };
  const after = await findEvent(services.db, eventId);
  if (after) await announceEventChange(services, after, actor.userId, "promoted", promoted);
  return { ok: true, promoted };
}

/** Organisers tick who came; every listed registration not ticked is recorded as absent. */
export async function recordAttendance(services: Services, actor: Actor, eventId: string, listed: readonly string[], present: readonly string[]): Promise<{ ok: true } | { ok: false; error: RegistrationError }> {
  const found = await eventFor(services, actor, eventId, "organise");
  if (!found.ok) return found;
  if (found.event.status !== "published" && found.event.status !== "held") return { ok: false, error: "registrationClosed" };
  await setAttendance(services.db, eventId, listed, new Set(present), nowIso());
  return { ok: true };
}
