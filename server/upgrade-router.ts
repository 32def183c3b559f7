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
  503: "Service Unavailable",
};

export function refuseUpgrade(socket: Duplex, status: number): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  socket.end(`HTTP/1.1 ${status} ${REASONS[status] ?? "Error"}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

export function attachUpgradeRouter(httpServer: HttpServer, options: UpgradeRouterOptions): void {
  httpServer.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on("error", () => socket.destroy());
    const pathname = (req.url ?? "/").split("?")[0] ?? "/";

    if (!isAcceptableUpgradeOrigin(req, options.services.config.publicUrl)) {
      // socket.io refuses foreign origins itself via allowRequest; everything else stops here.
      if (!pathname.startsWith(SOCKET_PATH)) refuseUpgrade(socket, 403);
      return;
    }
    if (pathname.startsWith(SOCKET_PATH)) return;
    if (options.devHmr && req.headers["sec-websocket-protocol"] === "vite-hmr") return;

    if (pathname.startsWith(COLLAB_PREFIX)) {
      const docName = decodeURIComponent(pathname.slice(COLLAB_PREFIX.length));
      options
        .authoriseCollab(req, docName)
        .then((grant) => {
          if (!grant.ok) return refuseUpgrade(socket, grant.status);
          if (!options.collab) return refuseUpgrade(socket, 404);
          options.collab(req, socket, head, grant);
        })
        .catch((error: unknown) => {
          options.services.log.error("[upgrade] collab authorisation failed", error);
          refuseUpgrade(socket, 503);
        });
      return;
    }
    refuseUpgrade(socket, 404);
  });
}
