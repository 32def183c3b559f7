/**
 * The network of networks' own content: findings (posted by a member on behalf of a network,
 * with evidence), the good-practice library, and moderation of comments (a hidden comment is
 * kept with who hid it and why; readers see a placeholder). Findings are discussed through
 * the generic comment system (doc name `finding.<id>`), so they need no thread table here.
 */
import type { Kysely } from "kysely";
import { columnTypes } from "./column-types";

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  await db.schema
    .createTable("good_practices")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull().defaultTo(""))
    // A key of shared/taxonomy.ts OCCUPATIONAL_FIELDS, or "" when none applies.
    .addColumn("occupational_field", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("country", "text", (c) => c.notNull()) // DE | IT | both
    .addColumn("partners", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("theme_cluster", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("link", "text")
    .addColumn("status", "text", (c) => c.notNull().defaultTo("proposed")) // proposed | published
    .addColumn("proposed_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("published_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("published_at", t.timestamp)
    // 1 marks entries of the demo seed, so they can be told apart (and removed) later.
    .addColumn("demo", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", t.timestamp, (c) => c.notNull())
    .addColumn("updated_at", t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("good_practices_status_idx").on("good_practices").columns(["status", "published_at"]).execute();

  await db.schema
    .createTable("findings")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("network_id", "text", (c) => c.notNull().references("networks.id").onDelete("cascade"))
    .addColumn("author_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("title", "text", (c) => c.notNull())
    // Simple rich text: paragraphs separated by blank lines, "- " bullet lines.
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("action_areas", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("occupational_fields", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("themes", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("country", "text", (c) => c.notNull()) // DE | IT | both
    .addColumn("pinned_at", t.timestamp)
    .addColumn("pinned_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("discussion_closed_at", t.timestamp)
    .addColumn("discussion_closed_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("discussion_close_reason", "text")
    .addColumn("created_at", t.timestamp, (c) => c.notNull())
    .addColumn("updated_at", t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("findings_created_idx").on("findings").column("created_at").execute();
  await db.schema.createIndex("findings_network_idx").on("findings").column("network_id").execute();

  await db.schema
    .createTable("finding_evidence")
    .addColumn("finding_id", "text", (c) => c.notNull().references("findings.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull()) // goodPractice | finding | web
    .addColumn("target_id", "text")
    .addColumn("url", "text")
    .addColumn("label", "text")
    .addPrimaryKeyConstraint("finding_evidence_pk", ["finding_id", "position"])
    .execute();
  await db.schema.createIndex("finding_evidence_target_idx").on("finding_evidence").columns(["kind", "target_id"]).execute();

  // Plain columns (no foreign key) so SQLite can drop them again on the way down.
  await db.schema.alterTable("comments").addColumn("hidden_at", t.timestamp).execute();
  await db.schema.alterTable("comments").addColumn("hidden_by", "text").execute();
  await db.schema.alterTable("comments").addColumn("hidden_reason", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ["hidden_reason", "hidden_by", "hidden_at"]) {
    await db.schema.alterTable("comments").dropColumn(column).execute();
  }
  for (const table of ["finding_evidence", "findings", "good_practices"]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
