/** Storage of collaborative documents: an append-only update log plus a compacted snapshot. */
import { CompiledQuery, type Kysely } from "kysely";
import type { Database } from "../schema";

type Db = Kysely<Database>;

/** better-sqlite3 wants Buffers; pg accepts them too. Zero-copy view over the same bytes. */
const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

export async function findSnapshot(db: Db, name: string) {
  return db.selectFrom("collab_documents").select(["state", "compacted_at"]).where("name", "=", name).executeTakeFirst();
}

export async function listUpdates(db: Db, name: string): Promise<Array<{ id: number; data: Uint8Array }>> {
  const rows = await db.selectFrom("collab_updates").select(["id", "data"]).where("name", "=", name).orderBy("id").execute();
  return rows.map((r) => ({ id: Number(r.id), data: r.data }));
}

export async function appendUpdates(db: Db, name: string, updates: Uint8Array[], at: string): Promise<void> {
  if (updates.length === 0) return;
  await db
    .insertInto("collab_updates")
    .values(updates.map((data) => ({ name, data: asBuffer(data), created_at: at })))
    .execute();
}

/** One document's updates waiting to be stored, with the client ids first used in them. */
export type PendingUpdates = { name: string; updates: Uint8Array[]; claims?: Array<{ clientId: number; userId: string }> };

/** Rows per insert statement: SQLite allows 32,766 bound parameters per statement; three per row. */
export const UPDATE_ROWS_PER_STATEMENT = 5_000;

/**
 * The SQL text of an insert of `rows` update rows, as kysely compiles it for this dialect,
 * remembered per row count (up to SQL_CACHE_ROWS rows): building and compiling the query
 * for every flush cost more than SQLite took to run it. Parameters go row by row in the
 * order name, data, created_at (updateRowParameters).
 */
const SQL_CACHE_ROWS = 256;
const insertSql = new WeakMap<Db, Map<number, string>>();
function insertUpdatesSql(db: Db, rows: number): string {
  let byCount = insertSql.get(db);
  if (!byCount) insertSql.set(db, (byCount = new Map()));
  let text = byCount.get(rows);
  if (text === undefined) {
    const placeholder = { name: "", data: Buffer.alloc(0), created_at: "" };
    text = db.insertInto("collab_updates").values(Array.from({ length: rows }, () => placeholder)).compile().sql;
    if (rows <= SQL_CACHE_ROWS) byCount.set(rows, text);
  }
  return text;
}

/** The bound parameters of insertUpdatesSql for these entries, in the same order. */
export function updateRowParameters(entries: PendingUpdates[], at: string): unknown[] {
  const parameters: unknown[] = [];
  for (const { name, updates } of entries) for (const data of updates) parameters.push(name, asBuffer(data), at);
  return parameters;
}

/**
 * Appends the pending updates of many documents as ONE insert statement, which is atomic on
 * its own: no explicit transaction (its begin and commit cost SQLite about as much as the
 * insert). False, having written nothing, when that is not possible (client-id claims to
 * store with them, or more rows than one statement takes): then use appendUpdatesMany in a
 * transaction.
 */
export async function appendUpdatesInOneStatement(
  db: Db,
  entries: PendingUpdates[],
  at: string,
): Promise<boolean> {
  let rows = 0;
  for (const entry of entries) {
    if (entry.claims && entry.claims.length > 0) return false;
    rows += entry.updates.length;
  }
  if (rows > UPDATE_ROWS_PER_STATEMENT) return false;
  if (rows === 0) return true;
  await db.executeQuery(CompiledQuery.raw(insertUpdatesSql(db, rows), updateRowParameters(entries, at)));
  return true;
}

/**
 * One multi-row insert for the pending updates of many documents (one commit per flush
 * window), with the client ids first used in them: a stored update never lacks its author.
 * Run it in a transaction.
 */
export async function appendUpdatesMany(
  db: Db,
  entries: PendingUpdates[],
  at: string,
): Promise<void> {
  const rows = entries.flatMap(({ name, updates }) => updates.map((data) => ({ name, data: asBuffer(data), created_at: at })));
  // SQLite allows 32,766 bound parameters per statement; three (four) per row.
  for (let i = 0; i < rows.length; i += UPDATE_ROWS_PER_STATEMENT) await db.insertInto("collab_updates").values(rows.slice(i, i + UPDATE_ROWS_PER_STATEMENT)).execute();
  const claims = entries.flatMap(({ name, claims = [] }) => claims.map((c) => ({ name, client_id: c.clientId, user_id: c.userId, claimed_at: at })));
  for (let i = 0; i < claims.length; i += 5_000) {
    await db
      .insertInto("collab_client_ids")
      .values(claims.slice(i, i + 5_000))
      .onConflict((oc) => oc.columns(["name", "client_id"]).doNothing())
      .execute();
  }
}

/** Who owns each client id of a document (see server/collab/client-ids.ts). */
export async function listClientIds(db: Db, name: string): Promise<Map<number, string>> {
  const rows = await db.selectFrom("collab_client_ids").select(["client_id", "user_id"]).where("name", "=", name).execute();
  return new Map(rows.map((r) => [Number(r.client_id), r.user_id]));
}

export async function countUpdates(db: Db, name: string): Promise<number> {
  const row = await db
    .selectFrom("collab_updates")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("name", "=", name)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function upsertSnapshot(db: Db, name: string, state: Uint8Array, at: string): Promise<void> {
  await db
    .insertInto("collab_documents")
    .values({ name, state: asBuffer(state), text: "", json: "{}", compacted_at: at, derived_at: null })
    .onConflict((oc) => oc.column("name").doUpdateSet({ state: asBuffer(state), compacted_at: at }))
    .execute();
}

/** Takes the document's row lock (PostgreSQL) so two compactions of one document never interleave. */
export async function lockSnapshotRow(db: Db, name: string, at: string, isPostgres: boolean) {
  await db
    .insertInto("collab_documents")
    .values({ name, state: Buffer.alloc(0), text: "", json: "{}", compacted_at: at, derived_at: null })
    .onConflict((oc) => oc.column("name").doNothing())
    .execute();
  let query = db.selectFrom("collab_documents").select("state").where("name", "=", name);
  if (isPostgres) query = query.forUpdate();
  return query.executeTakeFirstOrThrow();
}

/**
 * Deletes exactly the rows that were folded into the snapshot. Not "every id up to the
 * last one read": on PostgreSQL a concurrent flush can commit a smaller id after the read,
 * and that row would be deleted without ever being folded.
 */
export async function deleteUpdates(db: Db, name: string, ids: number[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 5_000) {
    await db.deleteFrom("collab_updates").where("name", "=", name).where("id", "in", ids.slice(i, i + 5_000)).execute();
  }
}

export async function saveDerived(db: Db, name: string, text: string, json: string, at: string): Promise<void> {
  await db
    .insertInto("collab_documents")
    .values({ name, state: Buffer.alloc(0), text, json, compacted_at: at, derived_at: at })
    .onConflict((oc) => oc.column("name").doUpdateSet({ text, json, derived_at: at }))
    .execute();
}

export async function findDerived(db: Db, name: string) {
  return db.selectFrom("collab_documents").select(["text", "json", "derived_at"]).where("name", "=", name).executeTakeFirst();
}
