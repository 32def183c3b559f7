/**
 * Two real instances with LIBRARY_STORAGE=s3, each with a DATA_DIR of its own, on one PostgreSQL,
 * one Redis and one S3-protocol service (the stand-in in server/testing/s3-stand-in.ts): an upload
 * begun on one instance is continued on the other and the file is the same from both; while a
 * request on one instance still holds an upload, a request for it on the other asks it to let go
 * (the shared locker), and the upload then finishes byte-identical from where it really stopped.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "#db/testing/test-database";
import { buildNetwork, buildUser } from "#server/testing/factories";
import { TestClient } from "#server/testing/http-client";
import { startInstance, startTestRedis, stopInstance, type ClusterInstance, type TestRedis } from "#server/testing/cluster";
import { createRawUpload, downloadBytes, randomBytes, sha256, tusHeaders } from "#server/testing/library-uploads";
import { startS3StandIn, type S3StandIn } from "#server/testing/s3-stand-in";

const MiB = 1024 * 1024;
let database: TestDatabase;
let redis: TestRedis;
let s3: S3StandIn;
let a: ClusterInstance;
let b: ClusterInstance;
const dataDirs: string[] = [];
let net: Awaited<ReturnType<typeof buildNetwork>>;
let client: TestClient;

beforeAll(async () => {
  [database, redis, s3] = await Promise.all([createTestDatabase("postgres"), startTestRedis(), startS3StandIn()]);
  const bucket = {
    LIBRARY_STORAGE: "s3",
    S3_ENDPOINT: s3.endpoint,
    S3_BUCKET: s3.bucket,
    S3_REGION: s3.region,
    S3_ACCESS_KEY_ID: s3.accessKeyId,
    S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
  };
  // Nothing on disk is shared: whatever one instance can serve of another's upload came through the bucket.
  for (let i = 0; i < 2; i++) dataDirs.push(await mkdtemp(path.join(os.tmpdir(), "connactions-s3-instance-")));
  const shared = { databaseUrl: database.databaseUrl!, redisUrl: redis.url, dataDir: database.dataDir };
  [a, b] = await Promise.all([startInstance(shared, { ...bucket, DATA_DIR: dataDirs[0]! }), startInstance(shared, { ...bucket, DATA_DIR: dataDirs[1]! })]);
  net = await buildNetwork(database.db);
  const user = await buildUser(database.db, { memberships: [{ networkId: net.id, role: "member" }] });
  client = new TestClient(a.url);
  await client.login(user.email, user.password);
  await client.get("/dashboard");
});
afterAll(async () => {
  await Promise.all([a, b].filter(Boolean).map((instance) => stopInstance(instance)));
  await Promise.all([redis?.stop(), s3?.close(), database?.drop(), ...dataDirs.map((dir) => rm(dir, { recursive: true, force: true }))]);
});

/** One tus request to one instance, as the page's client would send it. */
function tus(instance: ClusterInstance, method: string, target: string, headers: Record<string, string>, body?: BodyInit, signal?: AbortSignal) {
  return fetch(new URL(target, instance.url), {
    method,
    headers: { ...tusHeaders(client, instance.url), "Tus-Resumable": "1.0.0", ...headers },
    body,
    signal,
    ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);
}

async function create(instance: ClusterInstance, size: number, name: string): Promise<string> {
  const created = await createRawUpload(client, instance.url, { size, name, library: net.id });
  expect(created.status).toBe(201);
  return created.location!.pathname;
}

async function offsetOn(instance: ClusterInstance, location: string): Promise<number> {
  const response = await tus(instance, "HEAD", location, {});
  expect(response.status).toBe(200);
  return Number(response.headers.get("Upload-Offset"));
}

const patch = (instance: ClusterInstance, location: string, offset: number, bytes: Buffer | ReadableStream<Uint8Array>, signal?: AbortSignal) =>
  tus(instance, "PATCH", location, { "Upload-Offset": String(offset), "Content-Type": "application/offset+octet-stream" }, bytes as BodyInit, signal);

const download = (instance: ClusterInstance, fileId: string, versionId: string) =>
  downloadBytes(client, instance.url, `/networks/${net.slug}/library/files/${fileId}/versions/${versionId}/download`);

describe("the library on shared object storage, two instances", () => {
  it("an upload begun on A is continued on B, and both serve the same bytes", async () => {
    const data = randomBytes(8 * MiB + 777);
    const location = await create(a, data.length, "Kooperationsvertrag.pdf");
    const first = await patch(a, location, 0, data.subarray(0, 5 * MiB));
    expect(first.status).toBe(204);

    // B has never seen this upload: its state comes from the bucket.
    expect(await offsetOn(b, location)).toBe(5 * MiB);
    const last = await patch(b, location, 5 * MiB, data.subarray(5 * MiB));
    expect(last.status).toBe(204);
    const fileId = last.headers.get("X-Library-File")!;
    const versionId = last.headers.get("X-Library-Version")!;

    for (const instance of [a, b]) {
      const got = await download(instance, fileId, versionId);
      expect(got.status).toBe(200);
      expect(sha256(got.bytes)).toBe(sha256(data));
    }
  });

  it("a request on B for an upload that a stalled request on A still holds makes A let go, and the upload completes intact", async () => {
    const data = randomBytes(6 * MiB + 99);
    const location = await create(a, data.length, "Protokoll.pdf");
    // A request that sends 1 MiB and then stalls, like a laptop whose lid was closed mid-chunk.
    let feed!: ReadableStreamDefaultController<Uint8Array>;
    const stalled = new ReadableStream<Uint8Array>({
      start(controller) {
        feed = controller;
        controller.enqueue(new Uint8Array(data.subarray(0, MiB)));
      },
    });
    const abandon = new AbortController();
    const held = patch(a, location, 0, stalled, abandon.signal).then(
      (response) => response.status,
      () => "aborted" as const,
    );
    try {
      // Give A time to take the lock and store the first mebibyte's worth of its buffer.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const asked = Date.now();
      const offset = await offsetOn(b, location);
      // A's request ended because B asked for the upload; without the shared lock it would still hang.
      const outcome = await Promise.race([held, new Promise((resolve) => setTimeout(() => resolve("still holding"), 5_000))]);
      expect(outcome).not.toBe("still holding");
      expect(Date.now() - asked).toBeLessThan(5_000);

      // B goes on from the offset it reported; nothing was written twice or lost.
      expect(offset).toBeGreaterThanOrEqual(0);
      expect(offset).toBeLessThanOrEqual(MiB);
      const rest = await patch(b, location, offset, data.subarray(offset));
      expect(rest.status).toBe(204);
      const got = await download(a, rest.headers.get("X-Library-File")!, rest.headers.get("X-Library-Version")!);
      expect(sha256(got.bytes)).toBe(sha256(data));
    } finally {
      abandon.abort();
      try {
        feed.close();
      } catch {
        // already closed by the abort
      }
    }
  });
});
