/**
 * Reminder mails before events, on SQLite and PostgreSQL: in each person's language at the
 * lead time they chose, none when turned off, and exactly once — also when a restarted
 * instance (a second Services with its own database handle and mailer on the same database)
 * sends at the same moment as the first. A changed start time makes the reminder due again.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestServer } from "#server/testing/use-test-server";
import { buildNetwork, buildUser } from "#server/testing/factories";
import { createPublishedEvent, eventInput, localIn, registrationInput } from "#server/testing/events";
import { loadActor } from "#server/domain/auth/actor";
import { openDatabase, type DbHandle } from "#db/connection";
import { findEvent } from "#db/queries/events";
import { claimReminder, findRegistration } from "#db/queries/event-registrations";
import { listOutbox } from "#db/queries/outbox";
import { updateUser } from "#db/queries/users";
import { createMailer } from "#server/mail/mailer";
import { createLogger } from "#server/log";
import type { Services } from "#server/services";
import { fixedT } from "#shared/i18n/instance";
import { formatEventRange } from "#shared/events/event-format";
import { HOUR } from "#shared/time";
import type { Locale } from "#shared/i18n/config";
import type { EventRow } from "#db/schema";
import { sendDueReminders } from "./reminders";
import { register, cancelRegistration } from "./registrations";
import { changeEventStatus, createEvent, updateEvent } from "./events";

const server = useTestServer();
const db = () => server.services.db;
const actor = (id: string) => loadActor(db(), id);

type Person = Awaited<ReturnType<typeof buildUser>>;
let network: Awaited<ReturnType<typeof buildNetwork>>;
let coordinator: Person;
const owner = () => ({ kind: "network" as const, networkId: network.id });

beforeAll(async () => {
  network = await buildNetwork(db());
  coordinator = await buildUser(db(), { memberships: [{ networkId: network.id, role: "coordinator" }] });
});

const member = (locale: Locale = "de") => buildUser(db(), { memberships: [{ networkId: network.id, role: "member" }], locale });
const reminders = async (email: string) => (await listOutbox(db(), 100_000)).filter((m) => m.to_address === email && m.kind === "eventReminder");
/** An event starting `hours` from now, lasting two hours. */
const eventIn = async (hours: number, overrides: Parameters<typeof eventInput>[0] = {}) =>
  createPublishedEvent(server.services, await actor(coordinator.id), owner(), { start: localIn(hours), end: localIn(hours + 2), ...overrides });
const registerFor = async (person: Person, eventId: string) => {
  const result = await register(server.services, await actor(person.id), eventId, registrationInput());
  if (!result.ok) throw new Error(result.error);
  return result.status;
};
const expectedSubject = (event: EventRow, locale: Locale) =>
  fixedT(locale)("mail:eventReminder.subject", { title: event.title, when: formatEventRange(event.starts_at, event.ends_at, event.time_zone, locale) });

describe(`reminders: exactly once, in the person's language (${process.env.TEST_DATABASE})`, () => {
  it("a registered person gets one reminder for an event in 3 hours (default 24 h lead), in Italian; a second round sends nothing", async () => {
    const italian = await member("it");
    const event = await eventIn(3);
    expect(await registerFor(italian, event.id)).toBe("registered");
    expect(await sendDueReminders(server.services)).toBe(1);
    const mails = await reminders(italian.email);
    expect(mails).toHaveLength(1);
    const row = (await findEvent(db(), event.id))!;
    expect(mails[0]).toMatchObject({ locale: "it", subject: expectedSubject(row, "it") });
    expect(mails[0]!.subject).not.toBe(expectedSubject(row, "en"));
    expect(mails[0]!.text_body).toContain(`${server.url}/networks/${network.slug}/events/${event.id}`);
    expect((await findRegistration(db(), event.id, italian.id))?.reminded_at).not.toBeNull();

    expect(await sendDueReminders(server.services)).toBe(0);
    expect(await reminders(italian.email)).toHaveLength(1);
  });

  it("someone who cancels after their reminder fell due but before it is claimed gets none", async () => {
    const person = await member();
    const event = await eventIn(3);
    await registerFor(person, event.id);
    const registration = (await findRegistration(db(), event.id, person.id))!;
    const cancelled = await cancelRegistration(server.services, await actor(person.id), event.id, null);
    expect(cancelled.ok).toBe(true);
    // The round's list was read before the cancellation: the claim itself must refuse.
    expect(await claimReminder(db(), registration.id, new Date().toISOString())).toBe(false);
    expect(await sendDueReminders(server.services)).toBe(0);
    expect(await reminders(person.email)).toHaveLength(0);
  });

  it("follows each person's lead time; none when turned off, none for the waiting list, cancelled or begun events", async () => {
    const event = await eventIn(30, { capacity: 4 });
    const dayBefore = await member(); // default: 24 hours
    const twoDays = await member();
    const off = await member();
    const waiting = await member();
    const filler = await member();
    await updateUser(db(), twoDays.id, { event_reminder_hours: 48 });
    await updateUser(db(), off.id, { event_reminder_hours: null });
    for (const person of [dayBefore, twoDays, off, filler]) expect(await registerFor(person, event.id)).toBe("registered");
    expect(await registerFor(waiting, event.id)).toBe("waiting");
    const startsAt = Date.parse((await findEvent(db(), event.id))!.starts_at);

    // 30 hours ahead: only the two-day lead time has come.
    await sendDueReminders(server.services);
    expect(await reminders(twoDays.email)).toHaveLength(1);
    for (const person of [dayBefore, off, waiting, filler]) expect(await reminders(person.email)).toHaveLength(0);

    // 23 hours before the start: the 24-hour ones too; never the one who turned reminders off, nor the waiting list.
    await sendDueReminders(server.services, new Date(startsAt - 23 * HOUR));
    expect(await reminders(dayBefore.email)).toHaveLength(1);
    expect(await reminders(filler.email)).toHaveLength(1);
    await sendDueReminders(server.services, new Date(startsAt - 60_000));
    expect(await reminders(off.email)).toHaveLength(0);
    expect(await reminders(waiting.email)).toHaveLength(0);
    expect(await reminders(twoDays.email)).toHaveLength(1);

    // Once the event has begun nobody is reminded any more.
    const late = await member();
    const begun = await eventIn(1);
    await registerFor(late, begun.id);
    await sendDueReminders(server.services, new Date(Date.parse(begun.row.starts_at) + 60_000));
    expect(await reminders(late.email)).toHaveLength(0);
    await cancelRegistration(server.services, await actor(late.id), begun.id, null);

    // A cancelled event reminds nobody.
    const cancelledEvent = await eventIn(2);
    const registeredThere = await member();
    await registerFor(registeredThere, cancelledEvent.id);
    await changeEventStatus(server.services, await actor(coordinator.id), cancelledEvent.id, "cancel");
    await sendDueReminders(server.services);
    expect(await reminders(registeredThere.email)).toHaveLength(0);
  });

  it("someone moving up from the waiting list inside the lead time is reminded then", async () => {
    const event = await eventIn(5, { capacity: 1 });
    const holder = await member();
    const next = await member();
    await registerFor(holder, event.id);
    await registerFor(next, event.id);
    await sendDueReminders(server.services);
    expect(await reminders(holder.email)).toHaveLength(1);
    expect(await reminders(next.email)).toHaveLength(0);
    await cancelRegistration(server.services, await actor(holder.id), event.id, null);
    await sendDueReminders(server.services);
    expect(await reminders(next.email)).toHaveLength(1);
  });

  it("reminders not yet due never hold back due ones, however many there are", async () => {
    // 201 people with a 2-hour lead time for an event in 10 hours: none is due yet, and they
    // come first by start time. A 48-hour reminder for an event in 30 hours is due now.
    const soon = await eventIn(10);
    for (let i = 0; i < 201; i++) {
      const person = await member();
      await updateUser(db(), person.id, { event_reminder_hours: 2 });
      await registerFor(person, soon.id);
    }
    const later = await eventIn(30);
    const early = await member();
    await updateUser(db(), early.id, { event_reminder_hours: 48 });
    await registerFor(early, later.id);
    await sendDueReminders(server.services);
    expect(await reminders(early.email)).toHaveLength(1);
  });
});

describe(`reminders: across a restart and two instances (${process.env.TEST_DATABASE})`, () => {
  let second: DbHandle | undefined;
  afterAll(async () => {
    await second?.close();
  });

  /** The same database opened again, with a mailer of its own: the process after a restart. */
  function restartedInstance(): Services {
    second ??= server.database.databaseUrl
      ? openDatabase({ databaseUrl: server.database.databaseUrl, poolSize: 5 })
      : openDatabase({ sqlitePath: path.join(server.database.dataDir, "connactions.sqlite") });
    return { ...server.services, db: second.db, mailer: createMailer({ db: second.db, from: "other@connactions.test", log: createLogger("error") }) };
  }

  /**
   * What runs at the same moment as this instance's round: on PostgreSQL another instance with
   * its own connections; on SQLite (one instance per file, decision 0015) a second round of the
   * same process overlapping the first (the chore runs every minute and a round may take longer),
   * with a mailer of its own. Two handles of one SQLite file in one process would block each other
   * in the busy handler, which no deployment does.
   */
  const concurrentInstance = (): Services =>
    server.database.databaseUrl ? restartedInstance() : { ...server.services, mailer: createMailer({ db: server.services.db, from: "other@connactions.test", log: createLogger("error") }) };

  it("a restarted instance sends nothing already sent", async () => {
    const event = await eventIn(3);
    const first = await member();
    await registerFor(first, event.id);
    expect(await sendDueReminders(server.services)).toBe(1);
    expect(await sendDueReminders(restartedInstance())).toBe(0);
    expect(await reminders(first.email)).toHaveLength(1);
  });

  it("two instances (or overlapping rounds) at the same moment send each reminder once", async () => {
    const event = await eventIn(3);
    const other = concurrentInstance();
    for (let round = 0; round < 3; round++) {
      const people: Person[] = [];
      for (let i = 0; i < 10; i++) {
        const person = await member(i % 2 ? "it" : "de");
        await registerFor(person, event.id);
        people.push(person);
      }
      const sent = await Promise.all([sendDueReminders(server.services), sendDueReminders(other), sendDueReminders(server.services), sendDueReminders(other)]);
      expect(sent.reduce((a, b) => a + b, 0)).toBe(10);
      for (const person of people) expect(await reminders(person.email)).toHaveLength(1);
    }
  });

  it("a crash between the mark and the commit leaves neither: the next round sends it once", async () => {
    const event = await eventIn(3);
    const person = await member("it");
    await registerFor(person, event.id);
    // The mail is written inside the transaction, then the process "dies" before the commit.
    const crashing: Services = {
      ...server.services,
      mailer: {
        ...server.services.mailer,
        stage: async (trx, mail) => {
          await server.services.mailer.stage(trx, mail);
          throw new Error("crash before commit");
        },
      },
    };
    await expect(sendDueReminders(crashing)).rejects.toThrow("crash before commit");
    expect(await reminders(person.email)).toHaveLength(0);
    expect((await findRegistration(db(), event.id, person.id))?.reminded_at).toBeNull();
    expect(await sendDueReminders(restartedInstance())).toBe(1);
    expect(await reminders(person.email)).toHaveLength(1);
    expect(await sendDueReminders(server.services)).toBe(0);
  });
});

describe(`reminders: a changed start time (${process.env.TEST_DATABASE})`, () => {
  // Expected behaviour: the reminder states the time, so a new start time makes it due again
  // at the person's lead time before the NEW start (a second reminder, with the new time). A
  // changed title, place or end leaves the sent reminder as it is.
  it("moving the start makes the reminder due again for the new time; other changes do not", async () => {
    const organiser = await actor(coordinator.id);
    const event = await eventIn(3);
    const person = await member();
    await registerFor(person, event.id);
    await sendDueReminders(server.services);
    expect(await reminders(person.email)).toHaveLength(1);

    // Title, place and end: nothing new.
    expect(await updateEvent(server.services, organiser, event.id, { ...event.input, title: "Neuer Titel", city: "Trento", end: localIn(6) })).toMatchObject({ ok: true });
    expect((await findRegistration(db(), event.id, person.id))?.reminded_at).not.toBeNull();
    await sendDueReminders(server.services);
    expect(await reminders(person.email)).toHaveLength(1);

    // Two days later: reset, but not due before 24 hours ahead of the new start.
    const moved = { ...event.input, title: "Neuer Titel", start: localIn(48), end: localIn(50) };
    expect(await updateEvent(server.services, organiser, event.id, moved)).toMatchObject({ ok: true });
    expect((await findRegistration(db(), event.id, person.id))?.reminded_at).toBeNull();
    await sendDueReminders(server.services);
    expect(await reminders(person.email)).toHaveLength(1);
    const newStart = Date.parse((await findEvent(db(), event.id))!.starts_at);
    expect(await sendDueReminders(server.services, new Date(newStart - 20 * HOUR))).toBeGreaterThanOrEqual(1);
    const mails = await reminders(person.email);
    expect(mails).toHaveLength(2);
    const row = (await findEvent(db(), event.id))!;
    expect(mails.map((m) => m.subject)).toContain(expectedSubject(row, "de"));
    await sendDueReminders(server.services, new Date(newStart - 10 * HOUR));
    expect(await reminders(person.email)).toHaveLength(2);
  });

  it("a draft reminds nobody (nobody can register for it)", async () => {
    const created = await createEvent(server.services, await actor(coordinator.id), owner(), eventInput({ start: localIn(3), end: localIn(4) }));
    expect(created.ok).toBe(true);
    expect(await sendDueReminders(server.services)).toBe(0);
  });
});
