/**
 * Telling people about their events, each in their own language: a changed time or place, a
 * cancellation (everyone registered or waiting), a place from the waiting list (the person
 * who moved up). In-app and, unless they turned event mails off, by e-mail.
 */
import type { Services } from "#server/services";
import type { EventRow } from "#db/schema";
import { fixedT } from "#shared/i18n/instance";
import { formatEventRange } from "#shared/events/event-format";
import { activeParticipantIds } from "#db/queries/event-registrations";
import { findNetworkById } from "#db/queries/networks";
import { usersByIds } from "#db/queries/recommendations";
import { notify } from "../notifications/notify";
import { eventPath } from "./event-subject";

export type EventNotice = "timeChanged" | "placeChanged" | "cancelled" | "promoted";

/** The event's place in one line: venue, address, city (the online link when there is no place). */
export function placeLine(event: Pick<EventRow, "venue" | "address" | "city" | "country" | "online_url">): string {
  const place = [event.venue, event.address, event.city].filter((part) => part.trim() !== "").join(", ");
  return place || event.online_url || "";
}

export async function eventPathOf(services: Services, event: Pick<EventRow, "id" | "network_id">): Promise<string> {
  const network = event.network_id === null ? null : await findNetworkById(services.db, event.network_id);
  return eventPath(network ? network.slug : null, event.id);
}

/** Notifies the people a change concerns (never the actor); `userIds` names them for "promoted". */
export async function announceEventChange(services: Services, event: EventRow, actorId: string | null, notice: EventNotice, userIds?: readonly string[]): Promise<void> {
  const recipientIds = userIds ?? (await activeParticipantIds(services.db, event.id));
  if (!recipientIds.length) return;
  const link = await eventPathOf(services, event);
  const recipients = await usersByIds(services.db, [...recipientIds]);
  await notify(
    services,
    recipients.map((recipient) => {
      const t = fixedT(recipient.locale);
      return {
        recipientId: recipient.id,
        kind: "event" as const,
        actorId,
        networkId: event.network_id,
        docName: null,
        title: event.title,
        excerpt: t(`events:notices.${notice}`, { when: formatEventRange(event.starts_at, event.ends_at, event.time_zone, recipient.locale), place: placeLine(event) }),
        link,
      };
    }),
  );
}
