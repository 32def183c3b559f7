/**
 * What a network's home page shows. Returns plain view data, never raw rows: the e-mail
 * addresses of members are only included for those who manage the network.
 */
import type { Services } from "#server/services";
import type { Actor } from "#shared/policy";
import { can } from "#shared/policy";
import type { Network } from "#db/schema";
import { listOrganisationsOfNetwork } from "#db/queries/networks";
import { listMembersOfNetwork } from "#db/queries/memberships";
import { listOpenInvitationsOfNetwork } from "#db/queries/invitations";
import { nowIso } from "#shared/time";
import { parseThemes } from "./themes";

export async function networkHome(services: Services, actor: Actor, network: Network) {
  const manage = can(actor, { type: "network.manageMembers", networkId: network.id });
  const [organisations, members, invitations] = await Promise.all([
    listOrganisationsOfNetwork(services.db, network.id),
    listMembersOfNetwork(services.db, network.id),
    manage ? listOpenInvitationsOfNetwork(services.db, network.id, nowIso()) : Promise.resolve([]),
  ]);
  return {
    network: {
      id: network.id,
      slug: network.slug,
      name: network.name,
      description: network.description,
      occupationalField: network.occupational_field,
      themes: parseThemes(network.themes),
      archivedAt: network.archived_at,
    },
    organisations: organisations.map((o) => ({
      id: o.id,
      name: o.name,
      country: o.country,
      type: o.type,
      sector: o.sector,
      city: o.city,
      region: o.region,
    })),
    members: members.map((m) => ({
      userId: m.user_id,
      name: m.name,
      email: manage ? m.email : null,
      role: m.role,
      organisationId: m.organisation_id,
      organisationName: m.organisation_name,
      isMe: m.user_id === actor.userId,
    })),
    invitations: invitations.map((i) => ({ id: i.id, email: i.email, role: i.network_role, expiresAt: i.expires_at })),
    canManageMembers: manage,
  };
}
