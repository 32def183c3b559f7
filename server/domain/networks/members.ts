/**
 * Coordinators (and admins) change roles and remove members. A network always keeps at
 * least one coordinator, so nobody can lock the network out of managing itself.
 */
import type { Services } from "#server/services";
import type { NetworkRole } from "#shared/roles";
import { countCoordinators, deleteMembership, findMembership, updateMembershipRole } from "#db/queries/memberships";
import { recordAudit } from "../audit/record";
import { nowIso } from "#shared/time";

export type MemberChangeResult = { ok: true } | { ok: false; error: "notMember" | "lastCoordinator" };

export async function changeMemberRole(
  services: Services,
  actorId: string,
  networkId: string,
  userId: string,
  role: NetworkRole,
  ip: string,
): Promise<MemberChangeResult> {
  const result = await services.db.transaction().execute(async (trx): Promise<MemberChangeResult> => {
    const current = await findMembership(trx, networkId, userId);
    if (!current) return { ok: false, error: "notMember" };
    if (current.role === role) return { ok: true };
    if (current.role === "coordinator" && (await countCoordinators(trx, networkId)) <= 1) {
      return { ok: false, error: "lastCoordinator" };
    }
    await updateMembershipRole(trx, networkId, userId, role, nowIso());
    return { ok: true };
  });
  if (result.ok) {
    services.events.emit("membership.changed", { userId, networkId, role });
    await recordAudit(services.db, {
      actorId,
      action: "membership.role_changed",
      targetType: "user",
      targetId: userId,
      ip,
      details: { networkId, role },
    });
  }
  return result;
}

export async function removeMember(
  services: Services,
  actorId: string,
  networkId: string,
  userId: string,
  ip: string,
): Promise<MemberChangeResult> {
  const result = await services.db.transaction().execute(async (trx): Promise<MemberChangeResult> => {
    const current = await findMembership(trx, networkId, userId);
    if (!current) return { ok: false, error: "notMember" };
    if (current.role === "coordinator" && (await countCoordinators(trx, networkId)) <= 1) {
      return { ok: false, error: "lastCoordinator" };
    }
    await deleteMembership(trx, networkId, userId);
    return { ok: true };
  });
  if (result.ok) {
    services.events.emit("membership.changed", { userId, networkId, role: null });
    await recordAudit(services.db, {
      actorId,
      action: "membership.removed",
      targetType: "user",
      targetId: userId,
      ip,
      details: { networkId },
    });
  }
  return result;
}
