/**
 * Counting attempts against limits within a sliding window, shared by login and password
 * reset. Events live in the database, not in memory, so every server instance counts the
 * same attempts and a restart does not reset an attacker's budget.
 */
import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { clearThrottleEvents, countThrottleEventsSince, pruneThrottleEvents, recordThrottleEvent } from "#db/queries/throttle-events";
import { newId } from "./tokens";
import { HOUR, isoPlus, nowIso } from "#shared/time";

/** Longer than any window that counts, so pruning never forgets an attempt that still counts. */
const RETENTION_MS = 24 * HOUR;

export interface Limit {
  key: string;
  max: number;
}

/** The limits already used up within the window (empty when the attempt may go ahead). */
export async function exhaustedLimits(db: Kysely<Database>, limits: Limit[], windowMs: number): Promise<Limit[]> {
  const since = isoPlus(-windowMs);
  const counts = await Promise.all(limits.map((limit) => countThrottleEventsSince(db, limit.key, since)));
  return limits.filter((limit, i) => counts[i]! >= limit.max);
}

export async function countAttempt(db: Kysely<Database>, keys: string[]): Promise<void> {
  const at = nowIso();
  for (const key of keys) await recordThrottleEvent(db, newId(), key, at);
}

/** After a success: this key starts afresh, and everyone's old events are dropped. */
export async function forgetAttempts(db: Kysely<Database>, key: string): Promise<void> {
  await clearThrottleEvents(db, key);
  await pruneThrottleEvents(db, isoPlus(-RETENTION_MS));
}
