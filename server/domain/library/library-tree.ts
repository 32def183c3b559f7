/**
 * The folder tree of one library, loaded in one query and walked in memory: breadcrumbs,
 * "is this folder (and every folder above it) out of the trash", and "would this move put
 * a folder inside itself". A library holds hundreds of folders, not millions, and the walk
 * is capped so a corrupted cycle can never loop forever.
 */
import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { allFolders, type LibraryKey } from "#db/queries/library";

const MAX_DEPTH = 64;

export interface FolderNode {
  id: string;
  parentId: string | null;
  name: string;
  trashed: boolean;
}

export class LibraryTree {
  private readonly byId: Map<string, FolderNode>;

  constructor(folders: FolderNode[]) {
    this.byId = new Map(folders.map((f) => [f.id, f]));
  }

  get(id: string): FolderNode | undefined {
    return this.byId.get(id);
  }

  /** From the top level down to the folder itself; empty for the top level. */
  path(folderId: string | null): FolderNode[] {
    const chain: FolderNode[] = [];
    let current = folderId === null ? undefined : this.byId.get(folderId);
    while (current && chain.length < MAX_DEPTH) {
      chain.unshift(current);
      current = current.parentId === null ? undefined : this.byId.get(current.parentId);
    }
    return chain;
  }

  /** A folder is usable when it exists and neither it nor a folder above it is in the trash. */
  isLive(folderId: string | null): boolean {
    if (folderId === null) return true;
    if (!this.byId.has(folderId)) return false;
    return this.path(folderId).every((f) => !f.trashed);
  }

  /** True when `folderId` is `ancestorId` or lies somewhere inside it. */
  isInside(folderId: string | null, ancestorId: string): boolean {
    return this.path(folderId).some((f) => f.id === ancestorId);
  }

  /** Every live folder with its full path, for the move picker. */
  liveFolders(): Array<{ id: string; label: string[] }> {
    return [...this.byId.values()]
      .filter((f) => this.isLive(f.id))
      .map((f) => ({ id: f.id, label: this.path(f.id).map((p) => p.name) }))
      .sort((a, b) => a.label.join("/").localeCompare(b.label.join("/")));
  }
}

export async function loadLibraryTree(db: Kysely<Database>, key: LibraryKey): Promise<LibraryTree> {
  const rows = await allFolders(db, key);
  return new LibraryTree(rows.map((r) => ({ id: r.id, parentId: r.parent_id, name: r.name, trashed: r.deleted_at !== null })));
}
