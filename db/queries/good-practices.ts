/**
 * All SQL of the good-practice library. Who may see a proposed entry is the domain's rule
 * (server/domain/commons/good-practices.ts); these queries only filter as told.
 */
import type { Kysely } from "kysely";
import type { Database, GoodPractice } from "../schema";

type Db = Kysely<Database>;

export async function insertGoodPractice(db: Db, row: GoodPractice): Promise<void> {
  await db.insertInto("good_practices").values(row).execute();
}

export async function findGoodPractice(db: Db, id: string) {
  return db
    .selectFrom("good_practices")
    .leftJoin("users as proposer", "proposer.id", "good_practices.proposed_by")
    .selectAll("good_practices")
    .select("proposer.name as proposer_name")
    .where("good_practices.id", "=", id)
    .executeTakeFirst();
}

export async function updateGoodPractice(db: Db, id: string, patch: Partial<Omit<GoodPractice, "id" | "created_at" | "proposed_by" | "demo">>): Promise<void> {
  await db.updateTable("good_practices").set(patch).where("id", "=", id).execute();
}

/**
 * Published entries (newest publication first), plus the proposals `proposalsOf` may see:
 * "all" for moderators, a user id for one person's own proposals, null for none.
 */
export async function countProposedGoodPractices(db: Db): Promise<number> {
  const row = await db.selectFrom("good_practices").select((eb) => eb.fn.countAll<number>().as("n")).where("status", "=", "proposed").executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function listGoodPractices(db: Db, proposalsOf: "all" | string | null) {
  let query = db
    .selectFrom("good_practices")
    .leftJoin("users as proposer", "proposer.id", "good_practices.proposed_by")
    .selectAll("good_practices")
    .select("proposer.name as proposer_name");
  query = query.where((eb) => {
    const published = eb("good_practices.status", "=", "published");
    if (proposalsOf === null) return published;
    if (proposalsOf === "all") return eb.or([published, eb("good_practices.status", "=", "proposed")]);
    return eb.or([published, eb.and([eb("good_practices.status", "=", "proposed"), eb("good_practices.proposed_by", "=", proposalsOf)])]);
  });
  return query.orderBy("good_practices.published_at", "desc").orderBy("good_practices.created_at", "desc").orderBy("good_practices.id").execute();
}

/** Entries among `ids` that are published (what a finding may cite). */
export async function publishedGoodPracticeIds(db: Db, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom("good_practices").select("id").where("id", "in", ids).where("status", "=", "published").execute();
  return rows.map((r) => r.id);
}

/** The entries behind these ids (any status): the domain decides what a reader may see of them. */
export async function goodPracticesByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom("good_practices").select(["id", "title", "status", "proposed_by"]).where("id", "in", ids).execute();
}
