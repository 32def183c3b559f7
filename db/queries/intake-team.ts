/**
 * All SQL of the project team's own page: who holds a platform role, the open invitations
 * to it, and leaving it (never the last active holder: the intake must always have someone).
 */
import { PostgresAdapter, type Kysely } from "kysely";
import type { Database } from "../schema";
import type { PlatformRole } from "#shared/roles";

type Db = Kysely<Database>;

const isPostgres = (db: Db) => db.getExecutor().adapter instanceof PostgresAdapter;

/** Everyone holding `role`, by name, with their organisation and since when they hold it. */
export async function listUsersWithRole(db: Db, role: PlatformRole) {
  return db
    .selectFrom("platform_roles")
    .innerJoin("users", "users.id", "platform_roles.user_id")
    .leftJoin("organisations", "organisations.id", "users.organisation_id")
    .select(["users.id", "users.name", "users.email", "users.disabled_at", "organisations.name as organisation_name", "platform_roles.created_at as since"])
    .where("platform_roles.role", "=", role)
    .orderBy("users.name")
    .orderBy("users.id")
    .execute();
}

/** Invitations to `role` alone (no network, no partnership) that are still open at `now`. */
export async function listOpenInvitationsToRole(db: Db, role: PlatformRole, now: string) {
  return db
    .selectFrom("invitations")
    .leftJoin("users as inviter", "inviter.id", "invitations.invited_by")
    .select(["invitations.id", "invitations.email", "invitations.created_at", "invitations.expires_at", "inviter.name as invited_by_name"])
    .where("invitations.platform_role", "=", role)
    .where("invitations.network_id", "is", null)
    .where("invitations.partnership_id", "is", null)
    .where("invitations.accepted_at", "is", null)
    .where("invitations.revoked_at", "is", null)
    .where("invitations.expires_at", ">", now)
    .orderBy("invitations.created_at", "desc")
    .execute();
}

/** Withdraws an open invitation to `role` alone; answers its address (undefined: none such was open). */
export async function revokeInvitationToRole(db: Db, id: string, role: PlatformRole, at: string): Promise<string | undefined> {
  const row = await db
    .updateTable("invitations")
    .set({ revoked_at: at })
    .where("id", "=", id)
    .where("platform_role", "=", role)
    .where("network_id", "is", null)
    .where("partnership_id", "is", null)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .returning("email")
    .executeTakeFirst();
  return row?.email;
}

export type LeaveRoleOutcome = "removed" | "last" | "notHeld";

/**
 * Takes `role` from the person unless nobody else active would hold it. On PostgreSQL the
 * holders' rows are locked first, so two last members leaving at once cannot both go: the
 * second sees the first's row gone and is refused. (SQLite runs one write transaction at a time.)
 */
export async function removeRoleUnlessLast(db: Db, userId: string, role: PlatformRole): Promise<LeaveRoleOutcome> {
  return db.transaction().execute(async (trx) => {
    let holders = trx.selectFrom("platform_roles").select("user_id").where("role", "=", role);
    if (isPostgres(db)) holders = holders.forUpdate();
    const rows = await holders.execute();
    if (!rows.some((r) => r.user_id === userId)) return "notHeld";
    const others = rows.map((r) => r.user_id).filter((id) => id !== userId);
    const active = others.length
      ? await trx.selectFrom("users").select("id").where("id", "in", others).where("disabled_at", "is", null).execute()
      : [];
    if (active.length === 0) return "last";
    await trx.deleteFrom("platform_roles").where("user_id", "=", userId).where("role", "=", role).execute();
    return "removed";
  });
}
