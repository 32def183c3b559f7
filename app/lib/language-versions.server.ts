/**
 * The language-version pages of any co-edited document type: what the overview and the
 * side-by-side page show, and their actions. Routes of a type check the URL first (the
 * document belongs where the URL says), then come here with the document's name.
 */
import type { AppLoadContext } from "@remix-run/node";
import { data } from "@remix-run/node";
import { diffWords } from "diff";
import type { Authenticated } from "#server/domain/auth/sessions";
import { addLanguageVersion, reviewSection, translationState, versionDetail } from "#server/domain/translations/language-versions";
import { machineTranslate, undoMachineTranslation } from "#server/domain/translations/machine-translation";
import { isLocale, LOCALES, type Locale } from "#shared/i18n/config";
import { languageVersionName } from "#shared/collab/doc-names";
import { needsNoTranslation, nextOutdated, type SectionStatus, type TranslationSummary } from "#shared/collab/section-status";
import { addVersionForm, sectionForm } from "#shared/validation/language-forms";
import { notFound } from "./guards.server";
import { readableDocument, type ResolvedDocument } from "./documents.server";
import { formValues, parseWith } from "./forms.server";

export interface VersionSummaryView {
  language: Locale;
  summary: TranslationSummary;
}

/** A language version as a document the caller may read (404 when the document has no version in that language). */
export async function readableVersion(context: AppLoadContext, auth: Authenticated, sourceName: string, language: string | undefined): Promise<ResolvedDocument> {
  if (!isLocale(language)) notFound();
  return readableDocument(context, auth, languageVersionName(sourceName, language));
}

/** Every version of a document with how much of it is current, and the languages one may still add. */
export async function languagesOverview(context: AppLoadContext, auth: Authenticated, sourceName: string) {
  const state = await translationState(context.services, context.documents, auth.actor, sourceName);
  if (!state.ok) notFound();
  const have = new Set<Locale>(state.versions.map((v) => v.language));
  return {
    sourceLanguage: state.sourceLanguage,
    versions: state.versions.map((v): VersionSummaryView => ({ language: v.language, summary: v.summary })),
    addable: LOCALES.filter((l) => l !== state.sourceLanguage && !have.has(l)),
  };
}

export interface DiffPart {
  text: string;
  change: "same" | "added" | "removed";
}

export interface SectionRowView {
  key: string;
  id: string | null;
  status: SectionStatus;
  sourceText: string | null;
  targetText: string | null;
  record: { state: "machine" | "reviewed"; byName: string; at: string } | null;
  /** For an outdated section: how the source changed since the text it was translated from. */
  diff: DiffPart[] | null;
  undoable: boolean;
  /** The id of the outdated section after this one (wrapping), for "next outdated". */
  nextOutdated: string | null;
}

/** One version beside its source, row by row, for the side-by-side page. */
export async function versionPage(context: AppLoadContext, auth: Authenticated, sourceName: string, language: string | undefined) {
  const found = await versionDetail(context.services, context.documents, auth.actor, sourceName, language ?? "");
  if (!found.ok) notFound();
  const { detail } = found;
  const undoable = new Set(detail.undoable);
  const rows = detail.rows.filter((row) => !needsNoTranslation(row));
  const view = rows.map((row, index): SectionRowView => {
    const outdated = row.status === "outdated" && row.record && row.source;
    return {
      key: row.id ?? `block-${index}`,
      id: row.id,
      status: row.status,
      sourceText: row.source?.text ?? null,
      targetText: row.target?.text ?? null,
      record: row.record ? { state: row.record.state, byName: row.record.byName, at: row.record.at } : null,
      diff: outdated ? diffWords(row.record!.base, row.source!.text).map((part) => ({ text: part.value, change: part.added ? "added" : part.removed ? "removed" : "same" })) : null,
      undoable: row.id !== null && undoable.has(row.id),
      nextOutdated: row.status === "outdated" ? (nextOutdated(rows, row.id)?.id ?? null) : null,
    };
  });
  return {
    name: detail.name,
    sourceLanguage: detail.sourceLanguage,
    language: detail.language,
    rows: view,
    summary: detail.summary,
    firstOutdated: nextOutdated(rows, null)?.id ?? null,
    // Without a provider the page offers no machine translation at all (by hand works as ever).
    provider: context.services.translator?.name ?? null,
  };
}

/** The statuses of refusals (the message is a key of the languages namespace). */
const STATUS: Record<string, number> = { notFound: 404, forbidden: 403, timeout: 504, unavailable: 502, quota: 503, "rate-limited": 429, rejected: 502, garbage: 502 };

function refusal(error: string, form: FormData) {
  return data({ ok: false as const, error: `languages:errors.${error}`, values: formValues(form) }, { status: STATUS[error] ?? 400 });
}

/** Adding a version (the overview's form). */
export async function addVersionAction(context: AppLoadContext, auth: Authenticated, sourceName: string, form: FormData) {
  const parsed = parseWith(addVersionForm, form);
  if (!parsed.ok) return refusal("invalid", form);
  const result = await addLanguageVersion(context.services, context.documents, auth.actor, { sourceName, sourceLanguage: parsed.data.sourceLanguage, language: parsed.data.language });
  if (!result.ok) return refusal(result.error, form);
  return { ok: true as const, done: "added" as const, language: parsed.data.language, count: 1 };
}

/** The side-by-side page's buttons: translate, translate every stale section, review, undo. */
export async function sectionAction(context: AppLoadContext, auth: Authenticated, versionName: string, form: FormData) {
  const parsed = parseWith(sectionForm, form);
  if (!parsed.ok) return refusal("invalid", form);
  const input = parsed.data;
  const { services, documents } = context;
  switch (input.intent) {
    case "translate":
    case "translateStale": {
      const sections = input.intent === "translate" ? [input.sectionId] : ("stale" as const);
      const result = await machineTranslate(services, documents, auth.actor, { versionName, sections });
      if (!result.ok) return refusal(result.error, form);
      return { ok: true as const, done: "translated" as const, count: result.translated.length, section: input.intent === "translate" ? input.sectionId : null };
    }
    case "review": {
      const result = await reviewSection(services, documents, auth.actor, { versionName, sectionId: input.sectionId, seenSource: input.seenSource });
      if (!result.ok) return refusal(result.error, form);
      return { ok: true as const, done: "reviewed" as const, count: 1, section: input.sectionId };
    }
    case "undo": {
      const result = await undoMachineTranslation(services, documents, auth.actor, { versionName, sectionId: input.sectionId });
      if (!result.ok) return refusal(result.error, form);
      return { ok: true as const, done: "undone" as const, count: 1, section: input.sectionId };
    }
  }
}
