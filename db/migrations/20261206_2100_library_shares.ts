/**
 * A network shares a file of its library into the commons library: the commons gets a file of
 * its own (network_id null) whose versions point at the same blobs, so nothing is copied, the
 * commons' pages, downloads and search work on it unchanged, and findings and recommendations
 * can cite it. These columns say where such a file came from; the network withdraws the share
 * by removing it. One share per network file (a second share of another version adds a version).
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("library_files").addColumn("shared_from_file_id", "text").execute();
  await db.schema
    .alterTable("library_files")
    .addColumn("shared_from_network_id", "text", (c) => c.references("networks.id").onDelete("cascade"))
    .execute();
  // The network's version number that is shared now (shown as "version 3 of the network's file").
  await db.schema.alterTable("library_files").addColumn("shared_version_number", "integer").execute();
  await db.schema.createIndex("library_files_shared_from_uq").on("library_files").column("shared_from_file_id").unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("library_files_shared_from_uq").ifExists().execute();
  for (const column of ["shared_version_number", "shared_from_network_id", "shared_from_file_id"]) {
    await db.schema.alterTable("library_files").dropColumn(column).execute();
  }
}
