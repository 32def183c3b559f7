/**
 * Reminder mails before an event, in each person's language, at the lead time they chose
 * (24 hours unless changed; none when turned off). Exactly once, across restarts and several
 * instances: the mark "reminded" and the mail in the outbox are written in one transaction,
 * and only the one transaction whose conditional update found the mark unset writes them.
 * A crash before the commit leaves neither, so the next round sends it; after it, both.
 */
import type { Services } from "#server/services";
import { claimReminder, dueReminders } from "#db/queries/event-registrations";
import { findEvent } from "#db/queries/events";
import { findUserById } from "#db/queries/users";
import { composeMail } from "#server/mail/compose";
import { formatEventRange } from "#shared/events/event-format";
import { HOUR } from "#shared/time";
import { eventPathOf, placeLine } from "./event-notices";

/** The longest lead time a person may choose (a week): how far ahead to look. */
export const MAX_REMINDER_HOURS = 168;

/** Sends every reminder due at `now`; returns how many this call sent. */
export async function sendDueReminders(services: Services, now = new Date()): Promise<number> {
  const due = await dueReminders(services.db, now.toISOString(), new Date(now.getTime() + MAX_REMINDER_HOURS * HOUR).toISOString());
  let sent = 0;
  for (const reminder of due) {
    const [event, person] = await Promise.all([findEvent(services.db, reminder.event_id), findUserById(services.db, reminder.user_id)]);
    if (!event || !person) continue;
    const base = services.config.publicUrl;
    const mail = composeMail("eventReminder", person.email, person.locale, {
      name: person.name,
      title: event.title,
      when: formatEventRange(event.starts_at, event.ends_at, event.time_zone, person.locale),
      place: placeLine(event),
      link: `${base}${await eventPathOf(services, event)}`,
      accountLink: `${base}/account`,
    });
    const staged = await services.db.transaction().execute(async (trx) => {
      if (!(await claimReminder(trx, reminder.id, now.toISOString()))) return null;
      return services.mailer.stage(trx, mail);
    });
    if (!staged) continue;
    await services.mailer.release(staged.id);
    sent++;
  }
  return sent;
}
