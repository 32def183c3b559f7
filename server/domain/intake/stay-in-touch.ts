/**
 * Carrying on after the project: groups that were not selected, or chose to stay in touch,
 * are on the "staying in touch" list and receive the invitations to the information events
 * of the network of networks. An event's organisers (or the project team) send them from the
 * event's page; each group gets one mail per event in its own language, with the details and
 * whom to write to: they have no account, so there is no link to log in with.
 *
 * Exactly once, across repeated presses and several instances: the claim (event, group) and
 * the mail in the outbox are written in one transaction, and only the transaction whose
 * insert found no claim writes them (as reminders do: server/domain/events/reminders.ts).
 */
import type { Services } from "#server/services";
import type { EventRow } from "#db/schema";
import { can, type Actor } from "#shared/policy";
import type { InterestStatus } from "#shared/intake/vocabulary";
import { fixedT } from "#shared/i18n/instance";
import { formatEventRange } from "#shared/events/event-format";
import { nowIso } from "#shared/time";
import { findEvent, listEventOrganisations } from "#db/queries/events";
import { findUserById } from "#db/queries/users";
import { claimEventInvitation, countListForEvent, listGroupsWithStatus, type StayingInTouchGroup } from "#db/queries/stay-in-touch";
import { composeMail } from "#server/mail/compose";
import { eventSubject, parseLanguages } from "../events/event-subject";

/** The statuses that put a group on the list (shared/intake/vocabulary.ts: "staying in touch"). */
export const STAYING_IN_TOUCH_STATUSES: readonly InterestStatus[] = ["staying_in_touch", "not_selected"];

export type StayInTouchRefusal = "forbidden" | "notFound" | "notCommons" | "wrongStatus" | "eventOver";

/** Who sends an event to the list: whoever organises it, and the project team, who keeps the list. */
export function mayInviteStayingInTouch(actor: Actor, event: EventRow): boolean {
  return can(actor, { type: "event.organise", event: eventSubject(event) }) || can(actor, { type: "intake.manage" });
}

/** Why this event cannot go to the list now, if it cannot: only published, coming commons events. */
function unsuitable(event: EventRow, now: string): StayInTouchRefusal | null {
  if (event.network_id !== null) return "notCommons";
  if (event.status !== "published") return "wrongStatus";
  if (event.ends_at <= now) return "eventOver";
  return null;
}

/**
 * What the event page shows about the list: how many groups are on it and how many of them
 * already have this event. Null when the person may not send it, or the event cannot go out.
 */
export async function stayInTouchPanel(services: Services, actor: Actor, event: EventRow, now = nowIso()) {
  if (unsuitable(event, now) || !mayInviteStayingInTouch(actor, event)) return null;
  const counts = await countListForEvent(services.db, STAYING_IN_TOUCH_STATUSES, event.id);
  return { onList: counts.total, invited: counts.invited, pending: counts.total - counts.invited };
}

type Result = { ok: true; sent: number; onList: number } | { ok: false; error: StayInTouchRefusal };

/** Mails the event to every group on the list that has not had it yet; answers how many went now. */
export async function inviteStayingInTouch(services: Services, actor: Actor, eventId: string, now = nowIso()): Promise<Result> {
  const event = await findEvent(services.db, eventId);
  if (!event) return { ok: false, error: "notFound" };
  if (!mayInviteStayingInTouch(actor, event)) return { ok: false, error: "forbidden" };
  const refusal = unsuitable(event, now);
  if (refusal) return { ok: false, error: refusal };
  const [sender, groups, organisations] = await Promise.all([
    findUserById(services.db, actor.userId),
    listGroupsWithStatus(services.db, STAYING_IN_TOUCH_STATUSES),
    listEventOrganisations(services.db, event.id),
  ]);
  if (!sender) return { ok: false, error: "forbidden" };
  const contact = { name: sender.name, email: sender.email };
  let sent = 0;
  for (const group of groups) {
    const mail = invitationMail(event, group, contact, organisations.map((o) => o.name));
    const staged = await services.db.transaction().execute(async (trx) => {
      if (!(await claimEventInvitation(trx, event.id, group.id, actor.userId, now))) return null;
      return services.mailer.stage(trx, mail);
    });
    if (!staged) continue;
    await services.mailer.release(staged.id);
    sent++;
  }
  return { ok: true, sent, onList: groups.length };
}

/** The invitation in the group's language: what, when (in the event's zone), where, in which languages, and whom to write to. */
function invitationMail(event: EventRow, group: StayingInTouchGroup, contact: { name: string; email: string }, organisations: string[]) {
  const t = fixedT(group.locale);
  const key = "mail:interestEventInvitation";
  const place = [event.venue, event.address, event.city, event.country ? t(`common:countries.${event.country}`, { defaultValue: event.country }) : ""]
    .filter((part) => part.trim() !== "")
    .join(", ");
  // The meeting link stays with the organisers: the event is not public, and the group writes to them to take part.
  const where = place && event.online_url ? t(`${key}.hybrid`, { place }) : place || t(`${key}.online`);
  const languages = parseLanguages(event.working_languages).map((l) => t(`events:languages.${l}`));
  return composeMail("interestEventInvitation", group.contact_email, group.locale, {
    name: group.contact_name,
    group: group.group_name,
    title: event.title,
    format: t(`events:formats.${event.format}`),
    when: formatEventRange(event.starts_at, event.ends_at, event.time_zone, group.locale),
    where,
    languages: languages.join(", ") || "—",
    organisers: organisations.length ? `\n${t(`${key}.organisedBy`, { names: organisations.join(", ") })}` : "",
    contact: contact.name,
    email: contact.email,
  });
}
