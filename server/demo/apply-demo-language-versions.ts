/**
 * The demo's language versions (db/seed/demo-language-versions.ts): each is stored as the
 * Y.Doc `<source name>.<language>` (its text in the content fragment, its section records in
 * the records map) and registered with `addLanguageVersion`. Idempotent like the rest of the
 * seed: a version whose document exists, or that someone added themselves, is left alone.
 *
 * A demo database seeded before the work programmes had section ids holds its German source
 * without them; a version could not link to it, so it is skipped (silently: the rest of the
 * demo is fine without it).
 */
import type { Kysely } from "kysely";
import * as Y from "yjs";
import { getSchema } from "@tiptap/core";
import { prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import type { Database } from "#db/schema";
import { demoPeople } from "#db/seed/demo-data";
import { demoWorkProgrammes, type PmJson } from "#db/seed/demo-work-programmes";
import { demoLanguageVersions, type DemoLanguageVersion } from "#db/seed/demo-language-versions";
import { findSnapshot, saveDerived, upsertSnapshot } from "#db/queries/collab";
import { addLanguageVersion, findDocumentLanguages, languageVersionExists } from "#db/queries/language-versions";
import { docNameOf, languageVersionName, WORK_PROGRAMME_DOC_TYPE } from "#shared/collab/doc-names";
import { CONTENT_FIELD } from "#shared/collab/work-programme-doc";
import { isSectionId, readSections, SECTION_ID_ATTR } from "#shared/collab/sections";
import { sameSourceText, writeSectionRecord } from "#shared/collab/section-status";
import { editorExtensions } from "#shared/editor/extensions";
import { deriveContent } from "#server/collab/derive";

type Db = Kysely<Database>;

const daysBefore = (now: string, days: number) => new Date(Date.parse(now) - days * 86_400_000).toISOString();

/** A Y.Doc holding only text, written into the content fragment. */
function textDoc(content: PmJson): Y.Doc {
  const doc = new Y.Doc();
  prosemirrorJSONToYXmlFragment(getSchema(editorExtensions()), content, doc.getXmlFragment(CONTENT_FIELD));
  return doc;
}

/** The section ids of a stored document's top-level blocks, or null when it is not stored. */
async function storedSectionIds(db: Db, name: string): Promise<Set<string> | null> {
  const stored = await findSnapshot(db, name);
  if (!stored || stored.state.byteLength === 0) return null;
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, stored.state);
    return new Set(readSections(doc.getXmlFragment(CONTENT_FIELD)).flatMap((section) => (section.id ? [section.id] : [])));
  } finally {
    doc.destroy();
  }
}

/** The version's Y.Doc: its text and a record for every section meant to be reviewed, machine-translated or outdated. */
export function buildLanguageVersionDoc(version: DemoLanguageVersion, sourceContent: PmJson, now: string): Y.Doc {
  const person = demoPeople.find((p) => p.id === version.createdBy);
  if (!person) throw new Error(`demo language version: no demo person ${version.createdBy}`);
  const source = textDoc(sourceContent);
  const sourceText = new Map(readSections(source.getXmlFragment(CONTENT_FIELD)).flatMap((section) => (section.id ? [[section.id, section.text] as const] : [])));
  source.destroy();

  const doc = textDoc(version.content);
  doc.transact(() => {
    for (const section of version.sections) {
      if (section.intended === "unchecked" || section.intended === "untranslated") continue;
      const current = sourceText.get(section.sid);
      if (current === undefined) throw new Error(`demo language version: no source section ${section.sid}`);
      const outdated = section.intended === "outdated";
      if (outdated && sameSourceText(section.base, current)) throw new Error(`demo language version: ${section.sid} is meant to be outdated but its base is today's text`);
      writeSectionRecord(doc, section.sid, {
        base: outdated ? section.base : current,
        state: outdated ? section.recorded : section.intended,
        by: person.id,
        byName: person.name,
        at: daysBefore(now, section.daysAgo),
      });
    }
  });
  return doc;
}

/** Stores the demo's language versions that are missing; returns how many were added. */
export async function applyDemoLanguageVersions(db: Db, now: string): Promise<number> {
  let inserted = 0;
  for (const version of demoLanguageVersions) {
    const wp = demoWorkProgrammes.find((w) => w.id === version.workProgrammeId);
    if (!wp) throw new Error(`demo language version: no demo work programme ${version.workProgrammeId}`);
    const sourceName = docNameOf(WORK_PROGRAMME_DOC_TYPE, wp.id);
    const name = languageVersionName(sourceName, version.language);
    if (await findSnapshot(db, name)) continue;
    // Someone added this version themselves (its document may not be stored yet): theirs stays.
    if (await languageVersionExists(db, sourceName, version.language)) continue;
    // The source's language is fixed by its first version; a different one means the records would not fit.
    const languages = await findDocumentLanguages(db, sourceName);
    if (languages && languages.sourceLanguage !== version.sourceLanguage) continue;
    // The stored source must carry the section ids the version links to (an older seed's does not).
    const storedIds = await storedSectionIds(db, sourceName);
    const expected = readSectionIdsOf(wp.content);
    if (!storedIds || expected.length === 0 || expected.some((id) => !storedIds.has(id))) continue;

    // A text-only document, stored like the demo's recommendations: its state and derived text.
    const doc = buildLanguageVersionDoc(version, wp.content, now);
    try {
      const { json, text } = deriveContent(doc, CONTENT_FIELD);
      await db.transaction().execute(async (trx) => {
        await upsertSnapshot(trx, name, Y.encodeStateAsUpdate(doc), now);
        await saveDerived(trx, name, text, JSON.stringify(json), now);
      });
    } finally {
      doc.destroy();
    }
    await addLanguageVersion(db, {
      docName: sourceName,
      sourceLanguage: version.sourceLanguage,
      language: version.language,
      createdBy: version.createdBy,
      now: daysBefore(now, version.createdDaysAgo),
    });
    inserted++;
  }
  return inserted;
}

/** The section ids of the source's top-level blocks as seeded. */
function readSectionIdsOf(content: PmJson): string[] {
  return (content.content ?? []).flatMap((block) => {
    const id = block.attrs?.[SECTION_ID_ATTR];
    return isSectionId(id) ? [id] : [];
  });
}
