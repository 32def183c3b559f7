/**
 * The "staying in touch" list over HTTP, on SQLite and PostgreSQL: a moderator publishes an
 * event of the network of networks and sends it to the groups that were not selected or chose
 * to stay in touch. Each of them gets exactly one mail in its own language (title, format,
 * time in the event's zone, place, the organiser to write to, no login link); groups with
 * other statuses get none; pressing again sends nothing new; a draft, a network's event or a
 * past event cannot go out; a plain member gets 403 and never sees the section; the project
 * team may send it too; a withdrawn group's claims go with it.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { useTestServer } from "#server/testing/use-test-server";
import { buildNetwork, buildUser } from "#server/testing/factories";
import { TestClient } from "#server/testing/http-client";
import { createPublishedEvent, eventInput } from "#server/testing/events";
import { interestInput, submitTestInterest } from "#server/testing/interest";
import { loadActor } from "#server/domain/auth/actor";
import type { EventFormData } from "#shared/validation/event-forms";
import type { InterestStatus } from "#shared/intake/vocabulary";
import type { Locale } from "#shared/i18n/config";
import { withdrawInterest } from "./submissions";
import { changeInterestStatus } from "./review";
import { inviteStayingInTouch, stayInTouchPanel } from "./stay-in-touch";

const server = useTestServer();
const db = () => server.services.db;

type Person = Awaited<ReturnType<typeof buildUser>>;
let network: Awaited<ReturnType<typeof buildNetwork>>;
let moderator: Person & { name: string };
let team: Person;
let member: Person;
let coordinator: Person;
const clients = {} as Record<"moderator" | "team" | "member" | "coordinator", TestClient>;

interface Group {
  id: string;
  token: string;
  email: string;
  locale: Locale;
}

/** A group sent through the public form, then moved to `status` by the project team. */
async function group(status: InterestStatus | "received", locale: Locale): Promise<Group> {
  const input = interestInput({ locale, contactName: `Contact ${locale}` });
  const { id, token } = await submitTestInterest(server.services, input);
  if (status !== "received") {
    const changed = await changeInterestStatus(server.services, await loadActor(db(), team.id), id, status, "");
    expect(changed).toEqual({ ok: true });
  }
  return { id, token, email: input.contactEmail, locale };
}

const invitationsTo = (address: string) =>
  db().selectFrom("outbox").selectAll().where("to_address", "=", address).where("kind", "=", "interestEventInvitation").orderBy("created_at").execute();
const allInvitations = async () => Number((await db().selectFrom("outbox").select((eb) => eb.fn.countAll<number>().as("n")).where("kind", "=", "interestEventInvitation").executeTakeFirstOrThrow()).n);

/** The event form as the browser sends it. */
function eventFields(input: EventFormData): Record<string, string | string[]> {
  return {
    title: input.title,
    description: input.description,
    format: input.format,
    timeZone: input.timeZone,
    start: input.start,
    end: input.end,
    venue: input.venue,
    address: input.address,
    city: input.city,
    country: input.country,
    onlineUrl: input.onlineUrl ?? "",
    workingLanguages: input.workingLanguages,
    capacity: input.capacity === null ? "" : String(input.capacity),
    deadline: input.deadline ?? "",
    organisations: input.organisations,
  };
}

/** The moderator creates a commons event through its form (a draft), optionally publishing it. */
async function commonsEvent(publish: boolean, overrides: Partial<EventFormData> = {}) {
  const input = eventInput(overrides);
  const created = await clients.moderator.post("/network-of-networks/events/new", eventFields(input));
  expect(created.status).toBe(302);
  const path = created.location!;
  expect(path).toMatch(/^\/network-of-networks\/events\/[^/]+$/);
  if (publish) expect((await clients.moderator.post(`${path}/edit`, { intent: "status", change: "publish" })).status).toBe(302);
  return { path, id: path.split("/").pop()!, input };
}

const invite = (client: TestClient, path: string) => client.post(path, { intent: "inviteStayingInTouch" });

let onList: Group[];
let notOnList: Group[];

beforeAll(async () => {
  network = await buildNetwork(db());
  const name = `Moderatorin ${Date.now()}`;
  moderator = { ...(await buildUser(db(), { platformRoles: ["moderator"], name })), name };
  team = await buildUser(db(), { platformRoles: ["project_team"] });
  member = await buildUser(db(), { memberships: [{ networkId: network.id, role: "member" }] });
  coordinator = await buildUser(db(), { memberships: [{ networkId: network.id, role: "coordinator" }] });
  for (const [key, person] of Object.entries({ moderator, team, member, coordinator })) {
    const client = new TestClient(server.url);
    await client.login(person.email, person.password);
    clients[key as keyof typeof clients] = client;
  }
  onList = [await group("staying_in_touch", "it"), await group("staying_in_touch", "de"), await group("not_selected", "en")];
  notOnList = [await group("received", "it"), await group("looking_for_partners", "de"), await group("selected", "it"), await group("applied", "en")];
});

describe(`staying in touch: invitations to commons events (${process.env.TEST_DATABASE})`, () => {
  it("mails each group on the list once, in its language, and nobody else; pressing again sends nothing new", async () => {
    const event = await commonsEvent(true, { format: "seminar", start: "2030-06-03T14:00", end: "2030-06-03T16:30", timeZone: "Europe/Rome" });
    const page = await clients.moderator.get(event.path);
    expect(page.status).toBe(200);
    expect(page.body).toContain("Invite the groups staying in touch");
    expect(page.body).toContain("3 groups are on the list.");

    const sent = await invite(clients.moderator, event.path);
    expect(sent.status).toBe(200);
    expect(sent.body).toContain("The invitation has gone to 3 groups.");

    const expected: Record<Locale, { subject: string; lines: string[] }> = {
      it: { subject: `Invito da ConnActions: «${event.input.title}»`, lines: ["Formato: Seminario", "Quando: 3 giugno 2030, 14:00–16:30", "Dove: NOI Techpark, Via Alessandro Volta 13, Bolzano, Italia", "Lingue di lavoro:"] },
      de: { subject: `Einladung von ConnActions: „${event.input.title}“`, lines: ["Wann: 3. Juni 2030, 14:00–16:30", "Wo: NOI Techpark, Via Alessandro Volta 13, Bolzano, Italien", "Arbeitssprachen:"] },
      en: { subject: `Invitation from ConnActions: “${event.input.title}”`, lines: ["Format: Seminar", "When: 3 June 2030, 14:00–16:30", "Where: NOI Techpark, Via Alessandro Volta 13, Bolzano, Italy", "Working languages: German, Italian"] },
    };
    for (const g of onList) {
      const mails = await invitationsTo(g.email);
      expect(mails).toHaveLength(1);
      const mail = mails[0]!;
      expect(mail.locale).toBe(g.locale);
      expect(mail.subject.startsWith(expected[g.locale].subject)).toBe(true);
      for (const line of expected[g.locale].lines) expect(mail.text_body).toContain(line);
      // Whom to write to: the organiser who sent it; no link into the platform (they have no account).
      expect(mail.text_body).toContain(moderator.name);
      expect(mail.text_body).toContain(moderator.email);
      expect(mail.text_body).not.toContain(server.url);
    }
    for (const g of notOnList) expect(await invitationsTo(g.email)).toHaveLength(0);

    const before = await allInvitations();
    const again = await invite(clients.moderator, event.path);
    expect(again.status).toBe(200);
    expect(again.body).toContain("No new invitations");
    expect(await allInvitations()).toBe(before);
    for (const g of onList) expect(await invitationsTo(g.email)).toHaveLength(1);
    const after = await clients.moderator.get(event.path);
    expect(after.body).toContain("Every group on the list has received this event.");
  });

  it("sends each group one mail even when two presses run at once", async () => {
    const event = await commonsEvent(true);
    const [a, b] = await Promise.all([invite(clients.moderator, event.path), invite(clients.moderator, event.path)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    for (const g of onList) {
      const mails = await invitationsTo(g.email);
      expect(mails.filter((m) => m.subject.includes(event.input.title))).toHaveLength(1);
    }
  });

  it("refuses a draft, a network's event and an event that is over, and sends nothing", async () => {
    const before = await allInvitations();
    const draft = await commonsEvent(false);
    expect((await invite(clients.moderator, draft.path)).status).toBe(409);
    expect((await clients.moderator.get(draft.path)).body).not.toContain("Invite the groups staying in touch");

    const networkEvent = await createPublishedEvent(server.services, await loadActor(db(), coordinator.id), { kind: "network", networkId: network.id });
    const networkPath = `/networks/${network.slug}/events/${networkEvent.id}`;
    expect((await invite(clients.coordinator, networkPath)).status).toBe(409);
    expect((await clients.coordinator.get(networkPath)).body).not.toContain("Invite the groups staying in touch");

    const published = await commonsEvent(true);
    const moderatorActor = await loadActor(db(), moderator.id);
    const afterItEnded = "2031-01-01T00:00:00.000Z";
    expect(await inviteStayingInTouch(server.services, moderatorActor, published.id, afterItEnded)).toEqual({ ok: false, error: "eventOver" });
    expect(await allInvitations()).toBe(before);
  });

  it("gives a plain member 403 and no section; the project team may send it", async () => {
    const event = await commonsEvent(true);
    const memberPage = await clients.member.get(event.path);
    expect(memberPage.status).toBe(200);
    expect(memberPage.body).not.toContain("Invite the groups staying in touch");
    expect((await invite(clients.member, event.path)).status).toBe(403);
    for (const g of onList) expect((await invitationsTo(g.email)).filter((m) => m.subject.includes(event.input.title))).toHaveLength(0);

    expect((await clients.team.get(event.path)).body).toContain("Invite the groups staying in touch");
    const sent = await invite(clients.team, event.path);
    expect(sent.status).toBe(200);
    for (const g of onList) expect((await invitationsTo(g.email)).filter((m) => m.subject.includes(event.input.title))).toHaveLength(1);
  });

  it("shows the section in the organiser's language", async () => {
    const event = await commonsEvent(true);
    for (const [locale, heading] of [
      ["de", "Gruppen einladen, die in Kontakt bleiben"],
      ["it", "Invitare i gruppi che restano in contatto"],
    ] as const) {
      const person = await buildUser(db(), { platformRoles: ["moderator"], locale });
      const client = new TestClient(server.url);
      await client.login(person.email, person.password);
      const page = await client.get(event.path, { "Accept-Language": locale });
      expect(page.body).toContain(heading);
      expect(page.body).not.toMatch(/stayInTouch\./);
    }
  });

  it("sends a group that joins the list later only the events it has not had; a withdrawn group's claims go with it", async () => {
    const event = await commonsEvent(true);
    expect((await invite(clients.moderator, event.path)).status).toBe(200);
    const late = await group("staying_in_touch", "de");
    const teamActor = await loadActor(db(), team.id);
    const row = (await db().selectFrom("events").selectAll().where("id", "=", event.id).executeTakeFirstOrThrow());
    expect(await stayInTouchPanel(server.services, teamActor, row)).toEqual({ onList: 4, invited: 3, pending: 1 });

    const sent = await inviteStayingInTouch(server.services, teamActor, event.id);
    expect(sent).toEqual({ ok: true, sent: 1, onList: 4 });
    expect(await invitationsTo(late.email)).toHaveLength(1);
    for (const g of onList) expect((await invitationsTo(g.email)).filter((m) => m.subject.includes(event.input.title))).toHaveLength(1);

    const claims = () => db().selectFrom("interest_event_invitations").select("event_id").where("expression_id", "=", late.id).execute();
    expect(await claims()).toHaveLength(1);
    expect(await withdrawInterest(server.services, late.token)).toEqual({ ok: true });
    expect(await claims()).toHaveLength(0);
  });
});
