/**
 * Opening and accepting an invitation link: the invitee chooses name, password and
 * language, the account is created with the invited roles, and they are logged in.
 */
import type { Services } from "#server/services";
import type { Invitation } from "#db/schema";
import type { Locale } from "#shared/i18n/config";
import { findInvitationByTokenHash, markInvitationAccepted } from "#db/queries/invitations";
import { addPlatformRole, findUserByEmail, insertUser } from "#db/queries/users";
import { findNetworkById } from "#db/queries/networks";
import { upsertMembership } from "#db/queries/memberships";
import { addPartnershipMember, findPartnership } from "#db/queries/partnerships";
import { hashPassword } from "../auth/passwords";
import { hashToken, newId } from "../auth/tokens";
import { createSession } from "../auth/sessions";
import { recordAudit } from "../audit/record";
import { nowIso } from "#shared/time";

export type InvitationState = "valid" | "expired" | "used" | "revoked" | "invalid";

export function invitationState(invitation: Invitation | undefined): InvitationState {
  if (!invitation) return "invalid";
  if (invitation.revoked_at) return "revoked";
  if (invitation.accepted_at) return "used";
  if (Date.parse(invitation.expires_at) <= Date.now()) return "expired";
  return "valid";
}

export async function inspectInvitation(services: Services, token: string) {
  const invitation = await findInvitationByTokenHash(services.db, hashToken(token));
  const state = invitationState(invitation);
  if (state !== "valid" || !invitation) return { state } as const;
  const network = invitation.network_id ? await findNetworkById(services.db, invitation.network_id) : undefined;
  const partnership = invitation.partnership_id ? await findPartnership(services.db, invitation.partnership_id) : undefined;
  return {
    state,
    email: invitation.email,
    locale: invitation.locale,
    networkName: network?.name ?? null,
    partnershipName: partnership?.name ?? null,
    networkRole: invitation.network_role,
  } as const;
}

export async function acceptInvitation(
  services: Services,
  token: string,
  input: { name: string; password: string; locale: Locale; ip: string; userAgent: string },
): Promise<{ state: InvitationState; sessionToken?: string; redirectTo?: string }> {
  const { db } = services;
  const invitation = await findInvitationByTokenHash(db, hashToken(token));
  const state = invitationState(invitation);
  if (state !== "valid" || !invitation) return { state };
  // Someone registered this address meanwhile (another invitation): this link is spent.
  if (await findUserByEmail(db, invitation.email)) return { state: "used" };

  const passwordHash = await hashPassword(input.password);
  const userId = newId();
  const at = nowIso();
  // The user row goes in first (the invitation references it); if the conditional update
  // finds the invitation already taken, throwing rolls the new user back.
  const alreadyTaken = new Error("invitation already accepted");
  const accepted = await db
    .transaction()
    .execute(async (trx) => {
      await insertUser(trx, {
        id: userId,
        email: invitation.email,
        name: input.name,
        password_hash: passwordHash,
        locale: input.locale,
        organisation_id: null,
        created_at: at,
        updated_at: at,
        disabled_at: null,
      });
      if (!(await markInvitationAccepted(trx, invitation.id, userId, at))) throw alreadyTaken;
      if (invitation.network_id && invitation.network_role) {
        await upsertMembership(trx, invitation.network_id, userId, invitation.network_role, at);
      }
      if (invitation.platform_role) await addPlatformRole(trx, userId, invitation.platform_role, at);
      if (invitation.partnership_id) await addPartnershipMember(trx, invitation.partnership_id, userId, at);
      return true;
    })
    .catch((error: unknown) => {
      if (error === alreadyTaken) return false;
      throw error;
    });
  if (!accepted) return { state: "used" };

  await recordAudit(db, {
    actorId: userId,
    action: "invitation.accepted",
    targetType: "invitation",
    targetId: invitation.id,
    ip: input.ip,
  });
  const { token: sessionToken } = await createSession(services, userId, { ip: input.ip, userAgent: input.userAgent });
  const network = invitation.network_id ? await findNetworkById(db, invitation.network_id) : undefined;
  const redirectTo = network ? `/networks/${network.slug}` : invitation.partnership_id ? `/partnerships/${invitation.partnership_id}` : "/dashboard";
  return { state: "valid", sessionToken, redirectTo };
}
