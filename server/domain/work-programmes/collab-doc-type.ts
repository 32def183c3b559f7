/**
 * `workprogramme.<id>` documents: owned by the work programme's network, frozen when
 * archived, and projected into wp_activities / wp_milestones whenever they are stored.
 */
import type { DocType } from "#server/collab/doc-types";
import { findWorkProgramme } from "#db/queries/work-programmes";
import { findNetworkById } from "#db/queries/networks";
import { replaceWorkProgrammeItems } from "#db/queries/work-programme-items";
import { readActivities, readMilestones } from "#shared/collab/work-programme-doc";
import { nowIso } from "#shared/time";

export const workProgrammeDocType: DocType = {
  async resolve(services, id) {
    if (!/^[A-Za-z0-9-]{1,64}$/.test(id)) return null;
    const row = await findWorkProgramme(services.db, id);
    return row ? { networkId: row.network_id, frozen: Boolean(row.archived_at) } : null;
  },
  async describe(services, id) {
    const row = await findWorkProgramme(services.db, id);
    const network = row ? await findNetworkById(services.db, row.network_id) : undefined;
    return row && network ? { title: row.title, path: `/networks/${network.slug}/work-programmes/${row.id}` } : null;
  },
  async afterDerive(services, id, doc) {
    const row = await findWorkProgramme(services.db, id);
    if (!row) return;
    const items = { activities: readActivities(doc), milestones: readMilestones(doc) };
    await services.db.transaction().execute((trx) => replaceWorkProgrammeItems(trx, id, row.network_id, items, nowIso()));
  },
};
