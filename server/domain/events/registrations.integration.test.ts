/**
 * Registering for events through the domain, on SQLite and PostgreSQL: 50 people asking for
 * the last 10 places at the same moment, the waiting list moving up (one place, one person,
 * told in their own language) and growing capacity, refusals that leave everything as it was,
 * and coordinators registering colleagues.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { useTestServer } from "#server/testing/use-test-server";
import { buildNetwork, buildUser } from "#server/testing/factories";
import { createPublishedEvent, eventInput, localIn, registrationInput } from "#server/testing/events";
import { loadActor } from "#server/domain/auth/actor";
import { findEvent } from "#db/queries/events";
import { findRegistration, listRegistrations } from "#db/queries/event-registrations";
import { listNotificationsOf } from "#db/queries/notifications";
import { listOutbox } from "#db/queries/outbox";
import { fixedT } from "#shared/i18n/instance";
import { formatEventRange } from "#shared/events/event-format";
import type { Locale } from "#shared/i18n/config";
import type { EventRow } from "#db/schema";
import { cancelRegistration, recordAttendance, register } from "./registrations";
import { changeEventStatus, createEvent, updateEvent } from "./events";
import { participants } from "./event-page";
import { placeLine } from "./event-notices";

const server = useTestServer();
const db = () => server.services.db;
const actor = (id: string) => loadActor(db(), id);

type Person = Awaited<ReturnType<typeof buildUser>>;
let networkA: Awaited<ReturnType<typeof buildNetwork>>;
let networkB: Awaited<ReturnType<typeof buildNetwork>>;
let coordinatorA: Person;
let coordinatorB: Person;
let membersA: Person[];
let memberB: Person;
const ownerA = () => ({ kind: "network" as const, networkId: networkA.id });

beforeAll(async () => {
  networkA = await buildNetwork(db());
  networkB = await buildNetwork(db());
  coordinatorA = await buildUser(db(), { memberships: [{ networkId: networkA.id, role: "coordinator" }] });
  coordinatorB = await buildUser(db(), { memberships: [{ networkId: networkB.id, role: "coordinator" }] });
  memberB = await buildUser(db(), { memberships: [{ networkId: networkB.id, role: "member" }] });
  membersA = [];
  for (let i = 0; i < 60; i++) membersA.push(await buildUser(db(), { memberships: [{ networkId: networkA.id, role: "member" }] }));
});

async function counts(eventId: string) {
  const rows = await listRegistrations(db(), eventId);
  return {
    registered: rows.filter((r) => r.status === "registered").length,
    waiting: rows.filter((r) => r.status === "waiting").length,
    cancelled: rows.filter((r) => r.status === "cancelled").length,
  };
}

/** Everything stored about an event's registrations: a refusal must leave it exactly as it was. */
const snapshot = async (eventId: string) => JSON.stringify({ event: await findEvent(db(), eventId), registrations: await listRegistrations(db(), eventId) });

async function publishedA(overrides: Parameters<typeof eventInput>[0] = {}) {
  return createPublishedEvent(server.services, await actor(coordinatorA.id), ownerA(), overrides);
}

describe(`registrations: the race for the last places (${process.env.TEST_DATABASE})`, () => {
  it("50 people asking for the last 10 of 20 places at the same moment: exactly 20 registered, 40 waiting in one order", async () => {
    const event = await publishedA({ capacity: 20 });
    const early = membersA.slice(0, 10);
    const rush = membersA.slice(10, 60);
    for (const person of early) {
      expect(await register(server.services, await actor(person.id), event.id, registrationInput())).toMatchObject({ ok: true, status: "registered" });
    }
    const actors = await Promise.all(rush.map((person) => actor(person.id)));
    const results = await Promise.all(actors.map((a) => register(server.services, a, event.id, registrationInput())));

    expect(results.every((r) => r.ok)).toBe(true);
    const statuses = results.map((r) => (r.ok ? r.status : r.error));
    expect(statuses.filter((s) => s === "registered")).toHaveLength(10);
    expect(statuses.filter((s) => s === "waiting")).toHaveLength(40);
    expect(await counts(event.id)).toEqual({ registered: 20, waiting: 40, cancelled: 0 });

    // What the domain answered is what was stored, person by person.
    for (const [i, person] of rush.entries()) {
      expect((await findRegistration(db(), event.id, person.id))?.status).toBe(statuses[i]);
    }
    const row = (await findEvent(db(), event.id))!;
    const list = await participants(server.services, row);
    const positions = list.filter((p) => p.status === "waiting").map((p) => p.position);
    expect(positions.sort((a, b) => a! - b!)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(list.filter((p) => p.status === "registered").every((p) => p.position === null)).toBe(true);
    // Places went to whoever held the event's lock first: nobody who got one queued after someone who did not.
    const registeredRush = list.filter((p) => p.status === "registered" && rush.some((r) => r.id === p.userId));
    const waiting = list.filter((p) => p.status === "waiting");
    const lastPlace = registeredRush.map((p) => p.registeredAt).sort().at(-1)!;
    const firstWaiting = waiting.map((p) => p.registeredAt).sort()[0]!;
    expect(lastPlace <= firstWaiting).toBe(true);
    // Every place in the queue is its own moment, so the order is the order the lock was taken, not the ids'.
    const queued = await db().selectFrom("event_registrations").select(["queued_at", "status"]).where("event_id", "=", event.id).orderBy("queued_at").execute();
    expect(new Set(queued.map((q) => q.queued_at)).size).toBe(60);
    expect(queued.map((q) => q.status)).toEqual([...Array(20).fill("registered"), ...Array(40).fill("waiting")]);
  });

  it("the same person registering twice at the same moment gets one registration and one refusal", async () => {
    const event = await publishedA({ capacity: 5 });
    const me = await actor(membersA[0]!.id);
    const results = await Promise.all([register(server.services, me, event.id, registrationInput()), register(server.services, me, event.id, registrationInput())]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error === "alreadyRegistered")).toHaveLength(1);
    expect(await counts(event.id)).toEqual({ registered: 1, waiting: 0, cancelled: 0 });
  });
});

describe(`registrations: the waiting list moves up (${process.env.TEST_DATABASE})`, () => {
  let italian: Person;
  beforeAll(async () => {
    italian = await buildUser(db(), { memberships: [{ networkId: networkA.id, role: "member" }], locale: "it" });
  });

  const eventNotifications = async (userId: string) => (await listNotificationsOf(db(), userId)).filter((n) => n.kind === "event");
  const mailsTo = async (email: string, kind: string) => (await listOutbox(db(), 10_000)).filter((m) => m.to_address === email && m.kind === kind);
  const promotedText = (event: EventRow, locale: Locale) =>
    fixedT(locale)("events:notices.promoted", { when: formatEventRange(event.starts_at, event.ends_at, event.time_zone, locale), place: placeLine(event) });

  it("a cancelled place goes to the first waiting person only, who is told in-app and by mail in their language", async () => {
    const event = await publishedA({ capacity: 2 });
    const [first, second] = membersA;
    const laterWaiting = membersA[2]!;
    for (const person of [first!, second!, italian, laterWaiting]) {
      await register(server.services, await actor(person.id), event.id, registrationInput({ preferredLanguage: person === italian ? "it" : "de" }));
    }
    expect(await counts(event.id)).toEqual({ registered: 2, waiting: 2, cancelled: 0 });
    expect(await eventNotifications(italian.id)).toHaveLength(0);

    const cancelled = await cancelRegistration(server.services, await actor(first!.id), event.id, null);
    expect(cancelled).toEqual({ ok: true, promoted: [italian.id] });
    expect((await findRegistration(db(), event.id, italian.id))?.status).toBe("registered");
    expect((await findRegistration(db(), event.id, laterWaiting.id))?.status).toBe("waiting");
    expect((await findRegistration(db(), event.id, first!.id))?.status).toBe("cancelled");
    expect(await counts(event.id)).toEqual({ registered: 2, waiting: 1, cancelled: 1 });

    const row = (await findEvent(db(), event.id))!;
    const notices = await eventNotifications(italian.id);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ title: row.title, excerpt: promotedText(row, "it"), network_id: networkA.id });
    expect(notices[0]!.link).toBe(`/networks/${networkA.slug}/events/${event.id}`);
    const mails = await mailsTo(italian.email, "notifyEvent");
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.locale).toBe("it");
    const subject = (locale: Locale) => fixedT(locale)("mail:notifyEvent.subject", { title: row.title, excerpt: promotedText(row, locale) });
    expect(mail.subject).toBe(subject("it"));
    expect(mail.subject).not.toBe(subject("en"));
    expect(mail.text_body).toContain(`/networks/${networkA.slug}/events/${event.id}`);
    // Nobody else heard of it: not the one still waiting, not the one who cancelled.
    expect(await eventNotifications(laterWaiting.id)).toHaveLength(0);
    expect(await eventNotifications(first!.id)).toHaveLength(0);

    // A waiting person cancelling frees no place: nobody moves up.
    const waitingCancels = await cancelRegistration(server.services, await actor(laterWaiting.id), event.id, null);
    expect(waitingCancels).toEqual({ ok: true, promoted: [] });
    // Cancelling twice is refused.
    expect(await cancelRegistration(server.services, await actor(laterWaiting.id), event.id, null)).toEqual({ ok: false, error: "notRegistered" });
  });

  it("an organiser cancelling someone's place promotes the next; a member may not cancel someone else's", async () => {
    const event = await publishedA({ capacity: 1 });
    const [holder, next, bystander] = [membersA[3]!, membersA[4]!, membersA[5]!];
    await register(server.services, await actor(holder.id), event.id, registrationInput());
    await register(server.services, await actor(next.id), event.id, registrationInput());
    const holding = (await findRegistration(db(), event.id, holder.id))!;
    const before = await snapshot(event.id);
    expect(await cancelRegistration(server.services, await actor(bystander.id), event.id, holding.id)).toEqual({ ok: false, error: "forbidden" });
    expect(await snapshot(event.id)).toBe(before);
    expect(await cancelRegistration(server.services, await actor(coordinatorA.id), event.id, holding.id)).toEqual({ ok: true, promoted: [next.id] });
    expect(await eventNotifications(next.id)).toHaveLength(1);
  });

  it("raising the capacity gives places to as many waiting people as fit, in their order, each told", async () => {
    const input = { capacity: 2 };
    const event = await publishedA(input);
    const people = membersA.slice(6, 12);
    for (const person of people) await register(server.services, await actor(person.id), event.id, registrationInput());
    expect(await counts(event.id)).toEqual({ registered: 2, waiting: 4, cancelled: 0 });
    const waitingOrder = (await participants(server.services, (await findEvent(db(), event.id))!))
      .filter((p) => p.status === "waiting")
      .sort((a, b) => a.position! - b.position!)
      .map((p) => p.userId);

    const raised = await updateEvent(server.services, await actor(coordinatorA.id), event.id, { ...event.input, capacity: 5 });
    expect(raised).toEqual({ ok: true, id: event.id });
    expect(await counts(event.id)).toEqual({ registered: 5, waiting: 1, cancelled: 0 });
    for (const userId of waitingOrder.slice(0, 3)) {
      expect((await findRegistration(db(), event.id, userId))?.status).toBe("registered");
      expect(await eventNotifications(userId)).toHaveLength(1);
    }
    expect((await findRegistration(db(), event.id, waitingOrder[3]!))?.status).toBe("waiting");
    expect(await eventNotifications(waitingOrder[3]!)).toHaveLength(0);

    // No limit at all: everyone left moves up.
    expect(await updateEvent(server.services, await actor(coordinatorA.id), event.id, { ...event.input, capacity: null })).toEqual({ ok: true, id: event.id });
    expect(await counts(event.id)).toEqual({ registered: 6, waiting: 0, cancelled: 0 });
  });

  it("someone who cancelled and registers again joins the end of the waiting list, not their old place", async () => {
    const event = await publishedA({ capacity: 1 });
    const [a, b, c] = [membersA[12]!, membersA[13]!, membersA[14]!];
    for (const person of [a, b, c]) await register(server.services, await actor(person.id), event.id, registrationInput());
    await cancelRegistration(server.services, await actor(c.id), event.id, null);
    expect(await register(server.services, await actor(c.id), event.id, registrationInput())).toMatchObject({ ok: true, status: "waiting" });
    const list = await participants(server.services, (await findEvent(db(), event.id))!);
    expect(list.find((p) => p.userId === b.id)?.position).toBe(1);
    expect(list.find((p) => p.userId === c.id)?.position).toBe(2);
    // The same row is reused: one registration per person and event.
    expect(list.filter((p) => p.userId === c.id)).toHaveLength(1);
  });
});

describe(`registrations: refusals change nothing (${process.env.TEST_DATABASE})`, () => {
  it("twice: alreadyRegistered, also for someone waiting", async () => {
    const event = await publishedA({ capacity: 1 });
    const [a, b] = [membersA[20]!, membersA[21]!];
    await register(server.services, await actor(a.id), event.id, registrationInput());
    await register(server.services, await actor(b.id), event.id, registrationInput());
    const before = await snapshot(event.id);
    expect(await register(server.services, await actor(a.id), event.id, registrationInput({ preferredLanguage: "it" }))).toEqual({ ok: false, error: "alreadyRegistered" });
    expect(await register(server.services, await actor(b.id), event.id, registrationInput())).toEqual({ ok: false, error: "alreadyRegistered" });
    expect(await snapshot(event.id)).toBe(before);
  });

  it("after the deadline: deadlinePassed", async () => {
    const event = await publishedA({ deadline: localIn(-1) });
    const before = await snapshot(event.id);
    expect(await register(server.services, await actor(membersA[22]!.id), event.id, registrationInput())).toEqual({ ok: false, error: "deadlinePassed" });
    expect(await snapshot(event.id)).toBe(before);
  });

  it("an event that is over: registrationClosed", async () => {
    const event = await publishedA({ start: localIn(-5), end: localIn(-2) });
    const before = await snapshot(event.id);
    expect(await register(server.services, await actor(membersA[22]!.id), event.id, registrationInput())).toEqual({ ok: false, error: "registrationClosed" });
    expect(await snapshot(event.id)).toBe(before);
  });

  it("a cancelled event: eventCancelled, for newcomers and those registered before", async () => {
    const event = await publishedA();
    await register(server.services, await actor(membersA[23]!.id), event.id, registrationInput());
    expect(await changeEventStatus(server.services, await actor(coordinatorA.id), event.id, "cancel")).toEqual({ ok: true });
    const before = await snapshot(event.id);
    expect(await register(server.services, await actor(membersA[24]!.id), event.id, registrationInput())).toEqual({ ok: false, error: "eventCancelled" });
    expect(await register(server.services, await actor(membersA[23]!.id), event.id, registrationInput())).toEqual({ ok: false, error: "eventCancelled" });
    expect(await snapshot(event.id)).toBe(before);
  });

  it("a draft: notFound for a member (drafts are invisible to them), refused for its organiser too", async () => {
    const created = await createEvent(server.services, await actor(coordinatorA.id), ownerA(), eventInput());
    if (!created.ok) throw new Error("not created");
    const before = await snapshot(created.id);
    expect(await register(server.services, await actor(membersA[25]!.id), created.id, registrationInput())).toEqual({ ok: false, error: "notFound" });
    expect(await register(server.services, await actor(coordinatorA.id), created.id, registrationInput())).toEqual({ ok: false, error: "registrationClosed" });
    expect(await snapshot(created.id)).toBe(before);
  });

  it("past capacity: the waiting list, not an error", async () => {
    const event = await publishedA({ capacity: 1 });
    expect(await register(server.services, await actor(membersA[26]!.id), event.id, registrationInput())).toMatchObject({ ok: true, status: "registered" });
    expect(await register(server.services, await actor(membersA[27]!.id), event.id, registrationInput())).toMatchObject({ ok: true, status: "waiting" });
  });

  it("a member of another network: notFound, for themselves and when their coordinator tries", async () => {
    const event = await publishedA({ capacity: 10 });
    const before = await snapshot(event.id);
    expect(await register(server.services, await actor(memberB.id), event.id, registrationInput())).toEqual({ ok: false, error: "notFound" });
    expect(await register(server.services, await actor(coordinatorB.id), event.id, registrationInput({ userId: memberB.id }))).toEqual({ ok: false, error: "notFound" });
    expect(await snapshot(event.id)).toBe(before);
  });

  it("travel dates in the wrong order: invalidDates", async () => {
    const event = await publishedA({ format: "studyTrip" });
    const before = await snapshot(event.id);
    expect(await register(server.services, await actor(membersA[28]!.id), event.id, registrationInput({ arrival: "2030-05-15", departure: "2030-05-13" }))).toEqual({ ok: false, error: "invalidDates" });
    expect(await snapshot(event.id)).toBe(before);
  });
});

describe(`registrations: coordinators register colleagues (${process.env.TEST_DATABASE})`, () => {
  it("a coordinator registers a member of their network; not someone outside it; a member registers nobody else", async () => {
    const event = await publishedA({ capacity: 10 });
    const colleague = membersA[30]!;
    const result = await register(server.services, await actor(coordinatorA.id), event.id, registrationInput({ userId: colleague.id, preferredLanguage: "it" }));
    expect(result).toEqual({ ok: true, status: "registered", userId: colleague.id });
    expect(await findRegistration(db(), event.id, colleague.id)).toMatchObject({ registered_by: coordinatorA.id, preferred_language: "it", status: "registered" });
    const before = await snapshot(event.id);
    expect(await register(server.services, await actor(coordinatorA.id), event.id, registrationInput({ userId: memberB.id }))).toEqual({ ok: false, error: "notColleague" });
    expect(await register(server.services, await actor(membersA[31]!.id), event.id, registrationInput({ userId: membersA[32]!.id }))).toEqual({ ok: false, error: "notColleague" });
    expect(await snapshot(event.id)).toBe(before);
  });

  it("for a commons event every coordinator registers their own network's members, nobody else's", async () => {
    const moderator = await buildUser(db(), { platformRoles: ["moderator"] });
    const event = await createPublishedEvent(server.services, await actor(moderator.id), { kind: "commons" }, { capacity: 10 });
    expect(await register(server.services, await actor(coordinatorB.id), event.id, registrationInput({ userId: memberB.id }))).toMatchObject({ ok: true, status: "registered" });
    expect(await register(server.services, await actor(coordinatorB.id), event.id, registrationInput({ userId: membersA[33]!.id }))).toEqual({ ok: false, error: "notColleague" });
    // Observers register themselves for commons events.
    const observer = await buildUser(db(), { platformRoles: ["observer"] });
    expect(await register(server.services, await actor(observer.id), event.id, registrationInput())).toMatchObject({ ok: true, status: "registered" });
  });
});

describe(`registrations: attendance (${process.env.TEST_DATABASE})`, () => {
  it("organisers tick who came: unticked places count as absent, the waiting list and other events' registrations stay untouched", async () => {
    const event = await publishedA({ capacity: 2 });
    const other = await publishedA();
    const [came, absent, waiting] = [membersA[40]!, membersA[41]!, membersA[42]!];
    for (const person of [came, absent, waiting]) await register(server.services, await actor(person.id), event.id, registrationInput());
    await register(server.services, await actor(came.id), other.id, registrationInput());
    const id = async (eventId: string, userId: string) => (await findRegistration(db(), eventId, userId))!.id;
    const listed = [await id(event.id, came.id), await id(event.id, absent.id), await id(event.id, waiting.id), await id(other.id, came.id)];

    const before = await snapshot(event.id);
    expect(await recordAttendance(server.services, await actor(came.id), event.id, listed, listed)).toEqual({ ok: false, error: "forbidden" });
    expect(await recordAttendance(server.services, await actor(memberB.id), event.id, listed, listed)).toEqual({ ok: false, error: "notFound" });
    expect(await snapshot(event.id)).toBe(before);

    expect(await recordAttendance(server.services, await actor(coordinatorA.id), event.id, listed, [listed[0]!, listed[2]!, listed[3]!])).toEqual({ ok: true });
    expect((await findRegistration(db(), event.id, came.id))?.attended).toBe(1);
    expect((await findRegistration(db(), event.id, absent.id))?.attended).toBe(0);
    expect((await findRegistration(db(), event.id, waiting.id))?.attended).toBeNull();
    expect((await findRegistration(db(), other.id, came.id))?.attended).toBeNull();

    // Held events still take attendance; cancelled ones do not.
    expect(await changeEventStatus(server.services, await actor(coordinatorA.id), event.id, "markHeld")).toEqual({ ok: true });
    expect(await recordAttendance(server.services, await actor(coordinatorA.id), event.id, listed, listed)).toEqual({ ok: true });
    expect((await findRegistration(db(), event.id, absent.id))?.attended).toBe(1);
    expect(await changeEventStatus(server.services, await actor(coordinatorA.id), other.id, "cancel")).toEqual({ ok: true });
    expect(await recordAttendance(server.services, await actor(coordinatorA.id), other.id, [listed[3]!], [])).toEqual({ ok: false, error: "registrationClosed" });
  });

  it("a registration of another event cannot be cancelled through this one", async () => {
    const event = await publishedA();
    const other = await publishedA();
    await register(server.services, await actor(membersA[43]!.id), other.id, registrationInput());
    const foreign = (await findRegistration(db(), other.id, membersA[43]!.id))!;
    expect(await cancelRegistration(server.services, await actor(coordinatorA.id), event.id, foreign.id)).toEqual({ ok: false, error: "notRegistered" });
    expect((await findRegistration(db(), other.id, membersA[43]!.id))?.status).toBe("registered");
  });

  it("an observer may not register for a network event (they see it, so: forbidden)", async () => {
    const observer = await buildUser(db(), { platformRoles: ["observer"] });
    const event = await publishedA();
    expect(await register(server.services, await actor(observer.id), event.id, registrationInput())).toEqual({ ok: false, error: "forbidden" });
  });
});
