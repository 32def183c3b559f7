/**
 * SQL of events: the event row with its organising organisations, the agenda's sessions and
 * speakers, interpreting bookings, costs, and the lists calendars are made of. Registrations
 * are in event-registrations.ts. Writes that must be atomic take a transaction (`Db` may be one).
 */
import type { Kysely } from "kysely";
import type { Database, EventCost, EventRow, EventSession } from "../schema";
import type { EventLanguage, EventStatus } from "#shared/events/event-vocabulary";

type Db = Kysely<Database>;

export async function insertEvent(db: Db, row: EventRow, organisationIds: readonly string[]): Promise<void> {
  await db.insertInto("events").values(row).execute();
  await replaceEventOrganisations(db, row.id, organisationIds);
}

export async function updateEventRow(db: Db, id: string, patch: Partial<Omit<EventRow, "id" | "network_id" | "created_at" | "created_by">>): Promise<void> {
  await db.updateTable("events").set(patch).where("id", "=", id).execute();
}

export async function replaceEventOrganisations(db: Db, eventId: string, organisationIds: readonly string[]): Promise<void> {
  await db.deleteFrom("event_organisations").where("event_id", "=", eventId).execute();
  if (organisationIds.length) {
    await db
      .insertInto("event_organisations")
      .values(organisationIds.map((organisation_id) => ({ event_id: eventId, organisation_id })))
      .execute();
  }
}

export async function findEvent(db: Db, id: string): Promise<EventRow | undefined> {
  return db.selectFrom("events").selectAll().where("id", "=", id).executeTakeFirst();
}

/**
 * Locks the event for the rest of the transaction (PostgreSQL: a no-op update takes the row
 * lock; SQLite: the writer lock): registrations of one event then run one after the other,
 * so counting the places taken and taking one cannot interleave.
 */
export async function lockEvent(db: Db, id: string): Promise<EventRow | undefined> {
  await db
    .updateTable("events")
    .set((eb) => ({ sequence: eb.ref("sequence") }))
    .where("id", "=", id)
    .execute();
  return findEvent(db, id);
}

export async function listEventOrganisations(db: Db, eventId: string) {
  return db
    .selectFrom("event_organisations")
    .innerJoin("organisations", "organisations.id", "event_organisations.organisation_id")
    .select(["organisations.id", "organisations.name", "organisations.country"])
    .where("event_organisations.event_id", "=", eventId)
    .orderBy("organisations.name")
    .execute();
}

export interface EventListFilter {
  /** Network ids whose events to include. */
  networkIds: readonly string[];
  /** Include events of the commons. */
  commons: boolean;
  /** Events ending at or after this (UTC ISO). */
  from?: string;
  /** Events starting before this (UTC ISO). */
  until?: string;
  statuses: readonly EventStatus[];
  /** Drafts are listed only when created by this person or organised by them (see `draftsOf`). */
  draftsOf?: { userId: string; coordinatorOf: readonly string[]; moderator: boolean };
  order: "asc" | "desc";
  limit?: number;
}

/** Events of the given networks and/or the commons, with the owning network's name and registration counts. */
export async function listEvents(db: Db, filter: EventListFilter) {
  if (!filter.networkIds.length && !filter.commons) return [];
  let query = db
    .selectFrom("events")
    .leftJoin("networks", "networks.id", "events.network_id")
    .selectAll("events")
    .select(["networks.name as network_name", "networks.slug as network_slug"])
    .select((eb) => [
      eb
        .selectFrom("event_registrations")
        .whereRef("event_registrations.event_id", "=", "events.id")
        .where("event_registrations.status", "=", "registered")
        .select((e) => e.fn.countAll<number>().as("n"))
        .as("registered_count"),
    ])
    .where((eb) => {
      const owners = [];
      if (filter.networkIds.length) owners.push(eb("events.network_id", "in", [...filter.networkIds]));
      if (filter.commons) owners.push(eb("events.network_id", "is", null));
      return eb.or(owners);
    })
    .where((eb) => {
      const shown = [eb("events.status", "in", [...filter.statuses])];
      const drafts = filter.draftsOf;
      if (drafts) {
        const organised = [eb("events.created_by", "=", drafts.userId)];
        if (drafts.coordinatorOf.length) organised.push(eb("events.network_id", "in", [...drafts.coordinatorOf]));
        if (drafts.moderator) organised.push(eb("events.network_id", "is", null));
        shown.push(eb.and([eb("events.status", "=", "draft"), eb.or(organised)]));
      }
      return eb.or(shown);
    });
  if (filter.from) query = query.where("events.ends_at", ">=", filter.from);
  if (filter.until) query = query.where("events.starts_at", "<", filter.until);
  query = query.orderBy("events.starts_at", filter.order).orderBy("events.id");
  if (filter.limit) query = query.limit(filter.limit);
  const rows = await query.execute();
  return rows.map((row) => ({ ...row, registered_count: Number(row.registered_count ?? 0) }));
}

// ---------------------------------------------------------------- agenda

export async function listSessions(db: Db, eventId: string): Promise<EventSession[]> {
  return db.selectFrom("event_sessions").selectAll().where("event_id", "=", eventId).orderBy("starts_at").orderBy("id").execute();
}

export async function findSession(db: Db, eventId: string, sessionId: string): Promise<EventSession | undefined> {
  return db.selectFrom("event_sessions").selectAll().where("event_id", "=", eventId).where("id", "=", sessionId).executeTakeFirst();
}

export async function insertSession(db: Db, row: EventSession, speakerIds: readonly string[]): Promise<void> {
  await db.insertInto("event_sessions").values(row).execute();
  await replaceSessionSpeakers(db, row.id, speakerIds);
}

export async function updateSessionRow(db: Db, id: string, patch: Partial<Omit<EventSession, "id" | "event_id" | "created_at">>): Promise<void> {
  await db.updateTable("event_sessions").set(patch).where("id", "=", id).execute();
}

export async function deleteSession(db: Db, eventId: string, sessionId: string): Promise<boolean> {
  const result = await db.deleteFrom("event_sessions").where("event_id", "=", eventId).where("id", "=", sessionId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function replaceSessionSpeakers(db: Db, sessionId: string, userIds: readonly string[]): Promise<void> {
  await db.deleteFrom("event_session_speakers").where("session_id", "=", sessionId).execute();
  if (userIds.length) await db.insertInto("event_session_speakers").values(userIds.map((user_id) => ({ session_id: sessionId, user_id }))).execute();
}

export async function listSessionSpeakers(db: Db, eventId: string) {
  return db
    .selectFrom("event_session_speakers")
    .innerJoin("event_sessions", "event_sessions.id", "event_session_speakers.session_id")
    .innerJoin("users", "users.id", "event_session_speakers.user_id")
    .select(["event_session_speakers.session_id", "users.id as user_id", "users.name"])
    .where("event_sessions.event_id", "=", eventId)
    .orderBy("users.name")
    .execute();
}

/** The earliest session start and latest session end of an event: what its time may not be narrowed past. */
export async function sessionSpan(db: Db, eventId: string): Promise<{ first: string | null; last: string | null }> {
  const row = await db
    .selectFrom("event_sessions")
    .select((eb) => [eb.fn.min<string>("starts_at").as("first"), eb.fn.max<string>("ends_at").as("last")])
    .where("event_id", "=", eventId)
    .executeTakeFirst();
  return { first: row?.first ?? null, last: row?.last ?? null };
}

// ---------------------------------------------------------------- interpreting

export async function listInterpretingBookings(db: Db, eventId: string) {
  return db
    .selectFrom("event_interpreting_bookings")
    .innerJoin("event_sessions", "event_sessions.id", "event_interpreting_bookings.session_id")
    .select(["event_interpreting_bookings.session_id", "event_interpreting_bookings.from_language", "event_interpreting_bookings.to_language"])
    .where("event_sessions.event_id", "=", eventId)
    .execute();
}

export async function setInterpretingBooked(
  db: Db,
  booking: { sessionId: string; from: EventLanguage; to: EventLanguage },
  booked: { by: string; at: string } | null,
): Promise<void> {
  await db
    .deleteFrom("event_interpreting_bookings")
    .where("session_id", "=", booking.sessionId)
    .where("from_language", "=", booking.from)
    .where("to_language", "=", booking.to)
    .execute();
  if (booked) {
    await db
      .insertInto("event_interpreting_bookings")
      .values({ session_id: booking.sessionId, from_language: booking.from, to_language: booking.to, booked_by: booked.by, booked_at: booked.at })
      .execute();
  }
}

// ---------------------------------------------------------------- costs

export async function listEventCosts(db: Db, eventId: string): Promise<EventCost[]> {
  return db.selectFrom("event_costs").selectAll().where("event_id", "=", eventId).orderBy("kind").orderBy("created_at").orderBy("id").execute();
}

export async function insertEventCost(db: Db, row: EventCost): Promise<void> {
  await db.insertInto("event_costs").values(row).execute();
}

export async function updateEventCost(db: Db, eventId: string, id: string, patch: Pick<EventCost, "kind" | "description" | "planned_cents" | "actual_cents" | "updated_at">): Promise<boolean> {
  const result = await db.updateTable("event_costs").set(patch).where("event_id", "=", eventId).where("id", "=", id).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteEventCost(db: Db, eventId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom("event_costs").where("event_id", "=", eventId).where("id", "=", id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Every cost line of one owner's events (a network, or the commons with null), with the event's start and zone. */
export async function listCostsOfOwner(db: Db, networkId: string | null) {
  let query = db
    .selectFrom("event_costs")
    .innerJoin("events", "events.id", "event_costs.event_id")
    .select(["event_costs.event_id", "event_costs.kind", "event_costs.planned_cents", "event_costs.actual_cents", "events.starts_at", "events.time_zone"]);
  query = networkId === null ? query.where("events.network_id", "is", null) : query.where("events.network_id", "=", networkId);
  return query.execute();
}
