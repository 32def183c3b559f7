/**
 * Calendars and private feeds through the domain, on SQLite and PostgreSQL: a member of one
 * network never sees another network's events (its canary is nowhere in their lists, files or
 * feed), drafts never reach a calendar file, cancelled events stay in the feed marked cancelled,
 * a changed time reaches subscribers with the same UID and a higher SEQUENCE, and feed tokens
 * are renewed, revoked and refused as documented.
 */
import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestServer } from "#server/testing/use-test-server";
import { buildNetwork, buildUser } from "#server/testing/factories";
import { createPublishedEvent, eventInput, registrationInput } from "#server/testing/events";
import { loadActor } from "#server/domain/auth/actor";
import { findEvent } from "#db/queries/events";
import { deleteMembership } from "#db/queries/memberships";
import { updateUser } from "#db/queries/users";
import { nowIso } from "#shared/time";
import type { WorkspaceOwner } from "#shared/policy";
import { changeEventStatus, createEvent, updateEvent } from "./events";
import { register } from "./registrations";
import { monthRange, visibleEvents } from "./calendar";
import { calendarFile, eventCalendarFile } from "./calendar-files";
import { feedCalendar, feedPath, feedStatus, renewFeed, revokeFeed } from "./feeds";

const server = useTestServer();
const db = () => server.services.db;
const actor = (id: string) => loadActor(db(), id);

type Person = Awaited<ReturnType<typeof buildUser>>;
let networkA: Awaited<ReturnType<typeof buildNetwork>>;
let networkB: Awaited<ReturnType<typeof buildNetwork>>;
let coordinatorA: Person;
let coordinatorB: Person;
let memberA: Person;
let moderator: Person;
let observer: Person;
const ownerA = (): WorkspaceOwner => ({ kind: "network", networkId: networkA.id });
const ownerB = (): WorkspaceOwner => ({ kind: "network", networkId: networkB.id });

let aPublished: string;
let aCancelled: string;
let aDraft: string;
let bPublished: string;
let bDraft: string;
let commonsPublished: string;
let commonsDraft: string;

beforeAll(async () => {
  networkA = await buildNetwork(db());
  networkB = await buildNetwork(db());
  coordinatorA = await buildUser(db(), { memberships: [{ networkId: networkA.id, role: "coordinator" }] });
  coordinatorB = await buildUser(db(), { memberships: [{ networkId: networkB.id, role: "coordinator" }] });
  memberA = await buildUser(db(), { memberships: [{ networkId: networkA.id, role: "member" }] });
  moderator = await buildUser(db(), { platformRoles: ["moderator"] });
  observer = await buildUser(db(), { platformRoles: ["observer"] });

  const a = await actor(coordinatorA.id);
  const b = await actor(coordinatorB.id);
  aPublished = (await createPublishedEvent(server.services, a, ownerA(), { title: "Werkstatt Logistik A" })).id;
  aCancelled = (await createPublishedEvent(server.services, a, ownerA(), { title: "Abgesagt A", start: "2030-06-02T09:00", end: "2030-06-02T12:00" })).id;
  await changeEventStatus(server.services, a, aCancelled, "cancel");
  const draft = await createEvent(server.services, a, ownerA(), eventInput({ title: "Entwurf A" }));
  if (!draft.ok) throw new Error("draft");
  aDraft = draft.id;
  // Network B's canary in every text field a list, file or feed could carry.
  const canary = networkB.canary;
  bPublished = (
    await createPublishedEvent(server.services, b, ownerB(), {
      title: `Private B ${canary}`,
      description: `Nur für B ${canary}`,
      venue: `Saal ${canary}`,
      city: `Stadt ${canary}`,
      onlineUrl: `https://meet.example.test/${canary}`,
    })
  ).id;
  const bDraftCreated = await createEvent(server.services, b, ownerB(), eventInput({ title: `Entwurf B ${canary}` }));
  if (!bDraftCreated.ok) throw new Error("draft B");
  bDraft = bDraftCreated.id;
  commonsPublished = (await createPublishedEvent(server.services, await actor(moderator.id), { kind: "commons" }, { title: "Netzwerk der Netzwerke" })).id;
  const cd = await createEvent(server.services, await actor(moderator.id), { kind: "commons" }, eventInput({ title: "Entwurf Commons" }));
  if (!cd.ok) throw new Error("commons draft");
  commonsDraft = cd.id;
});

/** Every VEVENT of a calendar text, as calendar programs read it. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    return { uid: event.uid, sequence: event.sequence, summary: event.summary, status: String(vevent.getFirstPropertyValue("status")), start: event.startDate, vevent };
  });
}
const host = () => new URL(server.url).host;
const uid = (id: string) => `${id}@${host()}`;
const tokenOf = (url: string) => /\/calendar\/([^/]+)\/events\.ics$/.exec(url)?.[1] ?? "";

describe(`calendar: what a member sees (${process.env.TEST_DATABASE})`, () => {
  it("a member of A sees A's and the commons' published and cancelled events, never B's and no drafts", async () => {
    const member = await actor(memberA.id);
    const entries = await visibleEvents(server.services, member);
    const ids = entries.map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining([aPublished, aCancelled, commonsPublished]));
    for (const hidden of [aDraft, bPublished, bDraft, commonsDraft]) expect(ids).not.toContain(hidden);
    expect(JSON.stringify(entries)).not.toContain(networkB.canary);
    // Asking for drafts shows none to a plain member either, and never B's.
    const withDrafts = await visibleEvents(server.services, member, { drafts: true });
    expect(withDrafts.map((e) => e.id)).not.toContain(aDraft);
    expect(JSON.stringify(withDrafts)).not.toContain(networkB.canary);
    // Scoped to B's network (an address a member of A could type): nothing.
    expect(await visibleEvents(server.services, member, { only: { kind: "network", networkId: networkB.id } })).toEqual([]);
    expect((await visibleEvents(server.services, member, { only: { kind: "commons" } })).map((e) => e.id)).toEqual([commonsPublished]);
  });

  it("organisers see their drafts on pages when asked; observers read every network; a coordinator of A none of B's drafts", async () => {
    const coordinator = await actor(coordinatorA.id);
    expect((await visibleEvents(server.services, coordinator, { drafts: true })).map((e) => e.id)).toContain(aDraft);
    expect((await visibleEvents(server.services, coordinator)).map((e) => e.id)).not.toContain(aDraft);
    const coordinatorsDrafts = JSON.stringify(await visibleEvents(server.services, coordinator, { drafts: true }));
    expect(coordinatorsDrafts).not.toContain(networkB.canary);
    expect(coordinatorsDrafts).not.toContain(commonsDraft);
    const mod = await visibleEvents(server.services, await actor(moderator.id), { drafts: true });
    expect(mod.map((e) => e.id)).toContain(commonsDraft);
    expect(mod.map((e) => e.id)).not.toContain(aPublished);
    const seenByObserver = (await visibleEvents(server.services, await actor(observer.id), { drafts: true })).map((e) => e.id);
    expect(seenByObserver).toEqual(expect.arrayContaining([aPublished, bPublished, commonsPublished]));
    for (const draft of [aDraft, bDraft, commonsDraft]) expect(seenByObserver).not.toContain(draft);
  });

  it("marks one's own registration and counts the places taken", async () => {
    const member = await actor(memberA.id);
    await register(server.services, member, aPublished, registrationInput());
    const entry = (await visibleEvents(server.services, member)).find((e) => e.id === aPublished);
    expect(entry).toMatchObject({ myRegistration: "registered", registered: 1, path: `/networks/${networkA.slug}/events/${aPublished}`, network: { slug: networkA.slug } });
  });

  it("months are ranges in the platform's zone", () => {
    expect(monthRange("2030-05")).toEqual({ from: "2030-04-30T22:00:00.000Z", until: "2030-05-31T22:00:00.000Z" });
    expect(monthRange("2030-12")).toEqual({ from: "2030-11-30T23:00:00.000Z", until: "2030-12-31T23:00:00.000Z" });
    expect(monthRange("2030-13")).toBeNull();
    expect(monthRange("junk")).toBeNull();
  });
});

describe(`calendar files (${process.env.TEST_DATABASE})`, () => {
  it("a member's calendar file: A's and the commons' events, cancelled ones marked, no drafts, nothing of B", async () => {
    const text = await calendarFile(server.services, await actor(memberA.id), { name: "ConnActions" });
    expect(text).not.toContain(networkB.canary);
    const events = parse(text);
    const uids = events.map((e) => e.uid);
    expect(uids).toEqual(expect.arrayContaining([uid(aPublished), uid(aCancelled), uid(commonsPublished)]));
    for (const hidden of [aDraft, bPublished, bDraft, commonsDraft]) expect(uids).not.toContain(uid(hidden));
    expect(events.find((e) => e.uid === uid(aCancelled))?.status).toBe("CANCELLED");
    expect(events.find((e) => e.uid === uid(aPublished))?.status).toBe("CONFIRMED");
  });

  it("organisers' calendar files carry no drafts either", async () => {
    for (const who of [coordinatorA, moderator]) {
      const uids = parse(await calendarFile(server.services, await actor(who.id), { name: "ConnActions" })).map((e) => e.uid);
      for (const draft of [aDraft, commonsDraft]) expect(uids).not.toContain(uid(draft));
    }
  });

  it("one event's file has its UID, zone and page", async () => {
    const row = (await findEvent(db(), aPublished))!;
    const text = await eventCalendarFile(server.services, row);
    const [event] = parse(text);
    expect(event).toMatchObject({ uid: uid(aPublished), summary: row.title, sequence: row.sequence });
    expect(text).toContain("DTSTART;TZID=Europe/Berlin:20300514T090000");
    expect(String(event!.vevent.getFirstPropertyValue("url"))).toBe(`${server.url}/networks/${networkA.slug}/events/${aPublished}`);
  });
});

describe(`private feeds (${process.env.TEST_DATABASE})`, () => {
  it("renewFeed gives an address whose token works; a second renewal revokes the first; revokeFeed and wrong tokens give null", async () => {
    expect(await feedStatus(server.services, memberA.id)).toBeNull();
    const first = await renewFeed(server.services, memberA.id);
    const firstToken = tokenOf(first.url);
    expect(first.url).toBe(`${server.url}${feedPath(firstToken)}`);
    const feed = await feedCalendar(server.services, firstToken);
    expect(feed).not.toBeNull();
    expect(feed).not.toContain(networkB.canary);
    const uids = parse(feed!).map((e) => e.uid);
    expect(uids).toContain(uid(aPublished));
    expect(uids).not.toContain(uid(bPublished));
    expect(uids).not.toContain(uid(aDraft));
    expect(await feedStatus(server.services, memberA.id)).toMatchObject({ since: expect.any(String) });

    const second = await renewFeed(server.services, memberA.id);
    const secondToken = tokenOf(second.url);
    expect(secondToken).not.toBe(firstToken);
    expect(await feedCalendar(server.services, firstToken)).toBeNull();
    expect(await feedCalendar(server.services, secondToken)).not.toBeNull();

    // Wrong tokens: malformed, well-formed but unknown, someone else's changed by one character.
    for (const wrong of ["", "abc", "../../etc/passwd", `${secondToken}%`, "A".repeat(43), `${secondToken.slice(0, -1)}${secondToken.endsWith("A") ? "B" : "A"}`]) {
      expect(await feedCalendar(server.services, wrong)).toBeNull();
    }

    await revokeFeed(server.services, memberA.id);
    expect(await feedCalendar(server.services, secondToken)).toBeNull();
    expect(await feedStatus(server.services, memberA.id)).toBeNull();
  });

  it("renewing several times at the same moment (a double click) succeeds each time and leaves exactly one working address", async () => {
    const person = await buildUser(db(), { memberships: [{ networkId: networkA.id, role: "member" }] });
    for (let round = 0; round < 3; round++) {
      const renewed = await Promise.allSettled(Array.from({ length: 5 }, () => renewFeed(server.services, person.id)));
      expect(renewed.map((r) => r.status)).toEqual(Array(5).fill("fulfilled"));
      const tokens = renewed.map((r) => (r.status === "fulfilled" ? tokenOf(r.value.url) : ""));
      const working = (await Promise.all(tokens.map((token) => feedCalendar(server.services, token)))).filter((feed) => feed !== null);
      expect(working).toHaveLength(1);
    }
  });

  it("tokens are one per person: another person's feed shows their events, not the other's", async () => {
    const mine = tokenOf((await renewFeed(server.services, memberA.id)).url);
    const theirs = tokenOf((await renewFeed(server.services, coordinatorB.id)).url);
    const feedB = (await feedCalendar(server.services, theirs))!;
    expect(feedB).toContain(networkB.canary);
    expect(parse(feedB).map((e) => e.uid)).not.toContain(uid(aPublished));
    expect(await feedCalendar(server.services, mine)).not.toContain(networkB.canary);
  });

  it("the feed follows the person's rights when it is read: leaving the network or a disabled account take the events away", async () => {
    const leaver = await buildUser(db(), { memberships: [{ networkId: networkA.id, role: "member" }] });
    const token = tokenOf((await renewFeed(server.services, leaver.id)).url);
    expect(parse((await feedCalendar(server.services, token))!).map((e) => e.uid)).toContain(uid(aPublished));
    await deleteMembership(db(), networkA.id, leaver.id);
    const after = parse((await feedCalendar(server.services, token))!).map((e) => e.uid);
    expect(after).not.toContain(uid(aPublished));
    expect(after).not.toContain(uid(commonsPublished));
    await updateUser(db(), leaver.id, { disabled_at: nowIso() });
    expect(await feedCalendar(server.services, token)).toBeNull();
  });

  it("a changed time reaches subscribers with the same UID, a higher SEQUENCE and the new start; a cancellation as CANCELLED", async () => {
    const organiser = await actor(coordinatorA.id);
    const event = await createPublishedEvent(server.services, organiser, ownerA(), { title: "Wird verschoben", start: "2030-09-10T09:00", end: "2030-09-10T12:00" });
    const token = tokenOf((await renewFeed(server.services, memberA.id)).url);
    const read = async () => parse((await feedCalendar(server.services, token))!).find((e) => e.uid === uid(event.id))!;

    const before = await read();
    expect(before.status).toBe("CONFIRMED");
    expect(before.start.toString()).toBe("2030-09-10T09:00:00");

    expect(await updateEvent(server.services, organiser, event.id, { ...event.input, start: "2030-09-11T10:00", end: "2030-09-11T13:00" })).toMatchObject({ ok: true });
    const moved = await read();
    expect(moved.uid).toBe(before.uid);
    expect(moved.sequence).toBeGreaterThan(before.sequence);
    expect(moved.start.toString()).toBe("2030-09-11T10:00:00");
    expect(moved.start.zone?.tzid ?? moved.vevent.getFirstProperty("dtstart")?.getParameter("tzid")).toBe("Europe/Berlin");

    // A title change alone needs no new SEQUENCE: the calendar still shows the new title.
    expect(await updateEvent(server.services, organiser, event.id, { ...event.input, title: "Neuer Titel", start: "2030-09-11T10:00", end: "2030-09-11T13:00" })).toMatchObject({ ok: true });
    const renamed = await read();
    expect(renamed.sequence).toBe(moved.sequence);
    expect(renamed.summary).toBe("Neuer Titel");

    expect(await changeEventStatus(server.services, organiser, event.id, "cancel")).toEqual({ ok: true });
    const cancelled = await read();
    expect(cancelled.status).toBe("CANCELLED");
    expect(cancelled.sequence).toBeGreaterThan(renamed.sequence);
  });
});
