/**
 * Files of the commons library as evidence of findings and recommendations ("library
 * documents"). Only live commons files can be cited or are shown by name: not in the trash,
 * not inside a trashed folder, and never a file of a network's own library (its id is
 * refused like an unknown one, so nothing about it leaks). A cited file that is gone later
 * (trashed, purged, a withdrawn share) is shown as "no longer in the library", without a name.
 * Reading the commons library is `library.read` with the commons as owner (shared/policy.ts).
 */
import type { Services } from "#server/services";
import { can, type Actor } from "#shared/policy";
import { commonsFilesByIds, recentCommonsFiles, type CommonsFileRow } from "#db/queries/library-citations";
import { loadLibraryTree } from "../library/library-tree";

/** How many files a citation form offers: the most recently changed ones. */
export const CITABLE_LIBRARY_LIMIT = 200;

export const libraryDocumentPath = (id: string) => `/network-of-networks/library/files/${id}`;

export interface LibraryDocumentView {
  id: string;
  /** Its title, or its file name when it has none. */
  label: string;
  /** A copy a network shared into the commons: that network's name. */
  sharedBy: string | null;
}

export interface LibraryDocumentChoices {
  items: LibraryDocumentView[];
  /** When there are more live files than the form offers: how many it offers (else null). */
  cappedAt: number | null;
}

/** Whether this person may read the commons library (and so see its files' names). */
export const readsCommonsLibrary = (actor: Actor) => can(actor, { type: "library.read", owner: { kind: "commons" } });

function present(row: CommonsFileRow): LibraryDocumentView {
  const title = row.title.trim();
  return { id: row.id, label: title || row.name, sharedBy: row.shared_network_name ?? null };
}

const byLabel = (a: LibraryDocumentView, b: LibraryDocumentView) => a.label.localeCompare(b.label) || a.id.localeCompare(b.id);

/** The live commons files among `ids`, by id (anything else is simply absent). */
export async function liveLibraryDocuments(services: Services, ids: readonly string[]): Promise<Map<string, LibraryDocumentView>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await commonsFilesByIds(services.db, unique);
  if (rows.length === 0) return new Map();
  const tree = await loadLibraryTree(services.db, null);
  return new Map(rows.filter((r) => r.deleted_at === null && tree.isLive(r.folder_id)).map((r) => [r.id, present(r)]));
}

/** Whether every id is a live commons file this person may read: what may be stored as a citation. */
export async function mayCiteLibraryDocuments(services: Services, actor: Actor, ids: readonly string[]): Promise<boolean> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return true;
  if (!readsCommonsLibrary(actor)) return false;
  const live = await liveLibraryDocuments(services, unique);
  return unique.every((id) => live.has(id));
}

/**
 * What a citation form offers: the CITABLE_LIBRARY_LIMIT most recently changed live commons
 * files, sorted by what the form shows. `alsoIds` (already cited files) are added when still
 * live, so saving the form never drops them because they fell out of the offer.
 */
export async function citableLibraryDocuments(services: Services, actor: Actor, alsoIds: readonly string[] = []): Promise<LibraryDocumentChoices> {
  if (!readsCommonsLibrary(actor)) return { items: [], cappedAt: null };
  const tree = await loadLibraryTree(services.db, null);
  // One more than offered tells whether there are more.
  const rows = await recentCommonsFiles(services.db, tree.liveFolders().map((f) => f.id), CITABLE_LIBRARY_LIMIT + 1);
  const items = rows.slice(0, CITABLE_LIBRARY_LIMIT).map(present);
  const offered = new Set(items.map((i) => i.id));
  const missing = alsoIds.filter((id) => !offered.has(id));
  if (missing.length) for (const doc of (await liveLibraryDocuments(services, missing)).values()) items.push(doc);
  return { items: items.sort(byLabel), cappedAt: rows.length > CITABLE_LIBRARY_LIMIT ? CITABLE_LIBRARY_LIMIT : null };
}
