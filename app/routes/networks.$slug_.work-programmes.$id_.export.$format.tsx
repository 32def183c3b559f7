/**
 * GET /networks/:slug/work-programmes/:id/export/docx and …/pdf — the work programme as it
 * is right now (live edits included) as a Word or PDF file, generated here, in the reader's
 * language. A resource route: loader only. Anyone who may view the network may export;
 * outsiders, unknown formats and work programmes of other networks are 404. Only reads.
 *
 * With `?version=<id>` the file is made from that stored version of the work programme
 * instead (same authorisation); a version of another document, or an unknown one, is 404.
 */
import { documentExportLoader } from "~/lib/document-export.server";
import { loadWorkProgrammeDocument } from "~/lib/work-programme-document.server";

export const loader = documentExportLoader(({ request, context, params }) => loadWorkProgrammeDocument(request, context, params));
