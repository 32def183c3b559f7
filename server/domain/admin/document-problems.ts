/**
 * "Documents with problems" for admins: documents whose derived text and JSON (search,
 * previews, exports, automatic versions) could not be brought up to date, with the error
 * and when it last happened. Each entry names its document by title and page when its
 * type can describe it, else by its internal name.
 */
import type { Services } from "#server/services";
import type { DocumentTypes } from "#server/documents/document-type";
import { documentTypes as registeredTypes, resolveDocument } from "#server/documents/registry";
import { listDeriveFailures } from "#db/queries/derive-problems";

export interface DocumentProblem {
  name: string;
  title: string | null;
  path: string | null;
  error: string;
  failedAt: string;
}

export async function documentProblems(services: Services, types: DocumentTypes = registeredTypes): Promise<DocumentProblem[]> {
  const failures = await listDeriveFailures(services.db);
  return Promise.all(
    failures.map(async (failure) => {
      // A document whose owner is gone (or cannot be read) is still listed, by its name.
      const described = await resolveDocument(services, failure.name, types).catch(() => null);
      return { name: failure.name, title: described?.title ?? null, path: described?.path ?? null, error: failure.error, failedAt: failure.failedAt };
    }),
  );
}
