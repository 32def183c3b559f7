/**
 * The glossary's starting terms (db/seed/glossary-terms.ts), accepted, in a database whose
 * glossary is empty. Run when the glossary's table is created and by the demo seed; never
 * again afterwards, so terms the moderators removed stay removed.
 */
import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { GLOSSARY_SEED } from "#db/seed/glossary-terms";
import { countGlossaryTerms, insertGlossaryTerms } from "#db/queries/glossary";
import { rowFromEntry } from "./glossary";

export async function seedGlossaryIfEmpty(db: Kysely<Database>, now: string): Promise<number> {
  if ((await countGlossaryTerms(db)) > 0) return 0;
  await insertGlossaryTerms(
    db,
    GLOSSARY_SEED.map((entry) => rowFromEntry(entry, "accepted", null, now)),
  );
  return GLOSSARY_SEED.length;
}
