/**
 * The first steps of every page of one work programme: the network is visible (else 404),
 * the work programme is one of its own (else 404: ids in URLs are never trusted across
 * networks), and the document as the policy sees it, with the rights the page offers.
 */
import type { AppLoadContext } from "@remix-run/node";
import { docNameOf, WORK_PROGRAMME_DOC_TYPE } from "#shared/collab/doc-names";
import { workProgrammeOfNetwork } from "#server/domain/work-programmes/manage";

export { createWorkProgramme, listWorkProgrammes, renameWorkProgramme, setWorkProgrammeArchived, workProgrammeOfNetwork } from "#server/domain/work-programmes/manage";
import { listOrganisationsOfNetwork } from "#db/queries/networks";
import { notFound } from "./guards.server";
import { loadVisibleNetwork } from "./network-access.server";
import { documentRights, readableDocument } from "./documents.server";

export async function loadWorkProgrammeDocument(request: Request, context: AppLoadContext, params: { slug?: string; id?: string }) {
  const { auth, network } = await loadVisibleNetwork(request, context, params.slug);
  const workProgramme = await workProgrammeOfNetwork(context.services, network.id, params.id);
  if (!workProgramme) notFound();
  const document = await readableDocument(context, auth, docNameOf(WORK_PROGRAMME_DOC_TYPE, workProgramme.id));
  return { auth, network, workProgramme, document, rights: documentRights(auth.actor, document) };
}

/** The network's organisations: who can be responsible for an activity. */
export const organisationsOfNetwork = (context: AppLoadContext, networkId: string) => listOrganisationsOfNetwork(context.services.db, networkId);
