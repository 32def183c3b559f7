/**
 * /networks/:slug/work-programmes/:id/languages — the language versions of a work programme, how much of each is
 * current, and adding one (for those who may edit it). See app/lib/language-pages.server.ts.
 */
import { languagesOverviewRoute } from "~/lib/language-pages.server";
import { loadWorkProgrammeDocument } from "~/lib/work-programme-document.server";
import { LanguagesOverviewPage, languagesLinks, languagesMeta } from "~/components/languages/languages-overview-page";

const route = languagesOverviewRoute(({ request, context, params }) => loadWorkProgrammeDocument(request, context, params));

export const loader = route.loader;
export const action = route.action;
export const links = languagesLinks;
export const meta = languagesMeta;
export default LanguagesOverviewPage;
