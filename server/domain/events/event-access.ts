/**
 * The first step of every event action: the event, if the person may see it (else "notFound",
 * so a hidden draft or another network's event is indistinguishable from a missing one), and,
 * when `organise` is asked for, whether they organise it (else "forbidden").
 */
import type { Services } from "#server/services";
import type { EventRow } from "#db/schema";
import { can, type Actor } from "#shared/policy";
import { findEvent } from "#db/queries/events";
import { eventSubject } from "./event-subject";

export type EventAccess = { ok: true; event: EventRow } | { ok: false; error: "notFound" | "forbidden" };

export async function eventFor(services: Services, actor: Actor, eventId: string, need: "view" | "organise"): Promise<EventAccess> {
  const event = await findEvent(services.db, eventId);
  if (!event || !can(actor, { type: "event.view", event: eventSubject(event) })) return { ok: false, error: "notFound" };
  if (need === "organise" && !can(actor, { type: "event.organise", event: eventSubject(event) })) return { ok: false, error: "forbidden" };
  return { ok: true, event };
}

/** Whether the person organises the event (organisers may act on other people's registrations). */
export const organises = (actor: Actor, event: EventRow) => can(actor, { type: "event.organise", event: eventSubject(event) });
