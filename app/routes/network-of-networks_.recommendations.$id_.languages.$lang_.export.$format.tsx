/**
 * GET /network-of-networks/recommendations/:id/languages/:lang/export/docx and …/pdf — a
 * language version of the recommendation as a file, each section with its status; with
 * `?layout=bilingual` the original beside the version. Loader only; whoever may read the
 * recommendation may export its versions; anything else is 404. Only reads.
 */
import { fixedT } from "#shared/i18n/instance";
import { languageVersionExportLoader } from "~/lib/language-version-export.server";
import { loadRecommendationDocument } from "~/lib/recommendations.server";

export const loader = languageVersionExportLoader(async ({ request, context, params }) => {
  const { auth, document } = await loadRecommendationDocument(request, context, params);
  const t = fixedT(context.locale);
  const owner = t("common:nav.networkOfNetworks");
  return { auth, document, ownerName: owner, kindLine: t("recommendations:export.kind", { owner }) };
});
