/**
 * The page's one socket.io connection (opened by useLiveSession), for the parts of a page
 * that need live events of their own, e.g. the comment sidebar joining its document's room.
 * Nobody opens a second socket: the live session publishes its socket here when it has
 * opened it and withdraws it when it closes it; readers re-render when it comes or goes.
 *
 * Readers add and remove only their own listeners (socket.on / socket.off with the same
 * function) and never disconnect the socket.
 */
import { useSyncExternalStore } from "react";
import type { Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "#shared/realtime-events";

export type PageSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let current: PageSocket | null = null;
const subscribers = new Set<() => void>();

function announce() {
  for (const subscriber of subscribers) subscriber();
}

/** Called by the live session with the socket it opened. */
export function publishPageSocket(socket: PageSocket): void {
  current = socket;
  announce();
}

/** Called by the live session when it closes that socket (a newer one stays published). */
export function withdrawPageSocket(socket: PageSocket): void {
  if (current !== socket) return;
  current = null;
  announce();
}

function subscribe(callback: () => void) {
  subscribers.add(callback);
  return () => {
    subscribers.delete(callback);
  };
}

/** The page's socket once the live session has opened it; null before that and on the server. */
export function usePageSocket(): PageSocket | null {
  return useSyncExternalStore(
    subscribe,
    () => current,
    () => null,
  );
}
