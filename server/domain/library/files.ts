/**
 * One file of a library: its page (metadata, where it lies, every version), editing its
 * metadata, and making an older version current again. Restoring never deletes: it adds a
 * new version with the old bytes (the blob is shared, nothing is copied), so the history
 * keeps every step and can be walked back again.
 */
import type { Services } from "#server/services";
import { can, type Actor } from "#shared/policy";
import { libraryKey, type LibraryRef } from "#shared/library/library-ref";
import type { FileMetadataInput } from "#shared/validation/library-forms";
import { nowIso } from "#shared/time";
import { findFile, findVersion, insertVersion, nextVersionNumber, updateFile, versionsOf } from "#db/queries/library";
import { blobTextStatus } from "#db/queries/library-text";
import { mayChangeShared, shareStatus } from "./shares";
import { newId } from "../auth/tokens";
import { loadLibraryTree } from "./library-tree";
import type { LibraryResult } from "./organise";
import { presentFile, presentVersion } from "./presenter";

export async function filePage(services: Services, actor: Actor, lib: LibraryRef, fileId: string) {
  const key = libraryKey(lib);
  const file = await findFile(services.db, key, fileId);
  if (!file) return null;
  const tree = await loadLibraryTree(services.db, key);
  // A file in the trash (or inside a trashed folder) is shown from the trash page only.
  if (file.deleted_at !== null || !tree.isLive(file.folder_id)) return null;
  const [versions, text, share] = await Promise.all([
    versionsOf(services.db, file.id),
    file.blob_sha256 ? blobTextStatus(services.db, file.blob_sha256) : undefined,
    lib.owner.kind === "network" ? shareStatus(services, file.id) : null,
  ]);
  const shared = file.shared_from_network_id !== null;
  const numbersById = new Map(versions.map((v) => [v.id, v.number]));
  return {
    file: presentFile(file),
    breadcrumbs: tree.path(file.folder_id).map((f) => ({ id: f.id, name: f.name })),
    versions: versions.map((v) => presentVersion(v, file.current_version_id, numbersById)),
    /** Whether search finds words inside this file (its current version). */
    search: searchability(text),
    /** A network file shared into the commons: where, and which version. */
    share,
    can: {
      // A shared commons file gets new versions only by being shared again from its network.
      upload: !shared && can(actor, { type: "library.upload", owner: lib.owner }),
      editDetails: can(actor, { type: "library.upload", owner: lib.owner }) && mayChangeShared(actor, file),
      organise: can(actor, { type: "library.organise", owner: lib.owner }),
      share: lib.owner.kind === "network" && can(actor, { type: "library.share", networkId: lib.owner.networkId }),
      withdraw: shared && can(actor, { type: "library.share", networkId: file.shared_from_network_id! }),
    },
  };
}

export type Searchability = "indexed" | "indexedStart" | "pending" | "noText" | "unreadable" | "notText";

function searchability(row: { status: string; truncated: number } | undefined): Searchability {
  if (!row) return "notText";
  switch (row.status) {
    case "done":
      return row.truncated ? "indexedStart" : "indexed";
    case "pending":
    case "working":
      return "pending";
    case "empty":
      return "noText";
    case "failed":
      return "unreadable";
    default:
      return "notText";
  }
}

export async function updateFileMetadata(services: Services, actor: Actor, lib: LibraryRef, fileId: string, input: FileMetadataInput): Promise<LibraryResult> {
  if (!can(actor, { type: "library.upload", owner: lib.owner })) return { ok: false, error: "forbidden" };
  const file = await findFile(services.db, libraryKey(lib), fileId);
  if (!file || file.deleted_at !== null) return { ok: false, error: "notFound" };
  if (!mayChangeShared(actor, file)) return { ok: false, error: "forbidden" };
  await updateFile(services.db, file.id, {
    title: input.title,
    description: input.description,
    language: input.language,
    tags: JSON.stringify([...new Set(input.tags)]),
    keywords: input.keywords,
    updated_by: actor.userId,
    updated_at: nowIso(),
  });
  return { ok: true };
}

export async function restoreVersion(services: Services, actor: Actor, lib: LibraryRef, fileId: string, versionId: string): Promise<LibraryResult<{ number: number }>> {
  if (!can(actor, { type: "library.upload", owner: lib.owner })) return { ok: false, error: "forbidden" };
  const key = libraryKey(lib);
  const file = await findFile(services.db, key, fileId);
  if (!file || file.deleted_at !== null) return { ok: false, error: "notFound" };
  // A shared file's versions follow its network's choice (share another version there).
  if (file.shared_from_network_id !== null) return { ok: false, error: "invalidTarget" };
  const old = await findVersion(services.db, key, fileId, versionId);
  if (!old) return { ok: false, error: "notFound" };
  const now = nowIso();
  const number = await services.db.transaction().execute(async (trx) => {
    const next = await nextVersionNumber(trx, fileId);
    const id = newId();
    await insertVersion(trx, {
      id,
      file_id: fileId,
      number: next,
      blob_sha256: old.blob_sha256,
      size: old.size,
      original_name: old.original_name,
      note: "",
      restored_from: old.id,
      created_by: actor.userId,
      created_at: now,
    });
    await updateFile(trx, fileId, { current_version_id: id, updated_by: actor.userId, updated_at: now });
    return next;
  });
  return { ok: true, number };
}
