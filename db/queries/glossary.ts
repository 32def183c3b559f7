/**
 * SQL of the shared VET glossary: terms in German, Italian and English, proposed by members
 * and accepted by moderators. Only accepted terms reach machine translation and the editor.
 */
import type { Kysely } from "kysely";
import type { Database, GlossaryTermsTable } from "../schema";

type Db = Kysely<Database>;
export type GlossaryTermRow = GlossaryTermsTable;
export type GlossaryStatus = GlossaryTermsTable["status"];

/** All or none: an import of 5,000 terms that fails half-way leaves the glossary as it was. */
export async function insertGlossaryTerms(db: Db, rows: GlossaryTermRow[]): Promise<void> {
  await db.transaction().execute(async (tx) => {
    // SQLite allows 32766 bound values per statement; 16 columns a row → chunks of 500 rows.
    for (let i = 0; i < rows.length; i += 500) await tx.insertInto("glossary_terms").values(rows.slice(i, i + 500)).execute();
  });
}

export async function listGlossaryTerms(db: Db, status?: GlossaryStatus): Promise<GlossaryTermRow[]> {
  let query = db.selectFrom("glossary_terms").selectAll();
  if (status) query = query.where("status", "=", status);
  return query.orderBy("term_de").orderBy("id").execute();
}

export async function findGlossaryTerm(db: Db, id: string): Promise<GlossaryTermRow | undefined> {
  return db.selectFrom("glossary_terms").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Accepts a proposed term; false when it is not (or no longer) a proposal. */
export async function acceptGlossaryTerm(db: Db, id: string, acceptedBy: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable("glossary_terms")
    .set({ status: "accepted", accepted_by: acceptedBy, updated_at: now })
    .where("id", "=", id)
    .where("status", "=", "proposed")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteGlossaryTerm(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom("glossary_terms").where("id", "=", id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function countGlossaryTerms(db: Db): Promise<number> {
  const row = await db.selectFrom("glossary_terms").select((eb) => eb.fn.countAll<string | number>().as("n")).executeTakeFirstOrThrow();
  return Number(row.n);
}
