/**
 * GET /networks/:slug/work-programmes/:id/export/docx and …/pdf — the work programme as it
 * is right now (live edits included) as a Word or PDF file, generated here, in the reader's
 * language. A resource route: loader only. Anyone who may view the network may export;
 * outsiders, unknown formats and work programmes of other networks are 404. Only reads.
 *
 * With `?version=<id>` the file is made from that stored version of the work programme
 * instead (same authorisation); a version of another document, or an unknown one, is 404.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { docNameOf } from "#shared/collab/doc-names";
import { nowIso } from "#shared/time";
import { fixedT } from "#shared/i18n/instance";
import { listOrganisationsOfNetwork } from "#db/queries/networks";
import { WORK_PROGRAMME_DOC_TYPE, workProgrammeOfNetwork } from "#server/domain/work-programmes/manage";
import { isExportFormat, workProgrammeSource } from "#server/domain/exports/export-work-programme";
import { exportDownload, translateNotFound } from "#server/domain/exports/download";
import { versionOfDocument } from "#server/domain/versions/versions";
import { docFromState } from "#server/domain/versions/document-content";
import { notFound } from "~/lib/guards.server";
import { loadVisibleNetwork } from "~/lib/network-access.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  try {
    const { network } = await loadVisibleNetwork(request, context, params.slug);
    const format = params.format;
    if (!isExportFormat(format)) notFound();
    const row = await workProgrammeOfNetwork(context.services, network.id, params.id);
    if (!row) notFound();
    const docName = docNameOf(WORK_PROGRAMME_DOC_TYPE, row.id);
    const url = new URL(request.url);
    const version = url.searchParams.has("version") ? await versionOfDocument(context.services, docName, url.searchParams.get("version") ?? "") : null;
    if (url.searchParams.has("version") && !version) notFound();
    return await exportDownload({
      format,
      locale: context.locale,
      log: context.services.log,
      docName,
      back: { href: `/networks/${network.slug}/work-programmes/${row.id}`, label: fixedT(context.locale)("export:errors.failed.back") },
      source: async () => {
        const organisations = await listOrganisationsOfNetwork(context.services.db, network.id);
        // A private copy: nothing done with it reaches the live document.
        const doc = version ? docFromState(version.state) : await context.documents.read(docName);
        try {
          return workProgrammeSource(doc, {
            networkName: network.name,
            title: row.title,
            date: version ? version.created_at : nowIso(),
            versionLabel: version ? (version.kind === "named" && version.name ? version.name : fixedT(context.locale)(`history:kinds.${version.kind}`)) : null,
            organisationNames: new Map(organisations.map((o) => [o.id, o.name])),
          });
        } finally {
          doc.destroy();
        }
      },
    });
  } catch (error) {
    throw translateNotFound(error, context.locale);
  }
}
