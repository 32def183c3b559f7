/**
 * Where the library keeps bytes: finished files in the blob store, uploads under way in
 * their own directory. Both sit under DATA_DIR so that a finished upload is moved into the
 * store by a rename, never copied (a 2 GB file costs no second write).
 */
import path from "node:path";
import type { BlobStore } from "./blob-store";
import { createLocalBlobStore } from "./local-blob-store";

export interface LibraryStorage {
  blobs: BlobStore;
  /** Partial uploads (tus), invisible to every list until complete. */
  uploadDir: string;
  /** Thumbnails and HTML previews, made on first request and kept per blob. */
  previewDir: string;
}

export function createLibraryStorage(dataDir: string): LibraryStorage {
  return {
    blobs: createLocalBlobStore(path.join(dataDir, "library", "blobs")),
    uploadDir: path.join(dataDir, "library", "uploads"),
    previewDir: path.join(dataDir, "library", "previews"),
  };
}
