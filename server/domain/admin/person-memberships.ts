/**
 * An admin adds a person to a network. Changing and removing go through
 * networks/members.ts (changeMemberRole, removeMember) like a coordinator's edits do, so
 * the "a network keeps at least one coordinator" rule holds for admins too. Adding never
 * overwrites an existing role: that would be a role change around that rule.
 */
import type { Services } from "#server/services";
import type { NetworkRole } from "#shared/roles";
import { findNetworkById } from "#db/queries/networks";
import { findUserById } from "#db/queries/users";
import { insertMembershipIfAbsent } from "#db/queries/admin-people";
import { nowIso } from "#shared/time";
import { recordAudit } from "../audit/record";

export type AddMembershipResult = { ok: true } | { ok: false; error: "notFound" | "unknownNetwork" | "alreadyMember" };

export async function addPersonToNetwork(
  services: Services,
  actorId: string,
  userId: string,
  networkId: string,
  role: NetworkRole,
  ip: string,
): Promise<AddMembershipResult> {
  if (!(await findUserById(services.db, userId))) return { ok: false, error: "notFound" };
  if (!(await findNetworkById(services.db, networkId))) return { ok: false, error: "unknownNetwork" };
  if (!(await insertMembershipIfAbsent(services.db, networkId, userId, role, nowIso()))) return { ok: false, error: "alreadyMember" };
  services.events.emit("membership.changed", { userId, networkId, role });
  await recordAudit(services.db, {
    actorId,
    action: "membership.added",
    targetType: "user",
    targetId: userId,
    ip,
    details: { networkId, networkRole: role },
  });
  return { ok: true };
}
