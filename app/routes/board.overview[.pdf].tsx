/**
 * /board/overview.pdf — the board overview as a PDF for a board meeting, in the reader's
 * language, as an attachment. Same access as the page (`board.overview`); a failure to make
 * the file is logged and answered with a translated error page.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { boardOverview, boardOverviewPdf, exportDownload, requireBoardOverview } from "~/lib/board-overview.server";
import { translator } from "~/lib/translator";

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireBoardOverview(request, context);
  const { locale, services } = context;
  return exportDownload({
    format: "pdf",
    locale,
    log: services.log,
    docName: "board-overview",
    back: { href: "/board/overview", label: translator(locale)("overview:detail.back") },
    file: async () => boardOverviewPdf(await boardOverview(services), locale),
  });
}
