/**
 * /networks/:slug/work-programmes/:id/comments — the comment threads of one work programme,
 * for the editor's sidebar (JSON; see app/lib/document-comments.server.ts). Anonymous
 * callers go to the login page; outsiders and work programmes of other networks get 404; a
 * missing CSRF token 403.
 */
import { documentCommentsRoute } from "~/lib/document-comments.server";
import { loadWorkProgrammeDocument } from "~/lib/work-programme-document.server";

const route = documentCommentsRoute(({ request, context, params }) => loadWorkProgrammeDocument(request, context, params));

export const loader = route.loader;
export const action = route.action;
