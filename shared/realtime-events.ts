/** socket.io event names and payloads, shared so client and server cannot drift apart. */
import type { NotificationView } from "./notifications";

/** Someone restored an earlier version: the text changed under everyone's eyes, so say who and which. */
export interface RestoreNotice {
  docName: string;
  restoredBy: { id: string; name: string };
  version: { id: string; kind: "auto" | "named" | "restore"; name: string | null; createdAt: string };
  /** The restored version's page in the document's history. */
  versionPath: string;
}
export interface ServerToClientEvents {
  /** This browser session was ended elsewhere (logout of other sessions, password reset). */
  "session:ended": (payload: { reason: "revoked" }) => void;
  /** The person's access to a network changed; pages of that network should reload. */
  "access:changed": (payload: { networkId: string; role: "coordinator" | "member" | null }) => void;
  "notification:new": (payload: { notification: NotificationView; unread: number }) => void;
  "notification:unread": (payload: { unread: number }) => void;
  /** Sent to the room of a document the client joined. */
  "comments:changed": (payload: { docName: string; threadId: string }) => void;
  /** Sent to the room of a document the client joined. */
  "document:restored": (payload: RestoreNotice) => void;
}

export type JoinResult = { ok: true } | { ok: false; error: "notFound" | "invalid" };

export interface ClientToServerEvents {
  /** Join the live room of a document (comments); authorised like opening the document. */
  "doc:join": (docName: string, ack: (result: JoinResult) => void) => void;
  "doc:leave": (docName: string) => void;
}

export const SOCKET_PATH = "/socket.io/";
