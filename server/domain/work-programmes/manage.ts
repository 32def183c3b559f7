/**
 * Creating, renaming and archiving work programmes. The content lives in the collab
 * document `workprogramme.<id>`; archiving makes it read-only for everyone.
 */
import type { Services } from "#server/services";
import { findWorkProgramme, insertWorkProgramme, listWorkProgrammesOfNetwork, updateWorkProgramme } from "#db/queries/work-programmes";
import { newId } from "../auth/tokens";
import { nowIso } from "#shared/time";
import { docNameOf, WORK_PROGRAMME_DOC_TYPE } from "#shared/collab/doc-names";

export { WORK_PROGRAMME_DOC_TYPE };

export async function listWorkProgrammes(services: Services, networkId: string) {
  const rows = await listWorkProgrammesOfNetwork(services.db, networkId);
  return rows.map((w) => ({ id: w.id, title: w.title, createdAt: w.created_at, updatedAt: w.updated_at, archived: Boolean(w.archived_at) }));
}

/** A work programme of this network, or null: ids from URLs are never trusted across networks. */
export async function workProgrammeOfNetwork(services: Services, networkId: string, id: string | undefined) {
  if (!id || !/^[A-Za-z0-9-]{1,64}$/.test(id)) return null;
  const row = await findWorkProgramme(services.db, id);
  return row && row.network_id === networkId ? row : null;
}

export async function createWorkProgramme(services: Services, networkId: string, title: string, userId: string) {
  const at = nowIso();
  const id = newId();
  await insertWorkProgramme(services.db, { id, network_id: networkId, title, created_by: userId, created_at: at, updated_at: at, archived_at: null });
  return { id };
}

export async function renameWorkProgramme(services: Services, id: string, title: string) {
  await updateWorkProgramme(services.db, id, { title, updated_at: nowIso() });
}

export async function setWorkProgrammeArchived(services: Services, id: string, archived: boolean) {
  const at = nowIso();
  await updateWorkProgramme(services.db, id, { archived_at: archived ? at : null, updated_at: at });
  // Open editors must follow at once: writers of an archived programme become readers.
  services.events.emit("document.rightsChanged", { docName: docNameOf(WORK_PROGRAMME_DOC_TYPE, id) });
}
