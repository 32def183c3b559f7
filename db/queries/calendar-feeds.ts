/** SQL of private calendar feeds: one token (stored as its SHA-256) per person; replacing it revokes the old one. */
import type { Kysely } from "kysely";
import type { Database } from "../schema";

type Db = Kysely<Database>;

/** One statement, so two renewals at the same moment both succeed (delete-then-insert let the second fail on the key); the later one wins. */
export async function replaceFeedToken(db: Db, userId: string, tokenHash: string, at: string): Promise<void> {
  await db
    .insertInto("calendar_feeds")
    .values({ user_id: userId, token_hash: tokenHash, created_at: at })
    .onConflict((oc) => oc.column("user_id").doUpdateSet({ token_hash: tokenHash, created_at: at }))
    .execute();
}

export async function deleteFeedToken(db: Db, userId: string): Promise<void> {
  await db.deleteFrom("calendar_feeds").where("user_id", "=", userId).execute();
}

export async function findFeed(db: Db, userId: string) {
  return db.selectFrom("calendar_feeds").select(["created_at"]).where("user_id", "=", userId).executeTakeFirst();
}

/** The person a token belongs to (an active account), or undefined. */
export async function userOfFeedToken(db: Db, tokenHash: string): Promise<string | undefined> {
  const row = await db
    .selectFrom("calendar_feeds")
    .innerJoin("users", "users.id", "calendar_feeds.user_id")
    .select("users.id")
    .where("calendar_feeds.token_hash", "=", tokenHash)
    .where("users.disabled_at", "is", null)
    .executeTakeFirst();
  return row?.id;
}
