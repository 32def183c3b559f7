/**
 * Uploads into a library, in two steps that match the tus protocol. `beginUpload` runs
 * before a single byte is stored: it authorises, checks the size limit and the library's
 * quota (counting the uploads still under way, so two parallel uploads cannot both fit a
 * quota that holds one), and records the upload. `finishUpload` runs when the last byte
 * arrived: it sniffs the real type, moves the bytes into the content-addressed blob store
 * and only then creates the file (or the new version), so an interrupted upload never
 * shows as a half file.
 */
import type { Services } from "#server/services";
import { can, type Actor } from "#shared/policy";
import { libraryKey, type LibraryRef } from "#shared/library/library-ref";
import { MAX_VERSION_NOTE } from "#shared/validation/library-forms";
import { nowIso } from "#shared/time";
import {
  findFile,
  findUpload,
  finishUpload as markUploadFinished,
  insertBlobIfMissing,
  insertFile,
  insertUpload,
  insertVersion,
  libraryUsage,
  nextVersionNumber,
  updateFile,
} from "#db/queries/library";
import { queueBlobText } from "#db/queries/library-text";
import { cleanDisplayName } from "#server/library/file-names";
import { sniffFile } from "#server/library/sniff";
import { newId } from "../auth/tokens";
import { loadLibraryTree } from "./library-tree";
import { FALLBACK_FILE_NAME } from "./organise";

export type UploadRefusal = "forbidden" | "notFound" | "tooLarge" | "quota" | "invalidTarget";

export interface UploadRequest {
  uploadId: string;
  lib: LibraryRef;
  folderId: string | null;
  /** Set when the upload is a new version of this file. */
  fileId: string | null;
  name: string;
  note: string;
  size: number;
}

export async function beginUpload(services: Services, actor: Actor, request: UploadRequest): Promise<{ ok: true } | { ok: false; error: UploadRefusal }> {
  const { lib } = request;
  if (!can(actor, { type: "library.upload", owner: lib.owner })) return { ok: false, error: "forbidden" };
  if (!Number.isSafeInteger(request.size) || request.size < 0 || request.size > services.config.uploadMaxBytes) return { ok: false, error: "tooLarge" };
  const key = libraryKey(lib);
  if (request.fileId !== null) {
    const file = await findFile(services.db, key, request.fileId);
    if (!file || file.deleted_at !== null) return { ok: false, error: "notFound" };
    // A file a network shared into the commons changes only by being shared again from there.
    if (file.shared_from_network_id !== null) return { ok: false, error: "invalidTarget" };
  } else {
    const tree = await loadLibraryTree(services.db, key);
    if (!tree.isLive(request.folderId)) return { ok: false, error: "invalidTarget" };
  }
  const usage = await libraryUsage(services.db, key);
  if (usage.stored + usage.pending + request.size > services.config.libraryQuotaBytes) return { ok: false, error: "quota" };
  await insertUpload(services.db, {
    id: request.uploadId,
    user_id: actor.userId,
    network_id: key,
    folder_id: request.folderId,
    file_id: request.fileId,
    name: cleanDisplayName(request.name, FALLBACK_FILE_NAME),
    note: request.note.trim().slice(0, MAX_VERSION_NOTE),
    size: request.size,
    created_at: nowIso(),
    result_file_id: null,
    finished_at: null,
  });
  return { ok: true };
}

/**
 * The bytes at `localPath` are complete: store them and make them a file or a version.
 * The source file is moved into the blob store (or removed when the store already holds
 * identical bytes). Returns the file's id.
 */
export async function finishUpload(services: Services, uploadId: string, localPath: string): Promise<{ fileId: string; versionId: string }> {
  const upload = await findUpload(services.db, uploadId);
  if (!upload) throw new Error(`finishUpload: unknown upload ${uploadId}`);
  if (upload.result_file_id) throw new Error(`finishUpload: upload ${uploadId} already finished`);
  const sniffed = await sniffFile(localPath, upload.name);
  const blob = await services.library.blobs.putFile(localPath);
  const now = nowIso();
  const versionId = newId();
  const fileId = await services.db.transaction().execute(async (trx) => {
    await insertBlobIfMissing(trx, {
      sha256: blob.sha256,
      size: blob.size,
      mime: sniffed.mime,
      kind: sniffed.kind,
      inline_safe: sniffed.inlineSafe ? 1 : 0,
      created_at: now,
    });
    // Its text is read for search later, off this request (server/library/text/text-indexer).
    await queueBlobText(trx, blob.sha256, now);
    // A new version of a file that was emptied from the trash meanwhile becomes a new file.
    const existing = upload.file_id ? await findFile(trx, upload.network_id, upload.file_id) : undefined;
    let id: string;
    let number = 1;
    if (existing) {
      id = existing.id;
      number = await nextVersionNumber(trx, id);
    } else {
      id = newId();
      const tree = await loadLibraryTree(trx, upload.network_id);
      await insertFile(trx, {
        id,
        network_id: upload.network_id,
        // The folder may have gone to the trash while the bytes travelled: then the top level.
        folder_id: tree.isLive(upload.folder_id) ? upload.folder_id : null,
        name: upload.name,
        title: "",
        description: "",
        language: "other",
        tags: "[]",
        keywords: "",
        current_version_id: null,
        created_by: upload.user_id,
        created_at: now,
        updated_by: upload.user_id,
        updated_at: now,
        deleted_at: null,
        deleted_by: null,
      });
    }
    await insertVersion(trx, {
      id: versionId,
      file_id: id,
      number,
      blob_sha256: blob.sha256,
      size: blob.size,
      original_name: upload.name,
      note: upload.note,
      restored_from: null,
      created_by: upload.user_id,
      created_at: now,
    });
    await updateFile(trx, id, { current_version_id: versionId, updated_by: upload.user_id, updated_at: now });
    await markUploadFinished(trx, uploadId, id, now);
    return id;
  });
  return { fileId, versionId };
}

/** Whose upload this is: only its starter may continue, inspect or cancel it. */
export async function uploadBelongsTo(services: Services, uploadId: string, userId: string): Promise<boolean> {
  const upload = await findUpload(services.db, uploadId);
  return upload !== undefined && upload.user_id === userId;
}
