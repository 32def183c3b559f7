/**
 * "Documents with problems" for admins: documents whose derived text and JSON (search,
 * previews, exports, automatic versions) could not be brought up to date, with the error
 * and when it last happened. Each entry names its document by title and page when its
 * type can describe it, else by its internal name.
 */
import type { Services } from "#server/services";
import type { DocTypes } from "#server/collab/doc-types";
import { docTypes as registeredDocTypes } from "#server/collab/doc-type-registry";
import { listDeriveFailures } from "#db/queries/derive-problems";

export interface DocumentProblem {
  name: string;
  title: string | null;
  path: string | null;
  error: string;
  failedAt: string;
}

export async function documentProblems(services: Services, docTypes: DocTypes = registeredDocTypes): Promise<DocumentProblem[]> {
  const failures = await listDeriveFailures(services.db);
  return Promise.all(
    failures.map(async (failure) => {
      const [type = "", ...rest] = failure.name.split(".");
      // A document whose owner is gone (or cannot be read) is still listed, by its name.
      const described = await Promise.resolve(docTypes.get(type)?.describe(services, rest.join(".")))
        .catch(() => null)
        .then((d) => d ?? null);
      return { name: failure.name, title: described?.title ?? null, path: described?.path ?? null, error: failure.error, failedAt: failure.failedAt };
    }),
  );
}
