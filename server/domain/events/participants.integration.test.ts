/**
 * Participants' needs through the domain, on SQLite and PostgreSQL: only organisers receive
 * them, the CSV for the venue and hotel (headers in the organiser's language, formulas
 * defused), and their deletion once the retention time after the event has passed.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { useTestServer } from "#server/testing/use-test-server";
import { buildNetwork, buildUser } from "#server/testing/factories";
import { createPublishedEvent, localIn, registrationInput } from "#server/testing/events";
import { loadActor } from "#server/domain/auth/actor";
import { findEvent } from "#db/queries/events";
import { findRegistration } from "#db/queries/event-registrations";
import { findUserById } from "#db/queries/users";
import { fixedT } from "#shared/i18n/instance";
import type { WorkspaceOwner } from "#shared/policy";
import { register, updateRegistrationDetails } from "./registrations";
import { updateEvent } from "./events";
import { eventPage, participants } from "./event-page";
import { participantsCsv } from "./participants-csv";
import { purgeExpiredNeeds } from "./housekeeping";

const server = useTestServer();
const db = () => server.services.db;
const actor = (id: string) => loadActor(db(), id);
const DAY = 86_400_000;

type Person = Awaited<ReturnType<typeof buildUser>>;
let network: Awaited<ReturnType<typeof buildNetwork>>;
let coordinator: Person;
const owner = (): WorkspaceOwner => ({ kind: "network", networkId: network.id });
const member = (options: { locale?: "de" | "it" | "en"; name?: string } = {}) => buildUser(db(), { memberships: [{ networkId: network.id, role: "member" }], ...options });

beforeAll(async () => {
  network = await buildNetwork(db());
  coordinator = await buildUser(db(), { memberships: [{ networkId: network.id, role: "coordinator" }], locale: "de" });
});

const needs = { accessibilityNeeds: "Rollstuhl, stufenloser Zugang", dietaryNeeds: "vegetarisch", arrival: "2031-03-09", departure: "2031-03-12", needsRoom: true };

/** RFC 4180 records: quoted fields with doubled quotes, CRLF between records. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") record.push(field), (field = "");
    else if (c === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      (field = ""), (record = []), i++;
    } else field += c;
  }
  if (field || record.length) records.push([...record, field]);
  return records;
}

describe(`participants: needs for organisers only, and the CSV (${process.env.TEST_DATABASE})`, () => {
  it("organisers see everyone's needs; a participant sees their own and nobody else's", async () => {
    const event = await createPublishedEvent(server.services, await actor(coordinator.id), owner(), { format: "studyTrip", start: "2031-03-10T09:00", end: "2031-03-11T17:00" });
    const [a, b] = [await member(), await member()];
    await register(server.services, await actor(a.id), event.id, registrationInput(needs));
    await register(server.services, await actor(b.id), event.id, registrationInput());
    const row = (await findEvent(db(), event.id))!;
    const pageForB = await eventPage(server.services, await actor(b.id), row);
    expect(JSON.stringify(pageForB)).not.toContain(needs.accessibilityNeeds);
    expect(pageForB.interpretingSummary).toBeNull();
    expect(pageForB.mine).toMatchObject({ status: "registered", accessibilityNeeds: "" });
    const pageForA = await eventPage(server.services, await actor(a.id), row);
    expect(pageForA.mine).toMatchObject({ accessibilityNeeds: needs.accessibilityNeeds, dietaryNeeds: "vegetarisch", arrival: "2031-03-09", needsRoom: true });
    const pageForOrganiser = await eventPage(server.services, await actor(coordinator.id), row);
    expect(pageForOrganiser.rights.organise).toBe(true);
    expect((await participants(server.services, row)).find((p) => p.userId === a.id)).toMatchObject({ accessibilityNeeds: needs.accessibilityNeeds, dietaryNeeds: "vegetarisch", needsRoom: true });
  });

  it("the CSV: headers in the organiser's language, formula-like cells prefixed with an apostrophe, needs and languages present", async () => {
    const event = await createPublishedEvent(server.services, await actor(coordinator.id), owner(), { format: "studyTrip", start: "2031-03-10T09:00", end: "2031-03-11T17:00", capacity: 2 });
    const formula = await member({ name: '=HYPERLINK("https://evil.example","Klick")' });
    const italian = await member({ locale: "it", name: "Giulia Ferrari" });
    const waiting = await member({ name: "Wartende Person" });
    await register(server.services, await actor(formula.id), event.id, registrationInput({ ...needs, dietaryNeeds: "+glutenfrei", accessibilityNeeds: "@Gebärdensprache" }));
    await register(server.services, await actor(italian.id), event.id, registrationInput({ preferredLanguage: "it", understands: ["en"], dietaryNeeds: "senza lattosio" }));
    await register(server.services, await actor(waiting.id), event.id, registrationInput());

    const organiserLocale = (await findUserById(db(), coordinator.id))!.locale;
    expect(organiserLocale).toBe("de");
    const csv = participantsCsv(await participants(server.services, (await findEvent(db(), event.id))!), organiserLocale);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const [header, ...rows] = parseCsv(csv.slice(1));

    const keys = ["name", "email", "organisation", "country", "status", "position", "preferredLanguage", "understands", "accessibilityNeeds", "dietaryNeeds", "arrival", "departure", "needsRoom", "attended", "registeredBy"];
    const headerIn = (locale: "de" | "it" | "en") => keys.map((key) => fixedT(locale)(`events:csv.${key}`));
    expect(header).toEqual(headerIn("de"));
    // Translated, not the bare keys: the German header differs from the Italian one.
    expect(header).not.toEqual(headerIn("it"));
    expect(header!.some((cell) => cell.includes("csv."))).toBe(false);

    expect(rows).toHaveLength(3);
    const byEmail = (email: string) => rows.find((r) => r[1] === email)!;
    const f = byEmail(formula.email);
    expect(f[0]).toBe(`'=HYPERLINK("https://evil.example","Klick")`);
    expect(f[8]).toBe("'@Gebärdensprache");
    expect(f[9]).toBe("'+glutenfrei");
    expect([f[10], f[11]]).toEqual(["2031-03-09", "2031-03-12"]);
    expect(f[12]).toBe(fixedT("de")("events:csv.yes"));
    const i = byEmail(italian.email);
    expect(i[0]).toBe("Giulia Ferrari");
    expect([i[6], i[7], i[9]]).toEqual(["it", "it en", "senza lattosio"]);
    expect(i[4]).toBe(fixedT("de")("events:registrationStatus.registered"));
    const w = byEmail(waiting.email);
    expect([w[4], w[5]]).toEqual([fixedT("de")("events:registrationStatus.waiting"), "1"]);
  });
});

describe(`participants: needs are deleted after the retention time (${process.env.TEST_DATABASE})`, () => {
  it("purgeExpiredNeeds deletes accessibility and dietary needs, travel dates and rooms of events ended longer ago, and not those of recent events", async () => {
    const organiser = await actor(coordinator.id);
    const old = await createPublishedEvent(server.services, organiser, owner(), { format: "studyTrip", start: "2032-05-14T09:00", end: "2032-05-14T17:00" });
    const recent = await createPublishedEvent(server.services, organiser, owner(), { format: "studyTrip", start: "2032-06-20T09:00", end: "2032-06-20T17:00" });
    const person = await member({ locale: "it" });
    const other = await member();
    for (const eventId of [old.id, recent.id]) {
      await register(server.services, await actor(person.id), eventId, registrationInput({ ...needs, preferredLanguage: "it", understands: ["de"] }));
      await register(server.services, await actor(other.id), eventId, registrationInput(needs));
    }
    const oldEnd = Date.parse(old.row.ends_at);
    const days = server.services.config.eventNeedsRetentionDays;

    // One minute before the retention time has passed: not yet (earlier events of this file may go).
    await purgeExpiredNeeds(server.services, oldEnd + days * DAY - 60_000);
    expect(await findRegistration(db(), old.id, person.id)).toMatchObject({ accessibility_needs: needs.accessibilityNeeds, needs_room: 1 });
    expect((await findEvent(db(), old.id))?.needs_purged_at).toBeNull();

    expect(await purgeExpiredNeeds(server.services, oldEnd + (days + 1) * DAY)).toBe(1);
    for (const who of [person, other]) {
      expect(await findRegistration(db(), old.id, who.id)).toMatchObject({
        status: "registered",
        accessibility_needs: "",
        dietary_needs: "",
        arrival: null,
        departure: null,
        needs_room: null,
      });
      expect(await findRegistration(db(), recent.id, who.id)).toMatchObject({
        accessibility_needs: needs.accessibilityNeeds,
        dietary_needs: "vegetarisch",
        arrival: "2031-03-09",
        departure: "2031-03-12",
        needs_room: 1,
      });
    }
    // Languages stay: they are no needs, and interpreting records are kept.
    expect(await findRegistration(db(), old.id, person.id)).toMatchObject({ preferred_language: "it", understands: JSON.stringify(["it", "de"]) });
    expect((await findEvent(db(), old.id))?.needs_purged_at).not.toBeNull();
    expect((await findEvent(db(), recent.id))?.needs_purged_at).toBeNull();
    // Again: nothing more.
    expect(await purgeExpiredNeeds(server.services, oldEnd + (days + 1) * DAY)).toBe(0);
  });

  it("needs cannot come back after the event: changing a registration of an event that is over is refused", async () => {
    const organiser = await actor(coordinator.id);
    const event = await createPublishedEvent(server.services, organiser, owner(), { format: "studyTrip", start: localIn(-3), end: localIn(2) });
    const person = await member();
    await register(server.services, await actor(person.id), event.id, registrationInput(needs));
    // The event ends (an organiser corrects the end to the past), and its retention time passes.
    expect(await updateEvent(server.services, organiser, event.id, { ...event.input, end: localIn(-1) })).toMatchObject({ ok: true });
    expect(await purgeExpiredNeeds(server.services, Date.now() + (server.services.config.eventNeedsRetentionDays + 1) * DAY)).toBeGreaterThanOrEqual(1);
    expect(await findRegistration(db(), event.id, person.id)).toMatchObject({ accessibility_needs: "", dietary_needs: "" });

    for (const who of [person.id, coordinator.id]) {
      const result = await updateRegistrationDetails(server.services, await actor(who), event.id, registrationInput({ ...needs, userId: person.id }));
      expect(result).toEqual({ ok: false, error: "registrationClosed" });
    }
    expect(await findRegistration(db(), event.id, person.id)).toMatchObject({ accessibility_needs: "", dietary_needs: "", arrival: null });
  });

  it("before the event, participants change their needs and organisers anyone's; members not someone else's", async () => {
    const event = await createPublishedEvent(server.services, await actor(coordinator.id), owner(), { format: "studyTrip", start: "2031-03-10T09:00", end: "2031-03-11T17:00" });
    const [person, nosy] = [await member(), await member()];
    await register(server.services, await actor(person.id), event.id, registrationInput());
    await register(server.services, await actor(nosy.id), event.id, registrationInput());
    expect(await updateRegistrationDetails(server.services, await actor(person.id), event.id, registrationInput({ dietaryNeeds: "vegan" }))).toMatchObject({ ok: true, status: "registered" });
    expect(await updateRegistrationDetails(server.services, await actor(coordinator.id), event.id, registrationInput({ userId: person.id, dietaryNeeds: "vegan, ohne Nüsse" }))).toMatchObject({ ok: true });
    expect(await updateRegistrationDetails(server.services, await actor(nosy.id), event.id, registrationInput({ userId: person.id, dietaryNeeds: "nichts" }))).toEqual({ ok: false, error: "forbidden" });
    expect((await findRegistration(db(), event.id, person.id))?.dietary_needs).toBe("vegan, ohne Nüsse");
  });
});
