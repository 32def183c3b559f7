/** What the admin organisation pages show: all organisations with how much hangs on them. */
import type { Services } from "#server/services";
import { findOrganisation, listOrganisations } from "#db/queries/organisations";
import { countNetworksByOrganisation, countPeopleByOrganisation } from "#db/queries/admin-organisations";
import { ID_PATTERN } from "#shared/validation/admin-forms";

export async function listOrganisationsForAdmin(services: Services) {
  const [organisations, networks, people] = await Promise.all([
    listOrganisations(services.db),
    countNetworksByOrganisation(services.db),
    countPeopleByOrganisation(services.db),
  ]);
  return organisations.map((o) => ({
    id: o.id,
    name: o.name,
    country: o.country,
    city: o.city,
    region: o.region,
    type: o.type,
    sector: o.sector,
    networkCount: networks.get(o.id) ?? 0,
    peopleCount: people.get(o.id) ?? 0,
  }));
}

export async function organisationForEditing(services: Services, id: string | undefined) {
  if (!id || !ID_PATTERN.test(id)) return null;
  const o = await findOrganisation(services.db, id);
  if (!o) return null;
  return {
    id: o.id,
    name: o.name,
    country: o.country,
    city: o.city,
    region: o.region,
    type: o.type,
    sector: o.sector,
    website: o.website ?? "",
    description: o.description,
  };
}
