/**
 * Where uploads under way are kept, and how a finished one is handed over to the blob store.
 *
 * On disk (one instance, or several sharing DATA_DIR) tus writes under DATA_DIR and a finished
 * upload is renamed into the blob store. With object storage the bytes of an upload under way
 * must be reachable from every instance, because a resumed upload's next request may reach
 * another one than its first: tus's maintained S3 store keeps them as a multipart upload in
 * the bucket. A finished upload is then read back once (hashing and sniffing need every byte)
 * and stored under its content key.
 */
import { createWriteStream } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import type { ServerResponse } from "node:http";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { DeleteObjectsCommand, GetObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { S3Store, type MetadataValue } from "@tus/s3-store";
import type { DataStore, KvStore } from "@tus/server";
import type { S3Settings } from "#server/config";
import { DiskAwareFileStore } from "../http/disk-aware-file-store";
import { s3ClientConfig } from "./s3-blob-store";

/** Uploads nobody continued for a day are removed (with their rows) by housekeeping. */
export const ABANDONED_AFTER_MS = 24 * 60 * 60 * 1000;
/** The tus client sends 5 MiB chunks; one S3 part per chunk avoids re-reading partial parts. */
const S3_PART_BYTES = 5 * 1024 * 1024;

export interface UploadStaging {
  /** tus's data store for uploads under way. */
  readonly datastore: DataStore;
  /** Runs `use` with a finished upload's bytes (`size` of them) as a local file, which `use` may move away. */
  withFinishedFile<T>(id: string, size: number, use: (file: string) => Promise<T>): Promise<T>;
  /**
   * Forgets what tus kept of a finished upload. tus may still read the upload once after its
   * finish hook (to answer the request), so removal waits for that answer to be sent.
   */
  forgetFinished(id: string, size: number, response: ServerResponse | undefined): Promise<void>;
}

export function createDiskUploadStaging(directory: string): UploadStaging {
  const datastore = new DiskAwareFileStore({ directory, expirationPeriodInMilliseconds: ABANDONED_AFTER_MS });
  return {
    datastore,
    withFinishedFile: (id, _size, use) => use(path.join(directory, id)),
    async forgetFinished(id, size, response) {
      if (size === 0) {
        // An empty upload finishes inside its creating POST, and tus reads the file back after
        // the hook (for Upload-Expires): keep an empty stand-in until the answer is out.
        await writeFile(path.join(directory, id), "");
        afterResponse(response, () => datastore.remove(id));
      } else await datastore.configstore.delete(id);
    },
  };
}

export function createS3UploadStaging(settings: S3Settings, client: S3Client, scratchDir: string): UploadStaging {
  const { bucket } = settings;
  const datastore = new S3Store({
    partSize: S3_PART_BYTES,
    expirationPeriodInMilliseconds: ABANDONED_AFTER_MS,
    // No per-process cache: another instance may have moved the upload on since we looked.
    cache: new NoCache(),
    // The store builds its own client from the same settings; ours reads and removes the results.
    s3ClientConfig: { bucket, ...s3ClientConfig(settings) },
  });
  return {
    datastore,
    async withFinishedFile(id, size, use) {
      await mkdir(scratchDir, { recursive: true });
      const file = path.join(scratchDir, id);
      try {
        if (size === 0) {
          // An empty upload finishes inside its creating POST, before tus completes any multipart upload.
          await writeFile(file, "");
        } else {
          const answer = await client.send(new GetObjectCommand({ Bucket: bucket, Key: id }));
          await pipeline(answer.Body as NodeJS.ReadableStream, createWriteStream(file));
        }
        return await use(file);
      } finally {
        await rm(file, { force: true });
      }
    },
    async forgetFinished(id, size, response) {
      afterResponse(response, () =>
        size === 0
          ? // Its multipart upload was never completed: abort it, which also removes its notes.
            datastore.remove(id)
          : client.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: [{ Key: id }, { Key: `${id}.info` }, { Key: `${id}.part` }], Quiet: true } })),
      );
    },
  };
}

function afterResponse(response: ServerResponse | undefined, work: () => Promise<unknown>): void {
  const run = () => void work().catch(() => undefined);
  if (!response || response.writableFinished || response.destroyed) run();
  else response.once("close", run);
}

/** A cache that never remembers: each request reads an upload's state from the bucket. */
class NoCache implements KvStore<MetadataValue> {
  async get(): Promise<MetadataValue | undefined> {
    return undefined;
  }
  async set(): Promise<void> {}
  async delete(): Promise<void> {}
  async list(): Promise<string[]> {
    return [];
  }
}
