import type { Kysely } from "kysely";
import type { Database, Membership } from "../schema";
import type { NetworkRole } from "#shared/roles";

type Db = Kysely<Database>;

export async function listMembershipsOfUser(db: Db, userId: string): Promise<Membership[]> {
  return db.selectFrom("memberships").selectAll().where("user_id", "=", userId).execute();
}

export async function listMembershipsOfUsers(db: Db, userIds: string[]): Promise<Membership[]> {
  if (userIds.length === 0) return [];
  return db.selectFrom("memberships").selectAll().where("user_id", "in", userIds).execute();
}

export async function findMembership(db: Db, networkId: string, userId: string): Promise<Membership | undefined> {
  return db
    .selectFrom("memberships")
    .selectAll()
    .where("network_id", "=", networkId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
}

export interface NetworkMemberRow {
  user_id: string;
  name: string;
  email: string;
  role: NetworkRole;
  organisation_id: string | null;
  organisation_name: string | null;
  organisation_country: string | null;
}

export async function listMembersOfNetwork(db: Db, networkId: string): Promise<NetworkMemberRow[]> {
  return db
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.user_id")
    .leftJoin("organisations", "organisations.id", "users.organisation_id")
    .select([
      "users.id as user_id",
      "users.name",
      "users.email",
      "memberships.role",
      "organisations.id as organisation_id",
      "organisations.name as organisation_name",
      "organisations.country as organisation_country",
    ])
    .where("memberships.network_id", "=", networkId)
    .where("users.disabled_at", "is", null)
    .orderBy("memberships.role")
    .orderBy("users.name")
    .execute();
}

export async function upsertMembership(db: Db, networkId: string, userId: string, role: NetworkRole, at: string) {
  await db
    .insertInto("memberships")
    .values({ network_id: networkId, user_id: userId, role, created_at: at, updated_at: at })
    .onConflict((oc) => oc.columns(["network_id", "user_id"]).doUpdateSet({ role, updated_at: at }))
    .execute();
}

export async function updateMembershipRole(db: Db, networkId: string, userId: string, role: NetworkRole, at: string) {
  const result = await db
    .updateTable("memberships")
    .set({ role, updated_at: at })
    .where("network_id", "=", networkId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteMembership(db: Db, networkId: string, userId: string): Promise<boolean> {
  const result = await db
    .deleteFrom("memberships")
    .where("network_id", "=", networkId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Active coordinators only: a disabled account cannot run the network. */
export async function countCoordinators(db: Db, networkId: string): Promise<number> {
  const row = await db
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.user_id")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("memberships.network_id", "=", networkId)
    .where("memberships.role", "=", "coordinator")
    .where("users.disabled_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countMembersByNetwork(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom("memberships")
    .select(["network_id", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("network_id")
    .execute();
  return new Map(rows.map((r) => [r.network_id, Number(r.n)]));
}
