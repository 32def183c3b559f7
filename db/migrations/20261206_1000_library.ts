/**
 * The document library of each network and of the commons (network_id null): folders,
 * files with their metadata, every version of a file, the stored blobs the versions point
 * to, and the uploads still under way. Bytes live in the blob store (content-addressed by
 * SHA-256, so an identical file is stored once); these tables hold only what is said about
 * them. Trash is a deleted_at column: the row stays until the trash is emptied or 30 days
 * pass, so restoring loses nothing. Sizes are bigint: one file may be larger than 2^31.
 */
import type { Kysely } from "kysely";
import { columnTypes } from "./column-types";

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  await db.schema
    .createTable("library_blobs")
    .addColumn("sha256", "text", (c) => c.primaryKey())
    .addColumn("size", "bigint", (c) => c.notNull())
    .addColumn("mime", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull()) // image | pdf | text | markdown | docx | odt | other
    .addColumn("inline_safe", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("library_folders")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("network_id", "text", (c) => c.references("networks.id").onDelete("cascade"))
    .addColumn("parent_id", "text", (c) => c.references("library_folders.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", t.timestamp, (c) => c.notNull())
    .addColumn("updated_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("updated_at", t.timestamp, (c) => c.notNull())
    .addColumn("deleted_at", t.timestamp)
    .addColumn("deleted_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .execute();
  await db.schema.createIndex("library_folders_parent_idx").on("library_folders").columns(["network_id", "parent_id"]).execute();

  await db.schema
    .createTable("library_files")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("network_id", "text", (c) => c.references("networks.id").onDelete("cascade"))
    .addColumn("folder_id", "text", (c) => c.references("library_folders.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("language", "text", (c) => c.notNull().defaultTo("other")) // de | it | en | other
    .addColumn("tags", "text", (c) => c.notNull().defaultTo("[]")) // JSON array of taxonomy keys
    .addColumn("keywords", "text", (c) => c.notNull().defaultTo(""))
    // The version shown and downloaded by default (library_file_versions.id).
    .addColumn("current_version_id", "text")
    .addColumn("created_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", t.timestamp, (c) => c.notNull())
    .addColumn("updated_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("updated_at", t.timestamp, (c) => c.notNull())
    .addColumn("deleted_at", t.timestamp)
    .addColumn("deleted_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .execute();
  await db.schema.createIndex("library_files_folder_idx").on("library_files").columns(["network_id", "folder_id"]).execute();

  await db.schema
    .createTable("library_file_versions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("file_id", "text", (c) => c.notNull().references("library_files.id").onDelete("cascade"))
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("blob_sha256", "text", (c) => c.notNull().references("library_blobs.sha256"))
    .addColumn("size", "bigint", (c) => c.notNull())
    .addColumn("original_name", "text", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    // Set when this version was made by restoring an older one (its id).
    .addColumn("restored_from", "text")
    .addColumn("created_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", t.timestamp, (c) => c.notNull())
    .addUniqueConstraint("library_file_versions_number_uq", ["file_id", "number"])
    .execute();
  await db.schema.createIndex("library_file_versions_blob_idx").on("library_file_versions").column("blob_sha256").execute();

  // An upload under way (the tus upload id). Its bytes are in the upload directory, not in
  // the blob store; no file row exists until it is complete, so a half file is never listed.
  await db.schema
    .createTable("library_uploads")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("network_id", "text", (c) => c.references("networks.id").onDelete("cascade"))
    .addColumn("folder_id", "text")
    // Set when the upload is a new version of this file.
    .addColumn("file_id", "text")
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("size", "bigint", (c) => c.notNull())
    .addColumn("created_at", t.timestamp, (c) => c.notNull())
    // The file the finished upload became (answers a client that asks again after finishing).
    .addColumn("result_file_id", "text")
    .addColumn("finished_at", t.timestamp)
    .execute();
  await db.schema.createIndex("library_uploads_owner_idx").on("library_uploads").columns(["network_id", "finished_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["library_uploads", "library_file_versions", "library_files", "library_folders", "library_blobs"]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
