/** Kinds of notification; each can be mailed or not, per person (on by default). */
/** discussion: a comment on a finding posted on behalf of one's network (server/domain/commons/findings.ts). */
/** recommendation: a recommendation one's network wrote (or may endorse, or must answer) changed stage (server/domain/commons/recommendation-notices.ts). */
/** event: a changed time or place, a cancellation, a place from the waiting list (server/domain/events/event-notices.ts). */
export const NOTIFICATION_KINDS = ["mention", "reply", "version", "discussion", "recommendation", "event"] as const;
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
