/**
 * Previews kept on disk once made, beside the blobs under DATA_DIR/library/previews and keyed
 * like them by SHA-256 (a blob never changes, so neither does its preview). A preview that could
 * not be made leaves a small marker instead, so a hostile file costs its limits once, not on
 * every page view. Written to a temporary name and renamed, so a reader never sees half a file.
 */
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import crypto from "node:crypto";
import { isValidBlobKey } from "../storage/blob-store";

export type PreviewVariant = "thumbnail" | "html";

export class PreviewCache {
  constructor(private readonly dir: string) {}

  private file(sha256: string, variant: PreviewVariant, failed = false): string {
    if (!isValidBlobKey(sha256)) throw new Error("PreviewCache: not a blob key");
    return path.join(this.dir, sha256.slice(0, 2), `${sha256}.${variant}${failed ? ".failed" : ""}`);
  }

  /** The stored preview, "failed" when making it failed before, or null when it was never made. */
  async get(sha256: string, variant: PreviewVariant): Promise<Buffer | "failed" | null> {
    try {
      return await readFile(this.file(sha256, variant));
    } catch {
      try {
        await readFile(this.file(sha256, variant, true));
        return "failed";
      } catch {
        return null;
      }
    }
  }

  async put(sha256: string, variant: PreviewVariant, bytes: Buffer | string): Promise<void> {
    await this.write(this.file(sha256, variant), bytes);
  }

  async markFailed(sha256: string, variant: PreviewVariant, note: string): Promise<void> {
    await this.write(this.file(sha256, variant, true), note);
  }

  /** Every preview of a blob that left the store. */
  async remove(sha256: string): Promise<void> {
    for (const variant of ["thumbnail", "html"] as const) {
      await rm(this.file(sha256, variant), { force: true });
      await rm(this.file(sha256, variant, true), { force: true });
    }
  }

  private async write(target: string, bytes: Buffer | string): Promise<void> {
    await mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.${crypto.randomBytes(6).toString("hex")}.tmp`;
    await writeFile(temp, bytes);
    await rename(temp, target);
  }
}
