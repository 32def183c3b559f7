/**
 * Work programmes and the collaborative-document store: the Yjs update log, compacted
 * snapshots with derived text and JSON, and the activities and milestones derived from
 * each work programme so the server can query them across networks.
 */
import { sql, type Kysely } from "kysely";
import { columnTypes, isPostgres } from "./column-types";

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  await db.schema
    .createTable("work_programmes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("network_id", "text", (c) => c.notNull().references("networks.id").onDelete("cascade"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", t.timestamp, (c) => c.notNull())
    .addColumn("updated_at", t.timestamp, (c) => c.notNull())
    .addColumn("archived_at", t.timestamp)
    .execute();
  await db.schema.createIndex("work_programmes_network_idx").on("work_programmes").column("network_id").execute();

  await db.schema
    .createTable("collab_documents")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("state", t.binary, (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("json", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("compacted_at", t.timestamp, (c) => c.notNull())
    .addColumn("derived_at", t.timestamp)
    .execute();

  // An append-only log; ids order the updates of a document.
  await db.schema
    .createTable("collab_updates")
    .addColumn("id", isPostgres(db) ? sql`bigserial` : sql`integer`, (c) => (isPostgres(db) ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("data", t.binary, (c) => c.notNull())
    .addColumn("created_at", t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("collab_updates_name_id_idx").on("collab_updates").columns(["name", "id"]).execute();

  await db.schema
    .createTable("wp_activities")
    .addColumn("work_programme_id", "text", (c) => c.notNull().references("work_programmes.id").onDelete("cascade"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("network_id", "text", (c) => c.notNull().references("networks.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("responsible", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("start_month", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("end_month", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("updated_at", t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint("wp_activities_pk", ["work_programme_id", "id"])
    .execute();
  await db.schema.createIndex("wp_activities_network_idx").on("wp_activities").columns(["network_id", "status"]).execute();

  await db.schema
    .createTable("wp_milestones")
    .addColumn("work_programme_id", "text", (c) => c.notNull().references("work_programmes.id").onDelete("cascade"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("network_id", "text", (c) => c.notNull().references("networks.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("due_date", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("reached", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("updated_at", t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint("wp_milestones_pk", ["work_programme_id", "id"])
    .execute();
  await db.schema.createIndex("wp_milestones_network_idx").on("wp_milestones").column("network_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["wp_milestones", "wp_activities", "collab_updates", "collab_documents", "work_programmes"]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
