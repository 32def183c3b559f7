/**
 * GET /network-of-networks/events/:id/minutes/languages/:lang/export/docx and …/pdf — a language version of the
 * minutes as a file, each section with its status; with `?layout=bilingual` the original
 * beside the version. Loader only; whoever may read the minutes may export their versions;
 * anything else is 404. Only reads.
 */
import { fixedT } from "#shared/i18n/instance";
import { languageVersionExportLoader } from "~/lib/language-version-export.server";
import { minutesOwnerName, openMinutes } from "~/lib/minutes.server";

export const loader = languageVersionExportLoader(async ({ request, context, params }) => {
  const { auth, place, document } = await openMinutes(request, context, params, "commons");
  const owner = minutesOwnerName(place, fixedT(context.locale));
  return { auth, document, ownerName: owner, kindLine: fixedT(context.locale)("events:minutes.export.kind", { owner }) };
});
