/**
 * SQL of language versions: a document's source language and which versions it has. The
 * versions' text and section records are Y.Docs in the collab tables.
 */
import type { Kysely } from "kysely";
import type { Database } from "../schema";

type Db = Kysely<Database>;

export interface DocumentLanguages {
  sourceLanguage: string;
  versions: string[];
}

export async function findDocumentLanguages(db: Db, docName: string): Promise<DocumentLanguages | null> {
  const source = await db.selectFrom("document_languages").select("source_language").where("doc_name", "=", docName).executeTakeFirst();
  if (!source) return null;
  const versions = await db.selectFrom("language_versions").select("language").where("doc_name", "=", docName).orderBy("created_at").orderBy("language").execute();
  return { sourceLanguage: source.source_language, versions: versions.map((v) => v.language) };
}

export async function languageVersionExists(db: Db, docName: string, language: string): Promise<boolean> {
  const row = await db.selectFrom("language_versions").select("language").where("doc_name", "=", docName).where("language", "=", language).executeTakeFirst();
  return row !== undefined;
}

/**
 * Sets the source language (only while the document has no versions: their records were
 * made from that language) and adds a version. Both idempotent, so two people adding the
 * same version at once end with one.
 */
export async function addLanguageVersion(db: Db, row: { docName: string; sourceLanguage: string; language: string; createdBy: string; now: string }): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto("document_languages")
      .values({ doc_name: row.docName, source_language: row.sourceLanguage, updated_at: row.now })
      .onConflict((oc) => oc.column("doc_name").doNothing())
      .execute();
    await tx
      .insertInto("language_versions")
      .values({ doc_name: row.docName, language: row.language, created_by: row.createdBy, created_at: row.now })
      .onConflict((oc) => oc.columns(["doc_name", "language"]).doNothing())
      .execute();
  });
}
