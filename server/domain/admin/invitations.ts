/** Open invitations as the admin's invitation page lists them: every network and platform roles. */
import type { Services } from "#server/services";
import { listOpenInvitations } from "#db/queries/invitations";
import { nowIso } from "#shared/time";

export async function listOpenInvitationsForAdmin(services: Services) {
  const rows = await listOpenInvitations(services.db, nowIso());
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    network: row.network_id ? { id: row.network_id, name: row.network_name ?? "" } : null,
    networkRole: row.network_role,
    platformRole: row.platform_role,
    invitedBy: row.invited_by_name,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  }));
}
