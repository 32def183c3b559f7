/**
 * SQL of registrations: one row per person and event, its place (registered, waiting,
 * cancelled), the waiting list's order, attendance, and the reminders due. Counting places
 * and taking one must run inside a transaction that holds the event's lock (lockEvent).
 */
import type { Kysely } from "kysely";
import type { Database, EventRegistration } from "../schema";
import type { RegistrationStatus } from "#shared/events/event-vocabulary";

type Db = Kysely<Database>;

export async function findRegistration(db: Db, eventId: string, userId: string): Promise<EventRegistration | undefined> {
  return db.selectFrom("event_registrations").selectAll().where("event_id", "=", eventId).where("user_id", "=", userId).executeTakeFirst();
}

export async function findRegistrationById(db: Db, eventId: string, id: string): Promise<EventRegistration | undefined> {
  return db.selectFrom("event_registrations").selectAll().where("event_id", "=", eventId).where("id", "=", id).executeTakeFirst();
}

export async function countRegistrations(db: Db, eventId: string, status: RegistrationStatus): Promise<number> {
  const row = await db
    .selectFrom("event_registrations")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("event_id", "=", eventId)
    .where("status", "=", status)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function insertRegistration(db: Db, row: EventRegistration): Promise<void> {
  await db.insertInto("event_registrations").values(row).execute();
}

export async function updateRegistration(db: Db, id: string, patch: Partial<Omit<EventRegistration, "id" | "event_id" | "user_id" | "created_at">>): Promise<void> {
  await db.updateTable("event_registrations").set(patch).where("id", "=", id).execute();
}

/**
 * When someone joining the event's queue now is queued: after everyone before them, even within
 * the same millisecond (ties would fall to the random id). Call while holding the event's lock.
 */
export async function nextQueuedAt(db: Db, eventId: string, now: string): Promise<string> {
  const row = await db
    .selectFrom("event_registrations")
    .select((eb) => eb.fn.max<string>("queued_at").as("last"))
    .where("event_id", "=", eventId)
    .executeTakeFirst();
  const last = row?.last ? Date.parse(row.last) : 0;
  return new Date(Math.max(Date.parse(now), last + 1)).toISOString();
}

/** The first `count` people of the waiting list, in the order they joined it. */
export async function firstWaiting(db: Db, eventId: string, count: number): Promise<EventRegistration[]> {
  if (count <= 0) return [];
  return db
    .selectFrom("event_registrations")
    .selectAll()
    .where("event_id", "=", eventId)
    .where("status", "=", "waiting")
    .orderBy("queued_at")
    .orderBy("id")
    .limit(count)
    .execute();
}

/** Registrations of an event with the person's name, e-mail, organisation and its country; waiting list in order. */
export async function listRegistrations(db: Db, eventId: string) {
  return db
    .selectFrom("event_registrations as r")
    .innerJoin("users", "users.id", "r.user_id")
    .leftJoin("organisations", "organisations.id", "users.organisation_id")
    .leftJoin("users as by", "by.id", "r.registered_by")
    .selectAll("r")
    .select(["users.name", "users.email", "organisations.name as organisation_name", "organisations.country as organisation_country", "by.name as registered_by_name"])
    .where("r.event_id", "=", eventId)
    .orderBy("r.status")
    .orderBy("r.queued_at")
    .orderBy("r.id")
    .execute();
}

/** The languages of the people holding a place: what interpreting is worked out from. */
export async function registeredLanguages(db: Db, eventId: string) {
  return db
    .selectFrom("event_registrations")
    .select(["preferred_language", "understands"])
    .where("event_id", "=", eventId)
    .where("status", "=", "registered")
    .execute();
}

/** Ids of people registered or waiting: who hears of a changed time or place, or a cancellation. */
export async function activeParticipantIds(db: Db, eventId: string): Promise<string[]> {
  const rows = await db.selectFrom("event_registrations").select("user_id").where("event_id", "=", eventId).where("status", "in", ["registered", "waiting"]).execute();
  return rows.map((row) => row.user_id);
}

/** A person's registrations (not cancelled) by event id: the calendar marks them. */
export async function registrationsOfUser(db: Db, userId: string, eventIds: readonly string[]): Promise<Map<string, RegistrationStatus>> {
  if (!eventIds.length) return new Map();
  const rows = await db
    .selectFrom("event_registrations")
    .select(["event_id", "status"])
    .where("user_id", "=", userId)
    .where("event_id", "in", [...eventIds])
    .where("status", "!=", "cancelled")
    .execute();
  return new Map(rows.map((row) => [row.event_id, row.status]));
}

export async function setAttendance(db: Db, eventId: string, registrationIds: readonly string[], attendedIds: ReadonlySet<string>, at: string): Promise<void> {
  for (const id of registrationIds) {
    await db
      .updateTable("event_registrations")
      .set({ attended: attendedIds.has(id) ? 1 : 0, updated_at: at })
      .where("event_id", "=", eventId)
      .where("id", "=", id)
      .where("status", "=", "registered")
      .execute();
  }
}

/**
 * Registrations whose reminder is due at `now`: a place held, the event published and not
 * begun, the person wants reminders and their lead time has come, and none was sent yet.
 */
export async function dueReminders(db: Db, now: string, horizon: string, limit = 200) {
  // The lead time is compared in the query, one condition per lead time in use (a handful): filtered
  // after the limit, 200 reminders not yet due (short lead times, earlier events) would hide due ones.
  const leads = (await db.selectFrom("users").select("event_reminder_hours").distinct().execute()).flatMap((row) => (row.event_reminder_hours === null ? [] : [row.event_reminder_hours]));
  if (!leads.length) return [];
  const nowMs = Date.parse(now);
  return db
    .selectFrom("event_registrations as r")
    .innerJoin("events", "events.id", "r.event_id")
    .innerJoin("users", "users.id", "r.user_id")
    .select(["r.id", "r.event_id", "r.user_id", "events.starts_at", "users.event_reminder_hours"])
    .where("r.status", "=", "registered")
    .where("r.reminded_at", "is", null)
    .where("events.status", "=", "published")
    .where("events.starts_at", ">", now)
    .where("events.starts_at", "<=", horizon)
    .where("users.disabled_at", "is", null)
    .where((eb) => eb.or(leads.map((hours) => eb.and([eb("users.event_reminder_hours", "=", hours), eb("events.starts_at", "<=", new Date(nowMs + hours * 3_600_000).toISOString())]))))
    .orderBy("events.starts_at")
    .limit(limit)
    .execute();
}

/** Marks a reminder sent unless someone else did (or the person cancelled meanwhile): true for exactly one caller across every instance. */
export async function claimReminder(db: Db, registrationId: string, at: string): Promise<boolean> {
  const result = await db.updateTable("event_registrations").set({ reminded_at: at }).where("id", "=", registrationId).where("status", "=", "registered").where("reminded_at", "is", null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A changed start time makes the reminder due again for the new time. */
export async function resetReminders(db: Db, eventId: string): Promise<void> {
  await db.updateTable("event_registrations").set({ reminded_at: null }).where("event_id", "=", eventId).execute();
}

/** Deletes the needs (accessibility, diet, travel dates, room) of events that ended before `endedBefore`. */
export async function purgeNeeds(db: Db, endedBefore: string, at: string): Promise<number> {
  const events = await db.selectFrom("events").select("id").where("ends_at", "<", endedBefore).where("needs_purged_at", "is", null).execute();
  for (const { id } of events) {
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable("event_registrations")
        .set({ accessibility_needs: "", dietary_needs: "", arrival: null, departure: null, needs_room: null, updated_at: at })
        .where("event_id", "=", id)
        .execute();
      await trx.updateTable("events").set({ needs_purged_at: at }).where("id", "=", id).execute();
    });
  }
  return events.length;
}
