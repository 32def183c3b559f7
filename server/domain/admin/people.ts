/**
 * What the admin people pages show: every account with its platform roles and network
 * memberships, including disabled ones (only admins can bring those back).
 */
import type { Services } from "#server/services";
import { findUserById, listPlatformRoles, listPlatformRolesOfUsers, listUsers } from "#db/queries/users";
import { listNetworks } from "#db/queries/networks";
import { listOrganisations } from "#db/queries/organisations";
import { listAllMembershipsWithNetwork, listMembershipsOfUserWithNetwork, type MembershipWithNetwork } from "#db/queries/admin-people";
import { PLATFORM_ROLES } from "#shared/roles";
import { ID_PATTERN } from "#shared/validation/admin-forms";

const membershipView = (m: MembershipWithNetwork) => ({
  networkId: m.network_id,
  networkName: m.network_name,
  networkSlug: m.network_slug,
  /** Memberships of an archived network are part of its record: shown, not changed. */
  networkArchived: m.network_archived_at !== null,
  role: m.role,
});

/** Roles in the fixed order of PLATFORM_ROLES, so lists read the same on every row. */
const ordered = (roles: readonly string[]) => PLATFORM_ROLES.filter((r) => roles.includes(r));

export async function listPeopleForAdmin(services: Services) {
  const users = await listUsers(services.db);
  const [roles, memberships] = await Promise.all([
    listPlatformRolesOfUsers(services.db, users.map((u) => u.id)),
    listAllMembershipsWithNetwork(services.db),
  ]);
  return users.map((u) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    organisationId: u.organisation_id,
    organisationName: u.organisation_name,
    platformRoles: ordered(roles.get(u.id) ?? []),
    memberships: memberships.filter((m) => m.user_id === u.id).map(membershipView),
    disabled: u.disabled_at !== null,
  }));
}

export async function personForEditing(services: Services, id: string | undefined) {
  if (!id || !ID_PATTERN.test(id)) return null;
  const user = await findUserById(services.db, id);
  if (!user) return null;
  const [roles, memberships, networks, organisations] = await Promise.all([
    listPlatformRoles(services.db, id),
    listMembershipsOfUserWithNetwork(services.db, id),
    listNetworks(services.db),
    listOrganisations(services.db),
  ]);
  const memberOf = new Set(memberships.map((m) => m.network_id));
  return {
    person: {
      id: user.id,
      name: user.name,
      email: user.email,
      locale: user.locale,
      organisationId: user.organisation_id ?? "",
      platformRoles: ordered(roles),
      disabled: user.disabled_at !== null,
      disabledAt: user.disabled_at,
      createdAt: user.created_at,
    },
    memberships: memberships.map(membershipView),
    /** Networks the person can still be added to (an archived network takes nobody new). */
    joinableNetworks: networks.filter((n) => !memberOf.has(n.id) && n.archived_at === null).map((n) => ({ id: n.id, name: n.name })),
    organisations: organisations.map((o) => ({ id: o.id, name: o.name, country: o.country })),
  };
}
