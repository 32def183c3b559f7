import type { Kysely } from "kysely";
import type { Database, Session } from "../schema";

type Db = Kysely<Database>;

export async function insertSession(db: Db, session: Session): Promise<void> {
  await db.insertInto("sessions").values(session).execute();
}

export async function findSession(db: Db, id: string): Promise<Session | undefined> {
  return db.selectFrom("sessions").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function touchSession(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable("sessions").set({ last_seen_at: at }).where("id", "=", id).execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", id).execute();
}

/** Returns the ids removed so live sockets of those sessions can be closed. */
export async function deleteSessionsOfUser(db: Db, userId: string, exceptId?: string): Promise<string[]> {
  let query = db.deleteFrom("sessions").where("user_id", "=", userId);
  if (exceptId) query = query.where("id", "!=", exceptId);
  const rows = await query.returning("id").execute();
  return rows.map((r) => r.id);
}

export async function listSessionsOfUser(db: Db, userId: string): Promise<Session[]> {
  return db.selectFrom("sessions").selectAll().where("user_id", "=", userId).orderBy("last_seen_at", "desc").execute();
}

export async function deleteExpiredSessions(db: Db, now: string, idleCutoff: string): Promise<number> {
  const rows = await db
    .deleteFrom("sessions")
    .where((eb) => eb.or([eb("expires_at", "<=", now), eb("last_seen_at", "<", idleCutoff)]))
    .returning("id")
    .execute();
  return rows.length;
}
