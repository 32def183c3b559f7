/**
 * Creating notifications: stored for the in-app centre, pushed live over socket.io (only
 * to the recipient's own room), and queued as e-mail in the recipient's language unless
 * they turned that kind off. Callers decide who is addressed and must only address people
 * who may read the document (see comments and versions).
 */
import type { Services } from "#server/services";
import type { NotificationKind, NotificationView } from "#shared/notifications";
import { countUnread, emailPreferences, insertNotification } from "#db/queries/notifications";
import { findUserById } from "#db/queries/users";
import { composeMail, type MailKind } from "#server/mail/compose";
import { newId } from "../auth/tokens";
import { nowIso } from "#shared/time";

/** The mail that goes with each kind of notification. */
const MAIL_KIND: Record<NotificationKind, MailKind> = {
  mention: "notifyMention",
  reply: "notifyReply",
  version: "notifyVersion",
  discussion: "notifyDiscussion",
  recommendation: "notifyRecommendation",
  event: "notifyEvent",
};

export interface NotificationInput {
  recipientId: string;
  kind: NotificationKind;
  actorId: string | null;
  networkId: string | null;
  docName: string | null;
  threadId?: string | null;
  commentId?: string | null;
  versionId?: string | null;
  /** The document's title, shown as the notification's subject. */
  title: string;
  excerpt: string;
  /** Path inside the platform, e.g. /networks/x/work-programmes/y?thread=z */
  link: string;
}

export async function notify(services: Services, inputs: NotificationInput[]): Promise<void> {
  for (const input of inputs) {
    if (input.recipientId === input.actorId) continue; // nobody is told about their own action
    const recipient = await findUserById(services.db, input.recipientId);
    if (!recipient || recipient.disabled_at) continue;
    const actor = input.actorId ? await findUserById(services.db, input.actorId) : undefined;
    const row = {
      id: newId(),
      user_id: recipient.id,
      kind: input.kind,
      network_id: input.networkId,
      doc_name: input.docName,
      thread_id: input.threadId ?? null,
      comment_id: input.commentId ?? null,
      version_id: input.versionId ?? null,
      actor_id: input.actorId,
      title: input.title.slice(0, 300),
      excerpt: input.excerpt.slice(0, 500),
      link: input.link.startsWith("/") ? input.link : "/",
      created_at: nowIso(),
      read_at: null,
    };
    await insertNotification(services.db, row);
    const view: NotificationView = {
      id: row.id,
      kind: row.kind,
      actorName: actor?.name ?? null,
      title: row.title,
      excerpt: row.excerpt,
      link: row.link,
      createdAt: row.created_at,
      read: false,
    };
    services.events.emit("notification.created", { userId: recipient.id, notification: view, unread: await countUnread(services.db, recipient.id) });
    const wantsMail = (await emailPreferences(services.db, recipient.id)).get(input.kind) ?? true;
    if (wantsMail) {
      await services.mailer.send(
        composeMail(MAIL_KIND[input.kind], recipient.email, recipient.locale, {
          name: recipient.name,
          actor: actor?.name ?? "ConnActions",
          title: row.title,
          excerpt: row.excerpt,
          link: `${services.config.publicUrl}${row.link}`,
        }),
      );
    }
  }
}
