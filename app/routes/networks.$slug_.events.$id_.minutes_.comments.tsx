/**
 * /networks/:slug/events/:id/minutes/comments — the comment threads of the event's minutes, for the editor's
 * sidebar (JSON; see app/lib/document-comments.server.ts). Everyone who reads the minutes comments.
 */
import { documentCommentsRoute } from "~/lib/document-comments.server";
import { openMinutes } from "~/lib/minutes.server";

const route = documentCommentsRoute(({ request, context, params }) => openMinutes(request, context, params, "network"));

export const loader = route.loader;
export const action = route.action;
