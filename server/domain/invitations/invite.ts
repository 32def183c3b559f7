/**
 * Inviting someone to a network (with a role) or to a platform role. A person who already
 * has an account is added at once and told by mail; anyone else gets a one-time link.
 * Callers have authorised the inviter with the policy before calling.
 */
import type { Services } from "#server/services";
import type { Locale } from "#shared/i18n/config";
import type { NetworkRole, PlatformRole } from "#shared/roles";
import { addPlatformRole, findUserByEmail, normaliseEmail } from "#db/queries/users";
import { findNetworkById } from "#db/queries/networks";
import { insertInvitation } from "#db/queries/invitations";
import { upsertMembership } from "#db/queries/memberships";
import { addPartnershipMember, findPartnership } from "#db/queries/partnerships";
import { hashToken, newId, newToken } from "../auth/tokens";
import { recordAudit } from "../audit/record";
import { composeMail } from "#server/mail/compose";
import { HOUR, isoPlus, nowIso } from "#shared/time";

export interface InvitationInput {
  email: string;
  locale: Locale;
  networkId: string | null;
  networkRole: NetworkRole | null;
  platformRole: PlatformRole | null;
  /** Into a partnership, to co-write its joint application (server/domain/partnerships/). */
  partnershipId?: string | null;
}

export type InvitationOutcome = { kind: "invited"; invitationId: string } | { kind: "added"; userId: string };

export async function invitePerson(
  services: Services,
  inviter: { id: string; name: string },
  input: InvitationInput,
  ip: string,
): Promise<InvitationOutcome> {
  const { db, config } = services;
  const email = normaliseEmail(input.email);
  const network = input.networkId ? await findNetworkById(db, input.networkId) : undefined;
  if (input.networkId && !network) throw new Error(`invitePerson: unknown network ${input.networkId}`);
  const partnership = input.partnershipId ? await findPartnership(db, input.partnershipId) : undefined;
  if (input.partnershipId && !partnership) throw new Error(`invitePerson: unknown partnership ${input.partnershipId}`);
  const place = network?.name ?? partnership?.name ?? "ConnActions";
  const at = nowIso();
  const existing = await findUserByEmail(db, email);

  if (existing) {
    await db.transaction().execute(async (trx) => {
      if (network && input.networkRole) await upsertMembership(trx, network.id, existing.id, input.networkRole, at);
      if (input.platformRole) await addPlatformRole(trx, existing.id, input.platformRole, at);
      if (partnership) await addPartnershipMember(trx, partnership.id, existing.id, at);
    });
    if (network && input.networkRole) {
      services.events.emit("membership.changed", { userId: existing.id, networkId: network.id, role: input.networkRole });
    }
    await recordAudit(db, {
      actorId: inviter.id,
      action: "membership.added",
      targetType: "user",
      targetId: existing.id,
      ip,
      details: { networkId: network?.id ?? null, networkRole: input.networkRole, platformRole: input.platformRole },
    });
    await services.mailer.send(
      composeMail(partnership && !network ? "addedToPartnership" : "addedToNetwork", existing.email, existing.locale, {
        name: existing.name,
        inviter: inviter.name,
        network: place,
        link: `${config.publicUrl}${network ? `/networks/${network.slug}` : partnership ? `/partnerships/${partnership.id}` : "/dashboard"}`,
      }),
    );
    return { kind: "added", userId: existing.id };
  }

  const token = newToken();
  const invitationId = newId();
  await insertInvitation(db, {
    id: invitationId,
    token_hash: hashToken(token),
    email,
    network_id: network?.id ?? null,
    network_role: network ? input.networkRole ?? "member" : null,
    platform_role: input.platformRole,
    partnership_id: partnership?.id ?? null,
    locale: input.locale,
    invited_by: inviter.id,
    created_at: at,
    expires_at: isoPlus(config.invitationValidHours * HOUR),
    accepted_at: null,
    accepted_user_id: null,
    revoked_at: null,
  });
  await recordAudit(db, {
    actorId: inviter.id,
    action: "invitation.created",
    targetType: "invitation",
    targetId: invitationId,
    ip,
    details: { email, networkId: network?.id ?? null, networkRole: input.networkRole, platformRole: input.platformRole },
  });
  await services.mailer.send(
    composeMail(partnership && !network ? "partnershipInvitation" : "invitation", email, input.locale, {
      inviter: inviter.name,
      network: place,
      link: `${config.publicUrl}/invite/${token}`,
      days: Math.round(config.invitationValidHours / 24),
    }),
  );
  return { kind: "invited", invitationId };
}
