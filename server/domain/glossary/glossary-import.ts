/**
 * What CSV and TBX imports of the glossary share: the limits, the error codes, and how one
 * entry's text is cleaned and checked. Errors are codes, not sentences, so that the app can
 * say them in the reader's language; `line`/`entry` say where, `field` says which column or
 * language (it may echo what the file said, so it is shown as text, never as markup).
 */
import { LOCALES, type Locale } from "#shared/i18n/config";
import type { GlossaryEntry } from "#shared/glossary/glossary-entry";

export const GLOSSARY_IMPORT_LIMITS = {
  /** UTF-8 bytes of the whole file: a termbase of 5000 entries fits easily. */
  maxBytes: 5 * 1024 * 1024,
  maxEntries: 5000,
  maxTermLength: 200,
  maxTextLength: 2000,
  /** A broken file can have an error on every line; the first ones are enough to fix it. */
  maxErrors: 50,
} as const;

export type ImportErrorCode =
  | "too-large"
  | "too-many-entries"
  | "not-csv"
  | "missing-header"
  | "unknown-column"
  | "duplicate-column"
  | "wrong-field-count"
  | "too-few-languages"
  | "term-too-long"
  | "definition-too-long"
  | "note-too-long"
  | "not-tbx"
  | "doctype-refused"
  | "malformed-xml";

export interface ImportError {
  code: ImportErrorCode;
  /** 1-based line of the file (CSV: where the record starts; TBX: where the entry starts). */
  line?: number;
  /** 1-based number of the entry (CSV: data row, not counting the header). */
  entry?: number;
  /** The column (CSV) or the language (de/it/en) concerned. */
  field?: string;
}

export type GlossaryImportResult = { ok: true; entries: GlossaryEntry[] } | { ok: false; errors: ImportError[] };

export const failure = (errors: ImportError[]): GlossaryImportResult => ({ ok: false, errors: errors.slice(0, GLOSSARY_IMPORT_LIMITS.maxErrors) });

export function isTooLarge(text: string): boolean {
  // Cheap bounds first: each UTF-16 unit takes between one and three UTF-8 bytes.
  if (text.length <= GLOSSARY_IMPORT_LIMITS.maxBytes / 3) return false;
  if (text.length > GLOSSARY_IMPORT_LIMITS.maxBytes) return true;
  return Buffer.byteLength(text, "utf8") > GLOSSARY_IMPORT_LIMITS.maxBytes;
}

export function isLocaleCode(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

export const emptyEntry = (): GlossaryEntry => ({
  terms: { de: "", it: "", en: "" },
  definition: { de: "", it: "", en: "" },
  note: { de: "", it: "", en: "" },
});

// Characters XML 1.0 cannot carry at all, plus C0/C1-style controls that no glossary needs.
// Removing them on import keeps every stored entry exportable as well-formed TBX.
const UNWANTED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const withoutUnwantedCharacters = (text: string): string => text.replace(UNWANTED, "");

/** A term is one line: all whitespace (tabs, line breaks, no-break spaces) becomes one space. */
export function normaliseTerm(text: string): string {
  return withoutUnwantedCharacters(text).normalize("NFC").replace(/\s+/g, " ").trim();
}

/**
 * Definitions and notes keep their line breaks (lists, paragraphs) but lose the indentation and
 * runs of blanks that XML pretty-printing and spreadsheets add. Idempotent, so a round trip
 * through either format gives back exactly the same text.
 */
export function normaliseText(text: string): string {
  return withoutUnwantedCharacters(text)
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/[ \t]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/**
 * Cleans one entry and checks it against the limits. At least two languages must have a term:
 * a glossary entry in one language translates nothing.
 */
export function checkEntry(raw: GlossaryEntry, where: { line?: number; entry?: number }): { entry: GlossaryEntry; errors: ImportError[] } {
  const entry = emptyEntry();
  const errors: ImportError[] = [];
  for (const locale of LOCALES) {
    entry.terms[locale] = normaliseTerm(raw.terms[locale]);
    entry.definition[locale] = normaliseText(raw.definition[locale]);
    entry.note[locale] = normaliseText(raw.note[locale]);
    if (entry.terms[locale].length > GLOSSARY_IMPORT_LIMITS.maxTermLength) errors.push({ ...where, code: "term-too-long", field: locale });
    if (entry.definition[locale].length > GLOSSARY_IMPORT_LIMITS.maxTextLength) errors.push({ ...where, code: "definition-too-long", field: locale });
    if (entry.note[locale].length > GLOSSARY_IMPORT_LIMITS.maxTextLength) errors.push({ ...where, code: "note-too-long", field: locale });
  }
  if (LOCALES.filter((locale) => entry.terms[locale] !== "").length < 2) errors.push({ ...where, code: "too-few-languages" });
  return { entry, errors };
}
