/**
 * /network-of-networks/recommendations/:id/languages/:lang — a language version of a recommendation beside its source,
 * section by section, with machine translation (when a provider is configured), review and
 * undo, and the version's own live editor. See app/lib/language-pages.server.ts.
 */
import { languageVersionRoute } from "~/lib/language-pages.server";
import { loadRecommendationDocument } from "~/lib/recommendations.server";
import { keepOpenEditor } from "~/lib/editor-revalidation";
import { LanguageVersionPage, versionLinks, versionMeta } from "~/components/languages/language-version-page";

const route = languageVersionRoute(({ request, context, params }) => loadRecommendationDocument(request, context, params));

export const loader = route.loader;
export const action = route.action;
export const links = versionLinks;
export const meta = versionMeta;
export const shouldRevalidate = keepOpenEditor;
export default LanguageVersionPage;
