/**
 * The outbox as admins read it. Without SMTP the outbox is the only place a mail exists,
 * so the full text is shown: an admin can pass an invitation link on by hand.
 *
 * Except mails about expressions of interest and partnerships: they carry a group's
 * submission and its private link, or a partnership that only its partners and the project
 * team may know of (and the links would let anyone act as the group). Admins see that such
 * a mail went, and to whom.
 */
import type { Services } from "#server/services";
import { listOutboxPage } from "#db/queries/admin-outbox";
import { readPage } from "../paging";

const isSealed = (kind: string) => kind.startsWith("interest") || kind === "partnershipInvitation" || kind === "addedToPartnership";

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
