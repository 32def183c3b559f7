/**
 * A term of the shared VET glossary: the same concept in German, Italian and English, with a
 * definition and a note (such as "not the same mandate") in each language. Empty strings mean
 * "not written yet"; a term needs at least two languages to be of use.
 */
import type { Locale } from "#shared/i18n/config";

export interface GlossaryEntry {
  terms: Record<Locale, string>;
  definition: Record<Locale, string>;
  note: Record<Locale, string>;
}
