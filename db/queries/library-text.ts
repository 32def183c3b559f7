/**
 * The text inside library files: the extraction queue (one row per blob, claimed by one
 * instance at a time) and the word search over it. The word index differs per dialect
 * (decision 0019): PostgreSQL matches a tsvector with a tsquery and cuts the passage with
 * ts_headline; SQLite matches its FTS5 table and cuts it with snippet(). Both mark the matched
 * words with \u0002 … \u0003, characters extraction removes from every text, so the page can
 * tell marks from content without ever parsing HTML.
 */
import { PostgresAdapter, sql, type Kysely } from "kysely";
import type { BlobTextStatus, Database } from "../schema";
import type { LibraryKey } from "./library";

type Db = Kysely<Database>;

export const MATCH_START = "\u0002";
export const MATCH_END = "\u0003";
/** Characters PostgreSQL turns into words; a tsvector may not exceed 1 MB, so very long texts index their start. */
const PG_INDEXED_CHARS = 300_000;

export async function queueBlobText(db: Db, sha256: string, now: string): Promise<void> {
  await db
    .insertInto("library_blob_texts")
    .values({ blob_sha256: sha256, status: "pending", text: null, note: "", truncated: 0, attempts: 0, queued_at: now, claimed_at: null, finished_at: null })
    .onConflict((oc) => oc.column("blob_sha256").doNothing())
    .execute();
}

export interface ClaimedBlobText {
  id: number;
  sha256: string;
  kind: string;
  size: number;
  attempts: number;
}

/**
 * Claims the oldest pending blob, or one whose claim went stale (its instance died mid-way).
 * The claim is a conditional update, so two instances racing for a row cannot both win.
 */
export async function claimBlobText(db: Db, now: string, staleBefore: string): Promise<ClaimedBlobText | null> {
  const candidates = await db
    .selectFrom("library_blob_texts as t")
    .innerJoin("library_blobs as b", "b.sha256", "t.blob_sha256")
    .select(["t.id", "t.blob_sha256", "t.attempts", "b.kind", "b.size"])
    .where((eb) => eb.or([eb("t.status", "=", "pending"), eb.and([eb("t.status", "=", "working"), eb("t.claimed_at", "<", staleBefore)])]))
    .orderBy("t.queued_at")
    .orderBy("t.id")
    .limit(5)
    .execute();
  for (const row of candidates) {
    const claimed = await db
      .updateTable("library_blob_texts")
      .set({ status: "working", claimed_at: now, attempts: row.attempts + 1 })
      .where("id", "=", row.id)
      .where("attempts", "=", row.attempts)
      .where((eb) => eb.or([eb("status", "=", "pending"), eb.and([eb("status", "=", "working"), eb("claimed_at", "<", staleBefore)])]))
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 1) {
      return { id: Number(row.id), sha256: row.blob_sha256, kind: row.kind, size: Number(row.size), attempts: row.attempts + 1 };
    }
  }
  return null;
}

export interface BlobTextResult {
  status: Exclude<BlobTextStatus, "pending" | "working">;
  text: string | null;
  truncated: boolean;
  note: string;
}

export async function storeBlobText(db: Db, id: number, result: BlobTextResult, now: string): Promise<void> {
  const base = db
    .updateTable("library_blob_texts")
    .set({ status: result.status, text: result.text, truncated: result.truncated ? 1 : 0, note: result.note, finished_at: now, claimed_at: null })
    .where("id", "=", id);
  if (!isPostgres(db)) {
    await base.execute(); // the FTS5 table follows through the update trigger
    return;
  }
  const words = result.text ? sql`to_tsvector('simple'::regconfig, left(${result.text}, ${PG_INDEXED_CHARS}))` : sql`null`;
  await base.set({ words } as never).execute();
}

export async function blobTextStatus(db: Db, sha256: string) {
  return db.selectFrom("library_blob_texts").select(["status", "truncated", "note"]).where("blob_sha256", "=", sha256).executeTakeFirst();
}

/** Blobs still waiting to be read (the indexer's "is there more?" and the tests' "is it done?"). */
export async function countUnreadBlobTexts(db: Db): Promise<number> {
  const row = await db
    .selectFrom("library_blob_texts")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("status", "in", ["pending", "working"])
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export interface TextHit {
  fileId: string;
  /** The passage around the match, matched words between MATCH_START and MATCH_END. */
  passage: string;
}

/**
 * Files of one library whose current version's text holds every term (as a word or the start
 * of one). Trashed files are left out here; files inside trashed folders by the caller.
 * `terms` are letters and digits only (see shared/library/search-terms), so they cannot carry
 * query syntax into either dialect's query language.
 */
export async function searchFileTexts(db: Db, key: LibraryKey, terms: string[], limit: number): Promise<TextHit[]> {
  if (terms.length === 0) return [];
  const library = key === null ? sql`f.network_id is null` : sql`f.network_id = ${key}`;
  if (isPostgres(db)) {
    const query = terms.map((t) => `${t}:*`).join(" & ");
    // ShortWord=0: by default PostgreSQL drops words of up to three letters at both ends ("im Mai" would lose "Mai").
    const options = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=28, MinWords=12, ShortWord=0, MaxFragments=1`;
    const { rows } = await sql<{ file_id: string; passage: string }>`
      select f.id as file_id, ts_headline('simple'::regconfig, left(t.text, ${PG_INDEXED_CHARS}), q.query, ${options}) as passage
      from library_blob_texts t
      cross join (select to_tsquery('simple'::regconfig, ${query}) as query) q
      join library_file_versions v on v.blob_sha256 = t.blob_sha256
      join library_files f on f.current_version_id = v.id
      where t.words @@ q.query and ${library} and f.deleted_at is null
      order by ts_rank(t.words, q.query) desc, f.id
      limit ${limit}`.execute(db);
    return rows.map((r) => ({ fileId: r.file_id, passage: r.passage }));
  }
  const match = terms.map((t) => `"${t.replace(/"/g, '""')}"*`).join(" ");
  const { rows } = await sql<{ file_id: string; passage: string }>`
    select f.id as file_id, snippet(library_text_index, 0, ${MATCH_START}, ${MATCH_END}, '…', 24) as passage
    from library_text_index
    join library_blob_texts t on t.id = library_text_index.rowid
    join library_file_versions v on v.blob_sha256 = t.blob_sha256
    join library_files f on f.current_version_id = v.id
    where library_text_index match ${match} and ${library} and f.deleted_at is null
    order by bm25(library_text_index), f.id
    limit ${limit}`.execute(db);
  return rows.map((r) => ({ fileId: r.file_id, passage: r.passage }));
}
