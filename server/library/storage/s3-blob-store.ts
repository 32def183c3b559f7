/**
 * The object-storage driver of the blob store: blobs in an S3-compatible bucket under
 * `blobs/ab/<sha256>`, so that several instances (on several machines) serve the same files.
 * Tested against a stand-in that speaks the S3 REST protocol (server/testing/s3-stand-in.ts).
 *
 * S3 makes an object visible only once its upload is complete (a single PUT, or a multipart
 * upload when it is completed), so a blob is never seen half-written under its key — the same
 * promise the disk driver keeps with its rename.
 */
import { createReadStream } from "node:fs";
import { lstat, rm } from "node:fs/promises";
import type { Readable } from "node:stream";
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, S3Client, S3ServiceException, type S3ClientConfig } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import type { S3Settings } from "#server/config";
import { BlobNotFoundError, StorageFullError, checkRange, isValidBlobKey, sha256OfFile } from "./blob-store";
import type { BlobStore, StoredBlob } from "./blob-store";

/** S3's smallest part but the last; larger parts mean fewer requests, each held in memory once. */
const PART_BYTES = 8 * 1024 * 1024;
/** Parts in flight per blob: memory stays at about PART_BYTES × this, whatever the file's size. */
const PARTS_IN_FLIGHT = 2;

/** One client configuration for the blob store and for tus's S3 store, which builds its own client. */
export function s3ClientConfig(settings: S3Settings): S3ClientConfig {
  return {
    endpoint: settings.endpoint,
    region: settings.region,
    forcePathStyle: settings.forcePathStyle,
    credentials: settings.credentials,
    // The SDK now adds CRC checksums (and chunked "aws-chunked" bodies) to every upload by default;
    // many S3-compatible services do not understand them yet. Only send them where S3 requires one.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  };
}

export function createS3Client(settings: S3Settings): S3Client {
  return new S3Client(s3ClientConfig(settings));
}

/** A 404 from S3, whichever name the service gave it (HEAD answers carry no error code). */
export function isS3NotFound(error: unknown): boolean {
  if (!(error instanceof S3ServiceException)) return false;
  return error.$metadata.httpStatusCode === 404 || error.name === "NoSuchKey" || error.name === "NotFound";
}

/** A service that says it is out of room (MinIO and others answer 507, some name it). */
function isS3Full(error: unknown): boolean {
  if (!(error instanceof S3ServiceException)) return false;
  return error.$metadata.httpStatusCode === 507 || error.name === "XMinioStorageFull" || error.name === "InsufficientStorage";
}

export function blobObjectKey(sha256: string): string {
  // The key is not echoed: it may be whatever a request carried.
  if (!isValidBlobKey(sha256)) throw new Error("Invalid blob key: expected 64 lowercase hex digits");
  return `blobs/${sha256.slice(0, 2)}/${sha256}`;
}

export function createS3BlobStore(client: S3Client, bucket: string): BlobStore {
  const head = async (sha256: string): Promise<number | null> => {
    try {
      const answer = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: blobObjectKey(sha256) }));
      return answer.ContentLength ?? 0;
    } catch (error) {
      if (isS3NotFound(error)) return null;
      throw error;
    }
  };

  return {
    async putFile(sourcePath, known): Promise<StoredBlob> {
      if (known?.sha256 !== undefined) blobObjectKey(known.sha256);
      const source = await lstat(sourcePath);
      if (!source.isFile()) throw new Error("putFile needs a regular file");
      const sha256 = known?.sha256 ?? (await sha256OfFile(sourcePath)).sha256;
      const existing = await head(sha256);
      if (existing !== null) {
        await rm(sourcePath, { force: true });
        return { sha256, size: existing };
      }
      try {
        // lib-storage sends one PUT for a small file and a multipart upload for a large one,
        // reading the file part by part; a failure aborts the multipart upload it began.
        const upload = new Upload({
          client,
          params: { Bucket: bucket, Key: blobObjectKey(sha256), Body: createReadStream(sourcePath), ContentType: "application/octet-stream" },
          partSize: PART_BYTES,
          queueSize: PARTS_IN_FLIGHT,
          leavePartsOnError: false,
        });
        await upload.done();
      } catch (error) {
        if (isS3Full(error)) throw new StorageFullError(`Bucket ${bucket} is full`, { cause: error });
        throw error;
      }
      // What the service holds must be what we hashed: a short object under a content key would be
      // served (and deduplicated to) forever.
      const stored = await head(sha256);
      if (stored !== source.size) throw new Error(`Blob ${sha256} stored with ${stored} bytes instead of ${source.size}`);
      await rm(sourcePath, { force: true });
      return { sha256, size: source.size };
    },

    async read(sha256, range) {
      if (range) checkRange(range);
      try {
        const answer = await client.send(
          new GetObjectCommand({ Bucket: bucket, Key: blobObjectKey(sha256), Range: range ? `bytes=${range.start}-${range.end}` : undefined }),
        );
        // In Node the body is the HTTP response itself: bytes flow as the caller reads them.
        return answer.Body as Readable;
      } catch (error) {
        if (isS3NotFound(error)) throw new BlobNotFoundError(`Blob ${sha256} not found`);
        throw error;
      }
    },

    size: head,

    async has(sha256) {
      return (await head(sha256)) !== null;
    },

    async delete(sha256) {
      // S3 answers a delete of a missing key with success, as the disk driver does.
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: blobObjectKey(sha256) }));
    },

    localPath() {
      return null;
    },
  };
}
