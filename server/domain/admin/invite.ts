/**
 * The admin's invitation: to a network with a role, to a platform role, or both. It is
 * invitePerson() with the admin's choices made explicit: a network without a chosen role
 * means "member" (invitePerson would otherwise add an existing account to nothing).
 */
import type { Services } from "#server/services";
import type { Locale } from "#shared/i18n/config";
import type { NetworkRole, PlatformRole } from "#shared/roles";
import { findNetworkById } from "#db/queries/networks";
import { invitePerson, type InvitationOutcome } from "../invitations/invite";

export interface AdminInvitation {
  email: string;
  locale: Locale;
  networkId: string | null;
  networkRole: NetworkRole | null;
  platformRole: PlatformRole | null;
}

export async function inviteAsAdmin(
  services: Services,
  admin: { id: string; name: string },
  input: AdminInvitation,
  ip: string,
): Promise<InvitationOutcome | { kind: "unknownNetwork" }> {
  if (input.networkId && !(await findNetworkById(services.db, input.networkId))) return { kind: "unknownNetwork" };
  return invitePerson(
    services,
    admin,
    {
      email: input.email,
      locale: input.locale,
      networkId: input.networkId,
      networkRole: input.networkId ? (input.networkRole ?? "member") : null,
      platformRole: input.platformRole,
    },
    ip,
  );
}
