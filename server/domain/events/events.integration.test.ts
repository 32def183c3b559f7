/**
 * Planning events through the domain, on SQLite and PostgreSQL: times typed in the event's
 * zone and stored in UTC (the spring gap refused), field messages that store nothing (end
 * before start, capacity below the places taken, sessions outside the event, narrowing the
 * event past its sessions), the status workflow and its SEQUENCE, who may organise, the
 * interpreting worked out from who comes, and costs in any typed form summed by year per owner.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { useTestServer } from "#server/testing/use-test-server";
import { buildNetwork, buildOrganisation, buildUser } from "#server/testing/factories";
import { costInput, createPublishedEvent, eventInput, registrationInput, sessionInput } from "#server/testing/events";
import { loadActor } from "#server/domain/auth/actor";
import { findEvent, listEventCosts, listEventOrganisations, listSessions } from "#db/queries/events";
import { findRegistration } from "#db/queries/event-registrations";
import { listNotificationsOf } from "#db/queries/notifications";
import type { WorkspaceOwner } from "#shared/policy";
import { changeEventStatus, createEvent, updateEvent } from "./events";
import { removeSession, saveSession } from "./agenda";
import { cancelRegistration, register } from "./registrations";
import { eventInterpreting, markInterpreting } from "./interpreting";
import { costOverview, eventCosts, mayViewCostOverview, removeCost, saveCost } from "./costs";
import { visibleEvent } from "./event-page";

const server = useTestServer();
const db = () => server.services.db;
const actor = (id: string) => loadActor(db(), id);

type Person = Awaited<ReturnType<typeof buildUser>>;
let networkA: Awaited<ReturnType<typeof buildNetwork>>;
let networkB: Awaited<ReturnType<typeof buildNetwork>>;
let coordinatorA: Person;
let coordinatorB: Person;
let memberA: Person;
let otherMemberA: Person;
let memberB: Person;
let moderator: Person;
let observer: Person;
const ownerA = (): WorkspaceOwner => ({ kind: "network", networkId: networkA.id });
const ownerB = (): WorkspaceOwner => ({ kind: "network", networkId: networkB.id });
const commons: WorkspaceOwner = { kind: "commons" };

beforeAll(async () => {
  networkA = await buildNetwork(db());
  networkB = await buildNetwork(db());
  coordinatorA = await buildUser(db(), { memberships: [{ networkId: networkA.id, role: "coordinator" }] });
  coordinatorB = await buildUser(db(), { memberships: [{ networkId: networkB.id, role: "coordinator" }] });
  memberA = await buildUser(db(), { memberships: [{ networkId: networkA.id, role: "member" }] });
  otherMemberA = await buildUser(db(), { memberships: [{ networkId: networkA.id, role: "member" }] });
  memberB = await buildUser(db(), { memberships: [{ networkId: networkB.id, role: "member" }] });
  moderator = await buildUser(db(), { platformRoles: ["moderator"] });
  observer = await buildUser(db(), { platformRoles: ["observer"] });
});

const row = async (id: string) => (await findEvent(db(), id))!;
const stored = async (id: string) => JSON.stringify({ event: await findEvent(db(), id), sessions: await listSessions(db(), id), organisations: await listEventOrganisations(db(), id) });

async function draftA(overrides: Parameters<typeof eventInput>[0] = {}) {
  const input = eventInput(overrides);
  const created = await createEvent(server.services, await actor(coordinatorA.id), ownerA(), input);
  if (!created.ok) throw new Error(JSON.stringify(created));
  return { id: created.id, input };
}

describe(`events: times and fields (${process.env.TEST_DATABASE})`, () => {
  it("stores times typed in the event's zone as UTC, summer and winter, Berlin and Rome", async () => {
    const summer = await draftA({ start: "2030-05-14T09:00", end: "2030-05-14T17:30", deadline: "2030-05-01T12:00" });
    expect(await row(summer.id)).toMatchObject({ starts_at: "2030-05-14T07:00:00.000Z", ends_at: "2030-05-14T15:30:00.000Z", registration_deadline: "2030-05-01T10:00:00.000Z", status: "draft", sequence: 0, network_id: networkA.id, created_by: coordinatorA.id });
    const winter = await draftA({ timeZone: "Europe/Rome", start: "2031-01-15T09:00", end: "2031-01-16T13:00" });
    expect(await row(winter.id)).toMatchObject({ starts_at: "2031-01-15T08:00:00.000Z", ends_at: "2031-01-16T12:00:00.000Z", time_zone: "Europe/Rome" });
    // The autumn hour that happens twice is read as the first one (summer time).
    const autumn = await draftA({ start: "2027-10-31T02:30", end: "2027-10-31T05:00" });
    expect((await row(autumn.id)).starts_at).toBe("2027-10-31T00:30:00.000Z");
  });

  it("refuses a time that does not exist in the zone (the spring gap) with timeInvalid, and stores nothing", async () => {
    const organiser = await actor(coordinatorA.id);
    const title = `DST ${Date.now()}`;
    expect(await createEvent(server.services, organiser, ownerA(), eventInput({ title, start: "2027-03-28T02:30", end: "2027-03-28T05:00" }))).toEqual({ ok: false, fieldErrors: { start: "events:errors.timeInvalid" } });
    expect(await createEvent(server.services, organiser, ownerA(), eventInput({ title, timeZone: "Europe/Rome", start: "2027-03-28T01:00", end: "2027-03-28T02:15" }))).toEqual({ ok: false, fieldErrors: { end: "events:errors.timeInvalid" } });
    expect((await db().selectFrom("events").select("id").where("title", "=", title).execute()).length).toBe(0);

    const event = await draftA({ start: "2027-03-27T09:00", end: "2027-03-29T17:00" });
    const before = await stored(event.id);
    expect(await updateEvent(server.services, organiser, event.id, { ...event.input, start: "2027-03-28T02:30" })).toEqual({ ok: false, fieldErrors: { start: "events:errors.timeInvalid" } });
    expect(await saveSession(server.services, organiser, event.id, sessionInput({ start: "2027-03-28T02:00", end: "2027-03-28T04:00" }))).toEqual({ ok: false, fieldErrors: { start: "events:errors.timeInvalid" } });
    expect(await stored(event.id)).toBe(before);
  });

  it("updateEvent with the end before the start: fieldErrors.end, nothing stored", async () => {
    const event = await draftA();
    const before = await stored(event.id);
    const result = await updateEvent(server.services, await actor(coordinatorA.id), event.id, { ...event.input, title: "Changed", end: "2030-05-14T08:00" });
    expect(result).toEqual({ ok: false, fieldErrors: { end: "events:errors.endBeforeStart" } });
    expect(await updateEvent(server.services, await actor(coordinatorA.id), event.id, { ...event.input, end: event.input.start })).toEqual({ ok: false, fieldErrors: { end: "events:errors.endBeforeStart" } });
    expect(await stored(event.id)).toBe(before);
  });

  it("a deadline after the end and an unknown organisation are field errors", async () => {
    const event = await draftA();
    const before = await stored(event.id);
    const result = await updateEvent(server.services, await actor(coordinatorA.id), event.id, { ...event.input, deadline: "2030-05-15T09:00", organisations: ["no-such-organisation"] });
    expect(result).toEqual({ ok: false, fieldErrors: { deadline: "events:errors.deadlineAfterEnd", organisations: "validation.choice" } });
    expect(await stored(event.id)).toBe(before);
    const organisation = await buildOrganisation(db(), { country: "IT" });
    expect(await updateEvent(server.services, await actor(coordinatorA.id), event.id, { ...event.input, organisations: [organisation.id] })).toEqual({ ok: true, id: event.id });
    expect((await listEventOrganisations(db(), event.id)).map((o) => o.id)).toEqual([organisation.id]);
  });

  it("a capacity below the places taken: fieldErrors.capacity and nothing stored, not even the other fields", async () => {
    const event = await createPublishedEvent(server.services, await actor(coordinatorA.id), ownerA(), { capacity: 5 });
    for (const person of [memberA, otherMemberA, coordinatorA]) await register(server.services, await actor(person.id), event.id, registrationInput());
    const before = await stored(event.id);
    const result = await updateEvent(server.services, await actor(coordinatorA.id), event.id, { ...event.input, title: "Smaller room", capacity: 2 });
    expect(result).toEqual({ ok: false, fieldErrors: { capacity: "events:errors.capacityBelowRegistered" } });
    expect(await stored(event.id)).toBe(before);
    // Exactly the places taken is fine.
    expect(await updateEvent(server.services, await actor(coordinatorA.id), event.id, { ...event.input, capacity: 3 })).toEqual({ ok: true, id: event.id });
    expect((await row(event.id)).capacity).toBe(3);
  });

  it("a session outside the event's time: fieldErrors.start / .end via saveSession", async () => {
    const event = await draftA();
    const organiser = await actor(coordinatorA.id);
    const before = await stored(event.id);
    expect(await saveSession(server.services, organiser, event.id, sessionInput({ start: "2030-05-14T08:00", end: "2030-05-14T10:00" }))).toEqual({ ok: false, fieldErrors: { start: "events:errors.sessionOutsideEvent" } });
    expect(await saveSession(server.services, organiser, event.id, sessionInput({ start: "2030-05-14T16:00", end: "2030-05-14T18:00" }))).toEqual({ ok: false, fieldErrors: { end: "events:errors.sessionOutsideEvent" } });
    expect(await saveSession(server.services, organiser, event.id, sessionInput({ start: "2030-05-13T10:00", end: "2030-05-13T11:00" }))).toEqual({
      ok: false,
      fieldErrors: { start: "events:errors.sessionOutsideEvent", end: "events:errors.sessionOutsideEvent" },
    });
    expect(await saveSession(server.services, organiser, event.id, sessionInput({ start: "2030-05-14T11:00", end: "2030-05-14T10:00" }))).toEqual({ ok: false, fieldErrors: { end: "events:errors.endBeforeStart" } });
    // End = start at the event's start (how the add form used to start): "end before start", not "outside the event".
    expect(await saveSession(server.services, organiser, event.id, sessionInput({ start: "2030-05-14T09:00", end: "2030-05-14T09:00" }))).toEqual({ ok: false, fieldErrors: { end: "events:errors.endBeforeStart" } });
    expect(await saveSession(server.services, organiser, event.id, sessionInput({ speakers: ["no-such-person"] }))).toEqual({ ok: false, fieldErrors: { speakers: "validation.choice" } });
    expect(await stored(event.id)).toBe(before);
    // The whole event is fine; a member may not add one.
    expect(await saveSession(server.services, organiser, event.id, sessionInput({ start: "2030-05-14T09:00", end: "2030-05-14T17:00", speakers: [memberA.id] }))).toMatchObject({ ok: true });
    expect(await saveSession(server.services, await actor(memberA.id), event.id, sessionInput())).toEqual({ ok: false, error: "notFound" });
  });

  it("narrowing the event so a session falls outside: field errors, nothing stored; a session moved or removed frees it", async () => {
    const event = await draftA();
    const organiser = await actor(coordinatorA.id);
    const early = await saveSession(server.services, organiser, event.id, sessionInput({ start: "2030-05-14T09:00", end: "2030-05-14T10:00" }));
    const late = await saveSession(server.services, organiser, event.id, sessionInput({ start: "2030-05-14T16:00", end: "2030-05-14T17:00" }));
    if (!early.ok || !late.ok) throw new Error("sessions not saved");
    const before = await stored(event.id);
    expect(await updateEvent(server.services, organiser, event.id, { ...event.input, end: "2030-05-14T16:30" })).toEqual({ ok: false, fieldErrors: { end: "events:errors.sessionsOutside" } });
    expect(await updateEvent(server.services, organiser, event.id, { ...event.input, start: "2030-05-14T09:30" })).toEqual({ ok: false, fieldErrors: { start: "events:errors.sessionsOutside" } });
    // Moving the whole event a day on leaves the sessions before its start; a day back, after its end.
    expect(await updateEvent(server.services, organiser, event.id, { ...event.input, start: "2030-05-15T09:00", end: "2030-05-15T17:00" })).toEqual({ ok: false, fieldErrors: { start: "events:errors.sessionsOutside" } });
    expect(await updateEvent(server.services, organiser, event.id, { ...event.input, start: "2030-05-13T09:00", end: "2030-05-13T17:00" })).toEqual({ ok: false, fieldErrors: { end: "events:errors.sessionsOutside" } });
    expect(await stored(event.id)).toBe(before);

    expect(await saveSession(server.services, organiser, event.id, sessionInput({ sessionId: late.id, start: "2030-05-14T14:00", end: "2030-05-14T15:00" }))).toEqual({ ok: true, id: late.id });
    expect(await updateEvent(server.services, organiser, event.id, { ...event.input, end: "2030-05-14T16:30" })).toEqual({ ok: true, id: event.id });
    expect(await removeSession(server.services, organiser, event.id, early.id)).toEqual({ ok: true });
    expect(await updateEvent(server.services, organiser, event.id, { ...event.input, start: "2030-05-14T09:30", end: "2030-05-14T16:30" })).toEqual({ ok: true, id: event.id });
    expect(await row(event.id)).toMatchObject({ starts_at: "2030-05-14T07:30:00.000Z", ends_at: "2030-05-14T14:30:00.000Z" });
  });
});

describe(`events: status, SEQUENCE and who organises (${process.env.TEST_DATABASE})`, () => {
  it("draft → published → held → published, cancelled stays; each status change raises SEQUENCE, a wrong one changes nothing", async () => {
    const event = await draftA();
    const organiser = await actor(coordinatorA.id);
    expect(await changeEventStatus(server.services, organiser, event.id, "markHeld")).toEqual({ ok: false, error: "wrongStatus" });
    expect(await changeEventStatus(server.services, organiser, event.id, "publish")).toEqual({ ok: true });
    expect(await row(event.id)).toMatchObject({ status: "published", sequence: 1 });
    expect(await changeEventStatus(server.services, organiser, event.id, "publish")).toEqual({ ok: false, error: "wrongStatus" });
    expect(await changeEventStatus(server.services, organiser, event.id, "markHeld")).toEqual({ ok: true });
    expect(await updateEvent(server.services, organiser, event.id, event.input)).toEqual({ ok: false, error: "wrongStatus" });
    expect(await changeEventStatus(server.services, organiser, event.id, "reopen")).toEqual({ ok: true });
    expect(await changeEventStatus(server.services, organiser, event.id, "cancel")).toEqual({ ok: true });
    expect(await row(event.id)).toMatchObject({ status: "cancelled", sequence: 4 });
    const before = await stored(event.id);
    for (const change of ["publish", "reopen", "markHeld", "cancel"] as const) {
      expect(await changeEventStatus(server.services, organiser, event.id, change)).toEqual({ ok: false, error: "wrongStatus" });
    }
    expect(await updateEvent(server.services, organiser, event.id, event.input)).toEqual({ ok: false, error: "wrongStatus" });
    expect(await saveSession(server.services, organiser, event.id, sessionInput())).toEqual({ ok: false, error: "wrongStatus" });
    expect(await stored(event.id)).toBe(before);
  });

  it("a changed time or place raises SEQUENCE and tells those registered; a changed title does neither", async () => {
    const organiser = await actor(coordinatorA.id);
    const event = await createPublishedEvent(server.services, organiser, ownerA());
    await register(server.services, await actor(memberA.id), event.id, registrationInput());
    const notices = async () => (await listNotificationsOf(db(), memberA.id)).filter((n) => n.kind === "event" && n.link.endsWith(event.id));
    const sequence = async () => (await row(event.id)).sequence;
    expect(await sequence()).toBe(1);

    await updateEvent(server.services, organiser, event.id, { ...event.input, title: "Neuer Titel" });
    expect(await sequence()).toBe(1);
    expect(await notices()).toHaveLength(0);
    await updateEvent(server.services, organiser, event.id, { ...event.input, title: "Neuer Titel", start: "2030-05-14T10:00" });
    expect(await sequence()).toBe(2);
    expect(await notices()).toHaveLength(1);
    await updateEvent(server.services, organiser, event.id, { ...event.input, title: "Neuer Titel", start: "2030-05-14T10:00", city: "Trento" });
    expect(await sequence()).toBe(3);
    expect(await notices()).toHaveLength(2);
    // The organiser hears nothing of their own change (they registered as well).
    await register(server.services, organiser, event.id, registrationInput());
    await changeEventStatus(server.services, organiser, event.id, "cancel");
    expect(await notices()).toHaveLength(3);
    expect((await listNotificationsOf(db(), coordinatorA.id)).filter((n) => n.link.endsWith(event.id))).toHaveLength(0);
  });

  it("drafts are seen by their organisers only; a member who creates one organises it, other members may not", async () => {
    const created = await createEvent(server.services, await actor(memberA.id), ownerA(), eventInput());
    if (!created.ok) throw new Error("member could not create");
    const draft = await row(created.id);
    expect(await visibleEvent(server.services, await actor(memberA.id), draft.id, ownerA())).not.toBeNull();
    expect(await visibleEvent(server.services, await actor(coordinatorA.id), draft.id, ownerA())).not.toBeNull();
    expect(await visibleEvent(server.services, await actor(otherMemberA.id), draft.id, ownerA())).toBeNull();
    expect(await visibleEvent(server.services, await actor(observer.id), draft.id, ownerA())).toBeNull();
    // The right owner is part of the address: network B's page does not show A's event.
    expect(await visibleEvent(server.services, await actor(memberA.id), draft.id, ownerB())).toBeNull();

    const input = eventInput();
    const before = await stored(draft.id);
    expect(await updateEvent(server.services, await actor(otherMemberA.id), draft.id, input)).toEqual({ ok: false, error: "notFound" });
    expect(await updateEvent(server.services, await actor(memberB.id), draft.id, input)).toEqual({ ok: false, error: "notFound" });
    expect(await changeEventStatus(server.services, await actor(coordinatorB.id), draft.id, "publish")).toEqual({ ok: false, error: "notFound" });
    expect(await stored(draft.id)).toBe(before);
    expect(await changeEventStatus(server.services, await actor(memberA.id), draft.id, "publish")).toEqual({ ok: true });
    // Published: other members see it and may not change it.
    expect(await updateEvent(server.services, await actor(otherMemberA.id), draft.id, input)).toEqual({ ok: false, error: "forbidden" });
    expect(await changeEventStatus(server.services, await actor(otherMemberA.id), draft.id, "cancel")).toEqual({ ok: false, error: "forbidden" });
    expect(await updateEvent(server.services, await actor(observer.id), draft.id, input)).toEqual({ ok: false, error: "forbidden" });
    expect(await updateEvent(server.services, await actor(memberB.id), draft.id, input)).toEqual({ ok: false, error: "notFound" });
  });

  it("who creates where: members in their network, not in another; anyone in a network or a moderator in the commons; observers nowhere", async () => {
    expect((await createEvent(server.services, await actor(memberB.id), ownerA(), eventInput())).ok).toBe(false);
    expect(await createEvent(server.services, await actor(observer.id), ownerA(), eventInput())).toEqual({ ok: false, error: "forbidden" });
    expect(await createEvent(server.services, await actor(observer.id), commons, eventInput())).toEqual({ ok: false, error: "forbidden" });
    const byModerator = await createEvent(server.services, await actor(moderator.id), commons, eventInput());
    expect(byModerator.ok).toBe(true);
    const byMember = await createEvent(server.services, await actor(memberB.id), commons, eventInput());
    expect(byMember.ok).toBe(true);
    if (!byMember.ok || !byModerator.ok) return;
    expect((await row(byMember.id)).network_id).toBeNull();
    // Moderators organise every commons event; a member of another network does not see the draft.
    expect(await changeEventStatus(server.services, await actor(moderator.id), byMember.id, "publish")).toEqual({ ok: true });
    expect(await changeEventStatus(server.services, await actor(memberA.id), byModerator.id, "publish")).toEqual({ ok: false, error: "notFound" });
  });
});

describe(`events: interpreting worked out from who comes (${process.env.TEST_DATABASE})`, () => {
  it("German and Italian sessions with Italian-only, German-only and bilingual people: de→it and it→de with their counts; bookings shown and stale when the need goes", async () => {
    const organiser = await actor(coordinatorA.id);
    const event = await createPublishedEvent(server.services, organiser, ownerA());
    const german = await saveSession(server.services, organiser, event.id, sessionInput({ language: "de", start: "2030-05-14T09:00", end: "2030-05-14T10:30" }));
    const italian = await saveSession(server.services, organiser, event.id, sessionInput({ language: "it", start: "2030-05-14T11:00", end: "2030-05-14T12:30" }));
    if (!german.ok || !italian.ok) throw new Error("sessions not saved");

    const people = async (n: number) => Promise.all(Array.from({ length: n }, () => buildUser(db(), { memberships: [{ networkId: networkA.id, role: "member" }] })));
    const italianOnly = await people(2);
    const germanOnly = await people(3);
    const bilingual = await people(2);
    for (const p of italianOnly) await register(server.services, await actor(p.id), event.id, registrationInput({ preferredLanguage: "it" }));
    for (const p of germanOnly) await register(server.services, await actor(p.id), event.id, registrationInput({ preferredLanguage: "de" }));
    await register(server.services, await actor(bilingual[0]!.id), event.id, registrationInput({ preferredLanguage: "de", understands: ["it"] }));
    await register(server.services, await actor(bilingual[1]!.id), event.id, registrationInput({ preferredLanguage: "it", understands: ["de", "en"] }));

    const first = await eventInterpreting(server.services, event.id);
    expect(first.needs).toEqual([
      { sessionId: german.id, from: "de", to: "it", people: 2 },
      { sessionId: italian.id, from: "it", to: "de", people: 3 },
    ]);
    expect(first.summary).toEqual([
      { from: "de", to: "it", sessions: [{ sessionId: german.id, people: 2, booked: false }], maxPeople: 2, unbookedSessions: 1 },
      { from: "it", to: "de", sessions: [{ sessionId: italian.id, people: 3, booked: false }], maxPeople: 3, unbookedSessions: 1 },
    ]);
    expect(first.stale).toEqual([]);

    // Booking: only from the session's language, by organisers.
    expect(await markInterpreting(server.services, await actor(memberA.id), event.id, { sessionId: german.id, from: "de", to: "it", booked: true })).toEqual({ ok: false, error: "forbidden" });
    expect(await markInterpreting(server.services, organiser, event.id, { sessionId: german.id, from: "it", to: "de", booked: true })).toEqual({ ok: false, error: "wrongStatus" });
    expect(await markInterpreting(server.services, organiser, event.id, { sessionId: german.id, from: "de", to: "de", booked: true })).toEqual({ ok: false, error: "wrongStatus" });
    expect(await markInterpreting(server.services, organiser, event.id, { sessionId: "no-such-session", from: "de", to: "it", booked: true })).toEqual({ ok: false, error: "notFound" });
    expect(await markInterpreting(server.services, organiser, event.id, { sessionId: german.id, from: "de", to: "it", booked: true })).toEqual({ ok: true });
    // Marking it twice keeps one booking.
    expect(await markInterpreting(server.services, organiser, event.id, { sessionId: german.id, from: "de", to: "it", booked: true })).toEqual({ ok: true });
    const booked = await eventInterpreting(server.services, event.id);
    expect(booked.booked).toEqual([{ sessionId: german.id, from: "de", to: "it" }]);
    expect(booked.summary[0]).toEqual({ from: "de", to: "it", sessions: [{ sessionId: german.id, people: 2, booked: true }], maxPeople: 2, unbookedSessions: 0 });
    expect(booked.summary[1]!.unbookedSessions).toBe(1);

    // Someone waiting or cancelled does not count; the Italian-only people cancelling removes the need, not the booking.
    for (const p of italianOnly) expect((await cancelRegistration(server.services, await actor(p.id), event.id, null)).ok).toBe(true);
    const after = await eventInterpreting(server.services, event.id);
    expect(after.needs).toEqual([{ sessionId: italian.id, from: "it", to: "de", people: 3 }]);
    expect(after.summary.map((l) => `${l.from}-${l.to}`)).toEqual(["it-de"]);
    expect(after.booked).toEqual([{ sessionId: german.id, from: "de", to: "it" }]);
    expect(after.stale).toEqual([{ sessionId: german.id, from: "de", to: "it" }]);

    // Unbooking clears it; changing a session's language moves the need.
    expect(await markInterpreting(server.services, organiser, event.id, { sessionId: german.id, from: "de", to: "it", booked: false })).toEqual({ ok: true });
    expect((await eventInterpreting(server.services, event.id)).stale).toEqual([]);
    expect(await saveSession(server.services, organiser, event.id, sessionInput({ sessionId: italian.id, language: "de", start: "2030-05-14T11:00", end: "2030-05-14T12:30" }))).toEqual({ ok: true, id: italian.id });
    expect((await eventInterpreting(server.services, event.id)).needs).toEqual([]);

    // Another event's session is not found through this one.
    const other = await createPublishedEvent(server.services, organiser, ownerA());
    expect(await markInterpreting(server.services, organiser, other.id, { sessionId: german.id, from: "de", to: "it", booked: true })).toEqual({ ok: false, error: "notFound" });
    expect(await saveSession(server.services, organiser, other.id, sessionInput({ sessionId: german.id }))).toEqual({ ok: false, error: "notFound" });
    expect(await removeSession(server.services, organiser, other.id, german.id)).toEqual({ ok: false, error: "notFound" });
    expect((await listSessions(db(), event.id)).map((s) => s.id)).toContain(german.id);
  });
});

describe(`events: costs (${process.env.TEST_DATABASE})`, () => {
  it("reads amounts as people type them and stores cents; a wrong amount is a field error and stores nothing", async () => {
    const organiser = await actor(coordinatorA.id);
    const event = await createPublishedEvent(server.services, organiser, ownerA());
    const typed: Array<[string, number]> = [
      ["1.234,50", 123_450],
      ["1234.50", 123_450],
      ["1,234.50", 123_450],
      ["1234,5", 123_450],
      ["€1,234.56", 123_456],
      ["12 €", 1_200],
      ["0,99", 99],
      ["1.000.000.000", 100_000_000_000],
    ];
    for (const [planned, cents] of typed) {
      expect(await saveCost(server.services, organiser, event.id, costInput({ planned, description: planned }))).toEqual({ ok: true });
      const line = (await listEventCosts(db(), event.id)).find((c) => c.description === planned);
      expect([planned, line?.planned_cents, line?.actual_cents]).toEqual([planned, cents, null]);
    }
    const count = (await listEventCosts(db(), event.id)).length;
    expect(await saveCost(server.services, organiser, event.id, costInput({ planned: "abc" }))).toEqual({ ok: false, fieldErrors: { planned: "events:errors.amountInvalid" } });
    expect(await saveCost(server.services, organiser, event.id, costInput({ planned: "1.234.5" }))).toEqual({ ok: false, fieldErrors: { planned: "events:errors.amountInvalid" } });
    expect(await saveCost(server.services, organiser, event.id, costInput({ planned: "-5" }))).toEqual({ ok: false, fieldErrors: { planned: "events:errors.amountInvalid" } });
    expect(await saveCost(server.services, organiser, event.id, costInput({ planned: "10", actual: "zehn" }))).toEqual({ ok: false, fieldErrors: { actual: "events:errors.amountInvalid" } });
    expect(await saveCost(server.services, organiser, event.id, costInput({ planned: "x", actual: "y" }))).toEqual({ ok: false, fieldErrors: { planned: "events:errors.amountInvalid", actual: "events:errors.amountInvalid" } });
    expect(await saveCost(server.services, await actor(memberA.id), event.id, costInput())).toEqual({ ok: false, error: "forbidden" });
    expect(await saveCost(server.services, await actor(memberB.id), event.id, costInput())).toEqual({ ok: false, error: "notFound" });
    expect((await listEventCosts(db(), event.id)).length).toBe(count);

    // Changing and removing a line; a line of another event is not found through this one.
    const line = (await listEventCosts(db(), event.id))[0]!;
    expect(await saveCost(server.services, organiser, event.id, costInput({ costId: line.id, kind: "travel", planned: "200", actual: "180,40" }))).toEqual({ ok: true });
    expect((await listEventCosts(db(), event.id)).find((c) => c.id === line.id)).toMatchObject({ kind: "travel", planned_cents: 20_000, actual_cents: 18_040 });
    const other = await createPublishedEvent(server.services, organiser, ownerA());
    expect(await saveCost(server.services, organiser, other.id, costInput({ costId: line.id }))).toEqual({ ok: false, error: "notFound" });
    expect(await removeCost(server.services, organiser, other.id, line.id)).toEqual({ ok: false, error: "notFound" });
    expect(await removeCost(server.services, organiser, event.id, line.id)).toEqual({ ok: true });
    expect((await listEventCosts(db(), event.id)).length).toBe(count - 1);
  });

  it("sums by year (the year the event starts in its own zone) per network; other networks' and the commons' costs stay apart", async () => {
    const network = await buildNetwork(db());
    const other = await buildNetwork(db());
    const coordinator = await actor((await buildUser(db(), { memberships: [{ networkId: network.id, role: "coordinator" }] })).id);
    const otherCoordinator = await actor((await buildUser(db(), { memberships: [{ networkId: other.id, role: "coordinator" }] })).id);
    const mod = await actor(moderator.id);
    const own: WorkspaceOwner = { kind: "network", networkId: network.id };
    const theirs: WorkspaceOwner = { kind: "network", networkId: other.id };

    const in2030 = await createPublishedEvent(server.services, coordinator, own, { start: "2030-06-01T09:00", end: "2030-06-01T17:00" });
    // New Year's Day, 00:30 in Berlin: still 2030 in UTC, 2031 where it happens.
    const in2031 = await createPublishedEvent(server.services, coordinator, own, { start: "2031-01-01T00:30", end: "2031-01-01T03:00" });
    expect((await row(in2031.id)).starts_at).toBe("2030-12-31T23:30:00.000Z");
    const theirsEvent = await createPublishedEvent(server.services, otherCoordinator, theirs, { start: "2030-06-01T09:00", end: "2030-06-01T17:00" });
    const commonsEvent = await createPublishedEvent(server.services, mod, commons, { start: "2030-06-01T09:00", end: "2030-06-01T17:00" });

    const save = async (who: typeof coordinator, eventId: string, kind: "travel" | "venue" | "interpreting", planned: string, actual = "") => {
      expect(await saveCost(server.services, who, eventId, costInput({ kind, planned, actual }))).toEqual({ ok: true });
    };
    await save(coordinator, in2030.id, "venue", "1.000,00", "950");
    await save(coordinator, in2030.id, "travel", "500");
    await save(coordinator, in2031.id, "interpreting", "2.400,50", "2400.50");
    await save(otherCoordinator, theirsEvent.id, "venue", "99.999");
    await save(mod, commonsEvent.id, "travel", "777");

    const overview = await costOverview(server.services, own);
    expect(overview.map((y) => y.year)).toEqual([2031, 2030]);
    expect(overview[0]).toMatchObject({ year: 2031, events: 1, total: { plannedCents: 240_050, actualCents: 240_050, openEntries: 0 } });
    expect(overview[0]!.byKind.interpreting).toEqual({ plannedCents: 240_050, actualCents: 240_050, openEntries: 0 });
    expect(overview[1]).toMatchObject({ year: 2030, events: 1, total: { plannedCents: 150_000, actualCents: 95_000, openEntries: 1 } });
    expect(overview[1]!.byKind.venue).toEqual({ plannedCents: 100_000, actualCents: 95_000, openEntries: 0 });
    expect(overview[1]!.byKind.travel).toEqual({ plannedCents: 50_000, actualCents: 0, openEntries: 1 });

    expect(await costOverview(server.services, theirs)).toEqual([expect.objectContaining({ year: 2030, events: 1, total: { plannedCents: 9_999_900, actualCents: 0, openEntries: 1 } })]);
    const commonsOverview = await costOverview(server.services, commons);
    const commons2030 = commonsOverview.find((y) => y.year === 2030);
    // Other commons events in this file may have costs too; this one's 777 € are there and A's are not.
    expect(commons2030?.byKind.travel.plannedCents).toBeGreaterThanOrEqual(77_700);
    expect(commonsOverview.every((y) => y.byKind.venue.plannedCents !== 100_000)).toBe(true);

    const one = await eventCosts(server.services, in2030.id);
    expect(one.totals.total).toEqual({ plannedCents: 150_000, actualCents: 95_000, openEntries: 1 });
    expect(one.rows).toHaveLength(2);

    expect(mayViewCostOverview(coordinator, own)).toBe(true);
    expect(mayViewCostOverview(otherCoordinator, own)).toBe(false);
    expect(mayViewCostOverview(await actor(memberA.id), ownerA())).toBe(false);
    expect(mayViewCostOverview(mod, commons)).toBe(true);
    expect(mayViewCostOverview(coordinator, commons)).toBe(false);
  });
});

describe(`events: registration details (${process.env.TEST_DATABASE})`, () => {
  it("travel dates and rooms are kept for study trips only", async () => {
    const organiser = await actor(coordinatorA.id);
    const workshop = await createPublishedEvent(server.services, organiser, ownerA());
    const trip = await createPublishedEvent(server.services, organiser, ownerA(), { format: "studyTrip" });
    const input = registrationInput({ arrival: "2030-05-13", departure: "2030-05-15", needsRoom: true, understands: ["it", "it"] });
    await register(server.services, await actor(memberA.id), workshop.id, input);
    await register(server.services, await actor(memberA.id), trip.id, input);
    expect(await findRegistration(db(), workshop.id, memberA.id)).toMatchObject({ arrival: null, departure: null, needs_room: null, understands: JSON.stringify(["de", "it"]) });
    expect(await findRegistration(db(), trip.id, memberA.id)).toMatchObject({ arrival: "2030-05-13", departure: "2030-05-15", needs_room: 1 });
  });
});
