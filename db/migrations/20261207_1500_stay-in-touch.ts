/**
 * Carrying on after the project: groups that were not selected (or chose to stay in touch)
 * receive the invitations to the commons' information events. One row per event and group
 * claims the invitation before its mail is written, so nobody gets the same event twice,
 * however often the button is pressed and on however many instances. A withdrawn group's
 * row goes with it (cascade), and so does a deleted event's.
 */
import type { Kysely } from "kysely";
import { columnTypes } from "./column-types";

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable("interest_event_invitations")
    .addColumn("event_id", "text", (c) => c.notNull().references("events.id").onDelete("cascade"))
    .addColumn("expression_id", "text", (c) => c.notNull().references("interest_expressions.id").onDelete("cascade"))
    .addColumn("invited_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("invited_at", t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint("interest_event_invitations_pk", ["event_id", "expression_id"])
    .execute();
  // The primary key serves lookups by event; a withdrawal's cascade looks up by group.
  await db.schema.createIndex("interest_event_invitations_expression_idx").on("interest_event_invitations").column("expression_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("interest_event_invitations").ifExists().execute();
}
