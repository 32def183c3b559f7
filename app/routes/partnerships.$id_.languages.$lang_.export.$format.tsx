/**
 * GET /partnerships/:id/languages/:lang/export/docx and …/pdf — a language version of a
 * joint application as a file (with `?layout=bilingual` beside the original). Whoever reads
 * the application may export its versions; anything else is 404.
 */
import { fixedT } from "#shared/i18n/instance";
import { languageVersionExportLoader } from "~/lib/language-version-export.server";
import { loadPartnershipDocument } from "~/lib/partnerships.server";

export const loader = languageVersionExportLoader(async ({ request, context, params }) => {
  const { auth, document } = await loadPartnershipDocument(request, context, params);
  const t = fixedT(context.locale);
  const kind = t("board:application.kind");
  return { auth, document, ownerName: kind, kindLine: kind };
});
