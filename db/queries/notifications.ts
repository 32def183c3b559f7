import type { Kysely } from "kysely";
import type { Database, Notification } from "../schema";

type Db = Kysely<Database>;

export async function insertNotification(db: Db, row: Notification): Promise<void> {
  await db.insertInto("notifications").values(row).execute();
}

const notificationsWithActor = (db: Db) =>
  db.selectFrom("notifications").leftJoin("users", "users.id", "notifications.actor_id").selectAll("notifications").select("users.name as actor_name");

export async function listNotificationsOf(db: Db, userId: string, limit = 50, offset = 0) {
  return notificationsWithActor(db)
    .where("notifications.user_id", "=", userId)
    .orderBy("notifications.created_at", "desc")
    .orderBy("notifications.id", "desc")
    .limit(limit)
    .offset(offset)
    .execute();
}

/** One notification, only if it is this person's. */
export async function findNotificationOf(db: Db, userId: string, id: string) {
  return notificationsWithActor(db).where("notifications.user_id", "=", userId).where("notifications.id", "=", id).executeTakeFirst();
}

export async function countUnread(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom("notifications")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .where("read_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Only the caller's own notifications are touched, whatever ids they send. */
export async function markRead(db: Db, userId: string, ids: string[], at: string): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable("notifications").set({ read_at: at }).where("user_id", "=", userId).where("id", "in", ids).where("read_at", "is", null).execute();
}

export async function markAllRead(db: Db, userId: string, at: string): Promise<void> {
  await db.updateTable("notifications").set({ read_at: at }).where("user_id", "=", userId).where("read_at", "is", null).execute();
}

export async function emailPreferences(db: Db, userId: string): Promise<Map<string, boolean>> {
  const rows = await db.selectFrom("notification_preferences").select(["kind", "email"]).where("user_id", "=", userId).execute();
  return new Map(rows.map((r) => [r.kind, r.email === 1]));
}

export async function setEmailPreference(db: Db, userId: string, kind: string, email: boolean): Promise<void> {
  await db
    .insertInto("notification_preferences")
    .values({ user_id: userId, kind, email: email ? 1 : 0 })
    .onConflict((oc) => oc.columns(["user_id", "kind"]).doUpdateSet({ email: email ? 1 : 0 }))
    .execute();
}
