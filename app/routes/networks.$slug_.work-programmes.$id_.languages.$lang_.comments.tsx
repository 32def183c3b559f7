/**
 * /networks/:slug/work-programmes/:id/languages/:lang/comments — the comment threads of a language version of
 * a work programme, for its editor's sidebar (JSON; see app/lib/document-comments.server.ts).
 * A version that does not exist is 404.
 */
import { languageCommentsRoute } from "~/lib/language-pages.server";
import { loadWorkProgrammeDocument } from "~/lib/work-programme-document.server";

const route = languageCommentsRoute(({ request, context, params }) => loadWorkProgrammeDocument(request, context, params));

export const loader = route.loader;
export const action = route.action;
