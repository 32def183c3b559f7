import type { Kysely } from "kysely";
import type { Database } from "../schema";

type Db = Kysely<Database>;

/** Row counts for the admin overview; one small query per table keeps both dialects simple. */
export async function countRows(db: Db, table: "networks" | "organisations" | "users" | "outbox" | "audit_log"): Promise<number> {
  const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countDisabledUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("disabled_at", "is not", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countUnsentMails(db: Db): Promise<number> {
  const row = await db
    .selectFrom("outbox")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("sent_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countOpenInvitations(db: Db, now: string): Promise<number> {
  const row = await db
    .selectFrom("invitations")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", now)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
