/**
 * socket.io: authenticated from the session cookie during the handshake, one room per
 * user and per session (joined by the server, never by name from the client), and document
 * rooms a client may ask to join only after the same authorisation as opening the document.
 * Carries session and access changes, notifications and comment updates. With several
 * instances, socket.io's Redis adapter carries every emit to all of them, so each platform
 * event is turned into emits only by the instance where it happened (`source.local`).
 */
import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import type { Services } from "../services";
import type { PlatformEvents } from "../events";
import { SESSION_COOKIE, authenticateToken } from "../domain/auth/sessions";
import { readCookies } from "../http/cookies";
import { isAllowedOrigin, originOf } from "../http/origin";
import { SOCKET_PATH, type ClientToServerEvents, type ServerToClientEvents } from "#shared/realtime-events";
import { parseDocName } from "#shared/collab/doc-names";
import { can } from "#shared/policy";
import { loadActor } from "../domain/auth/actor";
import type { DocumentTypes } from "../documents/document-type";
import { resolveDocument } from "../documents/registry";

interface SocketData {
  userId: string;
  sessionId: string;
}

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** Room names are ours: `user:<id>`, `session:<id>`, `doc:<name>`. Clients never name them. */
const docRoom = (docName: string) => `doc:${docName}`;

export function createSocketServer(httpServer: HttpServer, services: Services, types: DocumentTypes): RealtimeServer {
  /** A document's live events go to those who may read it: the same question as opening it. */
  const mayFollow = async (userId: string, docName: string) => {
    const document = await resolveDocument(services, docName, types);
    return document !== null && can(await loadActor(services.db, userId), { type: "document.read", doc: document });
  };

  const io: RealtimeServer = new Server(httpServer, {
    path: SOCKET_PATH,
    serveClient: false,
    // Other upgrade paths belong to our router (collab, Vite HMR); socket.io must not kill them.
    destroyUpgrade: false,
    maxHttpBufferSize: 64 * 1024,
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      // Non-browser clients send no Origin; browsers always do, and it must be ours.
      callback(null, origin === undefined || isAllowedOrigin(req, services.config.publicUrl, originOf(origin)));
    },
  });

  const adapter = services.cluster.socketIoAdapter();
  if (adapter) io.adapter(adapter as unknown as Parameters<RealtimeServer["adapter"]>[0]);

  io.use(async (socket, next) => {
    try {
      const auth = await authenticateToken(services, readCookies(socket.request)[SESSION_COOKIE]);
      if (!auth) return next(new Error("unauthorised"));
      socket.data.userId = auth.user.id;
      socket.data.sessionId = auth.session.id;
      next();
    } catch (error) {
      services.log.error("[socket.io] handshake failed", error);
      next(new Error("unavailable"));
    }
  });

  io.on("connection", (socket) => {
    void socket.join([`user:${socket.data.userId}`, `session:${socket.data.sessionId}`]);

    // Joining a document's room is authorised exactly like opening the document.
    socket.on("doc:join", async (docName, ack) => {
      const reply = typeof ack === "function" ? ack : () => undefined;
      try {
        const doc = typeof docName === "string" ? parseDocName(docName) : null;
        if (!doc) return reply({ ok: false, error: "invalid" });
        if (!(await mayFollow(socket.data.userId, docName as string))) return reply({ ok: false, error: "notFound" });
        await socket.join(docRoom(docName));
        reply({ ok: true });
      } catch (error) {
        services.log.error("[socket.io] doc:join failed", error);
        reply({ ok: false, error: "notFound" });
      }
    });
    socket.on("doc:leave", (docName) => {
      if (typeof docName === "string") void socket.leave(docRoom(docName));
    });
  });

  // socket.io's adapter already carries each emit to every instance: only the instance where an
  // event happened turns it into emits, or each person would get it once per instance.
  const onLocal: PlatformEvents["on"] = (type, listener) =>
    services.events.on(type, (payload, source) => {
      if (source.local) listener(payload, source);
    });

  onLocal("sessions.revoked", ({ sessionIds }) => {
    for (const id of sessionIds) {
      io.to(`session:${id}`).emit("session:ended", { reason: "revoked" });
      // Give the event a moment to reach the client before the socket goes.
      setTimeout(() => io.in(`session:${id}`).disconnectSockets(true), 50).unref();
    }
  });
  onLocal("membership.changed", ({ userId, networkId, role }) => {
    io.to(`user:${userId}`).emit("access:changed", { networkId, role });
    // Someone who lost access must not keep receiving a document's live events.
    void (async () => {
      for (const socket of await io.in(`user:${userId}`).fetchSockets()) {
        for (const room of socket.rooms) {
          if (!room.startsWith("doc:")) continue;
          if (!(await mayFollow(userId, room.slice(4)))) socket.leave(room);
        }
      }
    })().catch((error: unknown) => services.log.error("[socket.io] access re-check failed", error));
  });
  onLocal("notification.created", ({ userId, notification, unread }) => {
    io.to(`user:${userId}`).emit("notification:new", { notification, unread });
  });
  onLocal("notification.read", ({ userId, unread }) => {
    io.to(`user:${userId}`).emit("notification:unread", { unread });
  });
  onLocal("document.restored", (notice) => {
    io.to(docRoom(notice.docName)).emit("document:restored", notice);
  });
  onLocal("comments.changed", ({ docName, threadId }) => {
    io.to(docRoom(docName)).emit("comments:changed", { docName, threadId });
  });

  return io;
}
