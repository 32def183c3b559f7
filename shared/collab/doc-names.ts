/**
 * Collaborative document names: `<type>.<id>`, e.g. `workprogramme.3f2c…`. The type picks
 * the resolver that decides which network a document belongs to; ids are uuids or slugs.
 * Anything else is refused before a room is created.
 */
const DOC_NAME = /^([a-z][a-z-]{1,30})\.([A-Za-z0-9_-]{1,64})$/;

export interface DocName {
  type: string;
  id: string;
}

export function parseDocName(name: string): DocName | null {
  const match = DOC_NAME.exec(name);
  if (!match) return null;
  return { type: match[1]!, id: match[2]! };
}

export function docNameOf(type: string, id: string): string {
  return `${type}.${id}`;
}

/** The document types (the part before the dot). Each has a DocumentType on the server. */
export const WORK_PROGRAMME_DOC_TYPE = "workprogramme";
export const RECOMMENDATION_DOC_TYPE = "recommendation";
export const MINUTES_DOC_TYPE = "minutes";
