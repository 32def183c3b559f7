/**
 * The logged-in person's notifications as the page knows them: the unread count (from the
 * root loader, then kept current by socket.io without a reload), the notifications that
 * arrived live since the page loaded, and a short announcement for screen readers.
 * The socket itself is the one of useLiveSession (one per page); this only holds state.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import type { NotificationView } from "#shared/notifications";
import type { LiveNotificationHandlers } from "./use-live-session";

export interface LiveNotifications {
  unread: number;
  /** Arrived over the socket since this page was loaded, newest first. */
  arrived: NotificationView[];
}

const LiveNotificationsContext = createContext<LiveNotifications | null>(null);

/** How long an announcement stays in the live region before it is cleared. */
const ANNOUNCE_FOR_MS = 8_000;
const KEEP_ARRIVED = 50;

/**
 * State for the root component. `loaderUnread` is the count the root loader computed; each
 * new loader result (navigation after a form, revalidation) takes over from live updates.
 */
export function useLiveNotificationsState(loaderUnread: number, rootData: unknown) {
  const { t } = useTranslation("notifications");
  const [unread, setUnread] = useState(loaderUnread);
  const [arrived, setArrived] = useState<NotificationView[]>([]);
  const [announcement, setAnnouncement] = useState("");
  const clearTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // A fresh loader result is the truth at that moment.
  useEffect(() => {
    setUnread(loaderUnread);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rootData]);

  useEffect(
    () => () => {
      if (clearTimer.current) clearTimeout(clearTimer.current);
    },
    [],
  );

  const onNotification = useCallback(
    (notification: NotificationView, count: number) => {
      setUnread(count);
      setArrived((list) => [notification, ...list.filter((n) => n.id !== notification.id)].slice(0, KEEP_ARRIVED));
      setAnnouncement(t("live.new", { summary: notificationSummary(t, notification) }));
      if (clearTimer.current) clearTimeout(clearTimer.current);
      clearTimer.current = setTimeout(() => setAnnouncement(""), ANNOUNCE_FOR_MS);
    },
    [t],
  );
  const onUnread = useCallback((count: number) => setUnread(count), []);

  const handlers: LiveNotificationHandlers = useMemo(() => ({ onNotification, onUnread }), [onNotification, onUnread]);
  const value: LiveNotifications = useMemo(() => ({ unread, arrived }), [unread, arrived]);
  return { value, handlers, announcement };
}

export const LiveNotificationsProvider = LiveNotificationsContext.Provider;

/** The live state, or null outside the provider (error pages): callers fall back to loader data. */
export function useLiveNotifications(): LiveNotifications | null {
  return useContext(LiveNotificationsContext);
}

/**
 * A polite live region that is always in the page (live regions must exist before their
 * text changes), saying briefly that a notification arrived.
 */
export function LiveAnnouncer({ text }: { text: string }) {
  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true">
      {text}
    </div>
  );
}

/** "Katrin Huber mentioned you in “Work programme 2026”", in the page's language. */
export function notificationSummary(t: TFunction, n: Pick<NotificationView, "kind" | "actorName" | "title" | "excerpt">): string {
  const actor = n.actorName ?? t("someone");
  return t(`summary.${n.kind}`, { actor, title: n.title, excerpt: n.excerpt });
}
