/**
 * /network-of-networks/recommendations/:id/comments — the comment threads of one
 * recommendation, for the editor's sidebar (JSON; see app/lib/document-comments.server.ts).
 * Everyone in the network of networks reads and comments, the advisory board's observers
 * too, also once the text is frozen. Anonymous callers go to the login page; an unknown id
 * is 404; a missing CSRF token 403.
 */
import { documentCommentsRoute } from "~/lib/document-comments.server";
import { loadRecommendationDocument } from "~/lib/recommendations.server";

const route = documentCommentsRoute(({ request, context, params }) => loadRecommendationDocument(request, context, params));

export const loader = route.loader;
export const action = route.action;
