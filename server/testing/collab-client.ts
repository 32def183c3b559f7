/**
 * The stock y-websocket client provider in Node, carrying a browser session's cookie, for
 * tests and benchmarks against the real collab endpoint.
 */
import WebSocket from "ws";
import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import { docNameOf } from "#shared/collab/doc-names";
import type { TestClient } from "./http-client";

export function cookieWebSocket(cookie: string, origin?: string) {
  return class CookieWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers: { Cookie: cookie, ...(origin ? { Origin: origin } : {}) } });
    }
  };
}

export interface DocClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  synced: Promise<void>;
  /** Resolves with the close code the server sent. */
  nextClose(): Promise<number>;
  destroy(): void;
}

/**
 * Each stock provider in Node adds a process "exit" listener (to withdraw its caret; destroy()
 * removes it). The durability test holds 20 providers at once, and Node's default of 10 made
 * every CI log warn of a leak that is not one. A real leak in the tests would still pass 64.
 */
const MOST_OPEN_PROVIDERS = 64;

export function openDoc(baseUrl: string, client: TestClient | null, docName: string, options: { ack?: boolean; connect?: boolean } = {}): DocClient {
  if (process.getMaxListeners() < MOST_OPEN_PROVIDERS) process.setMaxListeners(MOST_OPEN_PROVIDERS);
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${baseUrl.replace(/^http/, "ws")}/collab`, docName, doc, {
    WebSocketPolyfill: cookieWebSocket(client?.cookieHeader() ?? "") as unknown as typeof globalThis.WebSocket,
    params: options.ack ? { ack: "1" } : {},
    disableBc: true,
    maxBackoffTime: 300,
    connect: options.connect ?? true,
  });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    provider.on("sync", (isSynced: boolean) => isSynced && resolve());
  });
  return {
    doc,
    provider,
    synced,
    nextClose: () =>
      new Promise<number>((resolve) => {
        const listener = (event: { code?: number } | null) => {
          provider.off("connection-close", listener);
          resolve(event?.code ?? 0);
        };
        provider.on("connection-close", listener);
      }),
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

export const workProgrammeDoc = (id: string) => docNameOf("workprogramme", id);

export interface RawCollabSocket {
  ws: WebSocket;
  /** Resolves once the upgrade succeeded; rejects with "refused <status>" when the server answered with HTTP. */
  opened: Promise<void>;
  /** Resolves with the close code. */
  closed: Promise<number>;
}

/** A raw WebSocket to a collab path, for frames no well-behaved client would send. */
export function rawCollabSocket(baseUrl: string, path: string, cookie: string): RawCollabSocket {
  const ws = new WebSocket(`${baseUrl.replace(/^http/, "ws")}${path}`, { headers: { Cookie: cookie } });
  const opened = new Promise<void>((resolve, reject) => {
    ws.on("open", () => resolve());
    ws.on("unexpected-response", (_request, response) => reject(new Error(`refused ${response.statusCode}`)));
  });
  const closed = new Promise<number>((resolve) => ws.on("close", (code) => resolve(code)));
  ws.on("error", () => undefined);
  return { ws, opened, closed };
}

/** Polls until `check` passes or the deadline is reached (for eventually-consistent assertions). */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 5000, what = "condition"): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}
