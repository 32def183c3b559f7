/**
 * Hardening of co-edited documents (issue 8):
 * - collab_client_ids: a Yjs client id belongs to the person who first used it in a
 *   document; updates and awareness for someone else's id are refused, so "who wrote this"
 *   can be trusted across restarts.
 * - collab_documents.derive_error / derive_failed_at: when deriving text, JSON or
 *   projections of a document fails, admins see which document and why.
 */
import { sql, type Kysely } from "kysely";
import { columnTypes } from "./column-types";

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable("collab_client_ids")
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("client_id", sql`bigint`, (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull())
    .addColumn("claimed_at", t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint("collab_client_ids_pk", ["name", "client_id"])
    .execute();
  await db.schema.alterTable("collab_documents").addColumn("derive_error", "text").execute();
  await db.schema.alterTable("collab_documents").addColumn("derive_failed_at", t.timestamp).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("collab_documents").dropColumn("derive_failed_at").execute();
  await db.schema.alterTable("collab_documents").dropColumn("derive_error").execute();
  await db.schema.dropTable("collab_client_ids").ifExists().execute();
}
