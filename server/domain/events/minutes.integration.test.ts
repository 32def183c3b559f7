/**
 * An event's minutes on the document core, on SQLite and PostgreSQL: which events have
 * minutes and who may write them, and an action item turned into a work-programme activity —
 * written into the work programme's live document, once however many click, refused with a
 * reason where it may not happen, and shown on the minutes page as a link.
 */
import { beforeAll, describe, expect, it } from "vitest";
import mammoth from "mammoth";
import { useTestServer } from "#server/testing/use-test-server";
import { buildNetwork, buildUser, buildWorkProgramme } from "#server/testing/factories";
import { createPublishedEvent, eventInput, registrationInput } from "#server/testing/events";
import { loadActor } from "#server/domain/auth/actor";
import { documentTypes, resolveDocument } from "#server/documents/registry";
import { can } from "#shared/policy";
import { addItem } from "#shared/collab/list-fields";
import { ACTIONS_FIELD, ATTENDEES_FIELD, DECISIONS_FIELD, type ActionItem, type Attendee, type Decision } from "#shared/collab/minutes-doc";
import { MINUTES_DOC_TYPE } from "#shared/collab/doc-names";
import { readActivities } from "#shared/collab/work-programme-doc";
import { docNameOf, WORK_PROGRAMME_DOC_TYPE } from "#shared/collab/doc-names";
import { listMinutesActions } from "#db/queries/minutes-actions";
import { createEvent, changeEventStatus } from "./events";
import { register } from "./registrations";
import { minutesDocName, minutesPageData, turnActionIntoActivity } from "./minutes";

const server = useTestServer();
const db = () => server.services.db;
const documents = () => server.server.collab;
const actor = (id: string) => loadActor(db(), id);

type Person = Awaited<ReturnType<typeof buildUser>>;
let networkA: Awaited<ReturnType<typeof buildNetwork>>;
let networkB: Awaited<ReturnType<typeof buildNetwork>>;
let coordinatorA: Person;
let memberA: Person;
let memberB: Person;
let observer: Person;
let wpA: { id: string };
let wpB: { id: string };
const ownerA = () => ({ kind: "network" as const, networkId: networkA.id });

beforeAll(async () => {
  networkA = await buildNetwork(db());
  networkB = await buildNetwork(db());
  coordinatorA = await buildUser(db(), { memberships: [{ networkId: networkA.id, role: "coordinator" }] });
  memberA = await buildUser(db(), { memberships: [{ networkId: networkA.id, role: "member" }], locale: "it" });
  memberB = await buildUser(db(), { memberships: [{ networkId: networkB.id, role: "member" }] });
  observer = await buildUser(db(), { platformRoles: ["observer"] });
  wpA = await buildWorkProgramme(db(), networkA.id, { title: "Arbeitsprogramm A" });
  wpB = await buildWorkProgramme(db(), networkB.id, { title: "Arbeitsprogramm B" });
});

/** Writes an action item into the minutes as an editor would, through the collab server. */
async function writeAction(eventId: string, item: Omit<ActionItem, "id">, by: string): Promise<string> {
  let id = "";
  await documents().change(minutesDocName(eventId), by, (doc) => {
    id = addItem<ActionItem>(doc, ACTIONS_FIELD, item);
  });
  return id;
}

async function activitiesOf(workProgrammeId: string) {
  const doc = await documents().read(docNameOf(WORK_PROGRAMME_DOC_TYPE, workProgrammeId));
  try {
    return readActivities(doc);
  } finally {
    doc.destroy();
  }
}

describe(`minutes of an event (${process.env.TEST_DATABASE})`, () => {
  it("exist for published events, belong to the event's owner, and are read-only once it is cancelled; a draft has none", async () => {
    const coordinator = await actor(coordinatorA.id);
    const event = await createPublishedEvent(server.services, coordinator, ownerA());
    const minutes = await resolveDocument(server.services, minutesDocName(event.id));
    expect(minutes).toMatchObject({ owner: ownerA(), state: "open", title: event.input.title, path: `/networks/${networkA.slug}/events/${event.id}/minutes` });
    expect(can(await actor(memberA.id), { type: "document.edit", doc: minutes! })).toBe(true);
    expect(can(await actor(observer.id), { type: "document.read", doc: minutes! })).toBe(true);
    expect(can(await actor(observer.id), { type: "document.edit", doc: minutes! })).toBe(false);
    expect(can(await actor(memberB.id), { type: "document.read", doc: minutes! })).toBe(false);

    const draft = await createEvent(server.services, coordinator, ownerA(), eventInput());
    if (!draft.ok) throw new Error("draft refused");
    expect(await resolveDocument(server.services, minutesDocName(draft.id))).toBeNull();

    expect((await changeEventStatus(server.services, coordinator, event.id, "cancel")).ok).toBe(true);
    expect(await resolveDocument(server.services, minutesDocName(event.id))).toMatchObject({ state: "frozen" });
  });

  it("turns an action item into a planned activity of the network's work programme, once, and links it from the minutes", async () => {
    const event = await createPublishedEvent(server.services, await actor(coordinatorA.id), ownerA());
    const actionId = await writeAction(event.id, { title: "Leitfaden Lernortkooperation übersetzen", owner: "IHK Köln", due: "2030-09-30" }, memberA.id);

    const before = (await activitiesOf(wpA.id)).length;
    // Two people click at the same moment: one activity.
    const results = await Promise.all(
      [memberA.id, coordinatorA.id].map(async (id) =>
        turnActionIntoActivity(server.services, documents(), await actor(id), { eventId: event.id, actionId, workProgrammeId: wpA.id, locale: "it" }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, error: "alreadyActivity" }]);

    const activities = await activitiesOf(wpA.id);
    expect(activities).toHaveLength(before + 1);
    const activity = activities.find((a) => a.title === "Leitfaden Lernortkooperation übersetzen");
    expect(activity).toMatchObject({ start: "2030-09", end: "2030-09", status: "planned" });
    // The note is in the language of the person who turned it: whoever won the race.
    expect(activity?.note).toContain(event.input.title);
    expect(activity?.note).toContain("IHK Köln");

    const links = await listMinutesActions(db(), event.id);
    expect(links).toEqual([expect.objectContaining({ action_id: actionId, work_programme_id: wpA.id, activity_id: activity?.id })]);
    const page = await minutesPageData(server.services, await actor(memberA.id), event.row, true);
    expect(page.activities[actionId]).toEqual({ workProgramme: "Arbeitsprogramm A", network: networkA.name, path: `/networks/${networkA.slug}/work-programmes/${wpA.id}` });
    expect(page.workProgrammes.map((w) => w.id)).toEqual([wpA.id]);
  });

  it("refuses with a reason and changes nothing: no such item, no title, another network's programme, a reader, an outsider", async () => {
    const event = await createPublishedEvent(server.services, await actor(coordinatorA.id), ownerA());
    const untitled = await writeAction(event.id, { title: "  ", owner: "", due: "" }, memberA.id);
    const titled = await writeAction(event.id, { title: "Besuch in Bologna vorbereiten", owner: "", due: "" }, memberA.id);
    const before = await activitiesOf(wpA.id);
    const attempt = async (who: string, actionId: string, workProgrammeId = wpA.id) =>
      turnActionIntoActivity(server.services, documents(), await actor(who), { eventId: event.id, actionId, workProgrammeId, locale: "de" });

    expect(await attempt(memberA.id, "no-such-item")).toEqual({ ok: false, error: "actionNotFound" });
    expect(await attempt(memberA.id, untitled)).toEqual({ ok: false, error: "actionWithoutTitle" });
    expect(await attempt(memberA.id, titled, wpB.id)).toEqual({ ok: false, error: "workProgrammeNotAllowed" });
    expect(await attempt(observer.id, titled)).toEqual({ ok: false, error: "forbidden" });
    expect(await attempt(memberB.id, titled)).toEqual({ ok: false, error: "notFound" });
    const archived = await buildWorkProgramme(db(), networkA.id, { archived: true });
    expect(await attempt(memberA.id, titled, archived.id)).toEqual({ ok: false, error: "workProgrammeNotAllowed" });

    expect(await activitiesOf(wpA.id)).toEqual(before);
    expect(await listMinutesActions(db(), event.id)).toEqual([]);
  });

  it("lets a commons event's action item go to the work programme of one of the person's own networks only", async () => {
    const moderator = await buildUser(db(), { platformRoles: ["moderator"] });
    const event = await createPublishedEvent(server.services, await actor(moderator.id), { kind: "commons" });
    const actionId = await writeAction(event.id, { title: "Gemeinsame Empfehlung zur Mobilität entwerfen", owner: "", due: "2031-01-15" }, memberA.id);

    const forB = await minutesPageData(server.services, await actor(memberB.id), event.row, true);
    expect(forB.workProgrammes.map((w) => w.id)).toEqual([wpB.id]);
    expect(
      await turnActionIntoActivity(server.services, documents(), await actor(memberA.id), { eventId: event.id, actionId, workProgrammeId: wpB.id, locale: "en" }),
    ).toEqual({ ok: false, error: "workProgrammeNotAllowed" });
    const done = await turnActionIntoActivity(server.services, documents(), await actor(memberA.id), { eventId: event.id, actionId, workProgrammeId: wpA.id, locale: "en" });
    expect(done).toMatchObject({ ok: true, workProgramme: "Arbeitsprogramm A" });
    expect((await activitiesOf(wpA.id)).some((a) => a.title === "Gemeinsame Empfehlung zur Mobilität entwerfen" && a.start === "2031-01")).toBe(true);
  });

  it("offers organisers the people who came to copy into the attendees, and nobody else", async () => {
    const coordinator = await actor(coordinatorA.id);
    const event = await createPublishedEvent(server.services, coordinator, ownerA());
    expect((await register(server.services, await actor(memberA.id), event.id, registrationInput())).ok).toBe(true);
    const forOrganiser = await minutesPageData(server.services, coordinator, event.row, true);
    expect(forOrganiser.attendance.map((a) => a.name)).toHaveLength(1);
    const forMember = await minutesPageData(server.services, await actor(memberA.id), event.row, true);
    expect(forMember.attendance).toEqual([]);
  });

  it("exports as a Word file in the reader's language with attendees, text, decisions and the activity an item became", async () => {
    const event = await createPublishedEvent(server.services, await actor(coordinatorA.id), ownerA(), { title: "Netzwerktreffen Verona" });
    await documents().change(minutesDocName(event.id), memberA.id, (doc) => {
      addItem<Attendee>(doc, ATTENDEES_FIELD, { name: "Giulia Bianchi", organisation: "Confartigianato Verona" });
      addItem<Decision>(doc, DECISIONS_FIELD, { text: "Il glossario sarà bilingue." });
    });
    const actionId = await writeAction(event.id, { title: "Glossar abstimmen", owner: "Giulia", due: "2030-10-01" }, memberA.id);
    expect(await turnActionIntoActivity(server.services, documents(), await actor(memberA.id), { eventId: event.id, actionId, workProgrammeId: wpA.id, locale: "de" })).toMatchObject({ ok: true });

    const document = await resolveDocument(server.services, minutesDocName(event.id));
    const doc = await documents().read(minutesDocName(event.id));
    const file = await documentTypes.get(MINUTES_DOC_TYPE)!.exportFile(server.services, document!, doc, { format: "docx", locale: "it", date: new Date().toISOString(), versionLabel: null });
    doc.destroy();
    const { value: text } = await mammoth.extractRawText({ buffer: file.data });
    expect(text).toContain("Verbale: Netzwerktreffen Verona");
    expect(text).toContain("Giulia Bianchi (Confartigianato Verona)");
    expect(text).toContain("Il glossario sarà bilingue.");
    expect(text).toContain("Glossar abstimmen · responsabile: Giulia");
    expect(text).toContain("attività in «Arbeitsprogramm A»");
    expect(file.fileName.ascii).toMatch(/\.docx$/);
  });
});
