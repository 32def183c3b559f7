/**
 * GET /networks/:slug/events/:id/minutes/export/docx and …/pdf — the minutes as they are now (or, with
 * ?version=<id>, a stored version) as a Word or PDF file in the reader's language.
 */
import { documentExportLoader } from "~/lib/document-export.server";
import { openMinutes } from "~/lib/minutes.server";

export const loader = documentExportLoader(({ request, context, params }) => openMinutes(request, context, params, "network"));
