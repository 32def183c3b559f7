/**
 * All SQL of the advisory board's overview across networks (server/domain/board/overview.ts).
 * Every figure is one grouped query over all networks, so the overview costs the same
 * handful of queries for five networks or fifty; the drill-down into one network passes its
 * id to the same queries and adds its lists. Only reads.
 *
 * Work-programme figures count the activities and milestones of work programmes that are not
 * archived (an archived one is a record of an earlier period). Library figures leave out
 * files in the trash; files inside a trashed folder are filtered by the domain, which walks
 * the folder tree (see server/domain/library/library-tree.ts).
 */
import type { Kysely } from "kysely";
import type { Database } from "../schema";
import type { EventStatus } from "#shared/events/event-vocabulary";

type Db = Kysely<Database>;

/** Events the overview counts: held ones and published ones (upcoming, or past and not yet marked held). */
export const COUNTED_EVENT_STATUSES: readonly EventStatus[] = ["published", "held"];

export async function listBoardNetworks(db: Db) {
  return db.selectFrom("networks").select(["id", "slug", "name", "archived_at"]).orderBy("name").orderBy("id").execute();
}

export async function findBoardNetwork(db: Db, id: string) {
  return db.selectFrom("networks").select(["id", "slug", "name", "archived_at"]).where("id", "=", id).executeTakeFirst();
}

// ---------------------------------------------------------------- work programmes

/** Activities per network and status (open work programmes only). */
export async function activityCounts(db: Db, networkId?: string) {
  let query = db
    .selectFrom("wp_activities")
    .innerJoin("work_programmes", "work_programmes.id", "wp_activities.work_programme_id")
    .select(["wp_activities.network_id", "wp_activities.status"])
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .where("work_programmes.archived_at", "is", null)
    .groupBy(["wp_activities.network_id", "wp_activities.status"]);
  if (networkId !== undefined) query = query.where("wp_activities.network_id", "=", networkId);
  const rows = await query.execute();
  return rows.map((r) => ({ networkId: r.network_id, status: r.status, count: Number(r.n) }));
}

/**
 * Milestones per network (open work programmes only): all, reached, overdue (not reached,
 * due before `today`) and due (not reached, due from `today` to `horizon`, both included).
 * Days are YYYY-MM-DD text on both dialects; a milestone without a date ('') is neither.
 */
export async function milestoneCounts(db: Db, days: { today: string; horizon: string }, networkId?: string) {
  let query = db
    .selectFrom("wp_milestones")
    .innerJoin("work_programmes", "work_programmes.id", "wp_milestones.work_programme_id")
    .select("wp_milestones.network_id")
    .select((eb) => {
      const open = eb("wp_milestones.reached", "=", 0);
      const dated = eb("wp_milestones.due_date", "!=", "");
      // Literal 1/0, not parameters: PostgreSQL would type untyped CASE parameters as text and refuse sum(text).
      const countWhen = (condition: ReturnType<typeof eb.and>) => eb.fn.sum<number | string>(eb.case().when(condition).then(eb.lit(1)).else(eb.lit(0)).end());
      return [
        eb.fn.countAll<number | string>().as("total"),
        eb.fn.sum<number | string>("wp_milestones.reached").as("reached"),
        countWhen(eb.and([open, dated, eb("wp_milestones.due_date", "<", days.today)])).as("overdue"),
        countWhen(eb.and([open, eb("wp_milestones.due_date", ">=", days.today), eb("wp_milestones.due_date", "<=", days.horizon)])).as("due"),
      ];
    })
    .where("work_programmes.archived_at", "is", null)
    .groupBy("wp_milestones.network_id");
  if (networkId !== undefined) query = query.where("wp_milestones.network_id", "=", networkId);
  const rows = await query.execute();
  return rows.map((r) => ({ networkId: r.network_id, total: Number(r.total), reached: Number(r.reached ?? 0), overdue: Number(r.overdue ?? 0), due: Number(r.due ?? 0) }));
}

/** The network's work programmes, open ones first, with how many activities and milestones each has. */
export async function workProgrammesOf(db: Db, networkId: string) {
  const rows = await db
    .selectFrom("work_programmes")
    .select(["work_programmes.id", "work_programmes.title", "work_programmes.archived_at", "work_programmes.updated_at"])
    .select((eb) => [
      eb.selectFrom("wp_activities").whereRef("wp_activities.work_programme_id", "=", "work_programmes.id").select((e) => e.fn.countAll<number | string>().as("n")).as("activities"),
      eb.selectFrom("wp_milestones").whereRef("wp_milestones.work_programme_id", "=", "work_programmes.id").select((e) => e.fn.countAll<number | string>().as("n")).as("milestones"),
    ])
    .where("work_programmes.network_id", "=", networkId)
    .orderBy("work_programmes.archived_at", "desc")
    .orderBy("work_programmes.title")
    .orderBy("work_programmes.id")
    .execute();
  return rows.map((r) => ({ ...r, activities: Number(r.activities ?? 0), milestones: Number(r.milestones ?? 0) }));
}

/** Activities of the network's open work programmes, in the programmes' order. */
export async function activitiesOf(db: Db, networkId: string) {
  return db
    .selectFrom("wp_activities")
    .innerJoin("work_programmes", "work_programmes.id", "wp_activities.work_programme_id")
    .select([
      "wp_activities.id",
      "wp_activities.work_programme_id",
      "work_programmes.title as work_programme_title",
      "wp_activities.title",
      "wp_activities.responsible",
      "wp_activities.start_month",
      "wp_activities.end_month",
      "wp_activities.status",
    ])
    .where("wp_activities.network_id", "=", networkId)
    .where("work_programmes.archived_at", "is", null)
    .orderBy("work_programmes.title")
    .orderBy("wp_activities.work_programme_id")
    .orderBy("wp_activities.position")
    .execute();
}

/** Milestones of the network's open work programmes, by due date (undated last). */
export async function milestonesOf(db: Db, networkId: string) {
  const rows = await db
    .selectFrom("wp_milestones")
    .innerJoin("work_programmes", "work_programmes.id", "wp_milestones.work_programme_id")
    .select([
      "wp_milestones.id",
      "wp_milestones.work_programme_id",
      "work_programmes.title as work_programme_title",
      "wp_milestones.title",
      "wp_milestones.due_date",
      "wp_milestones.reached",
      "wp_milestones.position",
    ])
    .where("wp_milestones.network_id", "=", networkId)
    .where("work_programmes.archived_at", "is", null)
    .execute();
  // Sorted here: '' (no date) must go last on both dialects.
  return rows.sort((a, b) => (a.due_date === "" ? 1 : 0) - (b.due_date === "" ? 1 : 0) || a.due_date.localeCompare(b.due_date) || a.position - b.position);
}

/** Names of organisations by id (an activity's responsible organisations). */
export async function organisationNames(db: Db, ids: readonly string[]) {
  if (!ids.length) return [];
  return db.selectFrom("organisations").select(["id", "name"]).where("id", "in", [...ids]).execute();
}

// ---------------------------------------------------------------- events

/**
 * Published and held events of networks (`networkId` null: every network's and the
 * commons'; a string: that network's), oldest first. Drafts and cancelled events are no
 * figure for the board.
 */
export async function boardEvents(db: Db, networkId: string | null) {
  let query = db
    .selectFrom("events")
    .select(["events.id", "events.network_id", "events.title", "events.format", "events.status", "events.starts_at", "events.ends_at", "events.city", "events.country"])
    .where("events.status", "in", [...COUNTED_EVENT_STATUSES]);
  if (networkId !== null) query = query.where("events.network_id", "=", networkId);
  return query.orderBy("events.starts_at").orderBy("events.id").execute();
}

/**
 * Participants per event and country of their organisation (null: no organisation) for the
 * same events as boardEvents: people holding a place, except those marked absent afterwards.
 */
export async function participantsByCountry(db: Db, networkId: string | null) {
  let query = db
    .selectFrom("event_registrations as r")
    .innerJoin("events", "events.id", "r.event_id")
    .innerJoin("users", "users.id", "r.user_id")
    .leftJoin("organisations", "organisations.id", "users.organisation_id")
    .select(["r.event_id", "organisations.country"])
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .where("r.status", "=", "registered")
    .where((eb) => eb.or([eb("r.attended", "is", null), eb("r.attended", "!=", 0)]))
    .where("events.status", "in", [...COUNTED_EVENT_STATUSES])
    .groupBy(["r.event_id", "organisations.country"]);
  if (networkId !== null) query = query.where("events.network_id", "=", networkId);
  const rows = await query.execute();
  return rows.map((r) => ({ eventId: r.event_id, country: r.country ?? null, count: Number(r.n) }));
}

// ---------------------------------------------------------------- findings and recommendations

export async function findingCounts(db: Db) {
  const rows = await db
    .selectFrom("findings")
    .select("network_id")
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .groupBy("network_id")
    .execute();
  return rows.map((r) => ({ networkId: r.network_id, count: Number(r.n) }));
}

export async function findingsOf(db: Db, networkId: string) {
  return db
    .selectFrom("findings")
    .select(["id", "title", "created_at"])
    .where("network_id", "=", networkId)
    .orderBy("created_at", "desc")
    .orderBy("id")
    .execute();
}

/** Endorsements per network: how many recommendations each network endorsed. */
export async function endorsementCounts(db: Db) {
  const rows = await db
    .selectFrom("recommendation_endorsements")
    .select("network_id")
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .groupBy("network_id")
    .execute();
  return rows.map((r) => ({ networkId: r.network_id, count: Number(r.n) }));
}

/** Recommendations endorsed by at least one network (a recommendation endorsed by three counts once). */
export async function endorsedRecommendationCount(db: Db): Promise<number> {
  const row = await db
    .selectFrom("recommendation_endorsements")
    .select((eb) => eb.fn.count<number | string>("recommendation_id").distinct().as("n"))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function recommendationStageCounts(db: Db) {
  const rows = await db
    .selectFrom("recommendations")
    .select("stage")
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .groupBy("stage")
    .execute();
  return rows.map((r) => ({ stage: r.stage, count: Number(r.n) }));
}

/** The recommendations a network endorsed, most recent endorsement first. */
export async function endorsementsOf(db: Db, networkId: string) {
  return db
    .selectFrom("recommendation_endorsements as e")
    .innerJoin("recommendations as r", "r.id", "e.recommendation_id")
    .select(["r.id", "r.title", "r.stage", "e.created_at as endorsed_at"])
    .where("e.network_id", "=", networkId)
    .orderBy("e.created_at", "desc")
    .orderBy("r.id")
    .execute();
}

// ---------------------------------------------------------------- library

/**
 * Files not in the trash and the bytes of their current versions, per network library and
 * folder (`networkId` undefined: every network's library; the commons library is not a
 * network's). The domain drops folders that are in the trash or inside one.
 */
export async function libraryFileCounts(db: Db, networkId?: string) {
  let query = db
    .selectFrom("library_files")
    .leftJoin("library_file_versions as v", "v.id", "library_files.current_version_id")
    .select(["library_files.network_id", "library_files.folder_id"])
    .select((eb) => [eb.fn.countAll<number | string>().as("files"), eb.fn.sum<number | string>("v.size").as("bytes")])
    .where("library_files.deleted_at", "is", null)
    .where("library_files.network_id", "is not", null)
    .groupBy(["library_files.network_id", "library_files.folder_id"]);
  if (networkId !== undefined) query = query.where("library_files.network_id", "=", networkId);
  const rows = await query.execute();
  return rows.map((r) => ({ networkId: r.network_id ?? "", folderId: r.folder_id, files: Number(r.files), bytes: Number(r.bytes ?? 0) }));
}

/** Folders of network libraries (trashed ones too: the domain needs them to know what is inside the trash). */
export async function libraryFolders(db: Db, networkId?: string) {
  let query = db.selectFrom("library_folders").select(["id", "network_id", "parent_id", "name", "deleted_at"]).where("network_id", "is not", null);
  if (networkId !== undefined) query = query.where("network_id", "=", networkId);
  return query.execute();
}
