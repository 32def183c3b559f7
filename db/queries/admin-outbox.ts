import type { Kysely } from "kysely";
import type { Database, OutboxMail } from "../schema";

type Db = Kysely<Database>;

/** One page of the outbox, newest first; the id breaks ties so paging is stable. */
export async function listOutboxPage(db: Db, limit: number, offset: number): Promise<OutboxMail[]> {
  return db
    .selectFrom("outbox")
    .selectAll()
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .offset(offset)
    .execute();
}
