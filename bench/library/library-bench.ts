/**
 * The pieces of bench:library, shared with the CI test server/library/upload-memory.integration.test.ts:
 * our production bundle as a child process on a fresh, demo-free SQLite database (one
 * network, one member who logs in over HTTP), a large source file on disk, a tus upload that
 * streams it from disk, a download to disk, a plain copy as the floor, and the server's RSS
 * sampled from /proc while each runs. Prints nothing itself.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import { open } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { Upload } from "tus-js-client";
import { openDatabase } from "#db/connection";
import { migrateToLatest } from "#db/migrate";
import { buildNetwork, buildUser } from "#server/testing/factories";
import { TestClient } from "#server/testing/http-client";
import { tusHeaders } from "#server/testing/library-uploads";
import { startOurInstance } from "../collab/servers/ours";
import type { ServerUnderTest } from "../collab/servers/server-process";
import { rssBytes } from "../collab/proc-stats";

export const MiB = 1024 * 1024;
export const GiB = 1024 * MiB;
/** The tus client's chunk: one PATCH request per 64 MiB. */
export const DEFAULT_CHUNK_SIZE = 64 * MiB;

export const mib = (bytes: number) => bytes / MiB;
/** Decimal megabytes per second, as disks and networks are quoted. */
export const mbPerSecond = (bytes: number, ms: number) => bytes / 1e6 / (ms / 1000);

export interface LibraryServer {
  server: ServerUnderTest;
  baseUrl: string;
  /** The member, logged in over HTTP (session and CSRF cookies). */
  client: TestClient;
  network: { id: string; slug: string };
  /** Temporary root: `data/` is the server's DATA_DIR, `work/` holds the bench's own files. */
  root: string;
  workDir: string;
  dataDir: string;
  /** Stops the server and removes the temporary root (unless `keep`). */
  close(options?: { keep?: boolean }): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * A fresh temporary root; the database is migrated and filled (one network, one member)
 * before the server starts, so the measured process does no setup work; then the server
 * starts on it and the member logs in through the login form.
 */
export async function startLibraryServer(options: { env?: Record<string, string>; nodeArgs?: string[] } = {}): Promise<LibraryServer> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "ca-bench-library-"));
  const dataDir = path.join(root, "data");
  const workDir = path.join(root, "work");
  fs.mkdirSync(dataDir);
  fs.mkdirSync(workDir);
  let server: ServerUnderTest | null = null;
  try {
    const handle = openDatabase({ sqlitePath: path.join(dataDir, "connactions.sqlite") });
    let member: Awaited<ReturnType<typeof buildUser>>;
    let network: Awaited<ReturnType<typeof buildNetwork>>;
    try {
      await migrateToLatest(handle.db);
      network = await buildNetwork(handle.db);
      member = await buildUser(handle.db, { memberships: [{ networkId: network.id, role: "member" }], name: "Bench uploader" });
    } finally {
      await handle.close(); // the server owns the file from here on
    }
    server = await startOurInstance({
      name: "library",
      dataDir,
      cookies: [],
      limits: { perUser: 20, perDocument: 300 },
      env: options.env ?? {},
      nodeArgs: options.nodeArgs ?? [],
    });
    const baseUrl = `http://127.0.0.1:${server.port}`;
    const client = new TestClient(baseUrl);
    await client.login(member.email, member.password);
    // Any page sets the CSRF cookie the upload endpoint checks.
    if (!client.cookie("ca_csrf")) await client.get("/dashboard");
    if (!client.cookie("ca_csrf")) throw new Error("no ca_csrf cookie after logging in");
    const s = server;
    return {
      server: s,
      baseUrl,
      client,
      network: { id: network.id, slug: network.slug },
      root,
      workDir,
      dataDir,
      async close({ keep = false } = {}) {
        const exit = await s.stop();
        if (!keep) fs.rmSync(root, { recursive: true, force: true });
        return exit;
      },
    };
  } catch (error) {
    await server?.stop();
    fs.rmSync(root, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Writes `bytes` of incompressible data quickly: one 16 MiB random block, repeated, with
 * the block's number in its first 8 bytes so that no two blocks are equal. Synced.
 * Returns the SHA-256 of what was written.
 */
export async function writeSourceFile(file: string, bytes: number): Promise<string> {
  const block = crypto.randomBytes(16 * MiB);
  const hash = crypto.createHash("sha256");
  const handle = await open(file, "w");
  try {
    for (let offset = 0, index = 0; offset < bytes; offset += block.length, index++) {
      block.writeBigUInt64BE(BigInt(index), 0);
      const part = block.subarray(0, Math.min(block.length, bytes - offset));
      hash.update(part);
      await handle.write(part, 0, part.length, offset);
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  return hash.digest("hex");
}

/** Overwrites 8 bytes at offset 8 with `stamp`, so each round uploads new content (no deduplicated shortcut in the blob store). */
export async function stampFile(file: string, stamp: number): Promise<void> {
  const handle = await open(file, "r+");
  try {
    const bytes = Buffer.alloc(8);
    bytes.writeBigUInt64BE(BigInt(stamp));
    await handle.write(bytes, 0, 8, 8);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = crypto.createHash("sha256");
  await pipeline(fs.createReadStream(file, { highWaterMark: MiB }), hash);
  return hash.digest("hex");
}

/** Streams a readable into a new file and fsyncs it before resolving (fsync acts on the file, so a second descriptor will do). */
async function streamToSyncedFile(source: NodeJS.ReadableStream, target: string): Promise<void> {
  await pipeline(source, fs.createWriteStream(target));
  const handle = await open(target, "r+");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The floor: the same bytes read and written by one process on this machine, through a stream, fsynced. */
export async function plainCopy(source: string, target: string): Promise<void> {
  await streamToSyncedFile(fs.createReadStream(source), target);
}

export interface UploadedFile {
  fileId: string;
  versionId: string;
  /** The download URL's path. */
  downloadPath: string;
}

/**
 * Uploads a file with tus-js-client streaming from disk: it is handed an fs.ReadStream, so
 * its Node build reads each chunk as a fresh stream of the file's range and never holds the
 * file; one PATCH per `chunkSize`. No retries: a failure is a failure of the run.
 */
export async function uploadFromDisk(lib: LibraryServer, file: string, options: { name: string; chunkSize?: number }): Promise<UploadedFile> {
  const { fileId, versionId } = await new Promise<{ fileId: string; versionId: string }>((resolve, reject) => {
    // Its Node build reads fs.ReadStreams (by path); the published types name only the browser's sources.
    const upload = new Upload(fs.createReadStream(file) as unknown as Blob, {
      endpoint: `${lib.baseUrl}/uploads`,
      chunkSize: options.chunkSize ?? DEFAULT_CHUNK_SIZE,
      retryDelays: null,
      headers: tusHeaders(lib.client, lib.baseUrl),
      metadata: { filename: options.name, library: lib.network.id, folderId: "", fileId: "", note: "" },
      storeFingerprintForResuming: false,
      onSuccess: ({ lastResponse }) => {
        const fileId = lastResponse.getHeader("X-Library-File");
        const versionId = lastResponse.getHeader("X-Library-Version");
        if (!fileId || !versionId) reject(new Error("the finished upload answered without X-Library-File/X-Library-Version"));
        else resolve({ fileId, versionId });
      },
      onError: (error) => {
        const response = "originalResponse" in error ? error.originalResponse : null;
        reject(new Error(`upload failed: ${response?.getStatus() ?? "no response"} ${response?.getBody() ?? String(error)}`));
      },
    });
    upload.start();
  });
  return { fileId, versionId, downloadPath: `/networks/${lib.network.slug}/library/files/${fileId}/versions/${versionId}/download` };
}

/** Downloads as the member into `target` (streamed, fsynced); resolves with the bytes received. */
export async function downloadToDisk(lib: LibraryServer, urlPath: string, target: string): Promise<number> {
  const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
    http.get(new URL(urlPath, lib.baseUrl), { headers: { Cookie: lib.client.cookieHeader(), "Accept-Language": "en" } }, resolve).on("error", reject);
  });
  if (response.statusCode !== 200) {
    response.resume();
    throw new Error(`download answered ${response.statusCode}`);
  }
  await streamToSyncedFile(response, target);
  return fs.statSync(target).size;
}

export interface RssWindow {
  before: number;
  peak: number;
  after: number;
  samples: number;
  /** The longest gap between two samples, in ms (the bench's own event loop may delay the 100 ms timer). */
  maxGapMs: number;
}

/** Samples VmRSS of `pid` every `everyMs` from now until `stop()`; before and after are read at the edges. */
export function watchRss(pid: number, everyMs = 100): { stop(): RssWindow } {
  const before = rssBytes(pid);
  let peak = before;
  let samples = 1;
  let last = performance.now();
  let maxGapMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    maxGapMs = Math.max(maxGapMs, now - last);
    last = now;
    peak = Math.max(peak, rssBytes(pid));
    samples++;
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      const after = rssBytes(pid);
      maxGapMs = Math.max(maxGapMs, performance.now() - last);
      return { before, peak: Math.max(peak, after), after, samples: samples + 1, maxGapMs };
    },
  };
}

export interface Measured<T> {
  value: T;
  ms: number;
  /** The server's RSS while `work` ran (null when no server was given). */
  rss: RssWindow | null;
  /** The server's CPU time (user + system, all threads) while `work` ran, in ms. */
  serverCpuMs: number | null;
}

/** Runs `work`, timing it and, when a server is given, watching its RSS and CPU from /proc. */
export async function measured<T>(server: ServerUnderTest | null, work: () => Promise<T>): Promise<Measured<T>> {
  const watch = server ? watchRss(server.pid) : null;
  const cpuBefore = server?.cpuMicros() ?? 0;
  const started = performance.now();
  try {
    const value = await work();
    const ms = performance.now() - started;
    return { value, ms, rss: watch?.stop() ?? null, serverCpuMs: server ? (server.cpuMicros() - cpuBefore) / 1000 : null };
  } catch (error) {
    watch?.stop();
    throw error;
  }
}
