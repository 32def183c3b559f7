/** Builds a mail's subject and text in the recipient's language from the mail namespace. */
import type { Locale } from "#shared/i18n/config";
import { fixedT } from "#shared/i18n/instance";
import type { OutgoingMail } from "./mailer";

export const MAIL_KINDS = ["invitation", "addedToNetwork", "passwordReset", "emailChanged", "notifyMention", "notifyReply", "notifyVersion", "notifyDiscussion", "notifyRecommendation", "notifyEvent", "eventReminder", "interestReceived", "interestWithdrawn", "interestStatus", "interestIntroduction", "interestEventInvitation", "coordinationHandedOver", "partnershipInvitation", "addedToPartnership"] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export function composeMail(
  kind: MailKind,
  to: string,
  locale: Locale,
  vars: Record<string, string | number>,
): OutgoingMail {
  const t = fixedT(locale);
  return {
    to,
    kind,
    locale,
    subject: t(`mail:${kind}.subject`, vars),
    text: [t(`mail:${kind}.body`, vars), "", t("mail:signature")].join("\n"),
  };
}
