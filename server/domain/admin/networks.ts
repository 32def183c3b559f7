/**
 * What the admin network pages show: every network (archived ones too: admins manage
 * them), and a network with its member organisations for the edit form.
 */
import type { Services } from "#server/services";
import { findNetworkById, listNetworks } from "#db/queries/networks";
import { countMembersByNetwork } from "#db/queries/memberships";
import { listOrganisations } from "#db/queries/organisations";
import { countOrganisationsByNetwork, listOrganisationIdsOfNetwork } from "#db/queries/admin-networks";
import { ID_PATTERN } from "#shared/validation/admin-forms";
import { parseThemes } from "../networks/themes";

export async function listNetworksForAdmin(services: Services) {
  const [networks, members, organisations] = await Promise.all([
    listNetworks(services.db),
    countMembersByNetwork(services.db),
    countOrganisationsByNetwork(services.db),
  ]);
  return networks.map((n) => ({
    id: n.id,
    slug: n.slug,
    name: n.name,
    occupationalField: n.occupational_field,
    themes: parseThemes(n.themes),
    memberCount: members.get(n.id) ?? 0,
    organisationCount: organisations.get(n.id) ?? 0,
    archived: n.archived_at !== null,
  }));
}

/** Every organisation as a checkbox choice, so an admin can put any of them into a network. */
export async function organisationChoices(services: Services) {
  const organisations = await listOrganisations(services.db);
  return organisations.map((o) => ({ id: o.id, name: o.name, country: o.country, city: o.city }));
}

export async function networkForEditing(services: Services, id: string | undefined) {
  if (!id || !ID_PATTERN.test(id)) return null;
  const network = await findNetworkById(services.db, id);
  if (!network) return null;
  const organisationIds = await listOrganisationIdsOfNetwork(services.db, id);
  return {
    id: network.id,
    slug: network.slug,
    name: network.name,
    description: network.description,
    occupationalField: network.occupational_field,
    themes: parseThemes(network.themes),
    organisationIds,
    archivedAt: network.archived_at,
  };
}
