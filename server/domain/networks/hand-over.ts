/**
 * A coordinator hands over coordination to another member of the network: the recipient
 * becomes coordinator and the coordinator who hands over becomes a member (unless they stay
 * coordinator as well). This is how networks carry on by themselves once the project ends:
 * nobody from the project team needs to step in.
 *
 * One transaction re-reads everything the decision rests on (the network is still open, the
 * actor still coordinates it, the recipient is an active member), changes both roles, writes
 * the audit entry and stores the mail to the new coordinator, so either all of it happens or
 * none of it does. The mail goes to SMTP once the transaction has committed.
 */
import type { Services } from "#server/services";
import { can, type Actor } from "#shared/policy";
import { findMembership, updateMembershipRole } from "#db/queries/memberships";
import { findNetworkById } from "#db/queries/networks";
import { findUserById } from "#db/queries/users";
import { composeMail } from "#server/mail/compose";
import { nowIso } from "#shared/time";
import { recordAudit } from "../audit/record";

export interface HandOverInput {
  networkId: string;
  recipientId: string;
  /** Keep the actor's coordinator role: the network then has one coordinator more. */
  stayCoordinator: boolean;
}

/**
 * forbidden: the policy refuses (not a coordinator of an open network);
 * self, notMember, alreadyCoordinator: the recipient cannot receive coordination;
 * notCoordinator, archived: the actor's role or the network changed since the page was loaded.
 */
export type HandOverError = "forbidden" | "self" | "notMember" | "alreadyCoordinator" | "notCoordinator" | "archived";

export type HandOverResult = { ok: true; recipient: { id: string; name: string } } | { ok: false; error: HandOverError };

export async function handOverCoordination(services: Services, actor: Actor, input: HandOverInput, ip: string): Promise<HandOverResult> {
  const { networkId, recipientId, stayCoordinator } = input;
  if (!can(actor, { type: "network.handOverCoordination", networkId })) return { ok: false, error: "forbidden" };
  if (recipientId === actor.userId) return { ok: false, error: "self" };

  const outcome = await services.db.transaction().execute(async (trx) => {
    const network = await findNetworkById(trx, networkId);
    if (!network) return { ok: false as const, error: "forbidden" as const };
    if (network.archived_at !== null) return { ok: false as const, error: "archived" as const };
    const own = await findMembership(trx, networkId, actor.userId);
    if (own?.role !== "coordinator") return { ok: false as const, error: "notCoordinator" as const };
    const membership = await findMembership(trx, networkId, recipientId);
    const recipient = membership ? await findUserById(trx, recipientId) : undefined;
    // A disabled account is not listed among the network's people and cannot coordinate it.
    if (!membership || !recipient || recipient.disabled_at !== null) return { ok: false as const, error: "notMember" as const };
    if (membership.role === "coordinator") return { ok: false as const, error: "alreadyCoordinator" as const };
    const from = await findUserById(trx, actor.userId);

    const at = nowIso();
    await updateMembershipRole(trx, networkId, recipientId, "coordinator", at);
    if (!stayCoordinator) await updateMembershipRole(trx, networkId, actor.userId, "member", at);
    await recordAudit(trx, {
      actorId: actor.userId,
      action: "membership.coordination_handed_over",
      targetType: "user",
      targetId: recipientId,
      ip,
      details: { networkId, stayCoordinator },
    });
    const mail = await services.mailer.stage(
      trx,
      composeMail("coordinationHandedOver", recipient.email, recipient.locale, {
        name: recipient.name,
        from: from?.name ?? "",
        network: network.name,
        link: `${services.config.publicUrl}/networks/${network.slug}`,
        ...(stayCoordinator ? { context: "shared" } : {}),
      }),
    );
    return { ok: true as const, recipient: { id: recipient.id, name: recipient.name }, mailId: mail.id };
  });

  if (!outcome.ok) return outcome;
  await services.mailer.release(outcome.mailId);
  // Open pages, sockets and editors of both people follow their new roles.
  services.events.emit("membership.changed", { userId: recipientId, networkId, role: "coordinator" });
  if (!stayCoordinator) services.events.emit("membership.changed", { userId: actor.userId, networkId, role: "member" });
  return { ok: true, recipient: outcome.recipient };
}
