/**
 * The text inside library files, for search. One row per blob (content-addressed, so a file
 * uploaded to two libraries is read once); it doubles as the extraction job: `pending` rows are
 * claimed by one instance (`working`), read off the request path, and end `done` (with text),
 * `empty` (a readable file without text: a scan), `unsupported` (a type we do not read) or
 * `failed` (unreadable, or a limit was hit before any text came out).
 *
 * The word index differs per dialect (docs/decisions/0019): PostgreSQL keeps a tsvector column
 * with a GIN index; SQLite an FTS5 table that mirrors `text` through triggers ("external
 * content"), keyed by the integer id because an implicit rowid may change on VACUUM.
 */
import { sql, type Kysely } from "kysely";
import { columnTypes, isPostgres } from "./column-types";

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  const pg = isPostgres(db);
  await db.schema
    .createTable("library_blob_texts")
    .addColumn("id", pg ? sql`bigserial` : sql`integer`, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn("blob_sha256", "text", (c) => c.notNull().unique().references("library_blobs.sha256").onDelete("cascade"))
    .addColumn("status", "text", (c) => c.notNull()) // pending | working | done | empty | unsupported | failed
    .addColumn("text", "text")
    // Why extraction stopped early or failed (a limit, a broken file); shown to nobody but the log and the file page's hint.
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("truncated", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("queued_at", t.timestamp, (c) => c.notNull())
    .addColumn("claimed_at", t.timestamp)
    .addColumn("finished_at", t.timestamp)
    .execute();
  await db.schema.createIndex("library_blob_texts_status_idx").on("library_blob_texts").columns(["status", "queued_at"]).execute();

  if (pg) {
    await sql`alter table library_blob_texts add column words tsvector`.execute(db);
    await sql`create index library_blob_texts_words_idx on library_blob_texts using gin (words)`.execute(db);
  } else {
    // remove_diacritics 2: "Prufung" finds "Prüfung"; unicode61 folds case beyond ASCII.
    await sql`create virtual table library_text_index using fts5(text, content='library_blob_texts', content_rowid='id', tokenize='unicode61 remove_diacritics 2')`.execute(db);
    await sql`create trigger library_blob_texts_ai after insert on library_blob_texts begin
      insert into library_text_index(rowid, text) values (new.id, coalesce(new.text, ''));
    end`.execute(db);
    await sql`create trigger library_blob_texts_ad after delete on library_blob_texts begin
      insert into library_text_index(library_text_index, rowid, text) values ('delete', old.id, coalesce(old.text, ''));
    end`.execute(db);
    await sql`create trigger library_blob_texts_au after update of text on library_blob_texts begin
      insert into library_text_index(library_text_index, rowid, text) values ('delete', old.id, coalesce(old.text, ''));
      insert into library_text_index(rowid, text) values (new.id, coalesce(new.text, ''));
    end`.execute(db);
  }
  // Files stored before this migration are read like new uploads (after the triggers, so SQLite's index sees the rows).
  await sql`insert into library_blob_texts (blob_sha256, status, note, truncated, attempts, queued_at)
    select sha256, 'pending', '', 0, 0, created_at from library_blobs`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) {
    for (const trigger of ["library_blob_texts_ai", "library_blob_texts_ad", "library_blob_texts_au"]) {
      await sql`drop trigger if exists ${sql.raw(trigger)}`.execute(db);
    }
    await sql`drop table if exists library_text_index`.execute(db);
  }
  await db.schema.dropTable("library_blob_texts").ifExists().execute();
}
