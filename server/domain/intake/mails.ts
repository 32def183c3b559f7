/** The mails of the intake, each in the group's own language (the one it chose on the form). */
import type { Services } from "#server/services";
import type { InterestExpression } from "#db/schema";
import { composeMail } from "#server/mail/compose";
import { fixedT } from "#shared/i18n/instance";
import type { InterestStatus } from "#shared/intake/vocabulary";

export const privateLink = (services: Services, token: string) => `${services.config.publicUrl}/interest/mine/${token}`;

export async function mailReceived(services: Services, expression: InterestExpression, token: string): Promise<void> {
  await services.mailer.send(
    composeMail("interestReceived", expression.contact_email, expression.locale, {
      name: expression.contact_name,
      group: expression.group_name,
      link: privateLink(services, token),
    }),
  );
}

export async function mailWithdrawn(services: Services, expression: InterestExpression): Promise<void> {
  await services.mailer.send(composeMail("interestWithdrawn", expression.contact_email, expression.locale, { name: expression.contact_name, group: expression.group_name }));
}

export async function mailStatus(services: Services, expression: InterestExpression, status: InterestStatus, message: string): Promise<void> {
  const t = fixedT(expression.locale);
  const note = message ? `\n\n${t("mail:interestStatus.message")}\n${message}` : "";
  await services.mailer.send(
    composeMail("interestStatus", expression.contact_email, expression.locale, {
      name: expression.contact_name,
      group: expression.group_name,
      status: t(`intake:status.${status}`),
      explanation: t(`intake:statusExplained.${status}`),
      message: note,
    }),
  );
}

/** Tells `to` about `partner`: who they are, what they want to do, and how to reach them. */
export async function mailIntroduction(services: Services, to: InterestExpression, partner: InterestExpression, partnerCountries: string): Promise<void> {
  const t = fixedT(to.locale);
  const field = partner.occupational_field === "other" ? partner.field_description : t(`network:fields.${partner.occupational_field}`, { defaultValue: partner.occupational_field });
  await services.mailer.send(
    composeMail("interestIntroduction", to.contact_email, to.locale, {
      name: to.contact_name,
      group: to.group_name,
      partnerGroup: partner.group_name,
      partnerCountry: partnerCountries,
      partnerField: field,
      partnerIdea: partner.project_idea.length > 600 ? `${partner.project_idea.slice(0, 600)}…` : partner.project_idea,
      partnerContact: partner.contact_name,
      partnerEmail: partner.contact_email,
    }),
  );
}
