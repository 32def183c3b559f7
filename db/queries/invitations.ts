import type { Kysely } from "kysely";
import type { Database, Invitation } from "../schema";

type Db = Kysely<Database>;

export async function insertInvitation(db: Db, invitation: Invitation): Promise<void> {
  await db.insertInto("invitations").values(invitation).execute();
}

export async function findInvitationByTokenHash(db: Db, tokenHash: string): Promise<Invitation | undefined> {
  return db.selectFrom("invitations").selectAll().where("token_hash", "=", tokenHash).executeTakeFirst();
}

/** Marks accepted only if still open, so two tabs cannot both use one link. */
export async function markInvitationAccepted(db: Db, id: string, userId: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable("invitations")
    .set({ accepted_at: at, accepted_user_id: userId })
    .where("id", "=", id)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function listOpenInvitationsOfNetwork(db: Db, networkId: string, now: string): Promise<Invitation[]> {
  return db
    .selectFrom("invitations")
    .selectAll()
    .where("network_id", "=", networkId)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", now)
    .orderBy("created_at", "desc")
    .execute();
}

/** Every open invitation, with the network's name (null for platform-role-only ones). */
export async function listOpenInvitations(db: Db, now: string) {
  return db
    .selectFrom("invitations")
    .leftJoin("networks", "networks.id", "invitations.network_id")
    .leftJoin("users as inviter", "inviter.id", "invitations.invited_by")
    .select([
      "invitations.id",
      "invitations.email",
      "invitations.network_id",
      "invitations.network_role",
      "invitations.platform_role",
      "invitations.locale",
      "invitations.created_at",
      "invitations.expires_at",
      "networks.name as network_name",
      "inviter.name as invited_by_name",
    ])
    .where("invitations.accepted_at", "is", null)
    .where("invitations.revoked_at", "is", null)
    .where("invitations.expires_at", ">", now)
    .orderBy("invitations.created_at", "desc")
    .execute();
}

/**
 * Withdraws an open invitation and tells to whom it went (undefined: nothing was open). With
 * a network id only an invitation of that network is touched (a coordinator's reach);
 * without, any (an admin's).
 */
export async function revokeInvitation(db: Db, id: string, networkId: string | null, at: string): Promise<string | undefined> {
  let query = db
    .updateTable("invitations")
    .set({ revoked_at: at })
    .where("id", "=", id)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null);
  if (networkId !== null) query = query.where("network_id", "=", networkId);
  const row = await query.returning("email").executeTakeFirst();
  return row?.email;
}

/** Withdraws every open invitation to a network (it was archived); returns how many. */
export async function revokeOpenInvitationsOfNetwork(db: Db, networkId: string, at: string): Promise<number> {
  const rows = await db
    .updateTable("invitations")
    .set({ revoked_at: at })
    .where("network_id", "=", networkId)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .returning("id")
    .execute();
  return rows.length;
}
