/**
 * Organising a library: folders, renaming, moving, the trash. Every function checks the
 * policy itself (`library.organise`; the trash's emptying is `library.emptyTrash`) and
 * only ever touches rows of the library it was given, so an id from another network's
 * library is simply not found. Names are cleaned for display (file-names.ts); they never
 * become disk paths.
 */
import type { Services } from "#server/services";
import { can, type Actor } from "#shared/policy";
import { libraryKey, type LibraryRef } from "#shared/library/library-ref";
import { nowIso } from "#shared/time";
import { findFile, findFolder, insertFolder, updateFile, updateFolder } from "#db/queries/library";
import { cleanDisplayName } from "#server/library/file-names";
import { newId } from "../auth/tokens";
import { loadLibraryTree } from "./library-tree";

export type LibraryError = "forbidden" | "notFound" | "invalidTarget";
export type LibraryResult<T = object> = ({ ok: true } & T) | { ok: false; error: LibraryError };
export type ItemRef = { kind: "file" | "folder"; id: string };

// Only a name that cleans to nothing (".." or control characters alone) gets these, in no language.
const FALLBACK_FOLDER_NAME = "_";
export const FALLBACK_FILE_NAME = "_";

export async function createFolder(
  services: Services,
  actor: Actor,
  lib: LibraryRef,
  input: { name: string; parentId: string | null },
): Promise<LibraryResult<{ id: string }>> {
  if (!can(actor, { type: "library.organise", owner: lib.owner })) return { ok: false, error: "forbidden" };
  const key = libraryKey(lib);
  const tree = await loadLibraryTree(services.db, key);
  if (!tree.isLive(input.parentId)) return { ok: false, error: "invalidTarget" };
  const now = nowIso();
  const id = newId();
  await insertFolder(services.db, {
    id,
    network_id: key,
    parent_id: input.parentId,
    name: cleanDisplayName(input.name, FALLBACK_FOLDER_NAME),
    created_by: actor.userId,
    created_at: now,
    updated_by: actor.userId,
    updated_at: now,
    deleted_at: null,
    deleted_by: null,
  });
  return { ok: true, id };
}

export async function renameItem(services: Services, actor: Actor, lib: LibraryRef, item: ItemRef, name: string): Promise<LibraryResult> {
  if (!can(actor, { type: "library.organise", owner: lib.owner })) return { ok: false, error: "forbidden" };
  const found = await findItem(services, lib, item);
  if (!found || found.deleted_at !== null) return { ok: false, error: "notFound" };
  const patch = { updated_by: actor.userId, updated_at: nowIso() };
  if (item.kind === "folder") await updateFolder(services.db, item.id, { ...patch, name: cleanDisplayName(name, FALLBACK_FOLDER_NAME) });
  else await updateFile(services.db, item.id, { ...patch, name: cleanDisplayName(name, FALLBACK_FILE_NAME) });
  return { ok: true };
}

/** Moves a file or folder into another live folder of the same library (null: the top level). */
export async function moveItem(services: Services, actor: Actor, lib: LibraryRef, item: ItemRef, targetFolderId: string | null): Promise<LibraryResult> {
  if (!can(actor, { type: "library.organise", owner: lib.owner })) return { ok: false, error: "forbidden" };
  const found = await findItem(services, lib, item);
  if (!found || found.deleted_at !== null) return { ok: false, error: "notFound" };
  const tree = await loadLibraryTree(services.db, libraryKey(lib));
  if (!tree.isLive(targetFolderId)) return { ok: false, error: "invalidTarget" };
  // A folder cannot go into itself or into one of its own sub-folders.
  if (item.kind === "folder" && tree.isInside(targetFolderId, item.id)) return { ok: false, error: "invalidTarget" };
  const patch = { updated_by: actor.userId, updated_at: nowIso() };
  if (item.kind === "folder") await updateFolder(services.db, item.id, { ...patch, parent_id: targetFolderId });
  else await updateFile(services.db, item.id, { ...patch, folder_id: targetFolderId });
  return { ok: true };
}

/** Into the trash: hidden from lists and search, kept for TRASH_DAYS, restorable until then. */
export async function trashItem(services: Services, actor: Actor, lib: LibraryRef, item: ItemRef): Promise<LibraryResult> {
  if (!can(actor, { type: "library.organise", owner: lib.owner })) return { ok: false, error: "forbidden" };
  const found = await findItem(services, lib, item);
  if (!found || found.deleted_at !== null) return { ok: false, error: "notFound" };
  const patch = { deleted_at: nowIso(), deleted_by: actor.userId };
  if (item.kind === "folder") await updateFolder(services.db, item.id, patch);
  else await updateFile(services.db, item.id, patch);
  return { ok: true };
}

/**
 * Back from the trash to where it was; when that folder is itself gone or in the trash,
 * to the top level, so a restored item is always visible.
 */
export async function restoreItem(services: Services, actor: Actor, lib: LibraryRef, item: ItemRef): Promise<LibraryResult<{ toTopLevel: boolean }>> {
  if (!can(actor, { type: "library.organise", owner: lib.owner })) return { ok: false, error: "forbidden" };
  const found = await findItem(services, lib, item);
  if (!found || found.deleted_at === null) return { ok: false, error: "notFound" };
  const tree = await loadLibraryTree(services.db, libraryKey(lib));
  const parent = item.kind === "folder" ? (found as { parent_id: string | null }).parent_id : (found as { folder_id: string | null }).folder_id;
  const toTopLevel = !tree.isLive(parent);
  const patch = { deleted_at: null, deleted_by: null, updated_by: actor.userId, updated_at: nowIso() };
  if (item.kind === "folder") await updateFolder(services.db, item.id, { ...patch, ...(toTopLevel ? { parent_id: null } : {}) });
  else await updateFile(services.db, item.id, { ...patch, ...(toTopLevel ? { folder_id: null } : {}) });
  return { ok: true, toTopLevel };
}

async function findItem(services: Services, lib: LibraryRef, item: ItemRef) {
  const key = libraryKey(lib);
  return item.kind === "folder" ? findFolder(services.db, key, item.id) : findFile(services.db, key, item.id);
}
