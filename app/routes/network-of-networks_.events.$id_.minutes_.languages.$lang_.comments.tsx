/**
 * /network-of-networks/events/:id/minutes/languages/:lang/comments — the comment threads of a language version of
 * a commons event's minutes, for its editor's sidebar (JSON; see app/lib/document-comments.server.ts).
 * A version that does not exist is 404.
 */
import { languageCommentsRoute } from "~/lib/language-pages.server";
import { openMinutes } from "~/lib/minutes.server";

const route = languageCommentsRoute(({ request, context, params }) => openMinutes(request, context, params, "commons"));

export const loader = route.loader;
export const action = route.action;
