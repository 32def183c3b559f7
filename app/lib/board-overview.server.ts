/**
 * What the board overview routes (app/routes/board.overview*.tsx) use of the server: the
 * access check (`board.overview`: the advisory board and the project team), the overview and
 * its drill-down, and the PDF download.
 */
import type { AppLoadContext } from "@remix-run/node";
import { authorize, requireAuth } from "./guards.server";

export { boardOverview, boardNetworkDetail } from "#server/domain/board/overview";
export { boardOverviewPdf } from "#server/domain/board/overview-pdf";
export { exportDownload } from "#server/domain/exports/download";

/** Anonymous readers go to the login; everyone else but the board and the project team gets 403. */
export function requireBoardOverview(request: Request, context: AppLoadContext) {
  const auth = requireAuth(request, context);
  authorize(auth, { type: "board.overview" });
  return auth;
}
