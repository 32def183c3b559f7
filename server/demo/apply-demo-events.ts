/**
 * The demo's events (db/seed/demo-events.ts): each stored with its organising organisations,
 * agenda and speakers, registrations in waiting-list order, the interpreting booked, costs
 * and, for events already held, minutes as a co-edited document (`minutes.<event id>`) whose
 * attendees are the people ticked present, with one stored version.
 *
 * Dates in the data are relative: a day offset from the seed's today in the event's zone and a
 * wall-clock time there, turned into UTC here with `now`, so the demo always has events behind
 * and ahead of it. The history around them (created, published, registered, ticked) is placed
 * before `now` as the app would have written it: a draft has sequence 0, a published event 1,
 * a held or cancelled one 2.
 *
 * Idempotent like the rest of the seed: an event whose id exists is left alone, and so is an
 * existing minutes document (edits made since the first run survive).
 */
import type { Kysely } from "kysely";
import * as Y from "yjs";
import { getSchema } from "@tiptap/core";
import { prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import type { Database, EventRegistration } from "#db/schema";
import { demoNetworks, demoPeople, demoPlatformOrganisations } from "#db/seed/demo-data";
import { demoEvents, type DemoEvent, type DemoMoment } from "#db/seed/demo-events";
import { findEvent, insertEvent, insertEventCost, insertSession, setInterpretingBooked } from "#db/queries/events";
import { insertRegistration } from "#db/queries/event-registrations";
import { findSnapshot, saveDerived, upsertSnapshot } from "#db/queries/collab";
import { insertVersion } from "#db/queries/versions";
import { deriveContent } from "#server/collab/derive";
import { editorExtensions } from "#shared/editor/extensions";
import { docNameOf, MINUTES_DOC_TYPE } from "#shared/collab/doc-names";
import { addItem } from "#shared/collab/list-fields";
import { ACTIONS_FIELD, ATTENDEES_FIELD, DECISIONS_FIELD, minutesLayout, type ActionItem, type Attendee, type Decision } from "#shared/collab/minutes-doc";
import { localDay, localToUtc } from "#shared/events/event-time";
import type { EventLanguage, EventStatus, EventTimeZone } from "#shared/events/event-vocabulary";
import { interpretingNeeds } from "#shared/events/interpreting";
import { HOUR } from "#shared/time";

type Db = Kysely<Database>;

const DAY = 24 * HOUR;

const personOf = (email: string) => {
  const person = demoPeople.find((p) => p.email === email);
  if (!person) throw new Error(`demo events: no demo person ${email}`);
  return person;
};

const organisationNames = new Map([...demoPlatformOrganisations, ...demoNetworks.flatMap((n) => n.organisations)].map((o) => [o.id, o.name]));

/** The day `offset` days after the day a clock in `zone` shows at `now` (YYYY-MM-DD). */
export function demoDay(now: string, zone: EventTimeZone, offset: number): string {
  const [year = 0, month = 1, day = 1] = localDay(now, zone).split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, day + offset)).toISOString().slice(0, 10);
}

/** The UTC instant of a relative moment in `zone`. The demo's times are daytime, so never in a clock change's gap. */
export function demoInstant(now: string, zone: EventTimeZone, moment: DemoMoment): string {
  const utc = localToUtc(`${demoDay(now, zone, moment.day)}T${moment.time}`, zone);
  if (!utc) throw new Error(`demo events: no instant for day ${moment.day} ${moment.time} in ${zone}`);
  return utc;
}

const shift = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();
const earliest = (...isos: string[]) => isos.reduce((a, b) => (a < b ? a : b));

const SEQUENCE: Record<EventStatus, number> = { draft: 0, published: 1, held: 2, cancelled: 2 };

/** The attendees of an event held: the registered people ticked present, as the minutes list them. */
export function demoAttendees(event: DemoEvent): Attendee[] {
  return event.registrations
    .filter((r) => r.status === "registered" && r.attended === true)
    .map((r) => {
      const person = personOf(r.email);
      return { id: person.id, name: person.name, organisation: (person.organisationId && organisationNames.get(person.organisationId)) || "" };
    });
}

/** The minutes of an event held as a Yjs document: text into "content", attendees, decisions and action items as Y.Maps. */
export function buildMinutesDoc(event: DemoEvent, now: string): Y.Doc {
  const minutes = event.minutes;
  if (!minutes) throw new Error(`demo events: ${event.id} has no minutes`);
  const doc = new Y.Doc();
  const schema = getSchema(editorExtensions());
  doc.transact(() => {
    prosemirrorJSONToYXmlFragment(schema, minutes.content, doc.getXmlFragment(minutesLayout.contentField));
    for (const attendee of demoAttendees(event)) addItem<Attendee>(doc, ATTENDEES_FIELD, attendee);
    minutes.decisions.forEach((text, i) => addItem<Decision>(doc, DECISIONS_FIELD, { id: `decision-${i + 1}`, text }));
    minutes.actions.forEach((a, i) =>
      addItem<ActionItem>(doc, ACTIONS_FIELD, { id: `action-${i + 1}`, title: a.title, owner: a.owner, due: demoDay(now, event.timeZone, a.dueDay) }),
    );
  });
  return doc;
}

/** Refuses data that would contradict what the app lets happen, whatever `now` is. */
function check(event: DemoEvent, startsAt: string, endsAt: string, now: string): void {
  const fail = (why: string) => {
    throw new Error(`demo events: ${event.id}: ${why}`);
  };
  if (endsAt <= startsAt) fail("ends before it starts");
  if (event.status === "held" && endsAt >= now) fail("held but not over");
  if ((event.status === "published" || event.status === "draft") && startsAt <= now) fail("upcoming but already begun");
  if (event.minutes && event.status !== "held") fail("minutes of an event not held");
  const registered = event.registrations.filter((r) => r.status === "registered").length;
  if (event.capacity !== null && registered > event.capacity) fail("more registered than places");
  if (event.registrations.some((r) => r.status === "waiting") && registered !== event.capacity) fail("a waiting list while places are free");
  if (new Set(event.registrations.map((r) => r.email)).size !== event.registrations.length) fail("someone registered twice");
  for (const r of event.registrations) {
    const person = personOf(r.email);
    if (event.networkId !== null && !person.memberships.some((m) => m.networkId === event.networkId)) fail(`${r.email} is not in the network`);
    if (r.attended !== undefined && (event.status !== "held" || r.status !== "registered")) fail(`attendance of ${r.email} on an event not held`);
  }
}

/** Stores one event with everything belonging to it; runs inside a transaction. */
async function insertDemoEvent(db: Db, event: DemoEvent, now: string): Promise<void> {
  const zone = event.timeZone;
  const startsAt = demoInstant(now, zone, event.start);
  const endsAt = demoInstant(now, zone, event.end);
  check(event, startsAt, endsAt, now);
  const organiser = personOf(event.organiserEmail).id;
  // Planned some weeks ahead, never later than ten days ago; published two hours after.
  const createdAt = earliest(shift(startsAt, -45 * DAY), shift(now, -10 * DAY));
  const publishedAt = shift(createdAt, 2 * HOUR);
  // When the status last changed: published, marked held the day after, or cancelled some days after planning.
  const changedAt: Record<EventStatus, string> = {
    draft: createdAt,
    published: publishedAt,
    held: earliest(now, shift(endsAt, DAY)),
    cancelled: earliest(now, shift(createdAt, 5 * DAY)),
  };

  await insertEvent(
    db,
    {
      id: event.id,
      network_id: event.networkId,
      title: event.title,
      description: event.description,
      format: event.format,
      status: event.status,
      time_zone: zone,
      starts_at: startsAt,
      ends_at: endsAt,
      venue: event.venue,
      address: event.address,
      city: event.city,
      country: event.country,
      online_url: event.onlineUrl,
      working_languages: JSON.stringify(event.workingLanguages),
      capacity: event.capacity,
      registration_deadline: event.deadline ? demoInstant(now, zone, event.deadline) : null,
      sequence: SEQUENCE[event.status],
      needs_purged_at: null,
      created_by: organiser,
      created_at: createdAt,
      updated_by: organiser,
      updated_at: changedAt[event.status],
    },
    event.organisations,
  );

  const sessions: Array<{ id: string; language: EventLanguage }> = [];
  for (const [i, s] of event.sessions.entries()) {
    const id = `${event.id}-s${i + 1}`;
    const sessionStart = demoInstant(now, zone, { day: s.day, time: s.start });
    const sessionEnd = demoInstant(now, zone, { day: s.day, time: s.end });
    if (sessionStart < startsAt || sessionEnd > endsAt || sessionEnd <= sessionStart) throw new Error(`demo events: session ${id} lies outside its event`);
    await insertSession(
      db,
      {
        id,
        event_id: event.id,
        title: s.title,
        starts_at: sessionStart,
        ends_at: sessionEnd,
        room: s.room,
        language: s.language,
        guest_speakers: s.guests.join("\n"),
        created_at: publishedAt,
        updated_at: publishedAt,
      },
      s.speakers.map((email) => personOf(email).id),
    );
    sessions.push({ id, language: s.language });
  }

  // Registrations a day after publishing, in the order listed: the waiting list's order.
  const studyTrip = event.format === "studyTrip";
  const firstQueued = shift(publishedAt, DAY);
  for (const [i, r] of event.registrations.entries()) {
    const queuedAt = shift(firstQueued, i * 97 * 60_000);
    const held = event.status === "held" && r.status === "registered";
    const reminder = shift(startsAt, -DAY);
    const row: EventRegistration = {
      id: `${event.id}-r${i + 1}`,
      event_id: event.id,
      user_id: personOf(r.email).id,
      status: r.status,
      queued_at: queuedAt,
      preferred_language: r.preferred,
      understands: JSON.stringify([...new Set([r.preferred, ...r.understands])]),
      accessibility_needs: r.accessibility ?? "",
      dietary_needs: r.dietary ?? "",
      arrival: studyTrip && r.arrival !== undefined ? demoDay(now, zone, r.arrival) : null,
      departure: studyTrip && r.departure !== undefined ? demoDay(now, zone, r.departure) : null,
      needs_room: studyTrip ? (r.needsRoom ? 1 : 0) : null,
      attended: held ? (r.attended ? 1 : 0) : null,
      registered_by: personOf(r.registeredBy ?? r.email).id,
      reminded_at: r.status === "registered" && event.status !== "cancelled" && reminder < now ? reminder : null,
      created_at: queuedAt,
      updated_at: r.status === "cancelled" ? earliest(now, shift(queuedAt, 3 * DAY)) : held ? earliest(now, shift(endsAt, 2 * HOUR)) : queuedAt,
    };
    await insertRegistration(db, row);
  }

  // Interpreting booked as the registered people's languages ask for it.
  if (event.interpreting !== "none" && sessions.length) {
    const participants = event.registrations.filter((r) => r.status === "registered").map((r) => ({ preferred: r.preferred, understands: r.understands }));
    const needs = interpretingNeeds(sessions, participants).filter((n) => event.interpreting === "all" || n.sessionId === sessions[0]!.id);
    const bookedAt = earliest(now, shift(firstQueued, 2 * DAY));
    for (const need of needs) await setInterpretingBooked(db, { sessionId: need.sessionId, from: need.from, to: need.to }, { by: organiser, at: bookedAt });
  }

  for (const [i, c] of event.costs.entries()) {
    await insertEventCost(db, {
      id: `${event.id}-c${i + 1}`,
      event_id: event.id,
      kind: c.kind,
      description: c.description,
      planned_cents: Math.round(c.planned * 100),
      actual_cents: c.actual === null ? null : Math.round(c.actual * 100),
      created_by: organiser,
      created_at: publishedAt,
      updated_at: c.actual === null ? publishedAt : earliest(now, shift(endsAt, 7 * DAY)),
    });
  }
}

export async function applyDemoEvents(db: Db, now: string): Promise<{ events: number; minutes: number }> {
  const summary = { events: 0, minutes: 0 };
  for (const event of demoEvents) {
    if (!(await findEvent(db, event.id))) {
      await db.transaction().execute((trx) => insertDemoEvent(trx, event, now));
      summary.events++;
    }
    if (!event.minutes) continue;
    const name = docNameOf(MINUTES_DOC_TYPE, event.id);
    if (await findSnapshot(db, name)) continue;
    // Written the day after the event.
    const writtenAt = earliest(now, shift(demoInstant(now, event.timeZone, event.end), DAY));
    const doc = buildMinutesDoc(event, now);
    const { json, text } = deriveContent(doc, minutesLayout.contentField);
    await db.transaction().execute(async (trx) => {
      await upsertSnapshot(trx, name, Y.encodeStateAsUpdate(doc), writtenAt);
      await saveDerived(trx, name, text, JSON.stringify(json), writtenAt);
      // The version the organiser's writing left behind, so the minutes have a history to read.
      await insertVersion(trx, {
        id: `${event.id}-minutes-1`,
        doc_name: name,
        network_id: event.networkId,
        kind: "auto",
        name: null,
        created_by: null,
        created_at: writtenAt,
        state: Y.encodeStateAsUpdate(doc),
        text,
        contributors: JSON.stringify([personOf(event.organiserEmail).id]),
        restored_from: null,
      });
    });
    doc.destroy();
    summary.minutes++;
  }
  return summary;
}
