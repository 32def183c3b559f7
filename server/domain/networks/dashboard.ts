import type { Services } from "#server/services";
import { can, type Actor } from "#shared/policy";
import { listNetworks, listNetworksByIds } from "#db/queries/networks";
import { countMembersByNetwork } from "#db/queries/memberships";

/** The networks a person sees on the dashboard: their own, or all for observers and admins. */
export async function dashboardFor(services: Services, actor: Actor) {
  const seesAll = actor.platformRoles.has("observer") || actor.platformRoles.has("admin");
  const networks = seesAll
    ? await listNetworks(services.db)
    : await listNetworksByIds(services.db, [...actor.memberships.keys()]);
  const counts = await countMembersByNetwork(services.db);
  return {
    networks: networks
      .filter((n) => can(actor, { type: "network.view", networkId: n.id }))
      .map((n) => ({
        id: n.id,
        slug: n.slug,
        name: n.name,
        occupationalField: n.occupational_field,
        myRole: actor.memberships.get(n.id) ?? null,
        memberCount: counts.get(n.id) ?? 0,
        archived: n.archived_at !== null,
      })),
    canSeeNetworkOfNetworks: can(actor, { type: "networkOfNetworks.view" }),
    canModerate: can(actor, { type: "networkOfNetworks.moderate" }),
    isAdmin: can(actor, { type: "platform.admin" }),
    platformRoles: [...actor.platformRoles],
  };
}
