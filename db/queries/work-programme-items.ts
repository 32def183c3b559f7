/** Activities and milestones derived from work-programme documents, queryable across networks. */
import type { Kysely } from "kysely";
import type { Database } from "../schema";
import type { Activity, Milestone } from "#shared/collab/work-programme-doc";

type Db = Kysely<Database>;

export async function replaceWorkProgrammeItems(
  db: Db,
  workProgrammeId: string,
  networkId: string,
  items: { activities: Activity[]; milestones: Milestone[] },
  at: string,
): Promise<void> {
  await db.deleteFrom("wp_activities").where("work_programme_id", "=", workProgrammeId).execute();
  await db.deleteFrom("wp_milestones").where("work_programme_id", "=", workProgrammeId).execute();
  if (items.activities.length) {
    await db
      .insertInto("wp_activities")
      .values(
        items.activities.map((a, position) => ({
          work_programme_id: workProgrammeId,
          id: a.id,
          network_id: networkId,
          position,
          title: a.title,
          responsible: JSON.stringify(a.responsible),
          start_month: a.start,
          end_month: a.end,
          status: a.status,
          note: a.note,
          updated_at: at,
        })),
      )
      .execute();
  }
  if (items.milestones.length) {
    await db
      .insertInto("wp_milestones")
      .values(
        items.milestones.map((m, position) => ({
          work_programme_id: workProgrammeId,
          id: m.id,
          network_id: networkId,
          position,
          title: m.title,
          due_date: m.due,
          reached: m.reached ? 1 : 0,
          updated_at: at,
        })),
      )
      .execute();
  }
}

/** Every activity of the given networks (all networks when `networkIds` is undefined), for overviews. */
export async function listActivities(db: Db, networkIds?: string[]) {
  let query = db.selectFrom("wp_activities").selectAll().orderBy("network_id").orderBy("work_programme_id").orderBy("position");
  if (networkIds) {
    if (networkIds.length === 0) return [];
    query = query.where("network_id", "in", networkIds);
  }
  return query.execute();
}

export async function listMilestones(db: Db, networkIds?: string[]) {
  let query = db.selectFrom("wp_milestones").selectAll().orderBy("network_id").orderBy("work_programme_id").orderBy("position");
  if (networkIds) {
    if (networkIds.length === 0) return [];
    query = query.where("network_id", "in", networkIds);
  }
  return query.execute();
}
