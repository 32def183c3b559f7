/**
 * @tus/file-store, telling a full disk apart from other write failures. Its `write` turns every
 * failure into the same generic 500 and drops the cause, so the person uploading would read
 * "something went wrong" instead of "the server's storage is full". This `write` does what the
 * original does (append the request's bytes at the offset, count them) and keeps ENOSPC/EDQUOT
 * as a StorageFullError, which the endpoint answers with a translated 507.
 */
import fs from "node:fs";
import path from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { FileStore } from "@tus/file-store";
import { ERRORS } from "@tus/server";
import { StorageFullError } from "../storage/blob-store";

export function isDiskFullError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof StorageFullError || code === "ENOSPC" || code === "EDQUOT";
}

export class DiskAwareFileStore extends FileStore {
  override async write(readable: Readable, id: string, offset: number): Promise<number> {
    let received = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        received += chunk.length;
        done(null, chunk);
      },
    });
    try {
      // The id is ours (namingFunction: hex only), so the path stays inside the directory.
      await pipeline(readable, counter, fs.createWriteStream(path.join(this.directory, id), { flags: "r+", start: offset }));
    } catch (error) {
      if (isDiskFullError(error)) throw new StorageFullError(`upload ${id}: ${String((error as Error).message)}`);
      throw ERRORS.FILE_WRITE_ERROR;
    }
    return offset + received;
  }
}
