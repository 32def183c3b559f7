import { createHash } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { mkdtemp, open, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { BlobNotFoundError, StorageFullError, isValidBlobKey, sha256OfFile } from "./blob-store";
import type { BlobStore } from "./blob-store";
import { createLocalBlobStore } from "./local-blob-store";

/**
 * Disk-full and cross-device moves cannot be produced on demand, so rename and copyFile pass
 * through to the real ones unless a test installs a fault.
 */
const faults = vi.hoisted(() => ({
  rename: null as null | ((from: string, to: string) => Promise<void>),
  copyFile: null as null | ((from: string, to: string) => Promise<void>),
}));

vi.mock("node:fs/promises", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:fs/promises")>();
  return {
    ...actual,
    rename: async (from: string, to: string) => {
      if (faults.rename) await faults.rename(from, to);
      return actual.rename(from, to);
    },
    copyFile: async (from: string, to: string, mode?: number) => {
      if (faults.copyFile) await faults.copyFile(from, to);
      return actual.copyFile(from, to, mode);
    },
  };
});

const sha = (text: string) => createHash("sha256").update(text).digest("hex");

const errno = (code: string) => Object.assign(new Error(code), { code });

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString("utf8");
}

/** Every file under `dir`, relative, so a test can prove nothing was left behind. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

let work: string;
let root: string;
let store: BlobStore;

beforeEach(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), "blob-store-"));
  root = path.join(work, "store");
  store = createLocalBlobStore(root);
});

afterEach(async () => {
  faults.rename = null;
  faults.copyFile = null;
  await rm(work, { recursive: true, force: true });
});

async function source(name: string, content: string): Promise<string> {
  const file = path.join(work, name);
  await writeFile(file, content);
  return file;
}

describe("the local blob store", () => {
  it("moves a file in under its SHA-256, fanned out as ab/cd/<key>, and reads it back", async () => {
    const file = await source("upload-1", "Ausbildungsordnung");
    const stored = await store.putFile(file);

    expect(stored).toEqual({ sha256: sha("Ausbildungsordnung"), size: 18 });
    expect(existsSync(file)).toBe(false);
    const key = stored.sha256;
    expect(store.localPath(key)).toBe(path.join(root, key.slice(0, 2), key.slice(2, 4), key));
    expect(await readAll(await store.read(key))).toBe("Ausbildungsordnung");
    expect(await store.has(key)).toBe(true);
    expect(await store.size(key)).toBe(18);
  });

  it("reads an inclusive byte range, like HTTP Range", async () => {
    const { sha256 } = await store.putFile(await source("upload", "0123456789"));
    expect(await readAll(await store.read(sha256, { start: 2, end: 5 }))).toBe("2345");
    expect(await readAll(await store.read(sha256, { start: 9, end: 9 }))).toBe("9");
    await expect(store.read(sha256, { start: 5, end: 2 })).rejects.toThrow(RangeError);
    await expect(store.read(sha256, { start: -1, end: 2 })).rejects.toThrow(RangeError);
  });

  it("trusts a hash the caller already computed", async () => {
    const file = await source("upload", "known");
    expect(await store.putFile(file, { sha256: sha("known") })).toEqual({ sha256: sha("known"), size: 5 });
  });

  it("keeps one copy of identical content and removes the second source", async () => {
    const first = await store.putFile(await source("a", "same bytes"));
    const secondSource = await source("b", "same bytes");
    const second = await store.putFile(secondSource);

    expect(second).toEqual(first);
    expect(existsSync(secondSource)).toBe(false);
    expect(await filesUnder(root)).toHaveLength(1);
  });

  it("reports missing blobs: not found on read, null size, false, and a quiet delete", async () => {
    const missing = sha("never stored");
    await expect(store.read(missing)).rejects.toBeInstanceOf(BlobNotFoundError);
    expect(await store.size(missing)).toBeNull();
    expect(await store.has(missing)).toBe(false);
    await expect(store.delete(missing)).resolves.toBeUndefined();
  });

  it("deletes a blob", async () => {
    const { sha256 } = await store.putFile(await source("upload", "short-lived"));
    await store.delete(sha256);
    expect(await store.has(sha256)).toBe(false);
    await expect(store.read(sha256)).rejects.toBeInstanceOf(BlobNotFoundError);
  });

  it("refuses anything but 64 lowercase hex digits as a key", async () => {
    const bad = ["../../etc/passwd", sha("x").toUpperCase(), sha("x").slice(1), `${sha("x")}/..`, "", `../${sha("x").slice(3)}`];
    for (const key of bad) {
      expect(isValidBlobKey(key)).toBe(false);
      expect(() => store.localPath(key)).toThrow(/Invalid blob key/);
      await expect(store.read(key)).rejects.toThrow(/Invalid blob key/);
      await expect(store.has(key)).rejects.toThrow(/Invalid blob key/);
      await expect(store.size(key)).rejects.toThrow(/Invalid blob key/);
      await expect(store.delete(key)).rejects.toThrow(/Invalid blob key/);
      await expect(store.putFile(await source("upload", "x"), { sha256: key })).rejects.toThrow(/Invalid blob key/);
    }
    expect(await filesUnder(root).catch(() => [])).toEqual([]);
  });

  it("refuses a symlink or a directory as the source", async () => {
    const target = await source("real", "secret");
    const link = path.join(work, "link");
    await symlink(target, link);
    await expect(store.putFile(link)).rejects.toThrow(/regular file/);
    await expect(store.putFile(work)).rejects.toThrow(/regular file/);
  });

  it("copies, syncs and renames when the source is on another file system", async () => {
    faults.rename = async (from) => {
      if (!path.basename(from).startsWith(".tmp-")) throw errno("EXDEV");
    };
    const file = await source("upload", "across devices");
    const stored = await store.putFile(file);

    expect(existsSync(file)).toBe(false);
    expect(await readAll(await store.read(stored.sha256))).toBe("across devices");
    expect(await filesUnder(root)).toEqual([path.relative(root, store.localPath(stored.sha256)!)]);
  });

  it("really crosses devices when /dev/shm is a separate file system", async (ctx) => {
    const shm = "/dev/shm";
    if (!existsSync(shm) || statSync(shm).dev === statSync(work).dev) {
      ctx.skip();
      return;
    }
    const dir = await mkdtemp(path.join(shm, "blob-src-"));
    try {
      const file = path.join(dir, "upload");
      await writeFile(file, "from tmpfs");
      const stored = await store.putFile(file);
      expect(existsSync(file)).toBe(false);
      expect(await readFile(store.localPath(stored.sha256)!, "utf8")).toBe("from tmpfs");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("turns a full disk into StorageFullError and leaves no half-written blob, keeping the source", async () => {
    faults.rename = async () => {
      throw errno("EXDEV");
    };
    // Half the bytes reach the temp file before the disk fills up.
    faults.copyFile = async (from, to) => {
      const bytes = await readFile(from);
      await writeFile(to, bytes.subarray(0, bytes.length / 2));
      throw errno("ENOSPC");
    };
    const file = await source("upload", "a file too large for the disk");

    const failure = await store.putFile(file).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StorageFullError);
    expect((failure as Error).message).toContain(root);
    expect(await filesUnder(root)).toEqual([]);
    expect(existsSync(file)).toBe(true);
    expect(await store.has(sha("a file too large for the disk"))).toBe(false);
  });

  it("maps a disk quota error on a plain rename too", async () => {
    faults.rename = async () => {
      throw errno("EDQUOT");
    };
    await expect(store.putFile(await source("upload", "over quota"))).rejects.toBeInstanceOf(StorageFullError);
  });

  it("streams a 50 MB file in without holding it in memory", async () => {
    const file = path.join(work, "big");
    const handle = await open(file, "w");
    const chunk = Buffer.alloc(1 << 20);
    for (let i = 0; i < 50; i++) {
      chunk.fill(i);
      await handle.write(chunk);
    }
    await handle.close();
    const expected = await sha256OfFile(file);

    // Buffers live outside the JS heap (arrayBuffers), so both are counted: a whole-file read would show up there.
    const used = () => {
      const m = process.memoryUsage();
      return m.heapUsed + m.arrayBuffers;
    };
    const before = used();
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, used())), 1);
    try {
      expect(await store.putFile(file)).toEqual(expected);
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, used());
    expect(expected.size).toBe(50 << 20);
    expect(peak - before).toBeLessThan(20 << 20);
  });
});
