/**
 * The object-storage driver over real HTTP, against a stand-in that speaks the S3 REST protocol
 * (server/testing/s3-stand-in.ts; no S3 service is installable here). The same promises as the
 * disk driver: content keys, one copy of identical bytes, ranges, quiet deletes, nothing
 * half-written visible, and a large file streamed in parts rather than held in memory.
 */
import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { s3StandInSettings, startS3StandIn, type S3StandIn } from "#server/testing/s3-stand-in";
import { BlobNotFoundError, StorageFullError, type BlobStore } from "./blob-store";
import { blobObjectKey, createS3BlobStore, createS3Client } from "./s3-blob-store";
import { withLocalPath } from "./local-path";

let s3: S3StandIn;
let store: BlobStore;
let dir: string;

beforeAll(async () => {
  s3 = await startS3StandIn();
  store = createS3BlobStore(createS3Client(s3StandInSettings(s3)), s3.bucket);
});
afterAll(async () => {
  await s3?.close();
});
beforeEach(async () => {
  s3.failAll(null);
  dir = await mkdtemp(path.join(os.tmpdir(), "connactions-s3-test-"));
  return () => rm(dir, { recursive: true, force: true });
});

const sha = (bytes: Buffer | string) => createHash("sha256").update(bytes).digest("hex");

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

async function fileWith(bytes: Buffer | string, name = `source-${Math.random()}`): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, bytes);
  return file;
}

describe("S3 blob store", () => {
  it("stores a file under blobs/<ab>/<sha256>, removes the source, and reads it back", async () => {
    const source = await fileWith("Ausbildungsrahmenplan");
    const stored = await store.putFile(source);
    expect(stored).toEqual({ sha256: sha("Ausbildungsrahmenplan"), size: 21 });
    expect(s3.keys()).toContain(blobObjectKey(stored.sha256));
    expect(blobObjectKey(stored.sha256)).toBe(`blobs/${stored.sha256.slice(0, 2)}/${stored.sha256}`);
    expect(existsSync(source)).toBe(false);
    expect((await readAll(await store.read(stored.sha256))).toString()).toBe("Ausbildungsrahmenplan");
    expect(await store.size(stored.sha256)).toBe(21);
    expect(await store.has(stored.sha256)).toBe(true);
    expect(store.localPath(stored.sha256)).toBeNull();
  });

  it("reads an inclusive byte range, like HTTP Range", async () => {
    const { sha256 } = await store.putFile(await fileWith("0123456789"));
    expect((await readAll(await store.read(sha256, { start: 2, end: 5 }))).toString()).toBe("2345");
    await expect(store.read(sha256, { start: 5, end: 2 })).rejects.toThrow(RangeError);
  });

  it("keeps one copy of identical content: the second upload sends no bytes", async () => {
    const first = await store.putFile(await fileWith("gleich"));
    const puts = s3.requests().PutObject ?? 0;
    const second = await store.putFile(await fileWith("gleich"));
    expect(second).toEqual(first);
    expect(s3.requests().PutObject ?? 0).toBe(puts);
  });

  it("reports missing blobs: not found on read, null size, false, and a quiet delete", async () => {
    const missing = sha("nie hochgeladen");
    await expect(store.read(missing)).rejects.toBeInstanceOf(BlobNotFoundError);
    expect(await store.size(missing)).toBeNull();
    expect(await store.has(missing)).toBe(false);
    await expect(store.delete(missing)).resolves.toBeUndefined();
  });

  it("deletes a blob", async () => {
    const { sha256 } = await store.putFile(await fileWith("weg damit"));
    await store.delete(sha256);
    expect(await store.has(sha256)).toBe(false);
    expect(s3.keys()).not.toContain(blobObjectKey(sha256));
  });

  it("refuses anything but 64 lowercase hex digits as a key, before any request", async () => {
    const before = JSON.stringify(s3.requests());
    for (const key of ["../../etc/passwd", "A".repeat(64), "abc", `${"a".repeat(64)}/x`]) {
      await expect(store.read(key)).rejects.toThrow(/Invalid blob key/);
      await expect(store.has(key)).rejects.toThrow(/Invalid blob key/);
    }
    expect(JSON.stringify(s3.requests())).toBe(before);
  });

  it("sends a large file as a multipart upload, byte-identical, with the source removed", async () => {
    const bytes = randomBytes(20 * 1024 * 1024 + 333);
    const source = await fileWith(bytes);
    const parts = s3.requests().UploadPart ?? 0;
    const stored = await store.putFile(source);
    expect(stored.size).toBe(bytes.length);
    // 8 MiB parts: three of them for 20 MiB.
    expect((s3.requests().UploadPart ?? 0) - parts).toBe(3);
    expect(sha(await readAll(await store.read(stored.sha256)))).toBe(sha(bytes));
    expect(existsSync(source)).toBe(false);
  });

  it("an outage leaves the source in place, nothing under the key, and says so", async () => {
    const source = await fileWith("während des Ausfalls");
    s3.failAll(503);
    await expect(store.putFile(source)).rejects.toThrow();
    s3.failAll(null);
    expect(existsSync(source)).toBe(true);
    expect(await store.has(sha("während des Ausfalls"))).toBe(false);
  });

  it("turns a service that is out of room (507) into StorageFullError and keeps the source", async () => {
    const source = await fileWith("kein Platz mehr");
    // Asking whether it is stored still works; writing meets a full service.
    s3.failAll(507, ["PutObject", "CreateMultipartUpload", "UploadPart"]);
    await expect(store.putFile(source)).rejects.toBeInstanceOf(StorageFullError);
    s3.failAll(null);
    expect(await store.has(sha("kein Platz mehr"))).toBe(false);
    expect(existsSync(source)).toBe(true);
  });

  it("gives tools that read paths a temporary local copy, removed afterwards", async () => {
    const { sha256 } = await store.putFile(await fileWith("%PDF-1.4 tiny"));
    let seen = "";
    const text = await withLocalPath(store, sha256, async (file) => {
      seen = file;
      return (await import("node:fs/promises")).readFile(file, "utf8");
    });
    expect(text).toBe("%PDF-1.4 tiny");
    expect(existsSync(seen)).toBe(false);
  });
});
