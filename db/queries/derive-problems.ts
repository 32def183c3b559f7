/**
 * Documents whose derivation (text, JSON, projections) failed: recorded on the document's
 * row, cleared when a later derivation succeeds, listed for admins.
 */
import type { Kysely } from "kysely";
import type { Database } from "../schema";

type Db = Kysely<Database>;

/**
 * Records (or refreshes) the failure. The row may not exist yet: a document whose first
 * derivation fails has only its update log, so this inserts an empty row like saveDerived.
 * Returns the message recorded before, or null when there was none.
 */
export async function recordDeriveFailure(db: Db, name: string, message: string, at: string): Promise<string | null> {
  // Two statements, no transaction: a race between them only changes what gets logged.
  const before = await db.selectFrom("collab_documents").select("derive_error").where("name", "=", name).executeTakeFirst();
  await db
    .insertInto("collab_documents")
    .values({ name, state: Buffer.alloc(0), text: "", json: "{}", compacted_at: at, derived_at: null, derive_error: message, derive_failed_at: at })
    .onConflict((oc) => oc.column("name").doUpdateSet({ derive_error: message, derive_failed_at: at }))
    .execute();
  return before?.derive_error ?? null;
}

/**
 * Clears a recorded failure. Runs after every successful derivation, so it matches (and
 * writes) nothing unless a failure is recorded: one primary-key lookup in the usual case.
 * Returns whether a failure was cleared.
 */
export async function clearDeriveFailure(db: Db, name: string): Promise<boolean> {
  const result = await db
    .updateTable("collab_documents")
    .set({ derive_error: null, derive_failed_at: null })
    .where("name", "=", name)
    .where("derive_error", "is not", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export interface DeriveFailure {
  name: string;
  error: string;
  failedAt: string;
}

/** Documents with a recorded failure, latest first (at most `limit`). */
export async function listDeriveFailures(db: Db, limit = 200): Promise<DeriveFailure[]> {
  const rows = await db
    .selectFrom("collab_documents")
    .select(["name", "derive_error", "derive_failed_at"])
    .where("derive_error", "is not", null)
    .orderBy("derive_failed_at", "desc")
    .orderBy("name")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ name: r.name, error: r.derive_error ?? "", failedAt: r.derive_failed_at ?? "" }));
}
