/**
 * "Translate this section" and "translate every outdated section": the source sections' text
 * goes to the configured provider (from the server only, with the accepted glossary terms of
 * the language pair), and the result is written into the live language version as one
 * change, each section marked machine-translated until a person reviews it.
 *
 * Faults and races, and why they lose nothing:
 * - A provider that fails (slow, down, over quota, garbage) changes nothing: the error is
 *   returned before the version is touched, and the person may try again.
 * - The base recorded is the source text that was sent. If the source changes while the
 *   request is in flight, the section is outdated the moment the result lands.
 * - A result replaces the version's block for that section; what it replaced is kept
 *   (section-blocks.ts) and "undo" puts it back. Two people translating one section at once:
 *   the later result replaces the earlier, which is what its undo brings back.
 */
import type * as Y from "yjs";
import type { Services } from "#server/services";
import type { DocumentAccess } from "#server/collab/collab-server";
import { isTranslationFailure, type TranslationFailureReason } from "#server/translations/provider";
import { glossaryPairs } from "#server/domain/glossary/glossary";
import type { Actor } from "#shared/policy";
import { elementText, findSection } from "#shared/collab/sections";
import { readSectionRecord, SECTION_RECORDS, writeSectionRecord, type SectionRecord } from "#shared/collab/section-status";
import { nowIso } from "#shared/time";
import { compareVersion, displayName, editableVersion } from "./language-versions";
import { canRestoreSection, placeSection, plainText, restoreReplacedSection, textNodesOf, translatedCopy } from "./section-blocks";

/** One request's worth: enough for a long work programme, bounded so one click cannot send a book. */
export const MAX_SECTIONS_PER_REQUEST = 200;
export const MAX_CHARACTERS_PER_REQUEST = 100_000;

/** The records machine translations replaced, kept so that undo restores the status too. */
const REPLACED_RECORDS = "replacedRecords";

export type MachineTranslationResult =
  | { ok: true; translated: string[] }
  | { ok: false; error: "notFound" | "forbidden" | "noProvider" | "noSuchSection" | "nothingToTranslate" | "tooMuch" | TranslationFailureReason };

/**
 * Translates the given sections (`"stale"`: every section whose translation is missing or
 * outdated) from the source into the version named `versionName`.
 */
export async function machineTranslate(
  services: Services,
  documents: DocumentAccess,
  actor: Actor,
  input: { versionName: string; sections: readonly string[] | "stale" },
): Promise<MachineTranslationResult> {
  const found = await editableVersion(services, actor, input.versionName);
  if (!found.ok) return found;
  const provider = services.translator;
  if (!provider) return { ok: false, error: "noProvider" };
  const { version, sourceLanguage } = found;
  const field = version.layout.contentField;

  const source = await documents.read(version.version.sourceName);
  try {
    let ids: string[];
    if (input.sections === "stale") {
      const current = await documents.read(version.name);
      const { rows } = compareVersion(source, current, field);
      current.destroy();
      ids = rows.filter((row) => (row.status === "outdated" || row.status === "untranslated") && row.id && row.source?.text.trim()).map((row) => row.id!);
    } else {
      ids = [...new Set(input.sections)];
    }
    if (!ids.length) return { ok: false, error: "nothingToTranslate" };
    if (ids.length > MAX_SECTIONS_PER_REQUEST) return { ok: false, error: "tooMuch" };

    const sections: Array<{ id: string; element: Y.XmlElement; texts: string[]; base: string }> = [];
    for (const id of ids) {
      const located = findSection(source.getXmlFragment(field), id);
      if (!located) return { ok: false, error: "noSuchSection" };
      const texts = textNodesOf(located.element).map(plainText);
      sections.push({ id, element: located.element, texts, base: elementText(located.element) });
    }
    const outgoing = sections.flatMap((section) => section.texts).filter((text) => text.trim() !== "");
    if (!outgoing.length) return { ok: false, error: "nothingToTranslate" };
    if (outgoing.reduce((sum, text) => sum + text.length, 0) > MAX_CHARACTERS_PER_REQUEST) return { ok: false, error: "tooMuch" };

    let translations: string[];
    try {
      translations = await provider.translate({ texts: outgoing, from: sourceLanguage, to: version.version.language, glossary: await glossaryPairs(services, sourceLanguage, version.version.language) });
    } catch (error) {
      if (isTranslationFailure(error)) {
        services.log.warn(`[translation] ${provider.name} failed (${error.reason}): ${error.message}`);
        return { ok: false, error: error.reason };
      }
      throw error;
    }
    if (translations.length !== outgoing.length) return { ok: false, error: "garbage" };

    const byName = await displayName(services, actor.userId);
    const at = nowIso();
    let next = 0;
    await documents.change(version.name, actor.userId, (doc) => {
      const records = doc.getMap(SECTION_RECORDS);
      const replacedRecords = doc.getMap<SectionRecord | null>(REPLACED_RECORDS);
      for (const section of sections) {
        const texts = section.texts.map((text) => (text.trim() === "" ? text : (translations[next++] ?? "")));
        placeSection(doc, field, source.getXmlFragment(field), section.id, translatedCopy(section.element, texts));
        replacedRecords.set(section.id, readSectionRecord(records.get(section.id)));
        writeSectionRecord(doc, section.id, { base: section.base, state: "machine", by: actor.userId, byName, at });
      }
    });
    return { ok: true, translated: ids };
  } finally {
    source.destroy();
  }
}

export type UndoResult = { ok: true } | { ok: false; error: "notFound" | "forbidden" | "nothingToUndo" };

/** Puts back what the last machine translation of a section replaced, text and status. */
export async function undoMachineTranslation(services: Services, documents: DocumentAccess, actor: Actor, input: { versionName: string; sectionId: string }): Promise<UndoResult> {
  const found = await editableVersion(services, actor, input.versionName);
  if (!found.ok) return found;
  const field = found.version.layout.contentField;
  let undone = false;
  await documents.change(found.version.name, actor.userId, (doc) => {
    if (!canRestoreSection(doc, input.sectionId)) return;
    const replacedRecords = doc.getMap<SectionRecord | null>(REPLACED_RECORDS);
    const previous = readSectionRecord(replacedRecords.get(input.sectionId));
    undone = restoreReplacedSection(doc, field, input.sectionId);
    if (!undone) return;
    if (previous) writeSectionRecord(doc, input.sectionId, previous);
    else doc.getMap(SECTION_RECORDS).delete(input.sectionId);
    replacedRecords.delete(input.sectionId);
  });
  return undone ? { ok: true } : { ok: false, error: "nothingToUndo" };
}
