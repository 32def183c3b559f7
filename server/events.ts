/**
 * In-process bus for things that happened and that live connections must react to
 * (close sockets of revoked sessions, of removed members). Domain code emits; the
 * socket.io and collab layers listen. With several instances, server/cluster/cluster-events.ts
 * carries each event to every instance; listeners learn where it was emitted, because
 * socket.io's Redis adapter already broadcasts what the emitting instance sends.
 */
import { EventEmitter } from "node:events";
import type { NotificationView } from "#shared/notifications";
import type { RestoreNotice } from "#shared/realtime-events";

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
  /** An earlier version replaced a document's content: its open editors say who restored which. */
  "document.restored": RestoreNotice;
}

/** Where an event was emitted: on this instance, or on another one and carried here. */
export interface EventSource {
  local: boolean;
}

export type PlatformEventType = keyof PlatformEventMap;

export interface PlatformEvents {
  emit<K extends PlatformEventType>(type: K, payload: PlatformEventMap[K]): void;
  on<K extends PlatformEventType>(type: K, listener: (payload: PlatformEventMap[K], source: EventSource) => void): () => void;
}

/** The bus inside one process; `deliver` hands an event to its listeners with its source. */
export interface LocalEvents extends PlatformEvents {
  deliver<K extends PlatformEventType>(type: K, payload: PlatformEventMap[K], source: EventSource): void;
}

export function createLocalEvents(): LocalEvents {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(100);
  const LOCAL: EventSource = { local: true };
  return {
    emit(type, payload) {
      emitter.emit(type, payload, LOCAL);
    },
    deliver(type, payload, source) {
      emitter.emit(type, payload, source);
    },
    on(type, listener) {
      emitter.on(type, listener as (payload: unknown, source: EventSource) => void);
      return () => emitter.off(type, listener as (payload: unknown, source: EventSource) => void);
    },
  };
}
