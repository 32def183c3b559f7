/**
 * Archiving a network (admins): it becomes a record that whoever could read it still reads,
 * and that nobody changes (the policy refuses every write, see docs/decisions/0011).
 * Archiving also withdraws the network's open invitations: an archive takes nobody new, and
 * the invitee reads "withdrawn" instead of joining a closed network. Reactivating undoes the
 * archive (not the withdrawals). Open editors follow at once through "network.rightsChanged".
 */
import type { Services } from "#server/services";
import { findNetworkById, updateNetwork } from "#db/queries/networks";
import { revokeOpenInvitationsOfNetwork } from "#db/queries/invitations";
import { nowIso } from "#shared/time";
import { recordAudit } from "../audit/record";

export type ArchiveNetworkResult = "changed" | "unchanged" | "notFound";

export async function setNetworkArchived(services: Services, actorId: string, networkId: string, archived: boolean, ip: string): Promise<ArchiveNetworkResult> {
  const network = await findNetworkById(services.db, networkId);
  if (!network) return "notFound";
  // A second click (or a second admin) finds it done already: no new date, no second audit entry.
  if ((network.archived_at !== null) === archived) return "unchanged";
  const at = nowIso();
  const withdrawnInvitations = await services.db.transaction().execute(async (trx) => {
    await updateNetwork(trx, networkId, { archived_at: archived ? at : null, updated_at: at });
    return archived ? revokeOpenInvitationsOfNetwork(trx, networkId, at) : 0;
  });
  await recordAudit(services.db, {
    actorId,
    action: archived ? "network.archived" : "network.reactivated",
    targetType: "network",
    targetId: networkId,
    ip,
    details: archived ? { slug: network.slug, withdrawnInvitations } : { slug: network.slug },
  });
  services.events.emit("network.rightsChanged", { networkId });
  return "changed";
}
