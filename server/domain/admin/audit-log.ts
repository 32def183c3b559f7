/**
 * The audit log as admins read it. Targets are stored as type + id; they are shown by
 * their current name (an invitation by its address), or by id when the thing is gone.
 */
import type { Services } from "#server/services";
import { emailsOfInvitations, listAuditPage, namesOfNetworks, namesOfOrganisations, namesOfUsers } from "#db/queries/admin-audit";
import { readPage } from "../paging";

const idsOfType = (rows: Array<{ target_type: string | null; target_id: string | null }>, type: string) => [
  ...new Set(rows.flatMap((r) => (r.target_type === type && r.target_id ? [r.target_id] : []))),
];

export async function auditPage(services: Services, page: number) {
  const { rows, ...paging } = await readPage(page, (limit, offset) => listAuditPage(services.db, limit, offset));
  const [users, networks, organisations, invitations] = await Promise.all([
    namesOfUsers(services.db, idsOfType(rows, "user")),
    namesOfNetworks(services.db, idsOfType(rows, "network")),
    namesOfOrganisations(services.db, idsOfType(rows, "organisation")),
    emailsOfInvitations(services.db, idsOfType(rows, "invitation")),
  ]);
  const names: Record<string, Map<string, string>> = { user: users, network: networks, organisation: organisations, invitation: invitations };
  return {
    ...paging,
    entries: rows.map((r) => ({
      id: r.id,
      at: r.at,
      actorId: r.actor_id,
      actorName: r.actor_name,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      targetName: r.target_type && r.target_id ? (names[r.target_type]?.get(r.target_id) ?? null) : null,
      ip: r.ip,
    })),
  };
}
