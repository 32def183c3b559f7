/**
 * A folder of a library as its page shows it: breadcrumbs, sub-folders, files sorted and
 * filtered, the library's usage against its quota, and what the reader may do there.
 * Sorting happens here, not in SQL, because names sort by the reader's language
 * (Intl.Collator: "Ärzte" between "Anna" and "Berta" in German).
 */
import type { Services } from "#server/services";
import { can, type Actor } from "#shared/policy";
import { libraryKey, type LibraryRef } from "#shared/library/library-ref";
import { childFolders, filesInFolder, libraryUsage } from "#db/queries/library";
import { loadLibraryTree } from "./library-tree";
import { presentFile, type FileView } from "./presenter";

export const LIBRARY_SORTS = ["name", "updated", "size", "type"] as const;
export type LibrarySort = (typeof LIBRARY_SORTS)[number];

export interface FolderQuery {
  folderId: string | null;
  sort: LibrarySort;
  descending: boolean;
  language: string | null;
  tag: string | null;
  locale: string;
}

export async function folderPage(services: Services, actor: Actor, lib: LibraryRef, query: FolderQuery) {
  const key = libraryKey(lib);
  const tree = await loadLibraryTree(services.db, key);
  if (!tree.isLive(query.folderId)) return null;
  const [folders, fileRows, usage] = await Promise.all([
    childFolders(services.db, key, query.folderId),
    filesInFolder(services.db, key, query.folderId, { language: query.language ?? undefined, tag: query.tag ?? undefined }),
    libraryUsage(services.db, key),
  ]);
  const collator = new Intl.Collator(query.locale, { sensitivity: "base", numeric: true });
  const files = sortFiles(fileRows.map(presentFile), query.sort, query.descending, collator);
  return {
    folder: query.folderId === null ? null : { id: query.folderId, name: tree.get(query.folderId)?.name ?? "" },
    breadcrumbs: tree.path(query.folderId).map((f) => ({ id: f.id, name: f.name })),
    folders: folders
      .map((f) => ({ id: f.id, name: f.name, updatedAt: f.updated_at, updatedByName: f.updated_by_name }))
      .sort((a, b) => collator.compare(a.name, b.name) * (query.sort === "name" && query.descending ? -1 : 1)),
    files,
    moveTargets: tree.liveFolders(),
    usage: { bytes: usage.stored, quota: services.config.libraryQuotaBytes },
    uploadMaxBytes: services.config.uploadMaxBytes,
    can: {
      upload: can(actor, { type: "library.upload", owner: lib.owner }),
      organise: can(actor, { type: "library.organise", owner: lib.owner }),
      emptyTrash: can(actor, { type: "library.emptyTrash", owner: lib.owner }),
    },
  };
}

function sortFiles(files: FileView[], sort: LibrarySort, descending: boolean, collator: Intl.Collator): FileView[] {
  const byName = (a: FileView, b: FileView) => collator.compare(a.name, b.name);
  const compare: Record<LibrarySort, (a: FileView, b: FileView) => number> = {
    name: byName,
    updated: (a, b) => a.updatedAt.localeCompare(b.updatedAt) || byName(a, b),
    size: (a, b) => a.size - b.size || byName(a, b),
    type: (a, b) => a.kind.localeCompare(b.kind) || a.mime.localeCompare(b.mime) || byName(a, b),
  };
  const sorted = [...files].sort(compare[sort]);
  return descending ? sorted.reverse() : sorted;
}
