import type { Kysely } from "kysely";
import type { AuditEntry, Database } from "../schema";

type Db = Kysely<Database>;

export async function insertAuditEntry(db: Db, entry: AuditEntry): Promise<void> {
  await db.insertInto("audit_log").values(entry).execute();
}

export async function listAuditEntries(db: Db, limit = 200) {
  return db
    .selectFrom("audit_log")
    .leftJoin("users", "users.id", "audit_log.actor_id")
    .selectAll("audit_log")
    .select("users.name as actor_name")
    .orderBy("audit_log.at", "desc")
    .limit(limit)
    .execute();
}
