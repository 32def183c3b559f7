/**
 * Collaborative document names: `<type>.<id>`, e.g. `workprogramme.3f2c…`. The type picks
 * the resolver that decides which network a document belongs to; ids are uuids or slugs.
 * A language version of a document adds its language: `workprogramme.3f2c….it`.
 * Anything else is refused before a room is created.
 */
import { isLocale, type Locale } from "#shared/i18n/config";

const DOC_NAME = /^([a-z][a-z-]{1,30})\.([A-Za-z0-9_-]{1,64})(?:\.([a-z]{2}))?$/;

export interface DocName {
  type: string;
  id: string;
  /** Set for a language version: the language it is written in. */
  language?: Locale;
}

export function parseDocName(name: string): DocName | null {
  const match = DOC_NAME.exec(name);
  if (!match) return null;
  const language = match[3];
  if (language === undefined) return { type: match[1]!, id: match[2]! };
  return isLocale(language) ? { type: match[1]!, id: match[2]!, language } : null;
}

/** The name of a document's version in `language`. */
export function languageVersionName(sourceName: string, language: Locale): string {
  return `${sourceName}.${language}`;
}

/** The source document's name for a language version's name (and a source's own name for itself). */
export function sourceNameOf(name: string): string {
  const parsed = parseDocName(name);
  return parsed ? docNameOf(parsed.type, parsed.id) : name;
}

export function docNameOf(type: string, id: string): string {
  return `${type}.${id}`;
}

/** The document types (the part before the dot). Each has a DocumentType on the server. */
export const WORK_PROGRAMME_DOC_TYPE = "workprogramme";
export const RECOMMENDATION_DOC_TYPE = "recommendation";
export const MINUTES_DOC_TYPE = "minutes";
