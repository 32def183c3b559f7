import type { Services } from "#server/services";
import { revokeInvitation as revokeRow } from "#db/queries/invitations";
import { recordAudit } from "../audit/record";
import { nowIso } from "#shared/time";

/**
 * Withdraws an open invitation; its link then says it was withdrawn. `networkId` limits it
 * to one network's invitations (coordinators); null reaches every one (admins, after the
 * caller has authorised platform.admin). Returns the invited address, or undefined when no
 * open invitation matched.
 */
export async function revokeInvitation(services: Services, actorId: string, networkId: string | null, invitationId: string, ip: string) {
  const email = await revokeRow(services.db, invitationId, networkId, nowIso());
  if (email !== undefined) {
    await recordAudit(services.db, { actorId, action: "invitation.revoked", targetType: "invitation", targetId: invitationId, ip, details: { networkId } });
  }
  return email;
}
