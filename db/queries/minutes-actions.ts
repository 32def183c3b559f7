/**
 * SQL of minutes' action items that became work-programme activities: the claim (one row per
 * action item, so only the first of two clicks — on any instance — goes ahead), its release
 * when the activity could not be written, and the links the minutes page shows.
 */
import type { Kysely } from "kysely";
import type { Database, MinutesActionActivity } from "../schema";

type Db = Kysely<Database>;

/** Claims the action item for `row`'s activity; false when someone already turned it into one. */
export async function claimMinutesAction(db: Db, row: MinutesActionActivity): Promise<boolean> {
  const result = await db
    .insertInto("minutes_action_activities")
    .values(row)
    .onConflict((oc) => oc.columns(["event_id", "action_id"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function releaseMinutesAction(db: Db, eventId: string, actionId: string): Promise<void> {
  await db.deleteFrom("minutes_action_activities").where("event_id", "=", eventId).where("action_id", "=", actionId).execute();
}

/** The event's action items that became activities, with the work programme each went to. */
export async function listMinutesActions(db: Db, eventId: string) {
  return db
    .selectFrom("minutes_action_activities as m")
    .innerJoin("work_programmes as w", "w.id", "m.work_programme_id")
    .innerJoin("networks as n", "n.id", "w.network_id")
    .select(["m.action_id", "m.activity_id", "m.work_programme_id", "w.title as work_programme_title", "n.slug as network_slug", "n.name as network_name", "m.created_at"])
    .where("m.event_id", "=", eventId)
    .orderBy("m.created_at")
    .execute();
}
