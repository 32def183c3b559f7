/**
 * Every kind of co-edited document the platform has, by the type part of its name
 * (`<type>.<id>`), and the one way to resolve a name into what policy and features need.
 */
import type { Services } from "#server/services";
import { docNameOf, parseDocName } from "#shared/collab/doc-names";
import { TEXT_ONLY_LAYOUT } from "#shared/collab/document-layout";
import { LOCALE_NATIVE_NAMES } from "#shared/i18n/config";
import { languageVersionExists } from "#db/queries/language-versions";
import { MINUTES_DOC_TYPE, RECOMMENDATION_DOC_TYPE, WORK_PROGRAMME_DOC_TYPE } from "#shared/collab/doc-names";
import { workProgrammeDocumentType } from "#server/domain/work-programmes/document-type";
import { recommendationDocumentType } from "#server/domain/commons/recommendation-document-type";
import { minutesDocumentType } from "#server/domain/events/minutes-document-type";
import { APPLICATION_DOC_TYPE, applicationDocumentType } from "#server/domain/partnerships/application-document-type";
import type { DocumentTypes, ResolvedDocument } from "./document-type";

export const documentTypes: DocumentTypes = new Map([
  [WORK_PROGRAMME_DOC_TYPE, workProgrammeDocumentType],
  [RECOMMENDATION_DOC_TYPE, recommendationDocumentType],
  [MINUTES_DOC_TYPE, minutesDocumentType],
  [APPLICATION_DOC_TYPE, applicationDocumentType],
]);

/** The document behind a name, or null for a malformed name, an unknown type or a missing id. */
export async function resolveDocument(services: Services, name: string, types: DocumentTypes = documentTypes): Promise<ResolvedDocument | null> {
  const parsed = parseDocName(name);
  const type = parsed ? types.get(parsed.type) : undefined;
  if (!parsed || !type) return null;
  const found = await type.resolve(services, parsed.id);
  if (!found) return null;
  if (!parsed.language) return { ...found, name, type: parsed.type, id: parsed.id, layout: type.layout };
  // A language version: the source's owner and state (so the same policy), its own text.
  const sourceName = docNameOf(parsed.type, parsed.id);
  if (!(await languageVersionExists(services.db, sourceName, parsed.language))) return null;
  return {
    ...found,
    name,
    type: parsed.type,
    id: parsed.id,
    title: `${found.title} (${LOCALE_NATIVE_NAMES[parsed.language]})`,
    path: `${found.path}/languages/${parsed.language}`,
    layout: TEXT_ONLY_LAYOUT,
    version: { language: parsed.language, sourceName },
  };
}
