import type { Kysely } from "kysely";
import type { Database, OutboxMail } from "../schema";

type Db = Kysely<Database>;

export async function insertOutboxMail(db: Db, mail: OutboxMail): Promise<void> {
  await db.insertInto("outbox").values(mail).execute();
}

export async function markOutboxSent(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable("outbox").set({ sent_at: at, error: null }).where("id", "=", id).execute();
}

export async function markOutboxFailed(db: Db, id: string, error: string): Promise<void> {
  await db.updateTable("outbox").set({ error }).where("id", "=", id).execute();
}

export async function listOutbox(db: Db, limit = 200): Promise<OutboxMail[]> {
  return db.selectFrom("outbox").selectAll().orderBy("created_at", "desc").orderBy("id").limit(limit).execute();
}

export async function findOutboxMail(db: Db, id: string): Promise<OutboxMail | undefined> {
  return db.selectFrom("outbox").selectAll().where("id", "=", id).executeTakeFirst();
}
