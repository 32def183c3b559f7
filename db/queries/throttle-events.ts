import type { Kysely } from "kysely";
import type { Database } from "../schema";

type Db = Kysely<Database>;

export async function recordThrottleEvent(db: Db, id: string, key: string, at: string): Promise<void> {
  await db.insertInto("throttle_events").values({ id, key, at }).execute();
}

export async function countThrottleEventsSince(db: Db, key: string, since: string): Promise<number> {
  const row = await db
    .selectFrom("throttle_events")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("key", "=", key)
    .where("at", ">", since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function clearThrottleEvents(db: Db, key: string): Promise<void> {
  await db.deleteFrom("throttle_events").where("key", "=", key).execute();
}

export async function pruneThrottleEvents(db: Db, before: string): Promise<void> {
  await db.deleteFrom("throttle_events").where("at", "<", before).execute();
}
