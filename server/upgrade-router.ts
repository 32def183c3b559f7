/**
 * One `upgrade` listener decides what may become a WebSocket on our port:
 *   /socket.io/  → socket.io (it has its own listener; we only step aside)
 *   /collab/<doc> → authorised by the collab gate, then the collab server
 *   Vite HMR      → only in dev, recognised by its subprotocol
 * Anything else, and any upgrade from a foreign Origin, is refused.
 */
import type { IncomingMessage, Server as HttpServer } from "node:http";
import type { Duplex } from "node:stream";
import type { Services } from "./services";
import { isAcceptableUpgradeOrigin } from "./http/origin";
import { SOCKET_PATH } from "#shared/realtime-events";
import type { GateResult } from "./collab/gate";

export const COLLAB_PREFIX = "/collab/";

export type CollabUpgradeHandler = (
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  grant: Extract<GateResult, { ok: true }>,
) => void;

export interface UpgradeRouterOptions {
  services: Services;
  authoriseCollab: (req: IncomingMessage, docName: string) => Promise<GateResult>;
  collab: CollabUpgradeHandler | null;
  devHmr: boolean;
}

const REASONS: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  429: "Too Many Requests",
  503: "Service Unavailable",
};

export function refuseUpgrade(socket: Duplex, status: number): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  socket.end(`HTTP/1.1 ${status} ${REASONS[status] ?? "Error"}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** The document name from a `/collab/…` path, or null when its percent-encoding is broken. */
export function collabDocNameOf(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname.slice(COLLAB_PREFIX.length));
  } catch {
    return null; // URIError: "%E0%A4%A" and friends
  }
}

export function attachUpgradeRouter(httpServer: HttpServer, options: UpgradeRouterOptions): void {
  const { log } = options.services;
  httpServer.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on("error", () => socket.destroy());
    // Everything here runs on bytes from the network before any login: whatever throws
    // refuses this one upgrade and is logged, never reaches the process.
    try {
      route(req, socket, head);
    } catch (error) {
      log.error(`[upgrade] refused ${describe(req)} after an error`, error);
      refuseUpgrade(socket, 400);
    }
  });

  function route(req: IncomingMessage, socket: Duplex, head: Buffer) {
    const pathname = (req.url ?? "/").split("?")[0] ?? "/";

    if (!isAcceptableUpgradeOrigin(req, options.services.config.publicUrl)) {
      // socket.io refuses foreign origins itself via allowRequest; everything else stops here.
      if (!pathname.startsWith(SOCKET_PATH)) refuseUpgrade(socket, 403);
      return;
    }
    if (pathname.startsWith(SOCKET_PATH)) return;
    if (options.devHmr && req.headers["sec-websocket-protocol"] === "vite-hmr") return;

    if (pathname.startsWith(COLLAB_PREFIX)) {
      const docName = collabDocNameOf(pathname);
      if (docName === null) return refuseUpgrade(socket, 400);
      options
        .authoriseCollab(req, docName)
        .then((grant) => {
          if (!grant.ok) return refuseUpgrade(socket, grant.status);
          if (!options.collab) return refuseUpgrade(socket, 404);
          options.collab(req, socket, head, grant);
        })
        .catch((error: unknown) => {
          log.error(`[upgrade] collab authorisation of ${describe(req)} failed`, error);
          refuseUpgrade(socket, 503);
        });
      return;
    }
    refuseUpgrade(socket, 404);
  }
}

/** A log-safe description of a request: its path, shortened, without the query. */
function describe(req: IncomingMessage): string {
  return JSON.stringify((req.url ?? "").split("?")[0]!.slice(0, 200));
}
