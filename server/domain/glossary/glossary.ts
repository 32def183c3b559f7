/**
 * The shared VET glossary: one termbase for all networks. Members propose terms, moderators
 * accept them (or remove them); accepted terms are marked in the editor and carried into
 * every machine translation (docs/decisions/0022-language-versions.md).
 */
import type { Services } from "#server/services";
import type { GlossaryEntry } from "#shared/glossary/glossary-entry";
import type { TermPair } from "#server/translations/provider";
import { LOCALES, type Locale } from "#shared/i18n/config";
import { can, type Actor } from "#shared/policy";
import { nowIso } from "#shared/time";
import {
  acceptGlossaryTerm,
  deleteGlossaryTerm,
  insertGlossaryTerms,
  listGlossaryTerms,
  type GlossaryStatus,
  type GlossaryTermRow,
} from "#db/queries/glossary";
import { glossaryToCsv, parseGlossaryCsv } from "./glossary-csv";
import { glossaryToTbx, parseGlossaryTbx } from "./glossary-tbx";
import type { ImportError } from "./glossary-import";

export interface GlossaryTerm extends GlossaryEntry {
  id: string;
  status: GlossaryStatus;
}

export function termFromRow(row: GlossaryTermRow): GlossaryTerm {
  return {
    id: row.id,
    status: row.status,
    terms: { de: row.term_de, it: row.term_it, en: row.term_en },
    definition: { de: row.definition_de, it: row.definition_it, en: row.definition_en },
    note: { de: row.note_de, it: row.note_it, en: row.note_en },
  };
}

export function rowFromEntry(entry: GlossaryEntry, status: GlossaryStatus, actorId: string | null, now: string): GlossaryTermRow {
  return {
    id: crypto.randomUUID(),
    term_de: entry.terms.de,
    term_it: entry.terms.it,
    term_en: entry.terms.en,
    definition_de: entry.definition.de,
    definition_it: entry.definition.it,
    definition_en: entry.definition.en,
    note_de: entry.note.de,
    note_it: entry.note.it,
    note_en: entry.note.en,
    status,
    proposed_by: actorId,
    accepted_by: status === "accepted" ? actorId : null,
    created_at: now,
    updated_at: now,
  };
}

export async function acceptedTerms(services: Services): Promise<GlossaryTerm[]> {
  return (await listGlossaryTerms(services.db, "accepted")).map(termFromRow);
}

/**
 * The accepted terms as source → target pairs for one direction, longest source first (so a
 * provider without a glossary feature protects "Industrie- und Handelskammer" before
 * "Handelskammer"). Terms with slashes list alternatives ("workshop / seminario"): each
 * alternative of the source maps to the first of the target.
 */
export function termPairs(terms: readonly GlossaryEntry[], from: Locale, to: Locale): TermPair[] {
  const pairs = new Map<string, TermPair>();
  for (const term of terms) {
    const target = alternatives(term.terms[to])[0];
    if (!target) continue;
    for (const source of alternatives(term.terms[from])) {
      const key = source.toLocaleLowerCase(from);
      if (!pairs.has(key)) pairs.set(key, { source, target });
    }
  }
  return [...pairs.values()].sort((a, b) => b.source.length - a.source.length);
}

const alternatives = (value: string) =>
  value
    .split(" / ")
    .map((part) => part.trim())
    .filter(Boolean);

export async function glossaryPairs(services: Services, from: Locale, to: Locale): Promise<TermPair[]> {
  return termPairs(await acceptedTerms(services), from, to);
}

export type GlossaryChangeResult = { ok: true; ids: string[] } | { ok: false; error: "forbidden" | "notFound" | "tooFewLanguages" };

const filledLanguages = (entry: GlossaryEntry) => LOCALES.filter((locale) => entry.terms[locale].trim() !== "").length;

/** A member proposes terms (moderators' own proposals, and their imports, are accepted at once). */
export async function proposeTerms(services: Services, actor: Actor, entries: readonly GlossaryEntry[]): Promise<GlossaryChangeResult> {
  if (!can(actor, { type: "glossary.propose" })) return { ok: false, error: "forbidden" };
  if (entries.some((entry) => filledLanguages(entry) < 2)) return { ok: false, error: "tooFewLanguages" };
  const status: GlossaryStatus = can(actor, { type: "glossary.accept" }) ? "accepted" : "proposed";
  const now = nowIso();
  const rows = entries.map((entry) => rowFromEntry(entry, status, actor.userId, now));
  await insertGlossaryTerms(services.db, rows);
  return { ok: true, ids: rows.map((row) => row.id) };
}

export async function acceptTerm(services: Services, actor: Actor, id: string): Promise<GlossaryChangeResult> {
  if (!can(actor, { type: "glossary.accept" })) return { ok: false, error: "forbidden" };
  return (await acceptGlossaryTerm(services.db, id, actor.userId, nowIso())) ? { ok: true, ids: [id] } : { ok: false, error: "notFound" };
}

export async function removeTerm(services: Services, actor: Actor, id: string): Promise<GlossaryChangeResult> {
  if (!can(actor, { type: "glossary.accept" })) return { ok: false, error: "forbidden" };
  return (await deleteGlossaryTerm(services.db, id)) ? { ok: true, ids: [id] } : { ok: false, error: "notFound" };
}

export type GlossaryFormat = "csv" | "tbx";

export type GlossaryImportOutcome =
  | { ok: true; count: number; status: GlossaryStatus }
  | { ok: false; error: "forbidden" }
  | { ok: false; error: "invalid"; problems: ImportError[] };

/**
 * Reads a CSV or TBX file into the glossary, all or nothing: a file with one bad row adds no
 * term and says which rows are wrong. Members' imports arrive as proposals.
 */
export async function importGlossary(services: Services, actor: Actor, format: GlossaryFormat, text: string): Promise<GlossaryImportOutcome> {
  if (!can(actor, { type: "glossary.propose" })) return { ok: false, error: "forbidden" };
  const parsed = format === "csv" ? parseGlossaryCsv(text) : parseGlossaryTbx(text);
  if (!parsed.ok) return { ok: false, error: "invalid", problems: parsed.errors };
  const added = await proposeTerms(services, actor, parsed.entries);
  if (!added.ok) return added.error === "forbidden" ? { ok: false, error: "forbidden" } : { ok: false, error: "invalid", problems: [{ code: "too-few-languages" }] };
  return { ok: true, count: added.ids.length, status: can(actor, { type: "glossary.accept" }) ? "accepted" : "proposed" };
}

/** The accepted glossary as a file to download. */
export async function exportGlossary(services: Services, actor: Actor, format: GlossaryFormat): Promise<{ ok: true; body: string; filename: string; contentType: string } | { ok: false; error: "forbidden" }> {
  if (!can(actor, { type: "glossary.view" })) return { ok: false, error: "forbidden" };
  const terms = await acceptedTerms(services);
  return format === "csv"
    ? { ok: true, body: glossaryToCsv(terms), filename: "connactions-glossary.csv", contentType: "text/csv; charset=utf-8" }
    : { ok: true, body: glossaryToTbx(terms, { title: "ConnActions VET glossary" }), filename: "connactions-glossary.tbx", contentType: "application/x-tbx+xml; charset=utf-8" };
}
