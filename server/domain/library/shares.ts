/**
 * Sharing a network's file into the commons library, and withdrawing it. The commons gets a
 * file of its own whose versions point at the network's blobs (nothing is copied; its text is
 * already indexed), so the commons' list, pages, downloads and search show it like any other,
 * and findings and recommendations can cite it. Sharing another version later adds a version to
 * that commons file; withdrawing removes it for good, which is the network's right: the file is
 * theirs. Moderators, who curate the commons, may move or delete it there like any commons file.
 */
import type { Services } from "#server/services";
import { can, type Actor } from "#shared/policy";
import { libraryKey, type LibraryRef } from "#shared/library/library-ref";
import { nowIso } from "#shared/time";
import { deleteFileForGood, findFile, findShareOf, findVersion, insertFile, insertVersion, nextVersionNumber, updateFile } from "#db/queries/library";
import { newId } from "../auth/tokens";
import { loadLibraryTree } from "./library-tree";
import type { LibraryResult } from "./organise";
import { removeBlobs } from "./trash";

/** Shares `versionId` of a network file into the commons; returns the commons file's id. */
export async function shareIntoCommons(
  services: Services,
  actor: Actor,
  lib: LibraryRef,
  fileId: string,
  versionId: string,
): Promise<LibraryResult<{ commonsFileId: string; versionNumber: number }>> {
  if (lib.owner.kind !== "network") return { ok: false, error: "invalidTarget" };
  const networkId = lib.owner.networkId;
  if (!can(actor, { type: "library.share", networkId })) return { ok: false, error: "forbidden" };
  const key = libraryKey(lib);
  const file = await findFile(services.db, key, fileId);
  if (!file || file.deleted_at !== null || !(await loadLibraryTree(services.db, key)).isLive(file.folder_id)) return { ok: false, error: "notFound" };
  const version = await findVersion(services.db, key, fileId, versionId);
  if (!version) return { ok: false, error: "notFound" };

  const now = nowIso();
  const commonsFileId = await services.db.transaction().execute(async (trx) => {
    const existing = await findShareOf(trx, fileId);
    if (existing?.blob_sha256 === version.blob_sha256) {
      // Already shared with these bytes: only the number shown changes (a restored version has the old bytes).
      await updateFile(trx, existing.id, { shared_version_number: version.number });
      return existing.id;
    }
    const id = existing?.id ?? newId();
    if (!existing) {
      await insertFile(trx, {
        id,
        network_id: null,
        folder_id: null,
        name: file.name,
        title: file.title,
        description: file.description,
        language: file.language,
        tags: file.tags,
        keywords: file.keywords,
        current_version_id: null,
        created_by: actor.userId,
        created_at: now,
        updated_by: actor.userId,
        updated_at: now,
        deleted_at: null,
        deleted_by: null,
        shared_from_file_id: file.id,
        shared_from_network_id: networkId,
        shared_version_number: version.number,
      });
    }
    const commonsVersionId = newId();
    await insertVersion(trx, {
      id: commonsVersionId,
      file_id: id,
      number: existing ? await nextVersionNumber(trx, id) : 1,
      blob_sha256: version.blob_sha256,
      size: version.size,
      original_name: version.original_name,
      note: version.note,
      restored_from: null,
      created_by: actor.userId,
      created_at: now,
    });
    await updateFile(trx, id, { current_version_id: commonsVersionId, shared_version_number: version.number, updated_by: actor.userId, updated_at: now });
    return id;
  });
  return { ok: true, commonsFileId, versionNumber: version.number };
}

/**
 * Takes a shared file out of the commons. `fileId` is the network's file (from its page) or the
 * commons file (from the commons page); either way the commons file goes, with its versions.
 */
export async function withdrawShare(services: Services, actor: Actor, lib: LibraryRef, fileId: string): Promise<LibraryResult> {
  let share: Awaited<ReturnType<typeof findShareOf>>;
  if (lib.owner.kind === "network") {
    if (!can(actor, { type: "library.read", owner: lib.owner })) return { ok: false, error: "notFound" };
    share = await findShareOf(services.db, fileId);
    // The id must be a file of this network: a share made by another network is not found here.
    if (share && share.shared_from_network_id !== lib.owner.networkId) share = undefined;
  } else {
    share = await findFile(services.db, null, fileId);
  }
  if (!share?.shared_from_network_id) return { ok: false, error: "notFound" };
  if (!can(actor, { type: "library.share", networkId: share.shared_from_network_id })) return { ok: false, error: "forbidden" };
  const orphans = await deleteFileForGood(services.db, share.id);
  await removeBlobs(services, orphans);
  return { ok: true };
}

/**
 * Whether the details of a commons file may be changed by this actor, as far as sharing goes: a
 * file a network shared is that network's to describe (moderators still move or delete it).
 */
export function mayChangeShared(actor: Actor, file: { shared_from_network_id: string | null }): boolean {
  return file.shared_from_network_id === null || can(actor, { type: "library.share", networkId: file.shared_from_network_id });
}

/** How a network file stands in the commons, for its page. */
export async function shareStatus(services: Services, fileId: string) {
  const share = await findShareOf(services.db, fileId);
  if (!share) return null;
  return { commonsFileId: share.id, versionNumber: share.shared_version_number ?? 0, sharedAt: share.updated_at, sharedByName: share.updated_by_name };
}
