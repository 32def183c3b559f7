/** /partnerships/:id/languages — the language versions of a joint application. See app/lib/language-pages.server.ts. */
import { languagesOverviewRoute } from "~/lib/language-pages.server";
import { loadPartnershipDocument } from "~/lib/partnerships.server";
import { LanguagesOverviewPage, languagesLinks, languagesMeta } from "~/components/languages/languages-overview-page";

const route = languagesOverviewRoute(({ request, context, params }) => loadPartnershipDocument(request, context, params));

export const loader = route.loader;
export const action = route.action;
export const links = languagesLinks;
export const meta = languagesMeta;
export default LanguagesOverviewPage;
