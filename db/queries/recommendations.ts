/**
 * All SQL of recommendations: the row and its workflow stage, citations, endorsements by
 * networks, personal supports, the board's answer, and the people a recommendation
 * concerns (its authors' networks, coordinators, observers). Writes that must be atomic
 * take a transaction (`Db` may be one).
 */
import type { Kysely } from "kysely";
import type { Database, Recommendation, RecommendationAnswer, RecommendationCitationsTable } from "../schema";
import type { RecommendationStage } from "#shared/policy";

type Db = Kysely<Database>;

export type CitationRow = Pick<RecommendationCitationsTable, "kind" | "target_id">;

export async function insertRecommendation(db: Db, row: Recommendation): Promise<void> {
  await db.insertInto("recommendations").values(row).execute();
}

export async function findRecommendation(db: Db, id: string): Promise<Recommendation | undefined> {
  return db.selectFrom("recommendations").selectAll().where("id", "=", id).executeTakeFirst();
}

/**
 * Locks the row for the rest of the transaction (PostgreSQL: a no-op update takes the row
 * lock; SQLite: the writer lock) and returns it as it is now. Two transactions on the same
 * recommendation then run one after the other, so the second sees what the first stored.
 */
export async function lockRecommendation(db: Db, id: string): Promise<Recommendation | undefined> {
  await db
    .updateTable("recommendations")
    .set((eb) => ({ stage: eb.ref("stage") }))
    .where("id", "=", id)
    .execute();
  return findRecommendation(db, id);
}

/** Updates the row if it is still in one of `fromStages`; false when it was not (someone moved it first). */
export async function updateRecommendation(
  db: Db,
  id: string,
  patch: Partial<Omit<Recommendation, "id" | "created_at" | "created_by">>,
  fromStages: readonly RecommendationStage[],
): Promise<boolean> {
  const result = await db.updateTable("recommendations").set(patch).where("id", "=", id).where("stage", "in", [...fromStages]).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Every recommendation with its endorsement and support counts, most recently changed first. */
export async function listRecommendations(db: Db) {
  return db
    .selectFrom("recommendations as r")
    .select([
      "r.id",
      "r.title",
      "r.stage",
      "r.endorsement_threshold",
      "r.created_at",
      "r.updated_at",
      "r.submitted_at",
      "r.answered_at",
      (eb) =>
        eb
          .selectFrom("recommendation_endorsements as e")
          .select((e) => e.fn.countAll<number>().as("n"))
          .whereRef("e.recommendation_id", "=", "r.id")
          .as("endorsements"),
      (eb) =>
        eb
          .selectFrom("recommendation_supports as s")
          .select((s) => s.fn.countAll<number>().as("n"))
          .whereRef("s.recommendation_id", "=", "r.id")
          .as("supports"),
    ])
    .orderBy("r.updated_at", "desc")
    .orderBy("r.id")
    .execute();
}

// ── citations ─────────────────────────────────────────────────────────────

export async function listCitations(db: Db, recommendationId: string): Promise<CitationRow[]> {
  return db
    .selectFrom("recommendation_citations")
    .select(["kind", "target_id"])
    .where("recommendation_id", "=", recommendationId)
    .orderBy("position")
    .execute();
}

export async function replaceCitations(db: Db, recommendationId: string, citations: CitationRow[]): Promise<void> {
  await db.deleteFrom("recommendation_citations").where("recommendation_id", "=", recommendationId).execute();
  if (citations.length === 0) return;
  await db
    .insertInto("recommendation_citations")
    .values(citations.map((c, position) => ({ recommendation_id: recommendationId, position, kind: c.kind, target_id: c.target_id })))
    .execute();
}

/** The recommendations that cite one finding or good-practice entry (for that entry's page). */
export async function recommendationsCiting(db: Db, kind: CitationRow["kind"], targetId: string) {
  return db
    .selectFrom("recommendation_citations as c")
    .innerJoin("recommendations as r", "r.id", "c.recommendation_id")
    .select(["r.id", "r.title", "r.stage"])
    .where("c.kind", "=", kind)
    .where("c.target_id", "=", targetId)
    .groupBy(["r.id", "r.title", "r.stage", "r.updated_at"])
    .orderBy("r.updated_at", "desc")
    .execute();
}

export async function findingsByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom("findings")
    .innerJoin("networks", "networks.id", "findings.network_id")
    .select(["findings.id", "findings.title", "findings.network_id", "networks.name as network_name"])
    .where("findings.id", "in", ids)
    .execute();
}

export async function goodPracticesByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom("good_practices").select(["id", "title", "status", "proposed_by"]).where("id", "in", ids).execute();
}

/** What a recommendation may cite: findings, newest first. */
export async function citableFindings(db: Db, limit: number) {
  return db
    .selectFrom("findings")
    .innerJoin("networks", "networks.id", "findings.network_id")
    .select(["findings.id", "findings.title", "networks.name as network_name"])
    .orderBy("findings.created_at", "desc")
    .orderBy("findings.id")
    .limit(limit)
    .execute();
}

/** …and published good-practice entries, by title. */
export async function citableGoodPractices(db: Db, limit: number) {
  return db.selectFrom("good_practices").select(["id", "title"]).where("status", "=", "published").orderBy("title").orderBy("id").limit(limit).execute();
}

// ── endorsements and supports ─────────────────────────────────────────────

/** False when the network had already endorsed (the primary key refuses a second row). */
export async function insertEndorsement(
  db: Db,
  row: { recommendation_id: string; network_id: string; endorsed_by: string; statement: string | null; created_at: string },
): Promise<boolean> {
  const result = await db
    .insertInto("recommendation_endorsements")
    .values(row)
    .onConflict((oc) => oc.columns(["recommendation_id", "network_id"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function deleteEndorsement(db: Db, recommendationId: string, networkId: string): Promise<boolean> {
  const result = await db
    .deleteFrom("recommendation_endorsements")
    .where("recommendation_id", "=", recommendationId)
    .where("network_id", "=", networkId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function countEndorsements(db: Db, recommendationId: string): Promise<number> {
  const row = await db
    .selectFrom("recommendation_endorsements")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("recommendation_id", "=", recommendationId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listEndorsements(db: Db, recommendationId: string) {
  return db
    .selectFrom("recommendation_endorsements as e")
    .innerJoin("networks", "networks.id", "e.network_id")
    .leftJoin("users", "users.id", "e.endorsed_by")
    .select(["e.network_id", "networks.name as network_name", "networks.slug as network_slug", "e.statement", "e.created_at", "users.name as endorsed_by_name"])
    .where("e.recommendation_id", "=", recommendationId)
    .orderBy("e.created_at")
    .orderBy("networks.name")
    .execute();
}

/** Which networks endorsed which of these recommendations: one query for a whole list. */
export async function listEndorsingNetworks(db: Db, recommendationIds: readonly string[]) {
  if (recommendationIds.length === 0) return [];
  return db
    .selectFrom("recommendation_endorsements")
    .select(["recommendation_id", "network_id"])
    .where("recommendation_id", "in", recommendationIds)
    .execute();
}

export async function insertSupport(db: Db, recommendationId: string, userId: string, at: string): Promise<boolean> {
  const result = await db
    .insertInto("recommendation_supports")
    .values({ recommendation_id: recommendationId, user_id: userId, created_at: at })
    .onConflict((oc) => oc.columns(["recommendation_id", "user_id"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function deleteSupport(db: Db, recommendationId: string, userId: string): Promise<boolean> {
  const result = await db.deleteFrom("recommendation_supports").where("recommendation_id", "=", recommendationId).where("user_id", "=", userId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function listSupports(db: Db, recommendationId: string) {
  return db
    .selectFrom("recommendation_supports as s")
    .innerJoin("users", "users.id", "s.user_id")
    .select(["s.user_id", "users.name", "s.created_at"])
    .where("s.recommendation_id", "=", recommendationId)
    .orderBy("s.created_at")
    .orderBy("users.name")
    .execute();
}

// ── the board's answer ────────────────────────────────────────────────────

/** False when there already is an answer (one per recommendation). */
export async function insertAnswer(db: Db, row: RecommendationAnswer): Promise<boolean> {
  const result = await db
    .insertInto("recommendation_answers")
    .values(row)
    .onConflict((oc) => oc.column("recommendation_id").doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function findAnswer(db: Db, recommendationId: string) {
  return db
    .selectFrom("recommendation_answers as a")
    .leftJoin("users", "users.id", "a.answered_by")
    .select(["a.verdict", "a.body", "a.answered_at", "users.name as answered_by_name"])
    .where("a.recommendation_id", "=", recommendationId)
    .executeTakeFirst();
}

// ── people ────────────────────────────────────────────────────────────────

/** Who is recorded as having changed the document, per stored version (contributors: a JSON array of user ids). */
export async function contributorListsOfDocument(db: Db, docName: string) {
  return db.selectFrom("document_versions").select(["kind", "created_by", "contributors"]).where("doc_name", "=", docName).execute();
}

/** The networks these people belong to, by name. */
export async function networksOfUsers(db: Db, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db
    .selectFrom("networks")
    .select(["networks.id", "networks.name", "networks.slug", "networks.archived_at"])
    .where("networks.id", "in", (eb) => eb.selectFrom("memberships").select("memberships.network_id").where("memberships.user_id", "in", userIds))
    .orderBy("networks.name")
    .execute();
}

const activeUser = ["users.id", "users.name", "users.locale"] as const;

/** Active members (any role) of these networks. */
export async function membersOfNetworks(db: Db, networkIds: string[]) {
  if (networkIds.length === 0) return [];
  return db
    .selectFrom("users")
    .select([...activeUser])
    .where("users.disabled_at", "is", null)
    .where("users.id", "in", (eb) => eb.selectFrom("memberships").select("memberships.user_id").where("memberships.network_id", "in", networkIds))
    .execute();
}

/** Active coordinators of networks that are not archived: who may endorse. */
export async function coordinatorsOfOpenNetworks(db: Db) {
  return db
    .selectFrom("users")
    .select([...activeUser])
    .where("users.disabled_at", "is", null)
    .where("users.id", "in", (eb) =>
      eb
        .selectFrom("memberships")
        .innerJoin("networks", "networks.id", "memberships.network_id")
        .select("memberships.user_id")
        .where("memberships.role", "=", "coordinator")
        .where("networks.archived_at", "is", null),
    )
    .execute();
}

/** Active people with a platform role (observers: the advisory board). */
export async function peopleWithPlatformRole(db: Db, role: "observer" | "moderator") {
  return db
    .selectFrom("users")
    .select([...activeUser])
    .where("users.disabled_at", "is", null)
    .where("users.id", "in", (eb) => eb.selectFrom("platform_roles").select("platform_roles.user_id").where("platform_roles.role", "=", role))
    .execute();
}

export async function usersByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom("users").select([...activeUser]).where("users.id", "in", ids).execute();
}
