/**
 * Where the document library keeps file contents, behind one interface so a disk today and an
 * object store later are interchangeable. Blobs are content-addressed: the key is the lowercase
 * hex SHA-256 of the bytes, so identical uploads are stored once, a key can never name a user's
 * file name or a path, and a blob never changes once written (replacing a file means a new key).
 */
import { createHash } from "node:crypto";
import { open } from "node:fs/promises";

export interface StoredBlob {
  sha256: string;
  size: number;
}

export interface BlobStore {
  /**
   * Moves (or copies, then deletes) a finished local file into the store; an identical blob already
   * stored is kept and the source removed. Returns its key and size. Never leaves a half-written
   * blob visible under its key (write to a temp name in the same directory, fsync, then rename).
   */
  putFile(sourcePath: string, known?: { sha256?: string }): Promise<StoredBlob>;
  /** A readable stream of the blob, optionally a byte range (inclusive end like HTTP Range). Throws BlobNotFoundError if missing. */
  read(sha256: string, range?: { start: number; end: number }): Promise<NodeJS.ReadableStream>;
  size(sha256: string): Promise<number | null>;
  has(sha256: string): Promise<boolean>;
  delete(sha256: string): Promise<void>;
  /** A local path of the blob when the driver has one (the disk driver), for tools such as pdftotext; null for remote drivers. */
  localPath(sha256: string): string | null;
}

export class BlobNotFoundError extends Error {
  override name = "BlobNotFoundError";
}

/** The store's disk (or quota) is full: an upload must fail cleanly rather than leave a truncated blob. */
export class StorageFullError extends Error {
  override name = "StorageFullError";
}

/** Refuses a byte range no driver can serve (negative, reversed, not a safe integer). */
export function checkRange(range: { start: number; end: number }): void {
  const { start, end } = range;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
    throw new RangeError(`Invalid byte range ${start}-${end}`);
  }
}

const BLOB_KEY = /^[0-9a-f]{64}$/;

/** Exactly 64 lowercase hex digits: the only strings a driver may turn into a location. */
export function isValidBlobKey(value: unknown): value is string {
  return typeof value === "string" && BLOB_KEY.test(value);
}

const HASH_CHUNK = 1 << 20;

/**
 * The key and size of a file. Uploads can be far larger than the heap, so it is read through one
 * reused buffer: a stream would allocate a fresh chunk per read and let tens of MB of garbage pile
 * up before the collector runs.
 */
export async function sha256OfFile(path: string): Promise<StoredBlob> {
  const hash = createHash("sha256");
  const buffer = Buffer.allocUnsafe(HASH_CHUNK);
  const handle = await open(path, "r");
  let size = 0;
  try {
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, HASH_CHUNK, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      size += bytesRead;
    }
  } finally {
    await handle.close();
  }
  return { sha256: hash.digest("hex"), size };
}
