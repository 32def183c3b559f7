/**
 * /network-of-networks/recommendations/:id/languages/:lang/comments — the comment threads of a language version of
 * a recommendation, for its editor's sidebar (JSON; see app/lib/document-comments.server.ts).
 * A version that does not exist is 404.
 */
import { languageCommentsRoute } from "~/lib/language-pages.server";
import { loadRecommendationDocument } from "~/lib/recommendations.server";

const route = languageCommentsRoute(({ request, context, params }) => loadRecommendationDocument(request, context, params));

export const loader = route.loader;
export const action = route.action;
