/**
 * GET /networks/:slug/work-programmes/:id/languages/:lang/export/docx and …/pdf — a language
 * version of the work programme as a file, each section with its status; with
 * `?layout=bilingual` one two-column table, the original beside the version. A resource
 * route: loader only. Whoever may read the work programme may export its versions;
 * outsiders, versions that do not exist and unknown formats are 404. Only reads.
 */
import { fixedT } from "#shared/i18n/instance";
import { languageVersionExportLoader } from "~/lib/language-version-export.server";
import { loadWorkProgrammeDocument } from "~/lib/work-programme-document.server";

export const loader = languageVersionExportLoader(async ({ request, context, params }) => {
  const { auth, network, document } = await loadWorkProgrammeDocument(request, context, params);
  return { auth, document, ownerName: network.name, kindLine: fixedT(context.locale)("export:document.kindOf", { network: network.name }) };
});
