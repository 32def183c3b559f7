/** GET /partnerships/:id/export/docx and …/pdf — the joint application as a Word or PDF file in the reader's language. */
import { documentExportLoader } from "~/lib/document-export.server";
import { loadPartnershipDocument } from "~/lib/partnerships.server";

export const loader = documentExportLoader(({ request, context, params }) => loadPartnershipDocument(request, context, params));
