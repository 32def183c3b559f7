/**
 * /networks/:slug/work-programmes/:id/languages/:lang/comments — the comment threads of a
 * language version, for its editor's sidebar (JSON; see app/lib/document-comments.server.ts).
 * A version that does not exist is 404 like a work programme of another network.
 */
import { documentCommentsRoute } from "~/lib/document-comments.server";
import { loadWorkProgrammeDocument } from "~/lib/work-programme-document.server";
import { readableVersion } from "~/lib/language-versions.server";

const route = documentCommentsRoute(async ({ request, context, params }) => {
  const { auth, document } = await loadWorkProgrammeDocument(request, context, params);
  return { auth, document: await readableVersion(context, auth, document.name, params.lang) };
});

export const loader = route.loader;
export const action = route.action;
