/** socket.io event names and payloads, shared so client and server cannot drift apart. */
import type { NotificationView } from "./notifications";
export interface ServerToClientEvents {
  /** This browser session was ended elsewhere (logout of other sessions, password reset). */
  "session:ended": (payload: { reason: "revoked" }) => void;
  /** The person's access to a network changed; pages of that network should reload. */
  "access:changed": (payload: { networkId: string; role: "coordinator" | "member" | null }) => void;
  "notification:new": (payload: { notification: NotificationView; unread: number }) => void;
  "notification:unread": (payload: { unread: number }) => void;
  /** Sent to the room of a document the client joined. */
  "comments:changed": (payload: { docName: string; threadId: string }) => void;
}

export type JoinResult = { ok: true } | { ok: false; error: "notFound" | "invalid" };

export interface ClientToServerEvents {
  /** Join the live room of a document (comments); authorised like opening the document. */
  "doc:join": (docName: string, ack: (result: JoinResult) => void) => void;
  "doc:leave": (docName: string) => void;
}

export const SOCKET_PATH = "/socket.io/";
