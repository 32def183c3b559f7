import type { Services } from "#server/services";
import { can, type Actor } from "#shared/policy";
import { findOrganisation, listNetworkIdsOfOrganisation } from "#db/queries/organisations";
import { listNetworksByIds } from "#db/queries/networks";

/**
 * An organisation's profile, visible to every signed-in person (partner finding). It lists
 * only the networks the viewer may see, and no people: who works where inside a private
 * network is that network's business.
 */
export async function organisationProfile(services: Services, actor: Actor, id: string) {
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(id)) return null;
  const organisation = await findOrganisation(services.db, id);
  if (!organisation) return null;
  const networkIds = await listNetworkIdsOfOrganisation(services.db, id);
  const visibleIds = networkIds.filter((networkId) => can(actor, { type: "network.view", networkId }));
  const networks = await listNetworksByIds(services.db, visibleIds);
  return {
    organisation: {
      id: organisation.id,
      name: organisation.name,
      country: organisation.country,
      city: organisation.city,
      region: organisation.region,
      type: organisation.type,
      sector: organisation.sector,
      website: organisation.website,
      description: organisation.description,
    },
    networks: networks.map((n) => ({ slug: n.slug, name: n.name })),
    canEdit: can(actor, { type: "organisation.manage" }),
  };
}
