/**
 * The outbox as admins read it. Without SMTP the outbox is the only place a mail exists,
 * so the full text is shown: an admin can pass an invitation link on by hand.
 *
 * Except mails about expressions of interest: they carry a group's submission and its
 * private link, which only the project team and the advisory board may see (and the link
 * would let anyone change or withdraw it). Admins see that such a mail went, and to whom.
 */
import type { Services } from "#server/services";
import { listOutboxPage } from "#db/queries/admin-outbox";
import { readPage } from "../paging";

const isSealed = (kind: string) => kind.startsWith("interest");

export type MailStatus = "sent" | "failed" | "notSent";

export async function outboxPage(services: Services, page: number) {
  const { rows, ...paging } = await readPage(page, (limit, offset) => listOutboxPage(services.db, limit, offset));
  return {
    ...paging,
    mails: rows.map((m) => ({
      id: m.id,
      sealed: isSealed(m.kind),
      createdAt: m.created_at,
      to: m.to_address,
      kind: m.kind,
      locale: m.locale,
      subject: isSealed(m.kind) ? null : m.subject,
      body: isSealed(m.kind) ? null : m.text_body,
      status: (m.sent_at ? "sent" : m.error ? "failed" : "notSent") as MailStatus,
      sentAt: m.sent_at,
      error: m.error,
    })),
  };
}
