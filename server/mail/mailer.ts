/**
 * Every mail is written to the outbox table first: admins can read it in the UI, the log
 * prints it, and the demo works offline. With SMTP_URL set it is also sent over SMTP and
 * marked sent (or the error kept) without holding up the request that caused it.
 */
import nodemailer from "nodemailer";
import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import type { Locale } from "#shared/i18n/config";
import { findOutboxMail, insertOutboxMail, markOutboxFailed, markOutboxSent } from "#db/queries/outbox";
import { newId } from "#server/domain/auth/tokens";
import { nowIso } from "#shared/time";
import type { Logger } from "#server/log";

export interface OutgoingMail {
  to: string;
  kind: string;
  locale: Locale;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<{ id: string }>;
  /**
   * Writes the mail to the outbox inside the caller's transaction, and nothing else: a mail
   * that must go exactly once (a reminder) is stored with the mark that it went, atomically.
   * Call `release` with the id once the transaction committed to hand it to SMTP.
   */
  stage(db: Kysely<Database>, mail: OutgoingMail): Promise<{ id: string }>;
  release(id: string): Promise<void>;
  /** Resolves when mails handed to SMTP so far have been attempted (used at shutdown and in tests). */
  drain(): Promise<void>;
}

export function createMailer(options: { db: Kysely<Database>; smtpUrl?: string | undefined; from: string; log: Logger }): Mailer {
  const transport = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : null;
  const pending = new Set<Promise<void>>();

  async function store(db: Kysely<Database>, mail: OutgoingMail): Promise<string> {
    const id = newId();
    await insertOutboxMail(db, {
      id,
      to_address: mail.to,
      subject: mail.subject,
      text_body: mail.text,
      kind: mail.kind,
      locale: mail.locale,
      created_at: nowIso(),
      sent_at: null,
      error: null,
    });
    return id;
  }

  function deliver(id: string, mail: Pick<OutgoingMail, "to" | "kind" | "subject" | "text">): void {
    if (!transport) {
      options.log.info(`[mail] outbox ${mail.kind} to ${mail.to}: ${mail.subject}\n${mail.text}`);
      return;
    }
    const delivery = transport
      .sendMail({ from: options.from, to: mail.to, subject: mail.subject, text: mail.text })
      .then(() => markOutboxSent(options.db, id, nowIso()))
      .catch(async (error: Error) => {
        options.log.warn(`[mail] SMTP delivery of ${id} failed: ${error.message}`);
        await markOutboxFailed(options.db, id, error.message.slice(0, 500)).catch(() => undefined);
      })
      .finally(() => pending.delete(delivery));
    pending.add(delivery);
  }

  return {
    async send(mail) {
      const id = await store(options.db, mail);
      deliver(id, mail);
      return { id };
    },
    async stage(db, mail) {
      return { id: await store(db, mail) };
    },
    async release(id) {
      const row = await findOutboxMail(options.db, id);
      if (row && !row.sent_at) deliver(id, { to: row.to_address, kind: row.kind, subject: row.subject, text: row.text_body });
    },
    async drain() {
      await Promise.all([...pending]);
    },
  };
}
