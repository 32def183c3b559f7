/**
 * /glossary/export/csv|tbx — the accepted glossary as a file for spreadsheets and
 * terminology tools (TBX-Basic).
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { GLOSSARY_EXPORT_FORMATS } from "#shared/validation/glossary-forms";
import { notFound } from "~/lib/guards.server";
import { exportGlossary, requireGlossaryView } from "~/lib/glossary.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const auth = requireGlossaryView(request, context);
  const format = GLOSSARY_EXPORT_FORMATS.find((f) => f === params.format);
  if (!format) notFound();
  const file = await exportGlossary(context.services, auth.actor, format);
  if (!file.ok) notFound();
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
