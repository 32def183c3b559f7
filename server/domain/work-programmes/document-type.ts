/**
 * `workprogramme.<id>` documents: owned by the work programme's network, archived with it,
 * laid out as text plus activities and milestones, and projected into wp_activities /
 * wp_milestones whenever they are stored.
 */
import type { DocumentType } from "#server/documents/document-type";
import { findWorkProgramme } from "#db/queries/work-programmes";
import { findNetworkById, listOrganisationsOfNetwork } from "#db/queries/networks";
import { exportWorkProgramme, workProgrammeSource } from "#server/domain/exports/export-work-programme";
import { replaceWorkProgrammeItems } from "#db/queries/work-programme-items";
import { workProgrammeLayout } from "#shared/collab/work-programme-doc";
import { readActivities, readMilestones } from "#shared/collab/work-programme-doc";
import { nowIso } from "#shared/time";

export const workProgrammeDocumentType: DocumentType = {
  layout: workProgrammeLayout,
  async resolve(services, id) {
    if (!/^[A-Za-z0-9-]{1,64}$/.test(id)) return null;
    const row = await findWorkProgramme(services.db, id);
    const network = row ? await findNetworkById(services.db, row.network_id) : undefined;
    if (!row || !network) return null;
    return {
      owner: { kind: "network", networkId: row.network_id },
      state: row.archived_at ? "archived" : "open",
      title: row.title,
      path: `/networks/${network.slug}/work-programmes/${row.id}`,
    };
  },
  async afterDerive(services, id, doc) {
    const row = await findWorkProgramme(services.db, id);
    if (!row) return;
    const items = { activities: readActivities(doc), milestones: readMilestones(doc) };
    await services.db.transaction().execute((trx) => replaceWorkProgrammeItems(trx, id, row.network_id, items, nowIso()));
  },
  async exportFile(services, document, doc, request) {
    if (document.owner.kind !== "network") throw new Error(`work programme ${document.id} without a network`);
    const network = await findNetworkById(services.db, document.owner.networkId);
    const organisations = await listOrganisationsOfNetwork(services.db, document.owner.networkId);
    const source = workProgrammeSource(doc, {
      networkName: network?.name ?? "",
      title: document.title,
      date: request.date,
      versionLabel: request.versionLabel,
      organisationNames: new Map(organisations.map((o) => [o.id, o.name])),
    });
    return exportWorkProgramme(source, request.format, request.locale);
  },
};
