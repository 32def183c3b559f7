/**
 * Which bytes a download or an inline view may send, and how. Only the sniffed safe types
 * (raster images, PDF that starts as PDF, plain text) are ever shown inline; everything
 * else, SVG and HTML included, goes out as an attachment. The declared type and the name's
 * extension play no part: the type was sniffed from the bytes at upload.
 */
import type { Services } from "#server/services";
import { can, type Actor } from "#shared/policy";
import { libraryKey, type LibraryRef } from "#shared/library/library-ref";
import { findFile, findVersion } from "#db/queries/library";
import { loadLibraryTree } from "./library-tree";

export interface DownloadPlan {
  sha256: string;
  size: number;
  /** The name the browser saves the file under: the file's name now, not the uploaded one. */
  name: string;
  contentType: string;
  disposition: "inline" | "attachment";
  /** The sniffed kind (image, pdf, docx …): which previews the file can have. */
  kind: string;
  /** The document's language (de, it, en, other), for the preview page's lang. */
  language: string;
}

export async function planDownload(
  services: Services,
  actor: Actor,
  lib: LibraryRef,
  fileId: string,
  versionId: string,
  wantsInline: boolean,
): Promise<{ ok: true; plan: DownloadPlan } | { ok: false; error: "forbidden" | "notFound" }> {
  if (!can(actor, { type: "library.read", owner: lib.owner })) return { ok: false, error: "forbidden" };
  const key = libraryKey(lib);
  const file = await findFile(services.db, key, fileId);
  if (!file || file.deleted_at !== null) return { ok: false, error: "notFound" };
  const tree = await loadLibraryTree(services.db, key);
  if (!tree.isLive(file.folder_id)) return { ok: false, error: "notFound" };
  const version = await findVersion(services.db, key, fileId, versionId);
  if (!version) return { ok: false, error: "notFound" };
  const inline = wantsInline && version.inline_safe === 1;
  return {
    ok: true,
    plan: {
      sha256: version.blob_sha256,
      size: Number(version.size),
      name: file.name,
      contentType: inline ? version.mime : attachmentType(version.mime),
      disposition: inline ? "inline" : "attachment",
      kind: version.kind,
      language: file.language,
    },
  };
}

/** Attachments keep a harmless type; anything a browser might render is sent as bytes. */
function attachmentType(mime: string): string {
  return /^(image\/(png|jpeg|gif|webp)|application\/pdf|text\/plain|text\/markdown|application\/vnd\.|application\/zip)/.test(mime) ? mime : "application/octet-stream";
}
