/**
 * The glossary page's data and refusals: accepted terms (filtered by a search), proposals
 * with the moderators' buttons, in the reader's language first.
 */
import type { AppLoadContext } from "@remix-run/node";
import { data } from "@remix-run/node";
import type { Services } from "#server/services";
import { acceptedTerms, type GlossaryChangeResult, type GlossaryTerm, termFromRow } from "#server/domain/glossary/glossary";

export { acceptTerm, exportGlossary, importGlossary, proposeTerms, removeTerm } from "#server/domain/glossary/glossary";
import { GLOSSARY_IMPORT_LIMITS } from "#server/domain/glossary/glossary-import";
import { listGlossaryTerms } from "#db/queries/glossary";
import { can, type Actor } from "#shared/policy";
import { LOCALES, type Locale } from "#shared/i18n/config";
import type { GlossaryHint } from "#shared/glossary/term-matching";
import { authorize, requireAuth } from "./guards.server";
import { formValues } from "./forms.server";

export function requireGlossaryView(request: Request, context: AppLoadContext) {
  const auth = requireAuth(request, context);
  authorize(auth, { type: "glossary.view" });
  return auth;
}

const MAX_QUERY = 100;

/** Whether a term matches a search in any of its languages, its definition or its note. */
function matches(term: GlossaryTerm, query: string): boolean {
  const needle = query.toLocaleLowerCase();
  return LOCALES.some((l) => [term.terms[l], term.definition[l], term.note[l]].some((text) => text.toLocaleLowerCase().includes(needle)));
}

export async function glossaryPage(services: Services, actor: Actor, rawQuery: string | null) {
  const query = (rawQuery ?? "").trim().slice(0, MAX_QUERY);
  const accepted = await acceptedTerms(services);
  const proposals = (await listGlossaryTerms(services.db, "proposed")).map(termFromRow);
  return {
    query,
    total: accepted.length,
    terms: query ? accepted.filter((term) => matches(term, query)) : accepted,
    proposals,
    canPropose: can(actor, { type: "glossary.propose" }),
    canAccept: can(actor, { type: "glossary.accept" }),
  };
}

const STATUS: Record<Exclude<GlossaryChangeResult, { ok: true }>["error"], number> = { forbidden: 403, notFound: 404, tooFewLanguages: 400 };

export function glossaryRefusal(error: keyof typeof STATUS, form: FormData) {
  return data({ ok: false as const, errors: { form: `glossary:errors.${error}` } as Record<string, string>, values: formValues(form) }, { status: STATUS[error] });
}

/**
 * The accepted terms as the editor marks them: one hint per term and language it is written
 * in (a document may mix languages, and its source language is not always known), with the
 * equivalents in the other languages and the note in the reader's language.
 */
export async function glossaryHints(services: Services, reader: Locale): Promise<GlossaryHint[]> {
  const hints: GlossaryHint[] = [];
  for (const term of await acceptedTerms(services)) {
    const note = term.note[reader] || LOCALES.map((l) => term.note[l]).find(Boolean) || "";
    for (const language of LOCALES) {
      if (!term.terms[language].trim()) continue;
      const equivalents = LOCALES.filter((l) => l !== language && term.terms[l].trim()).map((l) => ({ language: l, term: term.terms[l] }));
      if (equivalents.length) hints.push({ id: `${term.id}-${language}`, term: term.terms[language], equivalents, note });
    }
  }
  return hints;
}

/** A glossary file in a form: the file's text and its format (by its name), or why it cannot be read. */
export async function glossaryFileOf(form: FormData): Promise<{ ok: true; format: "csv" | "tbx"; text: string } | { ok: false; error: "noFile" | "unknownFormat" | "tooLarge" }> {
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return { ok: false, error: "noFile" };
  if (file.size > GLOSSARY_IMPORT_LIMITS.maxBytes) return { ok: false, error: "tooLarge" };
  const name = file.name.toLowerCase();
  const format = name.endsWith(".csv") ? "csv" : name.endsWith(".tbx") || name.endsWith(".xml") ? "tbx" : null;
  if (!format) return { ok: false, error: "unknownFormat" };
  return { ok: true, format, text: await file.text() };
}

/** The import form's limit on the whole request: the file and a little room for the other fields. */
export const GLOSSARY_IMPORT_REQUEST_BYTES = GLOSSARY_IMPORT_LIMITS.maxBytes + 64 * 1024;
