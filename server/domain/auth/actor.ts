import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import type { Actor } from "#shared/policy";
import { listPlatformRoles } from "#db/queries/users";
import { listMembershipsOfUser } from "#db/queries/memberships";
import { listArchivedNetworkIds } from "#db/queries/networks";

/** Loads what the policy needs about a person: platform roles, memberships, archived networks. */
export async function loadActor(db: Kysely<Database>, userId: string): Promise<Actor> {
  const [roles, memberships, archived] = await Promise.all([listPlatformRoles(db, userId), listMembershipsOfUser(db, userId), listArchivedNetworkIds(db)]);
  return {
    userId,
    platformRoles: new Set(roles),
    memberships: new Map(memberships.map((m) => [m.network_id, m.role])),
    archivedNetworks: new Set(archived),
  };
}
