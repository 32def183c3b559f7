/**
 * The library with LIBRARY_STORAGE=s3, on SQLite and PostgreSQL, over real HTTP and a real
 * S3-protocol service (the stand-in in server/testing/s3-stand-in.ts): a resumed upload after a
 * cut connection is stored byte-identical in the bucket, nothing of it stays on the server's
 * disk or in the bucket's upload area, ranges and previews and search inside files work from
 * the bucket, and a bucket that stops answering gives a translated message, not a crash.
 */
import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestServer, type TestServerOptions } from "#server/testing/use-test-server";
import { signedInClients } from "#server/testing/signed-in-clients";
import type { TestClient } from "#server/testing/http-client";
import { buildNetwork } from "#server/testing/factories";
import { cuttingProxy, downloadBytes, randomBytes, sha256, uploadToLibrary } from "#server/testing/library-uploads";
import { s3StandInSettings, startS3StandIn, type S3StandIn } from "#server/testing/s3-stand-in";
import { minimalPdf } from "#server/library/testing/text-documents";
import { eventually } from "#server/testing/collab-client";
import { blobObjectKey } from "./storage/s3-blob-store";

const MiB = 1024 * 1024;
let s3: S3StandIn;
const options: TestServerOptions = { config: { uploadMaxBytes: 64 * MiB } };
// The bucket must answer before the server starts, so this hook is registered first.
beforeAll(async () => {
  s3 = await startS3StandIn();
  options.config = { ...options.config, libraryStorage: { driver: "s3", ...s3StandInSettings(s3) } };
  return () => s3.close();
});
const server = useTestServer(options);

let net: Awaited<ReturnType<typeof buildNetwork>>;
let member: TestClient;

beforeAll(async () => {
  net = await buildNetwork(server.db());
  ({ member } = await signedInClients(server, { member: { memberships: [{ networkId: net.id, role: "member" as const }] } }));
});

const versionPath = (fileId: string, versionId: string, mode: string) => `/networks/${net.slug}/library/files/${fileId}/versions/${versionId}/${mode}`;
/** Objects of uploads under way: tus names them by the upload's id (32 hex digits). */
const uploadObjects = () => s3.keys().filter((key) => /^[0-9a-f]{32}/.test(key));

async function uploaded(data: Buffer, name: string, via?: string) {
  const result = await uploadToLibrary(member, server.url, data, { library: net.id, name, via });
  if (!result.ok) throw new Error(`upload refused: ${result.status} ${result.body}`);
  return result;
}

describe(`library on S3-compatible storage (${process.env.TEST_DATABASE})`, () => {
  it("resumes an upload after a cut connection and stores it byte-identical in the bucket, nothing left behind", async () => {
    const data = randomBytes(12 * MiB + 4321);
    const proxy = await cuttingProxy(server.url, 7 * MiB);
    try {
      const result = await uploaded(data, "Rahmenlehrplan.pdf", proxy.url);
      expect(proxy.cuts(), "the proxy really cut the connection once").toBe(1);
      // Resumed from the bucket's parts, not from zero.
      expect(proxy.forwarded()).toBeLessThan(data.length + 6 * MiB);
      expect(s3.keys()).toContain(blobObjectKey(sha256(data)));
      const download = await downloadBytes(member, server.url, versionPath(result.fileId, result.versionId, "download"));
      expect(download.status).toBe(200);
      expect(sha256(download.bytes)).toBe(sha256(data));
      // The upload's parts and notes leave the bucket once the answer is out; the server's disk holds nothing.
      await eventually(() => uploadObjects().length === 0, 5_000, "upload objects removed");
      expect(existsSync(path.join(server.services.config.dataDir, "library", "blobs"))).toBe(false);
      expect(await readdir(server.services.library.uploadDir).catch(() => [])).toEqual([]);
    } finally {
      await proxy.close();
    }
  });

  it("serves byte ranges from the bucket", async () => {
    const data = Buffer.from("0123456789abcdefghij");
    const result = await uploaded(data, "ranges.txt");
    const partial = await downloadBytes(member, server.url, versionPath(result.fileId, result.versionId, "download"), { Range: "bytes=5-9" });
    expect(partial.status).toBe(206);
    expect(partial.bytes.toString()).toBe("56789");
  });

  it("stores an empty file", async () => {
    const result = await uploaded(Buffer.alloc(0), "leer.txt");
    const download = await downloadBytes(member, server.url, versionPath(result.fileId, result.versionId, "download"));
    expect(download.status).toBe(200);
    expect(download.bytes.length).toBe(0);
    await eventually(() => uploadObjects().length === 0, 5_000, "upload objects removed");
  });

  it("makes thumbnails and finds words inside a PDF read from the bucket", async () => {
    const png = await sharp({ create: { width: 40, height: 20, channels: 3, background: "#0a6" } }).png().toBuffer();
    const image = await uploaded(png, "werkstatt.png");
    const thumbnail = await downloadBytes(member, server.url, versionPath(image.fileId, image.versionId, "thumbnail"));
    expect(thumbnail.status).toBe(200);
    expect((await sharp(thumbnail.bytes).metadata()).format).toBe("webp");

    const word = "Pflaumenkuchenblech";
    const pdf = await uploaded(Buffer.from(minimalPdf(`Rezept ${word} im Ofen`)), "rezept.pdf");
    await server.server.textIndexer.idle();
    const found = await member.get(`/networks/${net.slug}/library/search?q=${word}`);
    expect(found.status).toBe(200);
    expect(found.body).toContain(`/files/${pdf.fileId}`);
  });

  it("a bucket that stops answering gives a translated message, and the server goes on", async () => {
    s3.failAll(503);
    try {
      const result = await uploadToLibrary(member, server.url, Buffer.from("während des Ausfalls"), { library: net.id, name: "ausfall.txt" });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.status).toBe(500);
      expect(result.body).toBe("The upload failed. Please try again.");
      expect(result.body).not.toMatch(/at |Error|S3/);
    } finally {
      s3.failAll(null);
    }
    const after = await uploaded(Buffer.from("danach wieder"), "danach.txt");
    expect(after.fileId).toBeTruthy();
  });
});
