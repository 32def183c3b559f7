/**
 * GET /network-of-networks/recommendations/:id/export/docx and …/pdf — the recommendation
 * as it is now (or, with ?version=<id>, as a stored version: the submitted text is one) as a
 * Word or PDF file in the reader's language. Everyone who reads it may export; only reads.
 */
import { documentExportLoader } from "~/lib/document-export.server";
import { loadRecommendationDocument } from "~/lib/recommendations.server";

export const loader = documentExportLoader(({ request, context, params }) => loadRecommendationDocument(request, context, params));
