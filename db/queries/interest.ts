/**
 * All SQL of the intake: expressions of interest with their members, the project team's log,
 * introductions between groups, and the platform settings every instance shares.
 */
import type { Kysely } from "kysely";
import type { Database, InterestExpression, InterestLogEntry, InterestMember } from "../schema";
import type { Country } from "#shared/roles";
import type { InterestStatus } from "#shared/intake/vocabulary";

type Db = Kysely<Database>;

export async function insertExpression(db: Db, row: InterestExpression, members: InterestMember[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.insertInto("interest_expressions").values(row).execute();
    if (members.length) await trx.insertInto("interest_members").values(members).execute();
  });
}

export async function replaceExpression(db: Db, id: string, patch: Partial<Omit<InterestExpression, "id" | "token_hash" | "created_at">>, members: InterestMember[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("interest_expressions").set(patch).where("id", "=", id).execute();
    await trx.deleteFrom("interest_members").where("expression_id", "=", id).execute();
    if (members.length) await trx.insertInto("interest_members").values(members).execute();
  });
}

/** Withdrawal: the row goes, and with it (by cascade) members, log and introductions. */
export async function deleteExpression(db: Db, id: string): Promise<void> {
  await db.deleteFrom("interest_expressions").where("id", "=", id).execute();
}

export async function findExpression(db: Db, id: string): Promise<InterestExpression | undefined> {
  return db.selectFrom("interest_expressions").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function findExpressionNames(db: Db, ids: readonly string[]): Promise<Array<{ id: string; group_name: string }>> {
  if (ids.length === 0) return [];
  return db.selectFrom("interest_expressions").select(["id", "group_name"]).where("id", "in", ids).execute();
}

export async function findExpressionByTokenHash(db: Db, tokenHash: string): Promise<InterestExpression | undefined> {
  return db.selectFrom("interest_expressions").selectAll().where("token_hash", "=", tokenHash).executeTakeFirst();
}

export async function listMembersOf(db: Db, expressionIds: readonly string[]): Promise<InterestMember[]> {
  if (expressionIds.length === 0) return [];
  return db.selectFrom("interest_members").selectAll().where("expression_id", "in", expressionIds).orderBy("expression_id").orderBy("position").execute();
}

export interface QueueFilter {
  status: InterestStatus | null;
  statuses?: readonly InterestStatus[];
  country: Country | null;
}

/** The queue, newest first; `country`: groups with at least one member there. */
export async function listExpressions(db: Db, filter: QueueFilter): Promise<InterestExpression[]> {
  let query = db.selectFrom("interest_expressions").selectAll().orderBy("created_at", "desc").orderBy("id");
  if (filter.status) query = query.where("status", "=", filter.status);
  if (filter.statuses) query = filter.statuses.length ? query.where("status", "in", filter.statuses) : query.where(({ lit }) => lit(false));
  if (filter.country) {
    const country = filter.country;
    query = query.where(({ exists, selectFrom }) =>
      exists(selectFrom("interest_members").select("interest_members.id").whereRef("interest_members.expression_id", "=", "interest_expressions.id").where("interest_members.country", "=", country)),
    );
  }
  return query.execute();
}

export async function countExpressionsByStatus(db: Db): Promise<Array<{ status: InterestStatus; n: number }>> {
  const rows = await db
    .selectFrom("interest_expressions")
    .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("status")
    .execute();
  return rows.map((r) => ({ status: r.status, n: Number(r.n) }));
}

export async function updateExpressionStatus(db: Db, id: string, status: InterestStatus, at: string): Promise<void> {
  await db.updateTable("interest_expressions").set({ status, status_changed_at: at, updated_at: at }).where("id", "=", id).execute();
}

export async function insertLogEntry(db: Db, entry: InterestLogEntry): Promise<void> {
  await db.insertInto("interest_log").values(entry).execute();
}

export async function listLogOf(db: Db, expressionId: string) {
  return db
    .selectFrom("interest_log")
    .leftJoin("users", "users.id", "interest_log.author_id")
    .selectAll("interest_log")
    .select("users.name as author_name")
    .where("interest_log.expression_id", "=", expressionId)
    .orderBy("interest_log.created_at", "desc")
    .orderBy("interest_log.id", "desc")
    .execute();
}

/** True when the pair is new (introduced now), false when it was introduced before. */
export async function claimIntroduction(db: Db, one: string, other: string, by: string, at: string): Promise<boolean> {
  const [a, b] = one < other ? [one, other] : [other, one];
  const result = await db
    .insertInto("interest_introductions")
    .values({ expression_a: a, expression_b: b, created_by: by, created_at: at })
    .onConflict((oc) => oc.columns(["expression_a", "expression_b"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function listIntroducedPartners(db: Db, expressionId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("interest_introductions")
    .select(["expression_a", "expression_b"])
    .where((eb) => eb.or([eb("expression_a", "=", expressionId), eb("expression_b", "=", expressionId)]))
    .execute();
  return rows.map((r) => (r.expression_a === expressionId ? r.expression_b : r.expression_a));
}

/** Organisations of one country with the fields and themes of the networks they work in (for partner suggestions). */
export async function listOrganisationsWithNetworks(db: Db, country: Country) {
  return db
    .selectFrom("organisations")
    .leftJoin("network_organisations", "network_organisations.organisation_id", "organisations.id")
    .leftJoin("networks", "networks.id", "network_organisations.network_id")
    .select([
      "organisations.id",
      "organisations.name",
      "organisations.country",
      "organisations.type",
      "organisations.sector",
      "organisations.city",
      "organisations.region",
      "networks.occupational_field",
      "networks.themes",
    ])
    .where("organisations.country", "=", country)
    .orderBy("organisations.name")
    .execute();
}

export async function findOrganisationsByIds(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom("organisations").selectAll().where("id", "in", ids).execute();
}

export async function readSetting(db: Db, key: string): Promise<string | undefined> {
  const row = await db.selectFrom("platform_settings").select("value").where("key", "=", key).executeTakeFirst();
  return row?.value;
}

/** Sets the value only if none is there yet; answers the value that is stored (ours or an earlier one). */
export async function settleSetting(db: Db, key: string, value: string, at: string): Promise<string> {
  await db.insertInto("platform_settings").values({ key, value, updated_at: at }).onConflict((oc) => oc.column("key").doNothing()).execute();
  return (await readSetting(db, key)) ?? value;
}
