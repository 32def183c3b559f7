/**
 * Minutes' action items that became work-programme activities. The minutes themselves are a
 * co-edited document (`minutes.<event id>`, in the collab tables); this row is the claim
 * that makes "turn into an activity" happen once, whoever clicks and on whichever instance,
 * and it is how the minutes link to the activity.
 */
import type { Kysely } from "kysely";
import { columnTypes } from "./column-types";

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable("minutes_action_activities")
    .addColumn("event_id", "text", (c) => c.notNull().references("events.id").onDelete("cascade"))
    .addColumn("action_id", "text", (c) => c.notNull())
    .addColumn("work_programme_id", "text", (c) => c.notNull().references("work_programmes.id").onDelete("cascade"))
    .addColumn("activity_id", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint("minutes_action_activities_pk", ["event_id", "action_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("minutes_action_activities").ifExists().execute();
}
