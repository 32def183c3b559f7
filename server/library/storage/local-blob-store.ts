/**
 * The disk driver of the blob store: `<root>/ab/cd/<sha256>`. Two levels of fan-out keep any
 * one directory small even with millions of files. Paths are built only from validated keys, so
 * nothing a user typed (a file name, a `../`) can ever reach the file system.
 *
 * A blob appears under its key only when complete and on disk: a move is one rename of an
 * already-synced file, a copy goes to a dot-named temp file first. A crash can therefore leave a
 * stray `.tmp-*` file behind, never a truncated blob that a later upload would be deduplicated to.
 */
import { randomUUID } from "node:crypto";
import { constants } from "node:fs";
import { copyFile, lstat, mkdir, open, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { BlobNotFoundError, StorageFullError, checkRange, isValidBlobKey, sha256OfFile } from "./blob-store";
import type { BlobStore, StoredBlob } from "./blob-store";

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code;

async function syncFile(file: string): Promise<void> {
  const handle = await open(file, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes a rename durable. Best effort: some file systems refuse to sync a directory. */
async function syncDirectory(dir: string): Promise<void> {
  try {
    await syncFile(dir);
  } catch {
    // The blob itself is synced; losing only the directory entry in a power cut is acceptable.
  }
}

export function createLocalBlobStore(rootDir: string): BlobStore {
  const root = path.resolve(rootDir);

  const pathOf = (key: string) => {
    // The key is not echoed: it may be whatever a request carried.
    if (!isValidBlobKey(key)) throw new Error("Invalid blob key: expected 64 lowercase hex digits");
    return path.join(root, key.slice(0, 2), key.slice(2, 4), key);
  };

  const sizeAt = async (file: string) => {
    try {
      const info = await stat(file);
      return info.isFile() ? info.size : null;
    } catch (error) {
      if (errorCode(error) === "ENOENT") return null;
      throw error;
    }
  };

  const storageError = (error: unknown) => {
    const code = errorCode(error);
    if (code === "ENOSPC" || code === "EDQUOT") {
      return new StorageFullError(`Blob store at ${root} is full (${code})`, { cause: error });
    }
    return error;
  };

  /** Across file systems: copy to a temp name beside the target, sync, then rename into place. */
  const copyIntoPlace = async (source: string, target: string) => {
    const temp = path.join(path.dirname(target), `.tmp-${randomUUID()}`);
    try {
      await copyFile(source, temp, constants.COPYFILE_EXCL);
      await syncFile(temp);
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  };

  return {
    async putFile(sourcePath, known): Promise<StoredBlob> {
      if (known?.sha256 !== undefined) pathOf(known.sha256);
      // A symlink or directory moved into the store would make a "blob" point anywhere.
      const source = await lstat(sourcePath);
      if (!source.isFile()) throw new Error("putFile needs a regular file");
      const sha256 = known?.sha256 ?? (await sha256OfFile(sourcePath)).sha256;
      const target = pathOf(sha256);

      const existing = await sizeAt(target);
      if (existing !== null) {
        await rm(sourcePath, { force: true });
        return { sha256, size: existing };
      }

      try {
        await mkdir(path.dirname(target), { recursive: true });
        // The source is complete, so it can serve as the temp file: sync it, then one rename.
        await syncFile(sourcePath);
        try {
          await rename(sourcePath, target);
        } catch (error) {
          if (errorCode(error) !== "EXDEV") throw error;
          await copyIntoPlace(sourcePath, target);
          await rm(sourcePath, { force: true });
        }
      } catch (error) {
        throw storageError(error);
      }
      await syncDirectory(path.dirname(target));
      return { sha256, size: source.size };
    },

    async read(sha256, range) {
      const file = pathOf(sha256);
      if (range) checkRange(range);
      // Open first, then stream from the handle: "missing" is reported here, not as a stream error.
      let handle;
      try {
        handle = await open(file, "r");
      } catch (error) {
        if (errorCode(error) === "ENOENT") throw new BlobNotFoundError(`Blob ${sha256} not found`);
        throw error;
      }
      return handle.createReadStream(range ? { start: range.start, end: range.end } : {});
    },

    async size(sha256) {
      return sizeAt(pathOf(sha256));
    },

    async has(sha256) {
      return (await sizeAt(pathOf(sha256))) !== null;
    },

    async delete(sha256) {
      await rm(pathOf(sha256), { force: true });
    },

    localPath(sha256) {
      return pathOf(sha256);
    },
  };
}
