/**
 * The S3 stand-in, driven by the real AWS SDK over real HTTP: if the SDK accepts its answers
 * (XML shapes, headers, status codes, error codes), our driver's tests against it mean something.
 * Also the stand-in's own promises: SigV4 is checked, unemulated calls answer 501, S3's part-size
 * rule holds, outages can be switched on, and nothing is left on disk by an aborted upload.
 */
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, readdirSync } from "node:fs";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsCommand,
  ListObjectsV2Command,
  ListPartsCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
  UploadPartCommand,
  type S3ClientConfig,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { SignatureV4 } from "@smithy/signature-v4";
import { s3ClientConfig } from "#server/library/storage/s3-blob-store";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { s3StandInSettings, startS3StandIn, type S3StandIn } from "./s3-stand-in";

const MIB = 1024 * 1024;

let s3: S3StandIn;
let client: S3Client;

function clientFor(standIn: S3StandIn, overrides: Partial<S3ClientConfig> = {}): S3Client {
  // The platform's own client settings, so the stand-in is tested with what the driver sends.
  // One attempt: a refused request must show up as itself, not after the SDK's retries.
  return new S3Client({ ...s3ClientConfig(s3StandInSettings(standIn)), maxAttempts: 1, ...overrides });
}

beforeAll(async () => {
  s3 = await startS3StandIn();
  client = clientFor(s3);
});
afterAll(async () => {
  client?.destroy();
  await s3?.close();
});
beforeEach(() => {
  s3.failAll(null);
});

const sha256 = (bytes: Buffer | string) => createHash("sha256").update(bytes).digest("hex");

async function bodyOf(answer: { Body?: unknown }): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of answer.Body as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** The service exception a call is refused with (fails the test when it is not refused). */
async function refusal(call: Promise<unknown>): Promise<S3ServiceException> {
  try {
    await call;
  } catch (error) {
    if (error instanceof S3ServiceException) return error;
    throw error;
  }
  throw new Error("expected the call to be refused");
}

const put = (Key: string, Body: Buffer | string, extra: Partial<ConstructorParameters<typeof PutObjectCommand>[0]> = {}) =>
  client.send(new PutObjectCommand({ Bucket: s3.bucket, Key, Body, ...extra }));
const get = (Key: string, Range?: string) => client.send(new GetObjectCommand({ Bucket: s3.bucket, Key, Range }));

async function uploadParts(Key: string, parts: Buffer[]): Promise<{ UploadId: string; etags: string[] }> {
  const created = await client.send(new CreateMultipartUploadCommand({ Bucket: s3.bucket, Key, ContentType: "application/pdf", Metadata: { origin: "multipart" } }));
  const UploadId = created.UploadId!;
  const etags: string[] = [];
  for (const [index, Body] of parts.entries()) {
    const answer = await client.send(new UploadPartCommand({ Bucket: s3.bucket, Key, UploadId, PartNumber: index + 1, Body }));
    etags.push(answer.ETag!);
  }
  return { UploadId, etags };
}

const complete = (Key: string, UploadId: string, etags: string[]) =>
  client.send(
    new CompleteMultipartUploadCommand({
      Bucket: s3.bucket,
      Key,
      UploadId,
      MultipartUpload: { Parts: etags.map((ETag, index) => ({ ETag, PartNumber: index + 1 })) },
    }),
  );

describe("S3 stand-in: objects", () => {
  it("answers HeadBucket for its bucket and NoSuchBucket for any other", async () => {
    await expect(client.send(new HeadBucketCommand({ Bucket: s3.bucket }))).resolves.toBeDefined();
    const error = await refusal(client.send(new GetObjectCommand({ Bucket: "no-such-bucket", Key: "x" })));
    expect(error.name).toBe("NoSuchBucket");
    expect(error.$metadata.httpStatusCode).toBe(404);
  });

  it("puts, heads, gets and deletes an object with its type and metadata", async () => {
    const key = "dir/sub dir/Prüfung & (1)+x.txt";
    const answer = await put(key, "Ausbildungsrahmenplan", { ContentType: "text/plain; charset=utf-8", Metadata: { author: "Ana" }, ContentDisposition: "attachment" });
    expect(answer.ETag).toBe(`"${createHash("md5").update("Ausbildungsrahmenplan").digest("hex")}"`);
    expect(s3.keys()).toContain(key);

    const head = await client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: key }));
    expect(head).toMatchObject({ ContentLength: 21, ContentType: "text/plain; charset=utf-8", ETag: answer.ETag, Metadata: { author: "Ana" }, ContentDisposition: "attachment" });
    expect(head.LastModified).toBeInstanceOf(Date);

    const got = await get(key);
    expect(got).toMatchObject({ ContentLength: 21, ContentType: "text/plain; charset=utf-8", ETag: answer.ETag, AcceptRanges: "bytes" });
    expect((await bodyOf(got)).toString()).toBe("Ausbildungsrahmenplan");
    const renamed = await client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: key, ResponseContentDisposition: 'attachment; filename="plan.txt"' }));
    expect(renamed.ContentDisposition).toBe('attachment; filename="plan.txt"');
    await bodyOf(renamed);

    await client.send(new DeleteObjectCommand({ Bucket: s3.bucket, Key: key }));
    expect(s3.keys()).not.toContain(key);
    // Deleting what is not there is not an error in S3.
    await client.send(new DeleteObjectCommand({ Bucket: s3.bucket, Key: key }));

    const missing = await refusal(get(key));
    expect(missing.name).toBe("NoSuchKey");
    expect(missing.$metadata.httpStatusCode).toBe(404);
    const missingHead = await refusal(client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: key })));
    expect(missingHead.$metadata.httpStatusCode).toBe(404);
  });

  it("stores an empty object", async () => {
    await put("empty", Buffer.alloc(0));
    const got = await get("empty");
    expect(got.ContentLength).toBe(0);
    expect((await bodyOf(got)).length).toBe(0);
  });

  it("serves byte ranges with 206 and refuses unsatisfiable ones with 416 InvalidRange", async () => {
    const bytes = randomBytes(1000);
    await put("ranged.bin", bytes);

    const middle = await get("ranged.bin", "bytes=100-199");
    expect(middle.$metadata.httpStatusCode).toBe(206);
    expect(middle.ContentRange).toBe("bytes 100-199/1000");
    expect(middle.ContentLength).toBe(100);
    expect((await bodyOf(middle)).equals(bytes.subarray(100, 200))).toBe(true);

    const rest = await get("ranged.bin", "bytes=990-");
    expect((await bodyOf(rest)).equals(bytes.subarray(990))).toBe(true);
    const suffix = await get("ranged.bin", "bytes=-10");
    expect((await bodyOf(suffix)).equals(bytes.subarray(990))).toBe(true);
    const beyond = await get("ranged.bin", "bytes=900-5000");
    expect(beyond.ContentRange).toBe("bytes 900-999/1000");

    const unsatisfiable = await refusal(get("ranged.bin", "bytes=1000-"));
    expect(unsatisfiable.name).toBe("InvalidRange");
    expect(unsatisfiable.$metadata.httpStatusCode).toBe(416);
  });

  it("copies an object with its metadata, or with new metadata on REPLACE", async () => {
    await put("original.txt", "Inhalt", { ContentType: "text/plain", Metadata: { note: "kept" } });
    const copied = await client.send(new CopyObjectCommand({ Bucket: s3.bucket, Key: "copies/one.txt", CopySource: `${s3.bucket}/original.txt` }));
    expect(copied.CopyObjectResult?.ETag).toBe(`"${createHash("md5").update("Inhalt").digest("hex")}"`);
    const head = await client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: "copies/one.txt" }));
    expect(head).toMatchObject({ ContentType: "text/plain", Metadata: { note: "kept" } });
    expect((await bodyOf(await get("copies/one.txt"))).toString()).toBe("Inhalt");

    await client.send(
      new CopyObjectCommand({ Bucket: s3.bucket, Key: "copies/two.txt", CopySource: `/${s3.bucket}/${encodeURIComponent("original.txt")}`, MetadataDirective: "REPLACE", ContentType: "text/markdown", Metadata: { note: "new" } }),
    );
    expect(await client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: "copies/two.txt" }))).toMatchObject({ ContentType: "text/markdown", Metadata: { note: "new" } });

    const missing = await refusal(client.send(new CopyObjectCommand({ Bucket: s3.bucket, Key: "copies/three.txt", CopySource: `${s3.bucket}/not-there` })));
    expect(missing.name).toBe("NoSuchKey");
  });

  it("lists by prefix, page by page, with common prefixes for a delimiter", async () => {
    for (const key of ["list/a/1", "list/a/2", "list/b", "list/c/1", "list/d", "listless"]) await put(key, key);
    const seen: string[] = [];
    let ContinuationToken: string | undefined;
    do {
      const page = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: "list/", MaxKeys: 2, ContinuationToken }));
      expect(page.KeyCount).toBe(page.Contents?.length ?? 0);
      for (const entry of page.Contents ?? []) {
        expect(entry).toMatchObject({ Size: entry.Key!.length, ETag: expect.stringMatching(/^"[0-9a-f]{32}"$/) });
        expect(entry.LastModified).toBeInstanceOf(Date);
        seen.push(entry.Key!);
      }
      ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (ContinuationToken);
    expect(seen).toEqual(["list/a/1", "list/a/2", "list/b", "list/c/1", "list/d"]);

    // A common prefix counts as one entry towards MaxKeys, however many keys it stands for.
    const grouped = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: "list/", Delimiter: "/", MaxKeys: 2 }));
    expect(grouped.CommonPrefixes?.map((entry) => entry.Prefix)).toEqual(["list/a/"]);
    expect(grouped.Contents?.map((entry) => entry.Key)).toEqual(["list/b"]);
    expect(grouped.IsTruncated).toBe(true);
    const next = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: "list/", Delimiter: "/", ContinuationToken: grouped.NextContinuationToken }));
    expect(next.CommonPrefixes?.map((entry) => entry.Prefix)).toEqual(["list/c/"]);
    expect(next.Contents?.map((entry) => entry.Key)).toEqual(["list/d"]);
    expect(next.IsTruncated).toBe(false);
  });

  it("deletes several objects in one DeleteObjects call", async () => {
    await put("batch/1", "1");
    await put("batch/2", "2");
    const answer = await client.send(new DeleteObjectsCommand({ Bucket: s3.bucket, Delete: { Objects: [{ Key: "batch/1" }, { Key: "batch/2" }, { Key: "batch/never" }] } }));
    expect(answer.Deleted?.map((entry) => entry.Key)).toEqual(["batch/1", "batch/2", "batch/never"]);
    expect(s3.keys().filter((key) => key.startsWith("batch/"))).toEqual([]);
  });

  it("decodes the SDK's aws-chunked bodies with a trailing checksum (default checksum settings)", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "s3-stand-in-test-"));
    const checksumming = clientFor(s3, { requestChecksumCalculation: "WHEN_SUPPORTED", responseChecksumValidation: "WHEN_SUPPORTED" });
    let contentEncoding: unknown;
    checksumming.middlewareStack.add(
      (next) => async (args) => {
        contentEncoding = (args.request as { headers: Record<string, string> }).headers["content-encoding"];
        return next(args);
      },
      { step: "finalizeRequest" },
    );
    try {
      const bytes = randomBytes(300_000);
      const file = path.join(dir, "source.bin");
      await writeFile(file, bytes);
      await checksumming.send(new PutObjectCommand({ Bucket: s3.bucket, Key: "chunked.bin", Body: createReadStream(file) }));
      expect(contentEncoding).toBe("aws-chunked");
      const got = await checksumming.send(new GetObjectCommand({ Bucket: s3.bucket, Key: "chunked.bin" }));
      expect(sha256(await bodyOf(got))).toBe(sha256(bytes));
    } finally {
      checksumming.destroy();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("refuses a body of unknown length (411 MissingContentLength), as S3 does", async () => {
    const unsized = Readable.from([Buffer.from("no "), Buffer.from("length")]);
    const error = await refusal(client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: "unsized", Body: unsized })));
    expect(error.name).toBe("MissingContentLength");
    expect(error.$metadata.httpStatusCode).toBe(411);
    expect(s3.keys()).not.toContain("unsized");
  });
});

describe("S3 stand-in: multipart uploads", () => {
  it("completes a 5 MiB + small upload into one object, byte for byte, with a multipart ETag", async () => {
    const parts = [randomBytes(5 * MIB), randomBytes(1234)];
    const { UploadId, etags } = await uploadParts("multi/whole.pdf", parts);
    expect(s3.keys()).not.toContain("multi/whole.pdf"); // invisible until completed

    const listed = await client.send(new ListMultipartUploadsCommand({ Bucket: s3.bucket }));
    expect(listed.Uploads?.map((upload) => upload.UploadId)).toContain(UploadId);

    const completed = await complete("multi/whole.pdf", UploadId, etags);
    expect(completed.ETag).toMatch(/^"[0-9a-f]{32}-2"$/);
    expect(completed.Key).toBe("multi/whole.pdf");
    expect(s3.keys()).toContain("multi/whole.pdf");

    const got = await get("multi/whole.pdf");
    expect(got).toMatchObject({ ContentLength: 5 * MIB + 1234, ContentType: "application/pdf", Metadata: { origin: "multipart" }, ETag: completed.ETag });
    expect(sha256(await bodyOf(got))).toBe(sha256(Buffer.concat(parts)));

    // Completed: the upload itself is gone.
    const gone = await refusal(client.send(new ListPartsCommand({ Bucket: s3.bucket, Key: "multi/whole.pdf", UploadId })));
    expect(gone.name).toBe("NoSuchUpload");
  });

  it("lists parts page by page", async () => {
    const { UploadId, etags } = await uploadParts("multi/listed", [Buffer.from("one"), Buffer.from("two"), Buffer.from("three")]);
    const first = await client.send(new ListPartsCommand({ Bucket: s3.bucket, Key: "multi/listed", UploadId, MaxParts: 2 }));
    expect(first.Parts?.map((part) => [part.PartNumber, part.ETag, part.Size])).toEqual([
      [1, etags[0], 3],
      [2, etags[1], 3],
    ]);
    expect(first.Parts?.[0]?.LastModified).toBeInstanceOf(Date);
    expect(first.IsTruncated).toBe(true);
    expect(String(first.NextPartNumberMarker)).toBe("2");

    const second = await client.send(new ListPartsCommand({ Bucket: s3.bucket, Key: "multi/listed", UploadId, MaxParts: 2, PartNumberMarker: first.NextPartNumberMarker }));
    expect(second.Parts?.map((part) => [part.PartNumber, part.Size])).toEqual([[3, 5]]);
    expect(second.IsTruncated).toBe(false);
    await client.send(new AbortMultipartUploadCommand({ Bucket: s3.bucket, Key: "multi/listed", UploadId }));
  });

  it("aborts an upload: its parts are gone and further calls meet NoSuchUpload", async () => {
    const { UploadId } = await uploadParts("multi/aborted", [Buffer.from("part")]);
    await client.send(new AbortMultipartUploadCommand({ Bucket: s3.bucket, Key: "multi/aborted", UploadId }));
    const listing = await refusal(client.send(new ListPartsCommand({ Bucket: s3.bucket, Key: "multi/aborted", UploadId })));
    expect(listing.name).toBe("NoSuchUpload");
    expect(listing.$metadata.httpStatusCode).toBe(404);
    const part = await refusal(client.send(new UploadPartCommand({ Bucket: s3.bucket, Key: "multi/aborted", UploadId, PartNumber: 2, Body: "x" })));
    expect(part.name).toBe("NoSuchUpload");
    const again = await refusal(client.send(new AbortMultipartUploadCommand({ Bucket: s3.bucket, Key: "multi/aborted", UploadId })));
    expect(again.name).toBe("NoSuchUpload");
    expect(s3.keys()).not.toContain("multi/aborted");
  });

  it("refuses to complete with a part other than the last under 5 MiB (EntityTooSmall), keeping the upload", async () => {
    const { UploadId, etags } = await uploadParts("multi/small", [randomBytes(5 * MIB - 1), Buffer.from("end")]);
    const error = await refusal(complete("multi/small", UploadId, etags));
    expect(error.name).toBe("EntityTooSmall");
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(s3.keys()).not.toContain("multi/small");
    const parts = await client.send(new ListPartsCommand({ Bucket: s3.bucket, Key: "multi/small", UploadId }));
    expect(parts.Parts).toHaveLength(2);
    await client.send(new AbortMultipartUploadCommand({ Bucket: s3.bucket, Key: "multi/small", UploadId }));
  });

  it("refuses parts it does not have and parts out of order", async () => {
    const { UploadId, etags } = await uploadParts("multi/wrong", [Buffer.from("only")]);
    const wrongEtag = await refusal(complete("multi/wrong", UploadId, ['"00000000000000000000000000000000"']));
    expect(wrongEtag.name).toBe("InvalidPart");
    const unordered = await refusal(
      client.send(
        new CompleteMultipartUploadCommand({
          Bucket: s3.bucket,
          Key: "multi/wrong",
          UploadId,
          MultipartUpload: { Parts: [{ PartNumber: 1, ETag: etags[0] }, { PartNumber: 1, ETag: etags[0] }] },
        }),
      ),
    );
    expect(unordered.name).toBe("InvalidPartOrder");
    // A single part may be any size, even empty (tus completes zero-byte uploads that way).
    await complete("multi/wrong", UploadId, etags);
    expect((await bodyOf(await get("multi/wrong"))).toString()).toBe("only");
  });

  it("takes a 12 MiB stream from lib-storage's Upload", async () => {
    const bytes = randomBytes(12 * MIB);
    const before = s3.requests();
    const chunks = Array.from({ length: 12 }, (_, index) => bytes.subarray(index * MIB, (index + 1) * MIB));
    const upload = new Upload({ client, params: { Bucket: s3.bucket, Key: "lib-storage/big.bin", Body: Readable.from(chunks) }, partSize: 5 * MIB, queueSize: 2 });
    await upload.done();
    const after = s3.requests();
    expect((after.CreateMultipartUpload ?? 0) - (before.CreateMultipartUpload ?? 0)).toBe(1);
    expect((after.UploadPart ?? 0) - (before.UploadPart ?? 0)).toBe(3);
    expect((after.CompleteMultipartUpload ?? 0) - (before.CompleteMultipartUpload ?? 0)).toBe(1);
    const got = await get("lib-storage/big.bin");
    expect(got.ContentLength).toBe(12 * MIB);
    expect(sha256(await bodyOf(got))).toBe(sha256(bytes));
  });
});

describe("S3 stand-in: authentication, outages, what it does not emulate", () => {
  it("refuses an unknown access key and a wrong secret", async () => {
    const settings = s3StandInSettings(s3);
    const stranger = clientFor(s3, { credentials: { accessKeyId: "AKIAUNKNOWN000000000", secretAccessKey: settings.credentials!.secretAccessKey } });
    const forger = clientFor(s3, { credentials: { accessKeyId: settings.credentials!.accessKeyId, secretAccessKey: "not-the-secret" } });
    const elsewhere = clientFor(s3, { region: "us-east-1" });
    try {
      const unknown = await refusal(stranger.send(new PutObjectCommand({ Bucket: s3.bucket, Key: "intruder", Body: "x" })));
      expect(unknown.name).toBe("InvalidAccessKeyId");
      expect(unknown.$metadata.httpStatusCode).toBe(403);
      const forged = await refusal(forger.send(new GetObjectCommand({ Bucket: s3.bucket, Key: "intruder" })));
      expect(forged.name).toBe("SignatureDoesNotMatch");
      const wrongRegion = await refusal(elsewhere.send(new ListObjectsV2Command({ Bucket: s3.bucket })));
      expect(wrongRegion.name).toBe("AuthorizationHeaderMalformed");
      expect(s3.keys()).not.toContain("intruder");
    } finally {
      for (const other of [stranger, forger, elsewhere]) other.destroy();
    }
  });

  it("refuses unsigned requests and accepts a presigned URL until it expires", async () => {
    await put("presigned.txt", "öffentlich für eine Minute");
    const anonymous = await fetch(`${s3.endpoint}/${s3.bucket}/presigned.txt`);
    expect(anonymous.status).toBe(403);
    expect(await anonymous.text()).toContain("<Code>AccessDenied</Code>");

    const settings = s3StandInSettings(s3);
    const signer = new SignatureV4({ credentials: settings.credentials!, region: s3.region, service: "s3", sha256: client.config.sha256, uriEscapePath: false });
    const url = new URL(s3.endpoint);
    const presign = async (signingDate: Date) => {
      const request = await signer.presign(
        { method: "GET", protocol: "http:", hostname: url.hostname, port: Number(url.port), path: `/${s3.bucket}/presigned.txt`, query: {}, headers: { host: url.host, "x-amz-content-sha256": "UNSIGNED-PAYLOAD" } },
        { expiresIn: 60, signingDate },
      );
      const query = Object.entries(request.query ?? {}).map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`);
      return `${s3.endpoint}${request.path}?${query.join("&")}`;
    };
    const fresh = await fetch(await presign(new Date()));
    expect(fresh.status).toBe(200);
    expect(await fresh.text()).toBe("öffentlich für eine Minute");
    const expired = await fetch(await presign(new Date(Date.now() - 120_000)));
    expect(expired.status).toBe(403);
    const tampered = await fetch((await presign(new Date())).replace("presigned.txt", "presigned.txt2"));
    expect(tampered.status).toBe(403);
    expect(await tampered.text()).toContain("<Code>SignatureDoesNotMatch</Code>");
  });

  it("fails every call while failAll is set, only the named operations when given, and recovers on null", async () => {
    await put("outage.txt", "vorher");
    s3.failAll(503);
    const read = await refusal(get("outage.txt"));
    expect(read.$metadata.httpStatusCode).toBe(503);
    expect(read.name).toBe("ServiceUnavailable");
    // Large enough for the SDK to wait for "100 Continue", which never comes.
    const write = await refusal(put("outage-big.bin", randomBytes(3 * MIB)));
    expect(write.$metadata.httpStatusCode).toBe(503);
    const head = await refusal(client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: "outage.txt" })));
    expect(head.$metadata.httpStatusCode).toBe(503);

    s3.failAll(507, ["PutObject"]);
    expect((await bodyOf(await get("outage.txt"))).toString()).toBe("vorher");
    expect((await refusal(put("outage.txt", "nachher"))).$metadata.httpStatusCode).toBe(507);

    s3.failAll(null);
    await put("outage-big.bin", randomBytes(3 * MIB));
    expect((await bodyOf(await get("outage.txt"))).toString()).toBe("vorher");
    expect(s3.keys()).toContain("outage-big.bin");
  });

  it("answers 501 NotImplemented to what it does not emulate, and counts requests by operation", async () => {
    const before = s3.requests();
    const tagging = await refusal(client.send(new GetObjectTaggingCommand({ Bucket: s3.bucket, Key: "anything" })));
    expect(tagging.name).toBe("NotImplemented");
    expect(tagging.$metadata.httpStatusCode).toBe(501);
    const listV1 = await refusal(client.send(new ListObjectsCommand({ Bucket: s3.bucket })));
    expect(listV1.name).toBe("NotImplemented");
    const after = s3.requests();
    expect((after.Unsupported ?? 0) - (before.Unsupported ?? 0)).toBe(1);
    expect((after.ListObjects ?? 0) - (before.ListObjects ?? 0)).toBe(1);
    expect(after.PutObject).toBeGreaterThan(0);
  });

  it("answers MalformedXML to a broken CompleteMultipartUpload body", async () => {
    const { UploadId, etags } = await uploadParts("multi/malformed", [Buffer.from("x")]);
    const breaking = clientFor(s3);
    breaking.middlewareStack.add(
      (next) => async (args) => {
        const request = args.request as { body: unknown; headers: Record<string, string> };
        request.body = "<CompleteMultipartUpload><Part><PartNumber>1</Part>";
        request.headers["content-length"] = String(Buffer.byteLength(request.body as string));
        return next(args);
      },
      { step: "build", priority: "low" },
    );
    try {
      const error = await refusal(breaking.send(new CompleteMultipartUploadCommand({ Bucket: s3.bucket, Key: "multi/malformed", UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: etags[0] }] } })));
      expect(error.name).toBe("MalformedXML");
      expect(error.$metadata.httpStatusCode).toBe(400);
    } finally {
      breaking.destroy();
    }
    // The stand-in is still there, and so is the upload.
    await complete("multi/malformed", UploadId, etags);
  });
});

describe("S3 stand-in: its files", () => {
  it("leaves nothing behind from an upload the client breaks off, and removes its directory on close", async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), "s3-stand-in-parent-"));
    const own = await startS3StandIn({ directory: parent });
    const ownClient = clientFor(own);
    try {
      const [dataDir] = readdirSync(parent);
      const tmp = path.join(parent, dataDir!, "tmp");
      // Promises 4 MiB, delivers 1 MiB, then gives up: the SDK drops the connection mid-body.
      const stalling = new Readable({ read() {} });
      stalling.push(randomBytes(MIB));
      const abort = new AbortController();
      const sending = ownClient.send(new PutObjectCommand({ Bucket: own.bucket, Key: "broken", Body: stalling, ContentLength: 4 * MIB }), { abortSignal: abort.signal });
      await expect.poll(() => readdir(tmp)).toHaveLength(1); // the body is arriving
      abort.abort();
      await expect(sending).rejects.toThrow();
      await expect.poll(() => readdir(tmp), { timeout: 2000 }).toEqual([]);
      expect(own.keys()).toEqual([]);
      // Still serving.
      await ownClient.send(new PutObjectCommand({ Bucket: own.bucket, Key: "after", Body: "ok" }));
      expect(own.keys()).toEqual(["after"]);
    } finally {
      ownClient.destroy();
      await own.close();
    }
    expect(await readdir(parent)).toEqual([]);
    await rm(parent, { recursive: true, force: true });
  });
});
