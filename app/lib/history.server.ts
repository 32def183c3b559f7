/**
 * The first steps of the version-history pages of a work programme: the network is visible
 * to the caller (else 404), the work programme belongs to it (else 404), and the rights the
 * pages show or check: naming versions (coordinators) and restoring (members, not archived).
 */
import type { AppLoadContext } from "@remix-run/node";
import { can } from "#shared/policy";
import { docNameOf } from "#shared/collab/doc-names";
import { WORK_PROGRAMME_DOC_TYPE, workProgrammeOfNetwork } from "#server/domain/work-programmes/manage";
import { workProgrammeDocType } from "#server/domain/work-programmes/collab-doc-type";
import { versionHistory } from "#server/domain/versions/versions";
import type { DocumentVersion } from "#db/schema";
import { notFound } from "./guards.server";
import { loadVisibleNetwork } from "./network-access.server";

export async function loadWorkProgrammeHistory(request: Request, context: AppLoadContext, params: { slug?: string; id?: string }) {
  const { auth, network } = await loadVisibleNetwork(request, context, params.slug);
  const row = await workProgrammeOfNetwork(context.services, network.id, params.id);
  if (!row) notFound();
  const archived = Boolean(row.archived_at);
  const base = `/networks/${network.slug}/work-programmes/${row.id}`;
  return {
    auth,
    network,
    workProgramme: row,
    archived,
    docName: docNameOf(WORK_PROGRAMME_DOC_TYPE, row.id),
    paths: { editor: base, history: `${base}/history` },
    canName: can(auth.actor, { type: "workProgramme.manage", networkId: network.id }),
    canRestore: !archived && can(auth.actor, { type: "network.contribute", networkId: network.id }),
  };
}

/** Title and page of the work programme for the notifications of a named version. */
export const describeWorkProgramme = (context: AppLoadContext, id: string) => workProgrammeDocType.describe(context.services, id);

export type HistoryEntry = Awaited<ReturnType<typeof versionHistory>>[number];

/** What the pages show of one version: the list entry plus, for restores, what it came from. */
export interface VersionSummary {
  id: string;
  kind: DocumentVersion["kind"];
  name: string | null;
  createdAt: string;
  createdByName: string | null;
  contributors: string[];
  restoredFrom: { id: string; kind: DocumentVersion["kind"]; name: string | null; createdAt: string } | null;
  /** True when the version this one was restored from is not in the history (never expected). */
  restoredFromMissing: boolean;
}

export function summarise(entries: HistoryEntry[]): VersionSummary[] {
  const byId = new Map(entries.map((e) => [e.id, e]));
  return entries.map((e) => {
    const source = e.restoredFrom ? byId.get(e.restoredFrom) : undefined;
    return {
      id: e.id,
      kind: e.kind,
      name: e.name,
      createdAt: e.createdAt,
      createdByName: e.createdByName,
      contributors: e.contributors,
      restoredFrom: source ? { id: source.id, kind: source.kind, name: source.name, createdAt: source.createdAt } : null,
      restoredFromMissing: Boolean(e.restoredFrom) && !source,
    };
  });
}
