/**
 * Event planning: events of a network or of the commons (network_id null), the organisations
 * organising them, the agenda's sessions and their speakers, registrations (with the waiting
 * list, attendance, languages and needs), interpreting marked as booked per session and
 * direction, costs, each person's private calendar feed, and when to remind people.
 * Times are UTC (the event's zone is kept to enter and show them); money is integer cents.
 */
import type { Kysely } from "kysely";
import { columnTypes } from "./column-types";

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  await db.schema
    .createTable("events")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("network_id", "text", (c) => c.references("networks.id").onDelete("cascade"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("format", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("time_zone", "text", (c) => c.notNull())
    .addColumn("starts_at", t.timestamp, (c) => c.notNull())
    .addColumn("ends_at", t.timestamp, (c) => c.notNull())
    .addColumn("venue", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("address", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("city", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("country", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("online_url", "text")
    .addColumn("working_languages", "text", (c) => c.notNull().defaultTo("[]")) // JSON array of de|it|en
    .addColumn("capacity", "integer")
    .addColumn("registration_deadline", t.timestamp)
    // iCalendar SEQUENCE: raised whenever time, place or status change, so subscribed calendars update.
    .addColumn("sequence", "integer", (c) => c.notNull().defaultTo(0))
    // Set once the participants' needs were deleted (a set time after the event).
    .addColumn("needs_purged_at", t.timestamp)
    .addColumn("created_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", t.timestamp, (c) => c.notNull())
    .addColumn("updated_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("updated_at", t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("events_network_start_idx").on("events").columns(["network_id", "starts_at"]).execute();
  await db.schema.createIndex("events_start_idx").on("events").column("starts_at").execute();

  await db.schema
    .createTable("event_organisations")
    .addColumn("event_id", "text", (c) => c.notNull().references("events.id").onDelete("cascade"))
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("event_organisations_pk", ["event_id", "organisation_id"])
    .execute();

  await db.schema
    .createTable("event_sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("event_id", "text", (c) => c.notNull().references("events.id").onDelete("cascade"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("starts_at", t.timestamp, (c) => c.notNull())
    .addColumn("ends_at", t.timestamp, (c) => c.notNull())
    .addColumn("room", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("language", "text", (c) => c.notNull())
    // External guests, one per line ("Name, organisation"); people on the platform are rows below.
    .addColumn("guest_speakers", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", t.timestamp, (c) => c.notNull())
    .addColumn("updated_at", t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("event_sessions_event_idx").on("event_sessions").columns(["event_id", "starts_at"]).execute();

  await db.schema
    .createTable("event_session_speakers")
    .addColumn("session_id", "text", (c) => c.notNull().references("event_sessions.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("event_session_speakers_pk", ["session_id", "user_id"])
    .execute();

  await db.schema
    .createTable("event_registrations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("event_id", "text", (c) => c.notNull().references("events.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("status", "text", (c) => c.notNull()) // registered | waiting | cancelled
    // The waiting list's order: when the person joined it (or registered), then the id.
    .addColumn("queued_at", t.timestamp, (c) => c.notNull())
    .addColumn("preferred_language", "text", (c) => c.notNull())
    .addColumn("understands", "text", (c) => c.notNull().defaultTo("[]")) // JSON array of de|it|en
    .addColumn("accessibility_needs", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("dietary_needs", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("arrival", "text") // YYYY-MM-DD, study trips
    .addColumn("departure", "text")
    .addColumn("needs_room", "integer") // 0 | 1 | null (not asked)
    .addColumn("attended", "integer") // null until ticked
    .addColumn("registered_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("reminded_at", t.timestamp)
    .addColumn("created_at", t.timestamp, (c) => c.notNull())
    .addColumn("updated_at", t.timestamp, (c) => c.notNull())
    .addUniqueConstraint("event_registrations_person_uq", ["event_id", "user_id"])
    .execute();
  await db.schema.createIndex("event_registrations_queue_idx").on("event_registrations").columns(["event_id", "status", "queued_at"]).execute();
  await db.schema.createIndex("event_registrations_user_idx").on("event_registrations").column("user_id").execute();

  await db.schema
    .createTable("event_interpreting_bookings")
    .addColumn("session_id", "text", (c) => c.notNull().references("event_sessions.id").onDelete("cascade"))
    .addColumn("from_language", "text", (c) => c.notNull())
    .addColumn("to_language", "text", (c) => c.notNull())
    .addColumn("booked_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("booked_at", t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint("event_interpreting_bookings_pk", ["session_id", "from_language", "to_language"])
    .execute();

  await db.schema
    .createTable("event_costs")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("event_id", "text", (c) => c.notNull().references("events.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("planned_cents", "bigint", (c) => c.notNull())
    .addColumn("actual_cents", "bigint")
    .addColumn("created_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", t.timestamp, (c) => c.notNull())
    .addColumn("updated_at", t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("event_costs_event_idx").on("event_costs").column("event_id").execute();

  // A person's private feed: only the token's hash is kept; a new token revokes the old one.
  await db.schema
    .createTable("calendar_feeds")
    .addColumn("user_id", "text", (c) => c.primaryKey().references("users.id").onDelete("cascade"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", t.timestamp, (c) => c.notNull())
    .execute();

  // Hours before an event to mail a reminder; null: no reminders.
  await db.schema.alterTable("users").addColumn("event_reminder_hours", "integer", (c) => c.defaultTo(24)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("users").dropColumn("event_reminder_hours").execute();
  for (const table of ["calendar_feeds", "event_costs", "event_interpreting_bookings", "event_registrations", "event_session_speakers", "event_sessions", "event_organisations", "events"]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
