/**
 * Documents of the commons (the network of networks) belong to no network: comment threads
 * and versions of such documents have no network_id. PostgreSQL drops the NOT NULL;
 * SQLite cannot alter a column, so both tables are rebuilt (SQLite's documented procedure:
 * foreign keys off, copy, drop, rename, check, foreign keys on). The migrator runs SQLite
 * migrations outside a transaction, which is what lets the pragma take effect.
 */
import { sql, type Kysely } from "kysely";
import { columnTypes, isPostgres } from "./column-types";

async function rebuildSqlite(db: Kysely<any>, table: "comment_threads" | "document_versions", networkNullable: boolean) {
  const t = columnTypes(db);
  const next = `${table}_next`;
  const network = (c: any) => {
    const column = c.references("networks.id").onDelete("cascade");
    return networkNullable ? column : column.notNull();
  };
  let create = db.schema.createTable(next);
  if (table === "document_versions") {
    create = create
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("doc_name", "text", (c) => c.notNull())
      .addColumn("network_id", "text", network)
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("name", "text")
      .addColumn("created_by", "text", (c) => c.references("users.id").onDelete("set null"))
      .addColumn("created_at", t.timestamp, (c) => c.notNull())
      .addColumn("state", t.binary, (c) => c.notNull())
      .addColumn("text", "text", (c) => c.notNull().defaultTo(""))
      .addColumn("contributors", "text", (c) => c.notNull().defaultTo("[]"))
      .addColumn("restored_from", "text");
  } else {
    create = create
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("doc_name", "text", (c) => c.notNull())
      .addColumn("network_id", "text", network)
      .addColumn("anchor_start", "text", (c) => c.notNull())
      .addColumn("anchor_end", "text", (c) => c.notNull())
      .addColumn("quote", "text", (c) => c.notNull().defaultTo(""))
      .addColumn("status", "text", (c) => c.notNull().defaultTo("open"))
      .addColumn("created_by", "text", (c) => c.references("users.id").onDelete("set null"))
      .addColumn("created_at", t.timestamp, (c) => c.notNull())
      .addColumn("updated_at", t.timestamp, (c) => c.notNull())
      .addColumn("resolved_by", "text", (c) => c.references("users.id").onDelete("set null"))
      .addColumn("resolved_at", t.timestamp);
  }
  await create.execute();
  await sql`insert into ${sql.table(next)} select * from ${sql.table(table)}`.execute(db);
  await sql`drop table ${sql.table(table)}`.execute(db);
  await sql`alter table ${sql.table(next)} rename to ${sql.table(table)}`.execute(db);
  if (table === "document_versions") {
    await db.schema.createIndex("document_versions_doc_idx").on("document_versions").columns(["doc_name", "created_at"]).execute();
  } else {
    await db.schema.createIndex("comment_threads_doc_idx").on("comment_threads").column("doc_name").execute();
  }
}

async function setNetworkNullable(db: Kysely<any>, nullable: boolean) {
  if (isPostgres(db)) {
    for (const table of ["comment_threads", "document_versions"]) {
      await db.schema
        .alterTable(table)
        .alterColumn("network_id", (c) => (nullable ? c.dropNotNull() : c.setNotNull()))
        .execute();
    }
    return;
  }
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await rebuildSqlite(db, "comment_threads", nullable);
    await rebuildSqlite(db, "document_versions", nullable);
    const broken = await sql`pragma foreign_key_check`.execute(db);
    if (broken.rows.length) throw new Error(`foreign keys broken after rebuilding: ${JSON.stringify(broken.rows.slice(0, 3))}`);
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  await setNetworkNullable(db, true);
}

export async function down(db: Kysely<any>): Promise<void> {
  // Commons documents cannot go back into a NOT NULL column: their threads and versions go.
  await db.deleteFrom("comment_threads").where("network_id", "is", null).execute();
  await db.deleteFrom("document_versions").where("network_id", "is", null).execute();
  await setNetworkNullable(db, false);
}
