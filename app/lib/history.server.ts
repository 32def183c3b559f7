/**
 * The first steps of the version-history pages of a work programme (see
 * work-programme-document.server.ts) and the rights the pages show or check, as the policy
 * decides them for the document: naming versions (document.manage) and restoring
 * (document.restore).
 */
import type { AppLoadContext } from "@remix-run/node";
import { versionHistory } from "#server/domain/versions/versions";

export { createNamedVersion, restoreVersion, versionHistory, versionOfDocument } from "#server/domain/versions/versions";
export { compareDocuments } from "#server/domain/versions/compare";
export { docFromState } from "#server/domain/versions/document-content";
export { deriveContent } from "#server/collab/derive";
import type { DocumentVersion } from "#db/schema";
import { loadWorkProgrammeDocument } from "./work-programme-document.server";

export async function loadWorkProgrammeHistory(request: Request, context: AppLoadContext, params: { slug?: string; id?: string }) {
  const { auth, network, workProgramme, document, rights } = await loadWorkProgrammeDocument(request, context, params);
  return {
    auth,
    network,
    workProgramme,
    document,
    archived: document.state === "archived",
    docName: document.name,
    paths: { editor: document.path, history: `${document.path}/history` },
    canName: rights.manage,
    canRestore: rights.restore,
  };
}

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
