/**
 * Login failures become throttle events: the same keyed log now also counts password-reset
 * requests (per account and per IP), so its name says what it holds. Renamed, not copied,
 * so attempts counted before the migration still count.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("login_failures_key_at_idx").execute();
  await db.schema.alterTable("login_failures").renameTo("throttle_events").execute();
  await db.schema.createIndex("throttle_events_key_at_idx").on("throttle_events").columns(["key", "at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("throttle_events_key_at_idx").execute();
  await db.schema.alterTable("throttle_events").renameTo("login_failures").execute();
  await db.schema.createIndex("login_failures_key_at_idx").on("login_failures").columns(["key", "at"]).execute();
}
