/**
 * All SQL of partnerships and the advisory board's selection: partnerships with their groups,
 * organisations and members (the accounts that co-write the application), the rubric, and
 * the board members' reviews and scores.
 */
import type { Kysely } from "kysely";
import type { BoardReviewStatus, Database, Partnership, PartnershipStatus, RubricCriterion } from "../schema";

type Db = Kysely<Database>;

export async function insertPartnership(db: Db, row: Partnership, groupIds: readonly string[], organisationIds: readonly string[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.insertInto("partnerships").values(row).execute();
    if (groupIds.length) await trx.insertInto("partnership_groups").values(groupIds.map((expression_id) => ({ partnership_id: row.id, expression_id }))).execute();
    if (organisationIds.length) await trx.insertInto("partnership_organisations").values(organisationIds.map((organisation_id) => ({ partnership_id: row.id, organisation_id }))).execute();
  });
}

export async function findPartnership(db: Db, id: string): Promise<Partnership | undefined> {
  return db.selectFrom("partnerships").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function updatePartnership(db: Db, id: string, patch: Partial<Omit<Partnership, "id" | "created_at">>): Promise<void> {
  await db.updateTable("partnerships").set(patch).where("id", "=", id).execute();
}

/** Moves the partnership from one status to the next only if it is still in `from` (two clicks, one change). */
export async function moveStatus(db: Db, id: string, from: PartnershipStatus, patch: Partial<Omit<Partnership, "id" | "created_at">> & { status: PartnershipStatus }): Promise<boolean> {
  const result = await db.updateTable("partnerships").set(patch).where("id", "=", id).where("status", "=", from).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function listPartnerships(db: Db, statuses?: readonly PartnershipStatus[]): Promise<Partnership[]> {
  let query = db.selectFrom("partnerships").selectAll().orderBy("created_at", "desc").orderBy("id");
  if (statuses) query = statuses.length ? query.where("status", "in", statuses) : query.where(({ lit }) => lit(false));
  return query.execute();
}

export async function listGroupIdsOf(db: Db, partnershipId: string): Promise<string[]> {
  const rows = await db.selectFrom("partnership_groups").select("expression_id").where("partnership_id", "=", partnershipId).execute();
  return rows.map((r) => r.expression_id);
}

export async function listOrganisationIdsOf(db: Db, partnershipId: string): Promise<string[]> {
  const rows = await db.selectFrom("partnership_organisations").select("organisation_id").where("partnership_id", "=", partnershipId).execute();
  return rows.map((r) => r.organisation_id);
}

/** Partnerships a group belongs to (a group is in at most one open partnership; older ones may have ended). */
export async function listPartnershipsOfGroup(db: Db, expressionId: string): Promise<Partnership[]> {
  return db
    .selectFrom("partnerships")
    .innerJoin("partnership_groups", "partnership_groups.partnership_id", "partnerships.id")
    .selectAll("partnerships")
    .where("partnership_groups.expression_id", "=", expressionId)
    .orderBy("partnerships.created_at", "desc")
    .execute();
}

export async function addPartnershipMember(db: Db, partnershipId: string, userId: string, at: string): Promise<void> {
  await db
    .insertInto("partnership_members")
    .values({ partnership_id: partnershipId, user_id: userId, created_at: at })
    .onConflict((oc) => oc.columns(["partnership_id", "user_id"]).doNothing())
    .execute();
}

export async function listPartnershipMembers(db: Db, partnershipId: string) {
  return db
    .selectFrom("partnership_members")
    .innerJoin("users", "users.id", "partnership_members.user_id")
    .select(["users.id", "users.name", "users.email", "users.locale"])
    .where("partnership_members.partnership_id", "=", partnershipId)
    .orderBy("users.name")
    .execute();
}

/** Partnership ids of many people at once, by user id. */
export async function listPartnershipIdsOfUsers(db: Db, userIds: readonly string[]): Promise<Map<string, string[]>> {
  const byUser = new Map<string, string[]>();
  if (userIds.length === 0) return byUser;
  const rows = await db.selectFrom("partnership_members").select(["user_id", "partnership_id"]).where("user_id", "in", userIds).execute();
  for (const row of rows) byUser.set(row.user_id, [...(byUser.get(row.user_id) ?? []), row.partnership_id]);
  return byUser;
}

/** The partnership's invitations not yet accepted are withdrawn once it became a network (the network invites anew). */
export async function revokeOpenPartnershipInvitations(db: Db, partnershipId: string, at: string): Promise<void> {
  await db.updateTable("invitations").set({ revoked_at: at }).where("partnership_id", "=", partnershipId).where("accepted_at", "is", null).where("revoked_at", "is", null).execute();
}

export async function listPartnershipIdsOfUser(db: Db, userId: string): Promise<string[]> {
  const rows = await db.selectFrom("partnership_members").select("partnership_id").where("user_id", "=", userId).execute();
  return rows.map((r) => r.partnership_id);
}

/** Invitations into a partnership not yet accepted (who was asked to join). */
export async function listOpenPartnershipInvitations(db: Db, partnershipId: string) {
  return db
    .selectFrom("invitations")
    .select(["id", "email", "created_at", "expires_at"])
    .where("partnership_id", "=", partnershipId)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .orderBy("created_at")
    .execute();
}

// ---------------------------------------------------------------- rubric

export async function listCriteria(db: Db): Promise<RubricCriterion[]> {
  return db.selectFrom("rubric_criteria").selectAll().orderBy("position").orderBy("created_at").execute();
}

export async function insertCriterion(db: Db, row: RubricCriterion): Promise<void> {
  await db.insertInto("rubric_criteria").values(row).execute();
}

export async function updateCriterion(db: Db, id: string, patch: Partial<Pick<RubricCriterion, "label" | "description" | "weight" | "position">>): Promise<boolean> {
  const result = await db.updateTable("rubric_criteria").set(patch).where("id", "=", id).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteCriterion(db: Db, id: string): Promise<void> {
  await db.deleteFrom("rubric_criteria").where("id", "=", id).execute();
}

export async function countScoresOfCriterion(db: Db, id: string): Promise<number> {
  const row = await db.selectFrom("board_scores").select((eb) => eb.fn.countAll<number>().as("n")).where("criterion_id", "=", id).executeTakeFirstOrThrow();
  return Number(row.n);
}

// ---------------------------------------------------------------- reviews

export async function findReview(db: Db, partnershipId: string, userId: string) {
  return db.selectFrom("board_reviews").selectAll().where("partnership_id", "=", partnershipId).where("user_id", "=", userId).executeTakeFirst();
}

/** Saves a member's review and scores together; a submitted or declared review is never changed (`where status = draft`). */
export async function saveReview(db: Db, review: { partnershipId: string; userId: string; status: BoardReviewStatus; comment: string; at: string }, scores: ReadonlyArray<{ criterionId: string; score: number }>): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom("board_reviews").select("status").where("partnership_id", "=", review.partnershipId).where("user_id", "=", review.userId).executeTakeFirst();
    if (existing && existing.status !== "draft") return false;
    const row = {
      partnership_id: review.partnershipId,
      user_id: review.userId,
      status: review.status,
      comment: review.comment,
      updated_at: review.at,
      submitted_at: review.status === "draft" ? null : review.at,
    };
    if (existing) {
      const result = await trx.updateTable("board_reviews").set(row).where("partnership_id", "=", review.partnershipId).where("user_id", "=", review.userId).where("status", "=", "draft").executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return false;
    } else {
      await trx.insertInto("board_reviews").values(row).execute();
    }
    await trx.deleteFrom("board_scores").where("partnership_id", "=", review.partnershipId).where("user_id", "=", review.userId).execute();
    if (scores.length) {
      await trx
        .insertInto("board_scores")
        .values(scores.map((s) => ({ partnership_id: review.partnershipId, user_id: review.userId, criterion_id: s.criterionId, score: s.score })))
        .execute();
    }
    return true;
  });
}

export async function listReviewsOf(db: Db, partnershipIds: readonly string[]) {
  if (partnershipIds.length === 0) return [];
  return db
    .selectFrom("board_reviews")
    .innerJoin("users", "users.id", "board_reviews.user_id")
    .selectAll("board_reviews")
    .select("users.name as reviewer_name")
    .where("board_reviews.partnership_id", "in", partnershipIds)
    .orderBy("users.name")
    .execute();
}

export async function listScoresOf(db: Db, partnershipIds: readonly string[]) {
  if (partnershipIds.length === 0) return [];
  return db.selectFrom("board_scores").selectAll().where("partnership_id", "in", partnershipIds).execute();
}
