/** Kinds of notification; each can be mailed or not, per person (on by default). */
export const NOTIFICATION_KINDS = ["mention", "reply", "version"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** What the browser receives, live and in lists. */
export interface NotificationView {
  id: string;
  kind: NotificationKind;
  actorName: string | null;
  title: string;
  excerpt: string;
  link: string;
  createdAt: string;
  read: boolean;
}
