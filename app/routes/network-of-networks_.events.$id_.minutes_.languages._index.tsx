/**
 * /network-of-networks/events/:id/minutes/languages — the language versions of a commons event's minutes, how much of each is
 * current, and adding one (for those who may edit it). See app/lib/language-pages.server.ts.
 */
import { languagesOverviewRoute } from "~/lib/language-pages.server";
import { openMinutes } from "~/lib/minutes.server";
import { LanguagesOverviewPage, languagesLinks, languagesMeta } from "~/components/languages/languages-overview-page";

const route = languagesOverviewRoute(({ request, context, params }) => openMinutes(request, context, params, "commons"));

export const loader = route.loader;
export const action = route.action;
export const links = languagesLinks;
export const meta = languagesMeta;
export default LanguagesOverviewPage;
