/**
 * The trash of a library: what was deleted, by whom and when, and how long it stays.
 * Items are removed for good when a coordinator (in the commons: a moderator) empties the
 * trash, or TRASH_DAYS after they were deleted (`purgeExpiredTrash`, run on a timer).
 * Bytes leave the blob store only when no version of any library refers to them any more.
 */
import type { Services } from "#server/services";
import { can, type Actor } from "#shared/policy";
import { libraryKey, TRASH_DAYS, type LibraryRef } from "#shared/library/library-ref";
import { purgeAllTrashedBefore, purgeTrashed, trashedItems } from "#db/queries/library";
import type { LibraryResult } from "./organise";
import { PreviewCache } from "#server/library/previews/preview-cache";

const DAY_MS = 24 * 60 * 60 * 1000;

export async function trashPage(services: Services, actor: Actor, lib: LibraryRef) {
  const { folders, files } = await trashedItems(services.db, libraryKey(lib));
  const trashedFolderIds = new Set(folders.map((f) => f.id));
  // Items inside a trashed folder come back with it; listing them again would invite restoring them alone into nowhere.
  const items = [
    ...folders.filter((f) => f.parent_id === null || !trashedFolderIds.has(f.parent_id)).map((f) => ({ kind: "folder" as const, id: f.id, name: f.name, deletedAt: f.deleted_at ?? "", deletedByName: f.deleted_by_name, size: null })),
    ...files
      .filter((f) => f.folder_id === null || !trashedFolderIds.has(f.folder_id))
      .map((f) => ({ kind: "file" as const, id: f.id, name: f.name, deletedAt: f.deleted_at ?? "", deletedByName: f.deleted_by_name, size: Number(f.size ?? 0) })),
  ].sort((a, b) => b.deletedAt.localeCompare(a.deletedAt));
  return {
    items: items.map((item) => ({ ...item, purgeAt: new Date(Date.parse(item.deletedAt) + TRASH_DAYS * DAY_MS).toISOString() })),
    can: {
      restore: can(actor, { type: "library.organise", owner: lib.owner }),
      empty: can(actor, { type: "library.emptyTrash", owner: lib.owner }),
    },
  };
}

export async function emptyTrash(services: Services, actor: Actor, lib: LibraryRef): Promise<LibraryResult<{ removedBlobs: number }>> {
  if (!can(actor, { type: "library.emptyTrash", owner: lib.owner })) return { ok: false, error: "forbidden" };
  const orphans = await purgeTrashed(services.db, libraryKey(lib), null);
  await removeBlobs(services, orphans);
  return { ok: true, removedBlobs: orphans.length };
}

/** The 30-day rule, for every library at once. */
export async function purgeExpiredTrash(services: Services, now = Date.now()): Promise<number> {
  const orphans = await purgeAllTrashedBefore(services.db, new Date(now - TRASH_DAYS * DAY_MS).toISOString());
  await removeBlobs(services, orphans);
  return orphans.length;
}

export async function removeBlobs(services: Services, keys: string[]): Promise<void> {
  const previews = new PreviewCache(services.library.previewDir);
  for (const key of keys) {
    try {
      await services.library.blobs.delete(key);
      await previews.remove(key);
    } catch (error) {
      // The rows are gone already; a blob left behind costs disk, never correctness.
      services.log.warn(`[library] could not remove blob ${key}: ${String(error)}`);
    }
  }
}
