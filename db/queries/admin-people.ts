import type { Kysely } from "kysely";
import type { Database } from "../schema";
import type { NetworkRole } from "#shared/roles";

type Db = Kysely<Database>;

export interface MembershipWithNetwork {
  user_id: string;
  network_id: string;
  network_name: string;
  network_slug: string;
  network_archived_at: string | null;
  role: NetworkRole;
}

/** Every membership with its network's name, for the people list (one query, not one per person). */
export async function listAllMembershipsWithNetwork(db: Db): Promise<MembershipWithNetwork[]> {
  return db
    .selectFrom("memberships")
    .innerJoin("networks", "networks.id", "memberships.network_id")
    .select([
      "memberships.user_id",
      "memberships.network_id",
      "networks.name as network_name",
      "networks.slug as network_slug",
      "networks.archived_at as network_archived_at",
      "memberships.role",
    ])
    .orderBy("networks.name")
    .execute();
}

export async function listMembershipsOfUserWithNetwork(db: Db, userId: string): Promise<MembershipWithNetwork[]> {
  return db
    .selectFrom("memberships")
    .innerJoin("networks", "networks.id", "memberships.network_id")
    .select([
      "memberships.user_id",
      "memberships.network_id",
      "networks.name as network_name",
      "networks.slug as network_slug",
      "networks.archived_at as network_archived_at",
      "memberships.role",
    ])
    .where("memberships.user_id", "=", userId)
    .orderBy("networks.name")
    .execute();
}

/** Inserts a membership only if none exists; false means the person already belongs to the network. */
export async function insertMembershipIfAbsent(db: Db, networkId: string, userId: string, role: NetworkRole, at: string): Promise<boolean> {
  const result = await db
    .insertInto("memberships")
    .values({ network_id: networkId, user_id: userId, role, created_at: at, updated_at: at })
    .onConflict((oc) => oc.columns(["network_id", "user_id"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}
