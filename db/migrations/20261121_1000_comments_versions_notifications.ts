/**
 * Co-authoring around documents, generic over document types (work programmes now,
 * recommendations later): version history, comment threads anchored by Yjs relative
 * positions, mentions, in-app notifications and per-kind e-mail preferences.
 */
import type { Kysely } from "kysely";
import { columnTypes } from "./column-types";

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  await db.schema
    .createTable("document_versions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("doc_name", "text", (c) => c.notNull())
    .addColumn("network_id", "text", (c) => c.notNull().references("networks.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull()) // auto | named | restore
    .addColumn("name", "text")
    .addColumn("created_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", t.timestamp, (c) => c.notNull())
    .addColumn("state", t.binary, (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("contributors", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("restored_from", "text")
    .execute();
  await db.schema.createIndex("document_versions_doc_idx").on("document_versions").columns(["doc_name", "created_at"]).execute();

  await db.schema
    .createTable("comment_threads")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("doc_name", "text", (c) => c.notNull())
    .addColumn("network_id", "text", (c) => c.notNull().references("networks.id").onDelete("cascade"))
    // Yjs relative positions (base64 of Y.encodeRelativePosition): they follow the passage through edits.
    .addColumn("anchor_start", "text", (c) => c.notNull())
    .addColumn("anchor_end", "text", (c) => c.notNull())
    .addColumn("quote", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("open"))
    .addColumn("created_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", t.timestamp, (c) => c.notNull())
    .addColumn("updated_at", t.timestamp, (c) => c.notNull())
    .addColumn("resolved_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("resolved_at", t.timestamp)
    .execute();
  await db.schema.createIndex("comment_threads_doc_idx").on("comment_threads").column("doc_name").execute();

  await db.schema
    .createTable("comments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("thread_id", "text", (c) => c.notNull().references("comment_threads.id").onDelete("cascade"))
    .addColumn("author_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", t.timestamp, (c) => c.notNull())
    .addColumn("edited_at", t.timestamp)
    .addColumn("deleted_at", t.timestamp)
    .execute();
  await db.schema.createIndex("comments_thread_idx").on("comments").columns(["thread_id", "created_at"]).execute();

  await db.schema
    .createTable("comment_mentions")
    .addColumn("comment_id", "text", (c) => c.notNull().references("comments.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("comment_mentions_pk", ["comment_id", "user_id"])
    .execute();

  await db.schema
    .createTable("notifications")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull()) // mention | reply | version
    .addColumn("network_id", "text", (c) => c.references("networks.id").onDelete("cascade"))
    .addColumn("doc_name", "text")
    .addColumn("thread_id", "text")
    .addColumn("comment_id", "text")
    .addColumn("version_id", "text")
    .addColumn("actor_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("title", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("excerpt", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("link", "text", (c) => c.notNull().defaultTo("/"))
    .addColumn("created_at", t.timestamp, (c) => c.notNull())
    .addColumn("read_at", t.timestamp)
    .execute();
  await db.schema.createIndex("notifications_user_idx").on("notifications").columns(["user_id", "read_at", "created_at"]).execute();

  await db.schema
    .createTable("notification_preferences")
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("email", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("notification_preferences_pk", ["user_id", "kind"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["notification_preferences", "notifications", "comment_mentions", "comments", "comment_threads", "document_versions"]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
