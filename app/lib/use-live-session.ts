/**
 * Keeps a logged-in page in step with the server over socket.io: if this session is ended
 * elsewhere the page goes to the login screen and says why; if the person's access to a
 * network changes, the page data is reloaded (and an inaccessible page becomes a 404).
 * The same socket (one per page) carries the person's notifications to `live`.
 */
import { useEffect, useRef } from "react";
import { useNavigation, useRevalidator } from "@remix-run/react";
import type { Socket } from "socket.io-client";
import { SOCKET_PATH, type ClientToServerEvents, type ServerToClientEvents } from "#shared/realtime-events";
import type { NotificationView } from "#shared/notifications";
import { publishPageSocket, withdrawPageSocket } from "./page-socket";

export interface LiveNotificationHandlers {
  onNotification(notification: NotificationView, unread: number): void;
  onUnread(unread: number): void;
}

export function useLiveSession(loggedIn: boolean, live?: LiveNotificationHandlers) {
  const revalidator = useRevalidator();
  // The handlers may change from render to render; the socket keeps calling the latest.
  const handlers = useRef(live);
  handlers.current = live;
  // Logging out ends this very session, so the server announces "session:ended" to this tab
  // too, while the logout request is still running. That is not "ended elsewhere": let the
  // logout's own redirect (to /login?reason=loggedOut) win.
  const navigation = useNavigation();
  const loggingOut = useRef(false);
  loggingOut.current = navigation.formAction === "/logout";
  useEffect(() => {
    if (!loggedIn) return;
    let socket: Socket<ServerToClientEvents, ClientToServerEvents> | undefined;
    let cancelled = false;
    void import("socket.io-client").then(({ io }) => {
      if (cancelled) return;
      socket = io({ path: SOCKET_PATH, withCredentials: true, transports: ["websocket"] });
      socket.on("session:ended", () => {
        if (!loggingOut.current) window.location.assign("/login?reason=sessionEnded");
      });
      socket.on("access:changed", () => revalidator.revalidate());
      socket.on("notification:new", ({ notification, unread }) => handlers.current?.onNotification(notification, unread));
      socket.on("notification:unread", ({ unread }) => handlers.current?.onUnread(unread));
      // Other parts of the page (comments) listen on this same socket.
      publishPageSocket(socket);
    });
    return () => {
      cancelled = true;
      if (socket) withdrawPageSocket(socket);
      socket?.disconnect();
    };
    // revalidator is stable enough for our purpose; reconnecting on every render is not wanted
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loggedIn]);
}
