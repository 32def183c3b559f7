/** /partnerships/:id/languages/:lang — a language version of a joint application beside its source. See app/lib/language-pages.server.ts. */
import { languageVersionRoute } from "~/lib/language-pages.server";
import { loadPartnershipDocument } from "~/lib/partnerships.server";
import { keepOpenEditor } from "~/lib/editor-revalidation";
import { LanguageVersionPage, versionLinks, versionMeta } from "~/components/languages/language-version-page";

const route = languageVersionRoute(({ request, context, params }) => loadPartnershipDocument(request, context, params));

export const loader = route.loader;
export const action = route.action;
export const links = versionLinks;
export const meta = versionMeta;
export const shouldRevalidate = keepOpenEditor;
export default LanguageVersionPage;
