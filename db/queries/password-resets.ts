import type { Kysely } from "kysely";
import type { Database, PasswordReset } from "../schema";

type Db = Kysely<Database>;

export async function insertPasswordReset(db: Db, reset: PasswordReset): Promise<void> {
  await db.insertInto("password_resets").values(reset).execute();
}

export async function findPasswordResetByTokenHash(db: Db, tokenHash: string): Promise<PasswordReset | undefined> {
  return db.selectFrom("password_resets").selectAll().where("token_hash", "=", tokenHash).executeTakeFirst();
}

export async function markPasswordResetUsed(db: Db, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable("password_resets")
    .set({ used_at: at })
    .where("id", "=", id)
    .where("used_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** A new link replaces older open ones: only the newest mail works. */
export async function invalidateOpenResetsOfUser(db: Db, userId: string, at: string): Promise<void> {
  await db.updateTable("password_resets").set({ used_at: at }).where("user_id", "=", userId).where("used_at", "is", null).execute();
}
