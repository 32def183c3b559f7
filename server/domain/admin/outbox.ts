/**
 * The outbox as admins read it. Without SMTP the outbox is the only place a mail exists,
 * so the full text is shown: an admin can pass an invitation link on by hand.
 */
import type { Services } from "#server/services";
import { listOutboxPage } from "#db/queries/admin-outbox";
import { readPage } from "../paging";

export type MailStatus = "sent" | "failed" | "notSent";

export async function outboxPage(services: Services, page: number) {
  const { rows, ...paging } = await readPage(page, (limit, offset) => listOutboxPage(services.db, limit, offset));
  return {
    ...paging,
    mails: rows.map((m) => ({
      id: m.id,
      createdAt: m.created_at,
      to: m.to_address,
      kind: m.kind,
      locale: m.locale,
      subject: m.subject,
      body: m.text_body,
      status: (m.sent_at ? "sent" : m.error ? "failed" : "notSent") as MailStatus,
      sentAt: m.sent_at,
      error: m.error,
    })),
  };
}
