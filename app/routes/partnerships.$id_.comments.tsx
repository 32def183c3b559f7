/**
 * /partnerships/:id/comments — the comment threads of a joint application, for the editor's
 * sidebar (JSON; see app/lib/document-comments.server.ts). Whoever reads the application
 * comments on it, the board too once it is submitted.
 */
import { documentCommentsRoute } from "~/lib/document-comments.server";
import { loadPartnershipDocument } from "~/lib/partnerships.server";

const route = documentCommentsRoute(({ request, context, params }) => loadPartnershipDocument(request, context, params));

export const loader = route.loader;
export const action = route.action;
