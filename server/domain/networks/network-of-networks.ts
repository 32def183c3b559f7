import type { Services } from "#server/services";
import { can, type Actor } from "#shared/policy";
import { listNetworks } from "#db/queries/networks";

/**
 * The shared space of all five networks. Its features (findings, discussion,
 * recommendations) come later; what it shows now is public within the space: the
 * participating networks' names and fields, never their private content.
 */
export async function networkOfNetworksHome(services: Services, actor: Actor) {
  const networks = await listNetworks(services.db);
  return {
    networks: networks
      .filter((n) => !n.archived_at)
      .map((n) => ({
        id: n.id,
        name: n.name,
        occupationalField: n.occupational_field,
        slug: can(actor, { type: "network.view", networkId: n.id }) ? n.slug : null,
      })),
    canModerate: can(actor, { type: "networkOfNetworks.moderate" }),
  };
}
