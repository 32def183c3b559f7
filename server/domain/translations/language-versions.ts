/**
 * Language versions of a co-edited document: adding one, the status of every section in
 * every version, a person's review of a section. Machine translation is in
 * machine-translation.ts. See docs/decisions/0022-language-versions.md.
 */
import type * as Y from "yjs";
import type { Services } from "#server/services";
import type { DocumentAccess } from "#server/collab/collab-server";
import type { ResolvedDocument } from "#server/documents/document-type";
import { resolveDocument } from "#server/documents/registry";
import { can, type Actor } from "#shared/policy";
import { isLocale, type Locale } from "#shared/i18n/config";
import { languageVersionName } from "#shared/collab/doc-names";
import { elementText, ensureSectionIds, findSection, readSections } from "#shared/collab/sections";
import { alignSections, readSectionRecords, summarise, writeSectionRecord, type AlignedSection, type TranslationSummary } from "#shared/collab/section-status";
import { addLanguageVersion as insertLanguageVersion, findDocumentLanguages } from "#db/queries/language-versions";
import { findUserById } from "#db/queries/users";
import { nowIso } from "#shared/time";
import { canRestoreSection } from "./section-blocks";

export interface DocumentLanguageInfo {
  /** Null while the document has no language versions (nobody has said what it is written in). */
  sourceLanguage: Locale | null;
  versions: Locale[];
}

export async function documentLanguages(services: Services, sourceName: string): Promise<DocumentLanguageInfo> {
  const found = await findDocumentLanguages(services.db, sourceName);
  if (!found || !isLocale(found.sourceLanguage)) return { sourceLanguage: null, versions: [] };
  return { sourceLanguage: found.sourceLanguage, versions: found.versions.filter(isLocale) };
}

type Refusal = "notFound" | "forbidden";

/** The source document, readable (and, with `edit`, editable) by the actor. */
async function sourceFor(services: Services, actor: Actor, sourceName: string, right: "read" | "edit"): Promise<{ ok: true; document: ResolvedDocument } | { ok: false; error: Refusal }> {
  const document = await resolveDocument(services, sourceName);
  if (!document || document.version || !can(actor, { type: "document.read", doc: document })) return { ok: false, error: "notFound" };
  if (right === "edit" && !can(actor, { type: "document.edit", doc: document })) return { ok: false, error: "forbidden" };
  return { ok: true, document };
}

export type AddVersionResult = { ok: true; name: string } | { ok: false; error: Refusal | "sameAsSource" | "sourceLanguageFixed" };

/**
 * Adds a version in `language`. The first version also fixes the source's language. Every
 * top-level block of the source gets its section id here, so versions can link to it.
 */
export async function addLanguageVersion(
  services: Services,
  documents: DocumentAccess,
  actor: Actor,
  input: { sourceName: string; sourceLanguage: Locale; language: Locale },
): Promise<AddVersionResult> {
  const source = await sourceFor(services, actor, input.sourceName, "edit");
  if (!source.ok) return source;
  const known = await documentLanguages(services, input.sourceName);
  const sourceLanguage = known.sourceLanguage ?? input.sourceLanguage;
  if (known.sourceLanguage && known.sourceLanguage !== input.sourceLanguage) return { ok: false, error: "sourceLanguageFixed" };
  if (input.language === sourceLanguage) return { ok: false, error: "sameAsSource" };
  // Ids first: not a change of content, so nobody is credited with it in the history.
  await documents.change(input.sourceName, null, (doc) => ensureSectionIds(doc.getXmlFragment(source.document.layout.contentField)));
  await insertLanguageVersion(services.db, { docName: input.sourceName, sourceLanguage, language: input.language, createdBy: actor.userId, now: nowIso() });
  return { ok: true, name: languageVersionName(input.sourceName, input.language) };
}

export interface VersionState {
  language: Locale;
  name: string;
  rows: AlignedSection[];
  summary: TranslationSummary;
}

/** Source and version aligned section by section, from the documents as they are now. */
export function compareVersion(source: Y.Doc, version: Y.Doc, field: string): { rows: AlignedSection[]; summary: TranslationSummary } {
  const rows = alignSections(readSections(source.getXmlFragment(field)), readSections(version.getXmlFragment(field)), readSectionRecords(version));
  return { rows, summary: summarise(rows) };
}

/** Every version of a document with each section's status, for a reader of the source. */
export async function translationState(
  services: Services,
  documents: DocumentAccess,
  actor: Actor,
  sourceName: string,
): Promise<{ ok: true; document: ResolvedDocument; sourceLanguage: Locale | null; versions: VersionState[] } | { ok: false; error: Refusal }> {
  const source = await sourceFor(services, actor, sourceName, "read");
  if (!source.ok) return source;
  const languages = await documentLanguages(services, sourceName);
  const sourceDoc = await documents.read(sourceName);
  try {
    const versions: VersionState[] = [];
    for (const language of languages.versions) {
      const name = languageVersionName(sourceName, language);
      const versionDoc = await documents.read(name);
      try {
        versions.push({ language, name, ...compareVersion(sourceDoc, versionDoc, source.document.layout.contentField) });
      } finally {
        versionDoc.destroy();
      }
    }
    return { ok: true, document: source.document, sourceLanguage: languages.sourceLanguage, versions };
  } finally {
    sourceDoc.destroy();
  }
}

/** The version behind a name, with its source, when the actor may edit it. */
export async function editableVersion(
  services: Services,
  actor: Actor,
  versionName: string,
): Promise<{ ok: true; version: ResolvedDocument & { version: NonNullable<ResolvedDocument["version"]> }; sourceLanguage: Locale } | { ok: false; error: Refusal }> {
  const version = await resolveDocument(services, versionName);
  if (!version?.version || !can(actor, { type: "document.read", doc: version })) return { ok: false, error: "notFound" };
  if (!can(actor, { type: "document.edit", doc: version })) return { ok: false, error: "forbidden" };
  const { sourceLanguage } = await documentLanguages(services, version.version.sourceName);
  if (!sourceLanguage) return { ok: false, error: "notFound" };
  return { ok: true, version: version as ResolvedDocument & { version: NonNullable<ResolvedDocument["version"]> }, sourceLanguage };
}

export async function displayName(services: Services, userId: string): Promise<string> {
  return (await findUserById(services.db, userId))?.name ?? "";
}

export type ReviewResult = { ok: true } | { ok: false; error: Refusal | "noSuchSection" | "nothingToReview" | "sourceChanged" };

/**
 * A person confirms that a section's translation says what the source says now. `seenSource`
 * is the source text the person had in front of them: if the source has changed since, the
 * review would vouch for text they have not read, so it is refused and they look again.
 */
export async function reviewSection(
  services: Services,
  documents: DocumentAccess,
  actor: Actor,
  input: { versionName: string; sectionId: string; seenSource?: string },
): Promise<ReviewResult> {
  const found = await editableVersion(services, actor, input.versionName);
  if (!found.ok) return found;
  const { version } = found;
  const field = version.layout.contentField;
  const sourceDoc = await documents.read(version.version.sourceName);
  const sourceSection = readSections(sourceDoc.getXmlFragment(field)).find((section) => section.id === input.sectionId);
  sourceDoc.destroy();
  if (!sourceSection) return { ok: false, error: "noSuchSection" };
  if (input.seenSource !== undefined && input.seenSource.replace(/\s+/g, " ").trim() !== sourceSection.text.replace(/\s+/g, " ").trim()) {
    return { ok: false, error: "sourceChanged" };
  }
  const byName = await displayName(services, actor.userId);
  let reviewed = false;
  await documents.change(version.name, actor.userId, (doc) => {
    const target = findSection(doc.getXmlFragment(field), input.sectionId);
    if (!target || elementText(target.element).trim() === "") return;
    writeSectionRecord(doc, input.sectionId, { base: sourceSection.text, state: "reviewed", by: actor.userId, byName, at: nowIso() });
    reviewed = true;
  });
  return reviewed ? { ok: true } : { ok: false, error: "nothingToReview" };
}

export interface VersionDetail {
  document: ResolvedDocument;
  sourceLanguage: Locale;
  language: Locale;
  name: string;
  rows: AlignedSection[];
  summary: TranslationSummary;
  /** Sections whose last machine translation can be undone. */
  undoable: string[];
}

/** One version beside its source, for a reader of the source; notFound when the document has no version in `language`. */
export async function versionDetail(
  services: Services,
  documents: DocumentAccess,
  actor: Actor,
  sourceName: string,
  language: string,
): Promise<{ ok: true; detail: VersionDetail } | { ok: false; error: Refusal }> {
  const source = await sourceFor(services, actor, sourceName, "read");
  if (!source.ok) return source;
  const languages = await documentLanguages(services, sourceName);
  if (!languages.sourceLanguage || !isLocale(language) || !languages.versions.includes(language)) return { ok: false, error: "notFound" };
  const name = languageVersionName(sourceName, language);
  const sourceDoc = await documents.read(sourceName);
  const versionDoc = await documents.read(name);
  try {
    const compared = compareVersion(sourceDoc, versionDoc, source.document.layout.contentField);
    const undoable = compared.rows.flatMap((row) => (row.id && canRestoreSection(versionDoc, row.id) ? [row.id] : []));
    return { ok: true, detail: { document: source.document, sourceLanguage: languages.sourceLanguage, language, name, ...compared, undoable } };
  } finally {
    sourceDoc.destroy();
    versionDoc.destroy();
  }
}
