/**
 * A file in a library without going through HTTP: the same two domain steps an upload
 * takes (beginUpload, then finishUpload on bytes in the upload directory). For tests that
 * need a file to exist (page walks, access checks), not for tests of uploading itself.
 */
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { Services } from "#server/services";
import { loadActor } from "#server/domain/auth/actor";
import { beginUpload, finishUpload } from "#server/domain/library/uploads";
import { COMMONS_LIBRARY, networkLibrary } from "#shared/library/library-ref";
import { findNetworkById } from "#db/queries/networks";

export async function buildLibraryFile(
  services: Services,
  options: { networkId: string | null; userId: string; name: string; bytes: Buffer; folderId?: string | null; fileId?: string | null },
): Promise<{ fileId: string; versionId: string }> {
  let lib = COMMONS_LIBRARY;
  if (options.networkId) {
    const network = await findNetworkById(services.db, options.networkId);
    if (!network) throw new Error(`buildLibraryFile: no network ${options.networkId}`);
    lib = networkLibrary(network);
  }
  const uploadId = crypto.randomBytes(16).toString("hex");
  const actor = await loadActor(services.db, options.userId);
  const begun = await beginUpload(services, actor, {
    uploadId,
    lib,
    folderId: options.folderId ?? null,
    fileId: options.fileId ?? null,
    name: options.name,
    note: "",
    size: options.bytes.length,
  });
  if (!begun.ok) throw new Error(`buildLibraryFile: refused (${begun.error})`);
  await fs.mkdir(services.library.uploadDir, { recursive: true });
  const local = path.join(services.library.uploadDir, uploadId);
  await fs.writeFile(local, options.bytes);
  return finishUpload(services, uploadId, local);
}
