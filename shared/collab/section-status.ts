/**
 * How far a language version keeps up with its source, section by section.
 *
 * A version's Y.Doc holds, beside its text, a map from section id to a record of the source
 * text that section was translated from (its "base"), who or what translated it and whether a
 * person has reviewed it. Nothing about "outdated" is stored: a section is outdated when the
 * source section's text today differs from its base, so the status cannot go stale, whoever
 * edits the source and however (live, restore, a server-side change). The base is also what
 * the diff of an outdated section is computed from.
 *
 * The records live in the version's Y.Doc so that they are co-edited, versioned and restored
 * together with the text they describe; two people recording one section at once resolve like
 * any Y.Map key (one record wins; both texts stay in the fragment).
 */
import * as Y from "yjs";
import type { Section } from "./sections";

/** The Y.Map of section records in a language version's Y.Doc. */
export const SECTION_RECORDS = "sections";

export type ReviewState = "machine" | "reviewed";

export interface SectionRecord {
  /** The source section's text this translation was made from. */
  base: string;
  state: ReviewState;
  /** Who ran the machine translation or reviewed the section (user id). */
  by: string;
  /** Their name at the time, for readers who cannot look the person up. */
  byName: string;
  /** ISO 8601. */
  at: string;
}

export type SectionStatus =
  | "untranslated" // the source section has no text in this language yet
  | "unchecked" // text written by hand that nobody has marked as reviewed
  | "machine" // machine-translated from the current source, not reviewed yet
  | "reviewed" // reviewed by a person against the current source
  | "outdated" // translated (by machine or person) from a source text that has changed since
  | "removed"; // text in the version whose source section no longer exists

/** The statuses that count as current: the translation matches today's source. */
export const CURRENT_STATUSES: ReadonlySet<SectionStatus> = new Set(["machine", "reviewed"]);

const MAX_BASE = 100_000;

/** A record as stored, or null for anything that is not one (the map is writable by every editor). */
export function readSectionRecord(value: unknown): SectionRecord | null {
  if (typeof value !== "object" || value === null) return null;
  const { base, state, by, byName, at } = value as Record<string, unknown>;
  if (typeof base !== "string" || base.length > MAX_BASE) return null;
  if (state !== "machine" && state !== "reviewed") return null;
  if (typeof by !== "string" || typeof byName !== "string" || typeof at !== "string") return null;
  return { base, state, by, byName: byName.slice(0, 200), at };
}

export function readSectionRecords(doc: Y.Doc): Map<string, SectionRecord> {
  const records = new Map<string, SectionRecord>();
  doc.getMap(SECTION_RECORDS).forEach((value, id) => {
    const record = readSectionRecord(value);
    if (record) records.set(id, record);
  });
  return records;
}

export function writeSectionRecord(doc: Y.Doc, id: string, record: SectionRecord): void {
  doc.getMap(SECTION_RECORDS).set(id, { ...record });
}

/** Whitespace differences (a trailing space, a re-wrapped line) do not make a translation outdated. */
export function sameSourceText(a: string, b: string): boolean {
  return normalise(a) === normalise(b);
}

const normalise = (text: string) => text.replace(/\s+/g, " ").trim();

export function sectionStatus(source: Section | null, target: Section | null, record: SectionRecord | null): SectionStatus {
  if (!source) return "removed";
  if (!target || target.text.trim() === "") return "untranslated";
  if (!record) return "unchecked";
  if (!sameSourceText(record.base, source.text)) return "outdated";
  return record.state;
}

export interface AlignedSection {
  /** The section id both sides share; null for a source block without an id yet. */
  id: string | null;
  source: Section | null;
  target: Section | null;
  record: SectionRecord | null;
  status: SectionStatus;
}

/**
 * Source and version side by side, in the source's order. Version sections whose source is
 * gone ("removed") follow the row of the section before them in the version, so they stay
 * near where they were; version blocks without an id belong to the linked section before them
 * (someone typed them there), and before any linked section they are left out.
 */
export function alignSections(source: readonly Section[], target: readonly Section[], records: ReadonlyMap<string, SectionRecord>): AlignedSection[] {
  // Blocks typed in a version have no id of their own: they continue the linked section before them.
  const targetById = new Map<string, Section>();
  let linked: string | null = null;
  for (const section of target) {
    if (section.id && !targetById.has(section.id)) {
      targetById.set(section.id, section);
      linked = section.id;
    } else if (section.id) {
      linked = null;
    } else if (linked) {
      const before = targetById.get(linked)!;
      targetById.set(linked, { ...before, text: before.text && section.text ? `${before.text}\n${section.text}` : before.text + section.text });
    }
  }
  const sourceIds = new Set(source.flatMap((s) => (s.id ? [s.id] : [])));

  // Removed sections, keyed by the id of the linked section before them in the version (or "" for the start).
  const removedAfter = new Map<string, Section[]>();
  let previous = "";
  for (const section of target) {
    if (!section.id) continue;
    if (sourceIds.has(section.id)) {
      previous = section.id;
      continue;
    }
    const list = removedAfter.get(previous) ?? [];
    list.push(section);
    removedAfter.set(previous, list);
  }

  const removedRows = (after: string): AlignedSection[] =>
    (removedAfter.get(after) ?? []).map((section) => ({ id: section.id, source: null, target: section, record: records.get(section.id!) ?? null, status: "removed" }));

  const rows: AlignedSection[] = removedRows("");
  for (const section of source) {
    const linked = section.id ? (targetById.get(section.id) ?? null) : null;
    const record = section.id ? (records.get(section.id) ?? null) : null;
    rows.push({ id: section.id, source: section, target: linked, record, status: sectionStatus(section, linked, record) });
    if (section.id) rows.push(...removedRows(section.id));
  }
  return rows;
}

export interface TranslationSummary {
  /** Source sections with text (empty paragraphs need no translation). */
  total: number;
  current: number;
  outdated: number;
  machine: number;
  reviewed: number;
  unchecked: number;
  untranslated: number;
  removed: number;
}

export function summarise(rows: readonly AlignedSection[]): TranslationSummary {
  const summary: TranslationSummary = { total: 0, current: 0, outdated: 0, machine: 0, reviewed: 0, unchecked: 0, untranslated: 0, removed: 0 };
  for (const row of rows) {
    if (row.status === "removed") {
      summary.removed++;
      continue;
    }
    if (needsNoTranslation(row)) continue;
    summary.total++;
    summary[row.status]++;
    if (CURRENT_STATUSES.has(row.status)) summary.current++;
  }
  return summary;
}

/** An empty source paragraph (a spacer) is neither translated nor missing. */
export function needsNoTranslation(row: AlignedSection): boolean {
  return row.source !== null && row.source.text.trim() === "" && (row.target === null || row.target.text.trim() === "");
}

/** The next outdated row after the one with this id, wrapping around; null when none is outdated. */
export function nextOutdated(rows: readonly AlignedSection[], afterId: string | null): AlignedSection | null {
  const outdated = rows.filter((row) => row.status === "outdated");
  if (!outdated.length) return null;
  const start = afterId === null ? -1 : rows.findIndex((row) => row.id === afterId);
  return outdated.find((row) => rows.indexOf(row) > start) ?? outdated[0]!;
}

/**
 * Where a new version block for source section `id` goes: right after the version block of
 * the nearest source section before it that the version has, or at the start.
 */
export function insertionIndex(source: readonly Section[], target: readonly Section[], id: string): number {
  const position = source.findIndex((section) => section.id === id);
  for (let i = position - 1; i >= 0; i--) {
    const before = source[i]!.id;
    if (!before) continue;
    let at = target.findIndex((section) => section.id === before);
    if (at < 0) continue;
    // After the blocks that continue that section, too.
    while (at + 1 < target.length && target[at + 1]!.id === null) at++;
    return at + 1;
  }
  return 0;
}
