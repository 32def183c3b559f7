/**
 * Where the library keeps bytes: finished files in the blob store, uploads under way in their
 * staging area, previews in a per-instance cache. On disk all three sit under DATA_DIR, so that
 * a finished upload is moved into the store by a rename, never copied (a 2 GB file costs no
 * second write). With LIBRARY_STORAGE=s3, blobs and uploads under way live in the bucket, which
 * every instance shares; previews stay on each instance's disk (they are remade on demand).
 */
import path from "node:path";
import type { LibraryStorageConfig } from "#server/config";
import type { BlobStore } from "./blob-store";
import { createLocalBlobStore } from "./local-blob-store";
import { createS3BlobStore, createS3Client } from "./s3-blob-store";
import { createDiskUploadStaging, createS3UploadStaging, type UploadStaging } from "./upload-staging";

export interface LibraryStorage {
  driver: LibraryStorageConfig["driver"];
  blobs: BlobStore;
  /** Partial uploads (tus), invisible to every list until complete. */
  uploads: UploadStaging;
  /** The disk driver's partial uploads; with S3, where a finished upload is read back to. */
  uploadDir: string;
  /** Thumbnails and HTML previews, made on first request and kept per blob. */
  previewDir: string;
}

export function createLibraryStorage(dataDir: string, settings: LibraryStorageConfig = { driver: "disk" }): LibraryStorage {
  const uploadDir = path.join(dataDir, "library", "uploads");
  const previewDir = path.join(dataDir, "library", "previews");
  if (settings.driver === "s3") {
    const client = createS3Client(settings);
    return {
      driver: "s3",
      blobs: createS3BlobStore(client, settings.bucket),
      uploads: createS3UploadStaging(settings, client, uploadDir),
      uploadDir,
      previewDir,
    };
  }
  return {
    driver: "disk",
    blobs: createLocalBlobStore(path.join(dataDir, "library", "blobs")),
    uploads: createDiskUploadStaging(uploadDir),
    uploadDir,
    previewDir,
  };
}
