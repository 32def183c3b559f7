/** /partnerships/:id/languages/:lang/comments — the comment threads of a language version of a joint application (JSON). */
import { languageCommentsRoute } from "~/lib/language-pages.server";
import { loadPartnershipDocument } from "~/lib/partnerships.server";

const route = languageCommentsRoute(({ request, context, params }) => loadPartnershipDocument(request, context, params));

export const loader = route.loader;
export const action = route.action;
