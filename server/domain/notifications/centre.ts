/** The notification centre: a person's own notifications, read state, e-mail choices. */
import type { Services } from "#server/services";
import { NOTIFICATION_KINDS, type NotificationKind, type NotificationView } from "#shared/notifications";
import { countUnread, emailPreferences, findNotificationOf, listNotificationsOf, markAllRead, markRead, setEmailPreference } from "#db/queries/notifications";
import { nowIso } from "#shared/time";
import { readPage } from "../paging";

/** How many notifications one page of the centre shows. */
export const NOTIFICATIONS_PER_PAGE = 50;

type Row = Awaited<ReturnType<typeof listNotificationsOf>>[number];

const view = (r: Row): NotificationView => ({
  id: r.id,
  kind: r.kind,
  actorName: r.actor_name,
  title: r.title,
  excerpt: r.excerpt,
  link: r.link,
  createdAt: r.created_at,
  read: r.read_at !== null,
});

/** One page of a person's notifications, newest first, and how many are unread in all. */
export async function notificationCentre(services: Services, userId: string, page = 1) {
  const [{ rows, ...paging }, unread] = await Promise.all([
    readPage(page, (limit, offset) => listNotificationsOf(services.db, userId, limit, offset), NOTIFICATIONS_PER_PAGE),
    countUnread(services.db, userId),
  ]);
  return { unread, items: rows.map(view), ...paging };
}

/** One of the person's own notifications; anybody else's id is unknown. */
export async function ownNotification(services: Services, userId: string, id: string): Promise<NotificationView | undefined> {
  const row = await findNotificationOf(services.db, userId, id);
  return row ? view(row) : undefined;
}

export const unreadCount = (services: Services, userId: string) => countUnread(services.db, userId);

export async function markNotificationsRead(services: Services, userId: string, ids: string[] | "all") {
  if (ids === "all") await markAllRead(services.db, userId, nowIso());
  else await markRead(services.db, userId, ids, nowIso());
  const unread = await countUnread(services.db, userId);
  services.events.emit("notification.read", { userId, unread });
  return unread;
}

export async function emailChoices(services: Services, userId: string): Promise<Record<NotificationKind, boolean>> {
  const stored = await emailPreferences(services.db, userId);
  return Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, stored.get(kind) ?? true])) as Record<NotificationKind, boolean>;
}

export async function saveEmailChoices(services: Services, userId: string, choices: Record<NotificationKind, boolean>) {
  for (const kind of NOTIFICATION_KINDS) await setEmailPreference(services.db, userId, kind, choices[kind]);
}
