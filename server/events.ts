/**
 * In-process bus for things that happened and that live connections must react to
 * (close sockets of revoked sessions, of removed members). Domain code emits; the
 * socket.io and collab layers listen. When we scale out, a Redis-backed implementation of
 * the same interface fans these out to every instance.
 */
import { EventEmitter } from "node:events";
import type { NotificationView } from "#shared/notifications";

export interface PlatformEventMap {
  /** Sessions deleted (logout elsewhere, password reset, account disabled). */
  "sessions.revoked": { sessionIds: string[]; userId: string };
  /** A person's access to a network changed (role changed or removed). */
  "membership.changed": { userId: string; networkId: string; role: "coordinator" | "member" | null };
  /** A notification for one person (their own socket.io room only). */
  "notification.created": { userId: string; notification: NotificationView; unread: number };
  "notification.read": { userId: string; unread: number };
  /** Who may change a document changed for everyone (archived or unarchived). */
  "document.rightsChanged": { docName: string };
  /** A network was archived or reactivated: who may change anything in it changed for everyone. */
  "network.rightsChanged": { networkId: string };
  /** Comments of a document changed: editors of that document refresh their sidebar. */
  "comments.changed": { docName: string; threadId: string };
}

export interface PlatformEvents {
  emit<K extends keyof PlatformEventMap>(type: K, payload: PlatformEventMap[K]): void;
  on<K extends keyof PlatformEventMap>(type: K, listener: (payload: PlatformEventMap[K]) => void): () => void;
}

export function createLocalEvents(): PlatformEvents {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(100);
  return {
    emit(type, payload) {
      emitter.emit(type, payload);
    },
    on(type, listener) {
      emitter.on(type, listener as (payload: unknown) => void);
      return () => emitter.off(type, listener as (payload: unknown) => void);
    },
  };
}
