/**
 * Language versions of co-edited documents and the shared VET glossary.
 *
 * A language version's text and its section records live in the collab tables under the
 * name `<source name>.<language>`; these rows only say which versions exist and what the
 * source's language is (docs/decisions/0022-language-versions.md). The glossary is one
 * termbase for the whole platform: a term row holds the concept in the three languages.
 */
import type { Kysely } from "kysely";
import { columnTypes } from "./column-types";

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable("document_languages")
    .addColumn("doc_name", "text", (c) => c.primaryKey())
    .addColumn("source_language", "text", (c) => c.notNull())
    .addColumn("updated_at", t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("language_versions")
    .addColumn("doc_name", "text", (c) => c.notNull().references("document_languages.doc_name").onDelete("cascade"))
    .addColumn("language", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint("language_versions_pk", ["doc_name", "language"])
    .execute();

  await db.schema
    .createTable("glossary_terms")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("term_de", "text", (c) => c.notNull())
    .addColumn("term_it", "text", (c) => c.notNull())
    .addColumn("term_en", "text", (c) => c.notNull())
    .addColumn("definition_de", "text", (c) => c.notNull())
    .addColumn("definition_it", "text", (c) => c.notNull())
    .addColumn("definition_en", "text", (c) => c.notNull())
    .addColumn("note_de", "text", (c) => c.notNull())
    .addColumn("note_it", "text", (c) => c.notNull())
    .addColumn("note_en", "text", (c) => c.notNull())
    // proposed | accepted
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("proposed_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("accepted_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", t.timestamp, (c) => c.notNull())
    .addColumn("updated_at", t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("glossary_terms_status").on("glossary_terms").columns(["status", "term_de"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("glossary_terms").ifExists().execute();
  await db.schema.dropTable("language_versions").ifExists().execute();
  await db.schema.dropTable("document_languages").ifExists().execute();
}
