/**
 * A blob as a file on the local disk, for tools that read paths (pdftotext, pdftoppm, sharp,
 * the DOCX converter): the disk driver's own file, or a temporary copy from a remote driver.
 */
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import type { BlobStore } from "./blob-store";

/** Runs `use` with a path on the local disk: the store's own file, or a temporary copy for remote drivers. */
export async function withLocalPath<T>(blobs: BlobStore, sha256: string, use: (file: string) => Promise<T>): Promise<T> {
  const local = blobs.localPath(sha256);
  if (local) return use(local);
  const dir = await mkdtemp(path.join(os.tmpdir(), "connactions-blob-"));
  try {
    const file = path.join(dir, "blob");
    await pipeline(await blobs.read(sha256), createWriteStream(file));
    return await use(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
