/**
 * Library uploads in integration tests, with the real tus client (tus-js-client, its Node
 * build) over real HTTP: the signed-in TestClient's cookies, its CSRF token and a same-origin
 * Origin, exactly what a page sends. `cuttingProxy` sits between client and server and cuts
 * the TCP connection once after a given number of bytes, so a test sees the client resume.
 */
import crypto from "node:crypto";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { Upload } from "tus-js-client";
import type { TestClient } from "./http-client";

export interface UploadOptions {
  /** A network id or "commons". */
  library: string;
  folderId?: string | null;
  fileId?: string | null;
  name: string;
  note?: string;
  /** Where to send it; the server's own URL unless a proxy stands between. */
  via?: string;
  retryDelays?: number[];
  onProgress?: (sent: number, total: number) => void;
}

export type UploadOutcome = { ok: true; fileId: string; versionId: string; url: string } | { ok: false; status: number; body: string };

export function tusHeaders(client: TestClient, origin: string): Record<string, string> {
  return { Cookie: client.cookieHeader(), "X-CSRF-Token": client.cookie("ca_csrf") ?? "", Origin: origin, "Accept-Language": "en" };
}

/**
 * Creates an upload with one raw tus POST (no client library) and returns its absolute address,
 * for tests that send each following request themselves (to a chosen instance, cut, or stalled).
 */
export async function createRawUpload(client: TestClient, serverUrl: string, options: { size: number; name: string; library: string }): Promise<{ status: number; location: URL | null }> {
  const base64 = (text: string) => Buffer.from(text, "utf8").toString("base64");
  const response = await fetch(`${serverUrl}/uploads`, {
    method: "POST",
    headers: {
      ...tusHeaders(client, serverUrl),
      "Tus-Resumable": "1.0.0",
      "Upload-Length": String(options.size),
      "Upload-Metadata": `filename ${base64(options.name)},library ${base64(options.library)}`,
    },
  });
  await response.body?.cancel();
  const location = response.headers.get("location");
  return { status: response.status, location: location ? new URL(location, serverUrl) : null };
}

/** Uploads `data` and resolves with the file it became, or with the server's refusal. */
export async function uploadToLibrary(client: TestClient, serverUrl: string, data: Buffer, options: UploadOptions): Promise<UploadOutcome> {
  if (!client.cookie("ca_csrf")) await client.get("/dashboard");
  const endpoint = `${options.via ?? serverUrl}/uploads`;
  return new Promise<UploadOutcome>((resolve) => {
    // Its Node build reads Buffers; the published types name only the browser's sources.
    const upload = new Upload(data as unknown as Blob, {
      endpoint,
      retryDelays: options.retryDelays ?? [0, 200, 500],
      headers: tusHeaders(client, serverUrl),
      metadata: {
        filename: options.name,
        library: options.library,
        folderId: options.folderId ?? "",
        fileId: options.fileId ?? "",
        note: options.note ?? "",
      },
      // Node has no localStorage: resuming here is the client's retry within one upload.
      storeFingerprintForResuming: false,
      onShouldRetry: (error) => {
        const status = error.originalResponse?.getStatus() ?? 0;
        return status === 0 || status >= 500 || status === 409;
      },
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      onSuccess: (payload) => {
        const response = payload.lastResponse;
        resolve({
          ok: true,
          fileId: response.getHeader("X-Library-File") ?? "",
          versionId: response.getHeader("X-Library-Version") ?? "",
          url: upload.url ?? "",
        });
      },
      onError: (error) => {
        const response = "originalResponse" in error ? error.originalResponse : null;
        resolve({ ok: false, status: response?.getStatus() ?? 0, body: response?.getBody() ?? String(error) });
      },
    });
    upload.start();
  });
}

export function sha256(data: Buffer | Uint8Array): string {
  return crypto.createHash("sha256").update(data).digest("hex");
}

/** Random bytes (not compressible, so no layer can shortcut them). */
export function randomBytes(size: number): Buffer {
  return crypto.randomBytes(size);
}

/** Fetches a file's bytes as the signed-in client. */
export async function downloadBytes(client: TestClient, serverUrl: string, path: string, headers: Record<string, string> = {}) {
  const response = await fetch(new URL(path, serverUrl), { headers: { Cookie: client.cookieHeader(), ...headers }, redirect: "manual" });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

export interface CuttingProxy {
  url: string;
  /** How many connections it cut (a test asserts the cut really happened). */
  cuts(): number;
  /** Bytes passed towards the server, over all connections. */
  forwarded(): number;
  close(): Promise<void>;
}

/**
 * A TCP proxy that forwards everything, except that once the bytes sent towards the
 * server pass `cutAfterBytes`, it destroys that connection (both sides) like a dropped
 * network. Later connections pass untouched.
 */
export async function cuttingProxy(target: string, cutAfterBytes: number): Promise<CuttingProxy> {
  const { hostname, port } = new URL(target);
  let forwarded = 0;
  let cuts = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(port), hostname);
    sockets.add(client).add(upstream);
    const cleanup = () => {
      client.destroy();
      upstream.destroy();
    };
    // Once this connection is cut, nothing more of it may reach the server (a gap would corrupt the upload).
    let cut = false;
    client.on("data", (chunk: Buffer) => {
      if (cut) return;
      if (cuts === 0 && forwarded + chunk.length > cutAfterBytes) {
        cut = true;
        const keep = Math.max(0, cutAfterBytes - forwarded);
        forwarded += keep;
        cuts += 1;
        upstream.write(chunk.subarray(0, keep), () => setTimeout(cleanup, 50));
        client.pause();
        return;
      }
      forwarded += chunk.length;
      upstream.write(chunk);
    });
    upstream.on("data", (chunk: Buffer) => client.write(chunk));
    client.on("error", cleanup).on("close", cleanup);
    upstream.on("error", cleanup).on("close", cleanup);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port: proxyPort } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${proxyPort}`,
    cuts: () => cuts,
    forwarded: () => forwarded,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
