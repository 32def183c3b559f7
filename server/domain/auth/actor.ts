import type { Kysely } from "kysely";
import type { Database, Membership } from "#db/schema";
import type { Actor } from "#shared/policy";
import { listPlatformRoles, listPlatformRolesOfUsers } from "#db/queries/users";
import { listMembershipsOfUser, listMembershipsOfUsers } from "#db/queries/memberships";
import { listArchivedNetworkIds } from "#db/queries/networks";
import { listPartnershipIdsOfUser, listPartnershipIdsOfUsers } from "#db/queries/partnerships";

/** Loads what the policy needs about a person: platform roles, memberships, archived networks, partnerships. */
export async function loadActor(db: Kysely<Database>, userId: string): Promise<Actor> {
  const [roles, memberships, archived, partnerships] = await Promise.all([
    listPlatformRoles(db, userId),
    listMembershipsOfUser(db, userId),
    listArchivedNetworkIds(db),
    listPartnershipIdsOfUser(db, userId),
  ]);
  return {
    userId,
    platformRoles: new Set(roles),
    memberships: new Map(memberships.map((m) => [m.network_id, m.role])),
    archivedNetworks: new Set(archived),
    partnerships: new Set(partnerships),
  };
}

/** The actors of many people at once (four queries, not four per person), by user id. */
export async function loadActors(db: Kysely<Database>, userIds: string[]): Promise<Map<string, Actor>> {
  const [roles, memberships, archived, partnerships] = await Promise.all([
    listPlatformRolesOfUsers(db, userIds),
    listMembershipsOfUsers(db, userIds),
    listArchivedNetworkIds(db),
    listPartnershipIdsOfUsers(db, userIds),
  ]);
  const archivedNetworks = new Set(archived);
  const actors = new Map<string, Actor>();
  for (const userId of userIds) {
    actors.set(userId, { userId, platformRoles: new Set(roles.get(userId) ?? []), memberships: new Map(), archivedNetworks, partnerships: new Set(partnerships.get(userId) ?? []) });
  }
  for (const m of memberships) (actors.get(m.user_id)?.memberships as Map<string, Membership["role"]> | undefined)?.set(m.network_id, m.role);
  return actors;
}
