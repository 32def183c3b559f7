/**
 * What the event pages show, for one person: the event, its agenda with the interpreting each
 * session has, their own registration, and what they may do. Organisers also get the list of
 * participants with languages and needs; nobody else ever receives needs.
 */
import type { Services } from "#server/services";
import type { EventRow } from "#db/schema";
import { can, type Actor, type WorkspaceOwner } from "#shared/policy";
import { utcToLocal } from "#shared/events/event-time";
import { findEvent, listEventOrganisations, listSessions, listSessionSpeakers } from "#db/queries/events";
import { countRegistrations, findRegistration, firstWaiting, listRegistrations } from "#db/queries/event-registrations";
import { listMembersOfNetwork } from "#db/queries/memberships";
import { listOrganisations } from "#db/queries/organisations";
import { listUsers } from "#db/queries/users";
import { eventSubject, ownerOfEvent, parseLanguages } from "./event-subject";
import { eventInterpreting } from "./interpreting";

/** The event if it exists, belongs to `owner` (the address's network or the commons) and the person may see it. */
export async function visibleEvent(services: Services, actor: Actor, eventId: string, owner: WorkspaceOwner): Promise<EventRow | null> {
  const event = await findEvent(services.db, eventId);
  if (!event) return null;
  const own = ownerOfEvent(event);
  const sameOwner = own.kind === owner.kind && (own.kind === "commons" || (owner.kind === "network" && own.networkId === owner.networkId));
  return sameOwner && can(actor, { type: "event.view", event: eventSubject(event) }) ? event : null;
}

export function eventView(event: EventRow) {
  return {
    id: event.id,
    title: event.title,
    description: event.description,
    format: event.format,
    status: event.status,
    timeZone: event.time_zone,
    startsAt: event.starts_at,
    endsAt: event.ends_at,
    venue: event.venue,
    address: event.address,
    city: event.city,
    country: event.country,
    onlineUrl: event.online_url,
    workingLanguages: parseLanguages(event.working_languages),
    capacity: event.capacity,
    registrationDeadline: event.registration_deadline,
    updatedAt: event.updated_at,
  };
}

export async function eventPage(services: Services, actor: Actor, event: EventRow, now = new Date().toISOString()) {
  const subject = eventSubject(event);
  const organiser = can(actor, { type: "event.organise", event: subject });
  const [organisations, sessions, speakers, interpreting, registered, waiting, mine] = await Promise.all([
    listEventOrganisations(services.db, event.id),
    listSessions(services.db, event.id),
    listSessionSpeakers(services.db, event.id),
    eventInterpreting(services, event.id),
    countRegistrations(services.db, event.id, "registered"),
    countRegistrations(services.db, event.id, "waiting"),
    findRegistration(services.db, event.id, actor.userId),
  ]);
  const waitingList = mine?.status === "waiting" ? await firstWaiting(services.db, event.id, 10_000) : [];
  const open = event.status === "published" && event.ends_at > now;
  const deadlinePassed = event.registration_deadline !== null && event.registration_deadline < now;
  return {
    event: eventView(event),
    organisations,
    sessions: sessions.map((s) => ({
      id: s.id,
      title: s.title,
      startsAt: s.starts_at,
      endsAt: s.ends_at,
      room: s.room,
      language: s.language,
      speakers: speakers.filter((sp) => sp.session_id === s.id).map((sp) => ({ id: sp.user_id, name: sp.name })),
      guests: s.guest_speakers.split("\n").map((g) => g.trim()).filter(Boolean),
      interpreting: interpreting.needs.filter((n) => n.sessionId === s.id).map((n) => ({ ...n, booked: interpreting.booked.some((b) => b.sessionId === s.id && b.from === n.from && b.to === n.to) })),
    })),
    counts: { registered, waiting },
    mine: mine && mine.status !== "cancelled"
      ? {
          id: mine.id,
          status: mine.status,
          position: mine.status === "waiting" ? waitingList.findIndex((w) => w.id === mine.id) + 1 : null,
          preferredLanguage: mine.preferred_language,
          understands: parseLanguages(mine.understands),
          accessibilityNeeds: mine.accessibility_needs,
          dietaryNeeds: mine.dietary_needs,
          arrival: mine.arrival,
          departure: mine.departure,
          needsRoom: mine.needs_room === 1,
        }
      : null,
    registration: { open, deadlinePassed, full: event.capacity !== null && registered >= event.capacity },
    rights: {
      organise: organiser,
      register: can(actor, { type: "event.register", event: subject }) && open && !deadlinePassed,
      registerColleagues: [...actor.memberships.keys()].some((networkId) => can(actor, { type: "event.registerColleagues", event: subject, networkId })) && open && !deadlinePassed,
    },
    interpretingSummary: organiser ? interpreting.summary : null,
    staleBookings: organiser ? interpreting.stale : null,
  };
}

/** The form's values of an existing event: times as typed in its zone. */
export function eventFormValues(event: EventRow, organisationIds: string[]) {
  return {
    title: event.title,
    description: event.description,
    format: event.format,
    timeZone: event.time_zone,
    start: utcToLocal(event.starts_at, event.time_zone),
    end: utcToLocal(event.ends_at, event.time_zone),
    venue: event.venue,
    address: event.address,
    city: event.city,
    country: event.country,
    onlineUrl: event.online_url ?? "",
    workingLanguages: parseLanguages(event.working_languages),
    capacity: event.capacity === null ? "" : String(event.capacity),
    deadline: event.registration_deadline ? utcToLocal(event.registration_deadline, event.time_zone) : "",
    organisations: organisationIds,
  };
}

export async function organisationChoices(services: Services) {
  return (await listOrganisations(services.db)).map((o) => ({ id: o.id, name: o.name, country: o.country }));
}

/** People who may speak in a session: the network's members, or everyone active for the commons. */
export async function speakerChoices(services: Services, event: EventRow) {
  if (event.network_id !== null) return (await listMembersOfNetwork(services.db, event.network_id)).map((m) => ({ id: m.user_id, name: m.name }));
  return (await listUsers(services.db)).filter((u) => !u.disabled_at).map((u) => ({ id: u.id, name: u.name }));
}

/** Colleagues a coordinator may register: members of the networks they coordinate for this event, not yet registered. */
export async function colleagueChoices(services: Services, actor: Actor, event: EventRow) {
  const subject = eventSubject(event);
  const taken = new Set((await listRegistrations(services.db, event.id)).filter((r) => r.status !== "cancelled").map((r) => r.user_id));
  const people = new Map<string, { id: string; name: string }>();
  for (const [networkId] of actor.memberships) {
    if (!can(actor, { type: "event.registerColleagues", event: subject, networkId })) continue;
    for (const member of await listMembersOfNetwork(services.db, networkId)) {
      if (member.user_id !== actor.userId && !taken.has(member.user_id)) people.set(member.user_id, { id: member.user_id, name: member.name });
    }
  }
  return [...people.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Organisers' list: everyone registered, waiting or cancelled, with languages and needs. */
export async function participants(services: Services, event: EventRow) {
  const rows = await listRegistrations(services.db, event.id);
  const waiting = rows.filter((r) => r.status === "waiting").sort((a, b) => (a.queued_at === b.queued_at ? a.id.localeCompare(b.id) : a.queued_at.localeCompare(b.queued_at)));
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    name: r.name,
    email: r.email,
    organisation: r.organisation_name,
    country: r.organisation_country,
    status: r.status,
    position: r.status === "waiting" ? waiting.findIndex((w) => w.id === r.id) + 1 : null,
    preferredLanguage: r.preferred_language,
    understands: parseLanguages(r.understands),
    accessibilityNeeds: r.accessibility_needs,
    dietaryNeeds: r.dietary_needs,
    arrival: r.arrival,
    departure: r.departure,
    needsRoom: r.needs_room === null ? null : r.needs_room === 1,
    attended: r.attended === null ? null : r.attended === 1,
    registeredBy: r.registered_by !== r.user_id ? r.registered_by_name : null,
    registeredAt: r.created_at,
  }));
}
