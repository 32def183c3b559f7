/**
 * The access matrix: every route × {anonymous, member of A, member of B, coordinator of A,
 * observer, moderator, admin} answers the expected status, and the unique canary string in
 * each network's private description never appears in a response to someone outside it.
 * Runs on SQLite and on PostgreSQL.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { useTestServer } from "#server/testing/use-test-server";
import { TestClient, type TestResponse } from "#server/testing/http-client";
import { buildNetwork, buildOrganisation, buildRecommendation, buildUser, buildWorkProgramme, findingInput } from "#server/testing/factories";
import { addLanguageVersion } from "#server/domain/translations/language-versions";
import { addOrganisationToNetwork } from "#db/queries/networks";
import { loadActor } from "#server/domain/auth/actor";
import { postFinding } from "#server/domain/commons/findings";
import { proposeGoodPractice, setGoodPracticePublished } from "#server/domain/commons/good-practices";
import { uploadToLibrary } from "#server/testing/library-uploads";
import { changeEventStatus, createEvent } from "#server/domain/events/events";
import { renewFeed } from "#server/domain/events/feeds";
import type { EventFormData } from "#shared/validation/event-forms";
import { interestInput, submitTestInterest } from "#server/testing/interest";
import { formPartnership, submitApplication } from "#server/domain/partnerships/partnerships";

const ROLES = ["anonymous", "memberA", "memberB", "coordinatorA", "observer", "moderator", "admin", "projectTeam"] as const;
type Role = (typeof ROLES)[number];

const server = useTestServer();
let netA: Awaited<ReturnType<typeof buildNetwork>>;
let netB: Awaited<ReturnType<typeof buildNetwork>>;
let orgA: { id: string };
const clients = {} as Record<Role, TestClient>;
const users = {} as Record<Exclude<Role, "anonymous">, { id: string }>;

beforeAll(async () => {
  const db = server.services.db;
  netA = await buildNetwork(db);
  netB = await buildNetwork(db);
  orgA = await buildOrganisation(db, { country: "IT" });
  await addOrganisationToNetwork(db, netA.id, orgA.id, new Date().toISOString());
  const specs = {
    memberA: { memberships: [{ networkId: netA.id, role: "member" as const }] },
    memberB: { memberships: [{ networkId: netB.id, role: "member" as const }] },
    coordinatorA: { memberships: [{ networkId: netA.id, role: "coordinator" as const }] },
    observer: { platformRoles: ["observer" as const] },
    moderator: { platformRoles: ["moderator" as const] },
    admin: { platformRoles: ["admin" as const] },
    projectTeam: { platformRoles: ["project_team" as const] },
  };
  clients.anonymous = new TestClient(server.url);
  for (const [role, spec] of Object.entries(specs) as Array<[Exclude<Role, "anonymous">, object]>) {
    const user = await buildUser(db, spec);
    users[role] = user;
    clients[role] = new TestClient(server.url);
    await clients[role].login(user.email, user.password);
  }
});

/** Recommendations of the commons: one in consultation (endorse, support) and one submitted (answer). */
let recommendation: { id: string };
let submittedRecommendation: { id: string };
beforeAll(async () => {
  recommendation = await buildRecommendation(server.services.db, { stage: "consultation", createdBy: users.memberA.id });
  submittedRecommendation = await buildRecommendation(server.services.db, { stage: "submitted", createdBy: users.memberA.id });
});
const recommendationPath = () => `/network-of-networks/recommendations/${recommendation.id}`;

/**
 * Commons content (findings, good practice): a finding posted on behalf of A, a published
 * good-practice entry and a proposal of memberA. The finding names network A; A's private
 * description (its canary) must still never reach anyone outside A.
 */
let findingOfA: string;
let publishedEntry: string;
let proposalOfMemberA: string;
beforeAll(async () => {
  const db = server.services.db;
  const memberA = await loadActor(db, users.memberA.id);
  const moderator = await loadActor(db, users.moderator.id);
  const finding = await postFinding(
    server.services,
    memberA,
    findingInput(netA.id, { title: "Matrix finding of network A", body: "Posted on behalf of A, readable by everyone in the commons." }),
  );
  const entry = { summary: "Matrix entry", occupationalField: null, country: "DE" as const, partners: "", themeCluster: null, link: null };
  const published = await proposeGoodPractice(server.services, memberA, { ...entry, title: "Matrix published entry" });
  const proposal = await proposeGoodPractice(server.services, memberA, { ...entry, title: "Matrix proposal of memberA" });
  if (!finding.ok || !published.ok || !proposal.ok) throw new Error("commons content not created");
  await setGoodPracticePublished(server.services, moderator, published.id, true);
  findingOfA = finding.id;
  publishedEntry = published.id;
  proposalOfMemberA = proposal.id;
});

/**
 * Library: a file of A whose name and bytes carry A's canary, and a file in the commons
 * library. Outsiders must never see the name or the bytes, in lists, pages or downloads.
 */
let libraryFileOfA: { fileId: string; versionId: string };
let commonsFile: { fileId: string; versionId: string };
/** A file of A without A's canary, shared into the commons (sharing publishes it on purpose), and its commons copy. */
let sharedFileOfA: { fileId: string; versionId: string };
let sharedCopyOfA = "";
beforeAll(async () => {
  const ofA = await uploadToLibrary(clients.memberA, server.url, Buffer.from(`Protokoll ${netA.canary}`), { library: netA.id, name: `protokoll-${netA.canary}.txt` });
  const ofCommons = await uploadToLibrary(clients.memberB, server.url, Buffer.from("Shared paper"), { library: "commons", name: "shared-paper.txt" });
  if (!ofA.ok || !ofCommons.ok) throw new Error("library files not uploaded");
  libraryFileOfA = ofA;
  commonsFile = ofCommons;
  const shared = await uploadToLibrary(clients.memberA, server.url, Buffer.from("A report for every network"), { library: netA.id, name: "report-for-all.txt" });
  if (!shared.ok) throw new Error("library file not uploaded");
  sharedFileOfA = shared;
  const share = await clients.memberA.post(`/networks/${netA.slug}/library/files/${shared.fileId}`, { intent: "share", versionId: shared.versionId });
  if (share.status !== 200) throw new Error(`share refused: ${share.status}`);
  const copy = await server.db().selectFrom("library_files").select("id").where("shared_from_file_id", "=", shared.fileId).executeTakeFirstOrThrow();
  sharedCopyOfA = copy.id;
  // Search must have A's text to leak: read it now, and prove an insider's search shows the canary.
  await server.server.textIndexer.idle();
  const insider = await clients.memberA.get(`/networks/${netA.slug}/library/search?q=protokoll`);
  if (!insider.body.includes(netA.canary)) throw new Error("A's library search does not show A's file to A: the search rows below would prove nothing");
});
const libraryOfA = () => `/networks/${netA.slug}/library`;

/**
 * Language versions: a work programme of A (its title holds A's canary) with an Italian
 * version. Outsiders must see neither, under A's address or under B's.
 */
let workProgrammeOfA = "";
beforeAll(async () => {
  const wp = await buildWorkProgramme(server.services.db, netA.id, { title: `Arbeitsprogramm ${netA.canary}` });
  workProgrammeOfA = wp.id;
  const added = await addLanguageVersion(server.services, server.server.collab, await loadActor(server.services.db, users.coordinatorA.id), { sourceName: wp.docName, sourceLanguage: "de", language: "it" });
  if (!added.ok) throw new Error(`language version not added: ${added.error}`);
});
const languagesOfA = () => `/networks/${netA.slug}/work-programmes/${workProgrammeOfA}/languages`;
const fileOfA = () => `${libraryOfA()}/files/${libraryFileOfA.fileId}`;
const commonsLibrary = "/network-of-networks/library";

/**
 * Events: a published event of A whose title and description carry A's canary, a draft of A
 * (created by memberA: its organisers are memberA and A's coordinator), a published event of
 * the commons, and memberB's private calendar feed (it must hold nothing of A).
 */
let eventOfA = "";
let draftOfA = "";
let commonsEvent = "";
let feedOfMemberB = "";
const eventInput = (title: string, description = ""): EventFormData => ({
  title,
  description,
  format: "workshop",
  timeZone: "Europe/Berlin",
  start: "2031-05-12T10:00",
  end: "2031-05-12T16:00",
  venue: "",
  address: "",
  city: "Köln",
  country: "DE",
  onlineUrl: null,
  workingLanguages: ["de", "it"],
  capacity: 30,
  deadline: null,
  organisations: [],
});
beforeAll(async () => {
  const db = server.services.db;
  const [coordinatorA, memberA, moderator] = await Promise.all([loadActor(db, users.coordinatorA.id), loadActor(db, users.memberA.id), loadActor(db, users.moderator.id)]);
  const ofA = await createEvent(server.services, coordinatorA, { kind: "network", networkId: netA.id }, eventInput(`Workshop ${netA.canary}`, `Agenda of A: ${netA.canary}`));
  const draft = await createEvent(server.services, memberA, { kind: "network", networkId: netA.id }, eventInput("Draft of A"));
  const ofCommons = await createEvent(server.services, moderator, { kind: "commons" }, eventInput("Conference of all networks"));
  if (!ofA.ok || !draft.ok || !ofCommons.ok) throw new Error("events not created");
  await changeEventStatus(server.services, coordinatorA, ofA.id, "publish");
  await changeEventStatus(server.services, moderator, ofCommons.id, "publish");
  eventOfA = ofA.id;
  draftOfA = draft.id;
  commonsEvent = ofCommons.id;
  feedOfMemberB = new URL((await renewFeed(server.services, users.memberB.id)).url).pathname;
});
const eventsOfA = () => `/networks/${netA.slug}/events`;
const eventPageOfA = () => `${eventsOfA()}/${eventOfA}`;
const commonsEvents = "/network-of-networks/events";
/** Organiser pages of A's event: A's coordinator (who created it); members and readers of A are refused, outsiders see nothing. */
const organiserOfA = () => loggedIn(404, { memberA: 403, coordinatorA: 200, observer: 403, admin: 403 });

/**
 * Expressions of interest: one whose group name and idea carry the intake's canary (only the
 * project team and the advisory board may ever see it), and one whose private link every
 * role uses (the link is the key: whoever holds it reads that submission, and nothing else).
 */
const intakeCanary = `INTAKE-CANARY-${Math.random().toString(36).slice(2, 10)}`;
let submissionWithCanary = "";
let linkedSubmission = { id: "", token: "" };
beforeAll(async () => {
  const withCanary = await submitTestInterest(server.services, interestInput({ groupName: `Gruppo ${intakeCanary}`, projectIdea: `Idea ${intakeCanary}` }));
  submissionWithCanary = withCanary.id;
  linkedSubmission = await submitTestInterest(server.services, interestInput({ groupName: "Gruppo del link privato" }));
});
const intakePage = () => `/intake/${submissionWithCanary}`;

/**
 * Partnerships: one still writing its application (its name carries the intake canary: only
 * the project team may read it; the board not before submission), one before the board, and
 * one whose submission the matrix tries.
 */
let formingPartnership = "";
let submittedPartnership = "";
let partnershipToSubmit = "";
beforeAll(async () => {
  const team = await loadActor(server.services.db, users.projectTeam.id);
  const form = async (name: string) => {
    const group = await submitTestInterest(server.services, interestInput());
    const formed = await formPartnership(server.services, team, { name, groups: [group.id], organisations: [orgA.id] });
    if (!formed.ok) throw new Error(`partnership not formed: ${formed.error}`);
    return formed.id;
  };
  formingPartnership = await form(`Partnerschaft ${intakeCanary}`);
  submittedPartnership = await form("Matrix partnership before the board");
  partnershipToSubmit = await form("Matrix partnership to submit");
  const submitted = await submitApplication(server.services, team, submittedPartnership);
  if (!submitted.ok) throw new Error(`application not submitted: ${submitted.error}`);
});
const partnershipPage = () => `/partnerships/${formingPartnership}`;
const applicationReaders = () => loggedIn(404, { projectTeam: 200, observer: 200 });
const intakeReaders = () => loggedIn(403, { projectTeam: 200, observer: 200 });

/** Who may see the private content of each network. */
const insidersOf = (network: "A" | "B"): Role[] =>
  network === "A" ? ["memberA", "coordinatorA", "observer", "admin"] : ["memberB", "observer", "admin"];

/**
 * The board's overview drills into each network read-only, for the board and the project
 * team (issue 15): there the project team reads a network's activity and event titles by design.
 */
const PROJECT_TEAM_READS_NETWORK = new Set(["the board's overview of network A"]);

function assertNoCanaryLeak(role: Role, response: TestResponse, label = "") {
  if (role === "projectTeam" && PROJECT_TEAM_READS_NETWORK.has(label)) {
    expect(response.body, `canary of B leaked to ${role}`).not.toContain(netB.canary);
    return;
  }
  if (role !== "projectTeam" && role !== "observer") expect(response.body, `intake canary leaked to ${role}`).not.toContain(intakeCanary);
  if (!insidersOf("A").includes(role)) expect(response.body, `canary of A leaked to ${role}`).not.toContain(netA.canary);
  if (!insidersOf("B").includes(role)) expect(response.body, `canary of B leaked to ${role}`).not.toContain(netB.canary);
}

type Expectation = Record<Role, number>;
const all = (status: number, overrides: Partial<Expectation> = {}): Expectation =>
  ({ ...Object.fromEntries(ROLES.map((r) => [r, status])), ...overrides }) as Expectation;
const loggedIn = (status: number, overrides: Partial<Expectation> = {}) => all(status, { anonymous: 302, ...overrides });
const networkPage = (network: "A" | "B", okStatus = 200): Expectation =>
  loggedIn(404, Object.fromEntries(insidersOf(network).map((r) => [r, okStatus])) as Partial<Expectation>);
const adminOnly = () => loggedIn(403, { admin: 200 });

const getRoutes: Array<[string, () => string, Expectation]> = [
  ["start page", () => "/", all(302)],
  ["login", () => "/login", all(302, { anonymous: 200 })],
  ["forgot password", () => "/forgot-password", all(200)],
  ["reset link (unknown)", () => "/reset-password/not-a-real-token", all(200)],
  ["invitation link (unknown)", () => "/invite/not-a-real-token", all(200)],
  ["dashboard", () => "/dashboard", loggedIn(200)],
  ["account", () => "/account", loggedIn(200)],
  ["network A home", () => `/networks/${netA.slug}`, networkPage("A")],
  ["network B home", () => `/networks/${netB.slug}`, networkPage("B")],
  ["network A data request", () => `/networks/${netA.slug}.data`, networkPage("A")],
  ["unknown network", () => "/networks/no-such-network", loggedIn(404)],
  ["network of networks", () => "/network-of-networks", loggedIn(200)],
  ["organisation of A", () => `/organisations/${orgA.id}`, loggedIn(200)],
  ["unknown organisation", () => "/organisations/no-such-org", loggedIn(404)],
  ["unknown page", () => "/this/does/not/exist", all(404)],
  ["health", () => "/healthz", all(200)],
  // Public by design: the page language's texts, the service worker and the app manifest
  // carry no network's data (the canaries are checked on them like on every route).
  ["translations (de)", () => "/translations/de.json", all(200)],
  ["translations (unknown language)", () => "/translations/xx.json", all(404)],
  ["service worker", () => "/sw.js", all(200)],
  ["web app manifest", () => "/manifest.webmanifest", all(200)],
  ["admin overview", () => "/admin", adminOnly()],
  ["admin networks", () => "/admin/networks", adminOnly()],
  ["admin new network", () => "/admin/networks/new", adminOnly()],
  ["admin network A", () => `/admin/networks/${netA.id}`, adminOnly()],
  ["admin organisations", () => "/admin/organisations", adminOnly()],
  ["admin new organisation", () => "/admin/organisations/new", adminOnly()],
  ["admin organisation", () => `/admin/organisations/${orgA.id}`, adminOnly()],
  ["admin people", () => "/admin/people", adminOnly()],
  ["admin person", () => `/admin/people/${users.memberA.id}`, adminOnly()],
  ["admin invite", () => "/admin/invite", adminOnly()],
  ["admin outbox", () => "/admin/outbox", adminOnly()],
  ["admin documents with problems", () => "/admin/documents", adminOnly()],
  ["admin audit log", () => "/admin/audit", adminOnly()],
  ["recommendations", () => "/network-of-networks/recommendations", loggedIn(200)],
  ["a recommendation", recommendationPath, loggedIn(200)],
  ["a recommendation's comments", () => `${recommendationPath()}/comments`, loggedIn(200)],
  ["a recommendation's history", () => `${recommendationPath()}/history`, loggedIn(200)],
  ["a recommendation as DOCX", () => `${recommendationPath()}/export/docx`, loggedIn(200)],
  ["unknown recommendation", () => "/network-of-networks/recommendations/no-such-recommendation", loggedIn(404)],
  ["findings", () => "/network-of-networks/findings", loggedIn(200)],
  ["findings of network A", () => `/network-of-networks/findings?network=${netA.id}&sort=discussed`, loggedIn(200)],
  ["new finding", () => "/network-of-networks/findings/new", loggedIn(403, { memberA: 200, memberB: 200, coordinatorA: 200 })],
  ["finding of A", () => `/network-of-networks/findings/${findingOfA}`, loggedIn(200)],
  ["finding of A data request", () => `/network-of-networks/findings/${findingOfA}.data`, loggedIn(200)],
  ["edit finding of A", () => `/network-of-networks/findings/${findingOfA}/edit`, loggedIn(403, { memberA: 200 })],
  ["unknown finding", () => "/network-of-networks/findings/no-such-finding", loggedIn(404)],
  ["good practice", () => "/network-of-networks/good-practice", loggedIn(200)],
  ["new good practice", () => "/network-of-networks/good-practice/new", loggedIn(403, { memberA: 200, memberB: 200, coordinatorA: 200 })],
  ["published good practice", () => `/network-of-networks/good-practice/${publishedEntry}`, loggedIn(200)],
  ["good-practice proposal of memberA", () => `/network-of-networks/good-practice/${proposalOfMemberA}`, loggedIn(404, { memberA: 200, moderator: 200, admin: 200 })],
  ["edit published good practice", () => `/network-of-networks/good-practice/${publishedEntry}/edit`, loggedIn(403, { moderator: 200, admin: 200 })],
  ["edit proposal of memberA", () => `/network-of-networks/good-practice/${proposalOfMemberA}/edit`, loggedIn(404, { memberA: 403, moderator: 200, admin: 200 })],
  ["library of A", libraryOfA, networkPage("A")],
  ["library of A, sorted and filtered", () => `${libraryOfA()}?sort=size&dir=desc&language=de`, networkPage("A")],
  ["library of A data request", () => `/networks/${netA.slug}/library.data`, networkPage("A")],
  ["library of B", () => `/networks/${netB.slug}/library`, networkPage("B")],
  ["unknown folder in A's library", () => `${libraryOfA()}?folder=no-such-folder`, loggedIn(404)],
  ["file of A", fileOfA, networkPage("A")],
  ["file of A under B's address", () => `/networks/${netB.slug}/library/files/${libraryFileOfA.fileId}`, networkPage("B", 404)],
  ["download of a file of A", () => `${fileOfA()}/versions/${libraryFileOfA.versionId}/download`, networkPage("A")],
  ["inline view of a file of A", () => `${fileOfA()}/versions/${libraryFileOfA.versionId}/view`, networkPage("A")],
  ["trash of A's library", () => `${libraryOfA()}/trash`, networkPage("A")],
  ["search of A's library (name and text hold A's canary)", () => `${libraryOfA()}/search?q=protokoll`, networkPage("A")],
  ["search of A's library data request", () => `${libraryOfA()}/search.data?q=protokoll`, networkPage("A")],
  ["search of B's library for A's words", () => `/networks/${netB.slug}/library/search?q=protokoll`, networkPage("B")],
  ["commons library search for A's words", () => `${commonsLibrary}/search?q=protokoll`, loggedIn(200)],
  ["commons library", () => commonsLibrary, loggedIn(200)],
  ["commons library file", () => `${commonsLibrary}/files/${commonsFile.fileId}`, loggedIn(200)],
  ["commons library download", () => `${commonsLibrary}/files/${commonsFile.fileId}/versions/${commonsFile.versionId}/download`, loggedIn(200)],
  ["A's file under the commons address", () => `${commonsLibrary}/files/${libraryFileOfA.fileId}`, loggedIn(404)],
  ["commons library trash", () => `${commonsLibrary}/trash`, loggedIn(200)],
  ["commons copy of a file A shared", () => `${commonsLibrary}/files/${sharedCopyOfA}`, loggedIn(200)],
  ["the shared file of A in A's library", () => `${libraryOfA()}/files/${sharedFileOfA.fileId}`, networkPage("A")],
  ["my calendar", () => "/events", loggedIn(200)],
  ["language versions of A's work programme", languagesOfA, networkPage("A")],
  ["the Italian version of A's work programme, side by side", () => `${languagesOfA()}/it`, networkPage("A")],
  ["a language version A's work programme does not have", () => `${languagesOfA()}/en`, loggedIn(404)],
  ["a language that does not exist", () => `${languagesOfA()}/xx`, loggedIn(404)],
  ["comments of the Italian version of A's work programme", () => `${languagesOfA()}/it/comments`, networkPage("A")],
  ["the Italian version of A's work programme under B's address", () => `/networks/${netB.slug}/work-programmes/${workProgrammeOfA}/languages/it`, networkPage("B", 404)],
  ["exports of the Italian version of A's work programme", () => `${languagesOfA()}/it/export/docx?layout=bilingual`, networkPage("A")],
  ["language versions of a recommendation", () => `${recommendationPath()}/languages`, loggedIn(200)],
  ["a language version a recommendation does not have", () => `${recommendationPath()}/languages/it`, loggedIn(404)],
  ["language versions of the minutes of A's event", () => `${eventPageOfA()}/minutes/languages`, networkPage("A")],
  ["a language version the minutes of A's event do not have", () => `${eventPageOfA()}/minutes/languages/it`, loggedIn(404)],
  ["language versions of the minutes of the commons event", () => `${commonsEvents}/${commonsEvent}/minutes/languages`, loggedIn(200)],
  ["the VET glossary", () => "/glossary", loggedIn(200)],
  ["the VET glossary, searched", () => "/glossary?q=Kammer", loggedIn(200)],
  ["the VET glossary as CSV", () => "/glossary/export/csv", loggedIn(200)],
  ["the VET glossary as TBX", () => "/glossary/export/tbx", loggedIn(200)],
  ["the VET glossary in a format there is not", () => "/glossary/export/xlsx", loggedIn(404)],
  ["my calendar, month of A's event", () => "/events?view=month&month=2031-05", loggedIn(200)],
  ["my calendar, a month that cannot be", () => "/events?view=month&month=2031-13", loggedIn(404)],
  ["events of A", eventsOfA, networkPage("A")],
  ["past events of A", () => `${eventsOfA()}?show=past`, networkPage("A")],
  ["events of B", () => `/networks/${netB.slug}/events`, networkPage("B")],
  ["an event of A (its title holds A's canary)", eventPageOfA, networkPage("A")],
  ["an event of A data request", () => `${eventPageOfA()}.data`, networkPage("A")],
  ["an event of A under B's address", () => `/networks/${netB.slug}/events/${eventOfA}`, networkPage("B", 404)],
  ["an event of A under the commons address", () => `${commonsEvents}/${eventOfA}`, loggedIn(404)],
  ["an event of A as .ics", () => `${eventPageOfA()}/calendar.ics`, networkPage("A")],
  ["a draft of A", () => `${eventsOfA()}/${draftOfA}`, loggedIn(404, { memberA: 200, coordinatorA: 200 })],
  ["a draft of A as .ics", () => `${eventsOfA()}/${draftOfA}/calendar.ics`, loggedIn(404)],
  ["unknown event of A", () => `${eventsOfA()}/no-such-event`, loggedIn(404)],
  ["new event in A", () => `${eventsOfA()}/new`, loggedIn(404, { memberA: 200, coordinatorA: 200, observer: 403, admin: 403 })],
  ["change the event of A", () => `${eventPageOfA()}/edit`, organiserOfA()],
  ["agenda and interpreting of A's event", () => `${eventPageOfA()}/agenda`, organiserOfA()],
  ["participants of A's event", () => `${eventPageOfA()}/participants`, organiserOfA()],
  ["participants of A's event as CSV", () => `${eventPageOfA()}/participants.csv`, organiserOfA()],
  ["costs of A's event", () => `${eventPageOfA()}/costs`, organiserOfA()],
  ["cost overview of A", () => `${eventsOfA()}/costs`, organiserOfA()],
  ["minutes of A's event (the title holds A's canary)", () => `${eventPageOfA()}/minutes`, networkPage("A")],
  ["minutes of A's event: comments", () => `${eventPageOfA()}/minutes/comments`, networkPage("A")],
  ["minutes of A's event: history", () => `${eventPageOfA()}/minutes/history`, networkPage("A")],
  ["minutes of A's event: an unknown version", () => `${eventPageOfA()}/minutes/history/no-such-version`, loggedIn(404)],
  ["minutes of A's event as DOCX", () => `${eventPageOfA()}/minutes/export/docx`, networkPage("A")],
  ["minutes of A's event under the commons address", () => `${commonsEvents}/${eventOfA}/minutes`, loggedIn(404)],
  ["minutes of a draft of A (none until it is published)", () => `${eventsOfA()}/${draftOfA}/minutes`, loggedIn(404)],
  ["events of the commons", () => commonsEvents, loggedIn(200)],
  ["an event of the commons", () => `${commonsEvents}/${commonsEvent}`, loggedIn(200)],
  ["an event of the commons as .ics", () => `${commonsEvents}/${commonsEvent}/calendar.ics`, loggedIn(200)],
  ["minutes of the commons event", () => `${commonsEvents}/${commonsEvent}/minutes`, loggedIn(200)],
  ["minutes of the commons event: history", () => `${commonsEvents}/${commonsEvent}/minutes/history`, loggedIn(200)],
  ["minutes of the commons event as PDF", () => `${commonsEvents}/${commonsEvent}/minutes/export/pdf`, loggedIn(200)],
  ["new event in the commons", () => `${commonsEvents}/new`, loggedIn(200, { observer: 403, projectTeam: 403 })],
  ["change the commons event", () => `${commonsEvents}/${commonsEvent}/edit`, loggedIn(403, { moderator: 200, admin: 200 })],
  ["participants of the commons event", () => `${commonsEvents}/${commonsEvent}/participants`, loggedIn(403, { moderator: 200, admin: 200 })],
  ["cost overview of the commons", () => `${commonsEvents}/costs`, loggedIn(403, { moderator: 200, admin: 200 })],
  ["the public expression-of-interest form", () => "/interest", all(200)],
  ["after sending an expression of interest", () => "/interest/thanks", all(200)],
  ["after withdrawing an expression of interest", () => "/interest/withdrawn", all(200)],
  ["a submission through its private link", () => `/interest/mine/${linkedSubmission.token}`, all(200)],
  ["an unknown private link", () => "/interest/mine/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", all(404)],
  ["a malformed private link", () => "/interest/mine/x", all(404)],
  ["the intake queue", () => "/intake", intakeReaders()],
  ["the intake queue, filtered", () => "/intake?status=received&country=IT", intakeReaders()],
  ["a submission with the intake canary", intakePage, intakeReaders()],
  ["a submission with a composition check", () => `${intakePage()}?group=${linkedSubmission.id}&organisation=${orgA.id}`, intakeReaders()],
  ["a submission data request", () => `/intake/${submissionWithCanary}.data`, intakeReaders()],
  ["an unknown submission", () => "/intake/no-such-submission", loggedIn(403, { projectTeam: 404, observer: 404 })],
  ["a partnership writing its application (its name holds the intake canary)", partnershipPage, loggedIn(404, { projectTeam: 200 })],
  ["a partnership's application data request", () => `${partnershipPage()}.data`, loggedIn(404, { projectTeam: 200 })],
  ["the comments of an application being written", () => `${partnershipPage()}/comments`, loggedIn(404, { projectTeam: 200 })],
  ["an application being written as DOCX", () => `${partnershipPage()}/export/docx`, loggedIn(404, { projectTeam: 200 })],
  ["the language versions of an application being written", () => `${partnershipPage()}/languages`, loggedIn(404, { projectTeam: 200 })],
  ["an application before the board", () => `/partnerships/${submittedPartnership}`, applicationReaders()],
  ["an application before the board as PDF", () => `/partnerships/${submittedPartnership}/export/pdf`, applicationReaders()],
  ["an unknown partnership", () => "/partnerships/no-such-partnership", loggedIn(404)],
  ["the applications before the board", () => "/board/applications", intakeReaders()],
  ["the board's review of an application", () => `/board/applications/${submittedPartnership}`, intakeReaders()],
  ["the board's review of an application not yet submitted", () => `/board/applications/${formingPartnership}`, loggedIn(403, { projectTeam: 404, observer: 404 })],
  ["the rubric", () => "/board/rubric", intakeReaders()],
  ["the board's overview of the networks", () => "/board/overview", intakeReaders()],
  ["the board's overview of network A", () => `/board/overview/${netA.id}`, intakeReaders()],
  ["the board's overview of a network that is not there", () => "/board/overview/no-such-network", loggedIn(403, { projectTeam: 404, observer: 404 })],
  ["the board's overview as PDF", () => "/board/overview.pdf", intakeReaders()],
  ["the project team's page", () => "/intake/team", loggedIn(403, { projectTeam: 200 })],
  // The feed's address is its key (calendar programs send no cookies): whoever holds it reads memberB's events, which hold nothing of A.
  ["memberB's calendar feed", () => feedOfMemberB, all(200)],
  ["a calendar feed with a wrong token", () => "/calendar/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/events.ics", all(404)],
  ["a calendar feed with a malformed token", () => "/calendar/x/events.ics", all(404)],
];

describe(`access matrix: pages (${process.env.TEST_DATABASE})`, () => {
  for (const [label, path, expected] of getRoutes) {
    it.each(ROLES)(`GET ${label} as %s`, async (role) => {
      const response = await clients[role].get(path());
      // Single-fetch data requests answer redirects with 202 + a redirect payload.
      const status = new URL(path(), server.url).pathname.endsWith(".data") && response.status === 202 ? 302 : response.status;
      expect(status, `${role} GET ${path()}`).toBe(expected[role]);
      if (expected[role] === 302 && role === "anonymous" && path() !== "/") {
        expect(response.location ?? response.headers.get("x-remix-redirect") ?? response.body).toContain("/login");
      }
      assertNoCanaryLeak(role, response, label);
    });
  }
});

const postRoutes: Array<[string, () => string, () => Record<string, string>, Expectation]> = [
  [
    "invite to A",
    () => `/networks/${netA.slug}`,
    () => ({ intent: "invite", email: `matrix-${Math.random().toString(36).slice(2)}@example.test`, role: "member", locale: "en" }),
    loggedIn(404, { memberA: 403, coordinatorA: 200, observer: 403, admin: 200 }),
  ],
  [
    "change a role in A",
    () => `/networks/${netA.slug}`,
    () => ({ intent: "changeRole", userId: users.memberA.id, role: "member" }),
    loggedIn(404, { memberA: 403, coordinatorA: 200, observer: 403, admin: 200 }),
  ],
  [
    "withdraw an invitation of A",
    () => `/networks/${netA.slug}`,
    () => ({ intent: "revokeInvitation", invitationId: "00000000-0000-4000-8000-000000000000" }),
    loggedIn(404, { memberA: 403, coordinatorA: 200, observer: 403, admin: 200 }),
  ],
  [
    "invite to B",
    () => `/networks/${netB.slug}`,
    () => ({ intent: "invite", email: `matrix-${Math.random().toString(36).slice(2)}@example.test`, role: "coordinator", locale: "it" }),
    loggedIn(404, { memberB: 403, observer: 403, admin: 200 }),
  ],
  ["account profile", () => "/account", () => ({ name: "Same Name Again", locale: "en" }), loggedIn(200)],
  [
    "start a recommendation",
    () => "/network-of-networks/recommendations",
    () => ({ intent: "create", title: "Matrix recommendation" }),
    loggedIn(403, { memberA: 302, memberB: 302, coordinatorA: 302 }),
  ],
  [
    "endorse a recommendation on behalf of A",
    recommendationPath,
    () => ({ intent: "endorse", networkId: netA.id, statement: "" }),
    loggedIn(403, { coordinatorA: 200 }),
  ],
  ["support a recommendation", recommendationPath, () => ({ intent: "support" }), loggedIn(403, { memberA: 200, memberB: 200, coordinatorA: 200 })],
  [
    "answer a submitted recommendation",
    () => `/network-of-networks/recommendations/${submittedRecommendation.id}`,
    () => ({ intent: "answer", verdict: "noted", body: "Zur Kenntnis genommen." }),
    loggedIn(403, { observer: 200 }),
  ],
  [
    "post a finding for A",
    () => "/network-of-networks/findings/new",
    () => ({ networkId: netA.id, title: "Matrix post", body: "Text", actionAreas: "cooperation", country: "IT" }),
    loggedIn(403, { memberA: 302, coordinatorA: 302 }),
  ],
  ["comment on the finding of A", () => `/network-of-networks/findings/${findingOfA}`, () => ({ intent: "comment", body: "Matrix comment" }), loggedIn(200)],
  ["pin the finding of A", () => `/network-of-networks/findings/${findingOfA}`, () => ({ intent: "pin" }), loggedIn(403, { moderator: 200, admin: 200 })],
  [
    "propose good practice",
    () => "/network-of-networks/good-practice/new",
    () => ({ title: "Matrix proposal", summary: "Text", country: "both" }),
    loggedIn(403, { memberA: 302, memberB: 302, coordinatorA: 302 }),
  ],
  ["publish good practice", () => "/network-of-networks/good-practice", () => ({ intent: "publish", id: publishedEntry }), loggedIn(403, { moderator: 200, admin: 200 })],
  ["create a folder in A's library", libraryOfA, () => ({ intent: "createFolder", name: "Matrix folder" }), loggedIn(404, { memberA: 200, coordinatorA: 200, observer: 403, admin: 403 })],
  ["edit the details of a file of A", fileOfA, () => ({ intent: "metadata", title: "Matrix", language: "de", keywords: "" }), loggedIn(404, { memberA: 200, coordinatorA: 200, observer: 403, admin: 403 })],
  [
    "share a file of A into the commons (again: the same version adds nothing)",
    () => `${libraryOfA()}/files/${sharedFileOfA.fileId}`,
    () => ({ intent: "share", versionId: sharedFileOfA.versionId }),
    loggedIn(404, { memberA: 200, coordinatorA: 200, observer: 403, admin: 403 }),
  ],
  ["share a file of A that holds A's canary, through B's library", () => `/networks/${netB.slug}/library/files/${libraryFileOfA.fileId}`, () => ({ intent: "share", versionId: libraryFileOfA.versionId }), loggedIn(404, { observer: 403, admin: 403 })],
  ["change the details of A's shared file in the commons", () => `${commonsLibrary}/files/${sharedCopyOfA}`, () => ({ intent: "metadata", title: "Matrix", language: "en", keywords: "" }), loggedIn(403, { memberA: 200, coordinatorA: 200 })],
  ["empty A's trash", () => `${libraryOfA()}/trash`, () => ({ intent: "empty" }), loggedIn(404, { memberA: 403, coordinatorA: 200, observer: 403, admin: 403 })],
  ["create a folder in the commons library", () => commonsLibrary, () => ({ intent: "createFolder", name: "Matrix folder" }), loggedIn(403, { moderator: 200, admin: 200 })],
  [
    "post a finding citing a commons library file",
    () => "/network-of-networks/findings/new",
    () => ({ networkId: netA.id, title: "Matrix post with a document", body: "Text", actionAreas: "cooperation", country: "IT", libraryDocuments: commonsFile.fileId }),
    loggedIn(403, { memberA: 302, coordinatorA: 302 }),
  ],
  [
    "post a finding citing A's file (its name holds A's canary)",
    () => "/network-of-networks/findings/new",
    () => ({ networkId: netA.id, title: "Matrix post with A's file", body: "Text", actionAreas: "cooperation", country: "IT", libraryDocuments: libraryFileOfA.fileId }),
    loggedIn(403, { memberA: 400, coordinatorA: 400 }),
  ],
  [
    "cite A's file (its name holds A's canary) in a recommendation",
    recommendationPath,
    () => ({ intent: "cite", libraryDocuments: libraryFileOfA.fileId }),
    loggedIn(403, { memberA: 400, memberB: 400, coordinatorA: 400 }),
  ],
];

const registration = () => ({ intent: "register", preferredLanguage: "it", understands: "it" });
postRoutes.push(
  ["register for A's event", eventPageOfA, registration, loggedIn(404, { memberA: 200, coordinatorA: 200, observer: 403, admin: 403 })],
  ["register for the commons event", () => `${commonsEvents}/${commonsEvent}`, registration, loggedIn(200)],
  [
    "plan an event in A",
    () => `${eventsOfA()}/new`,
    () => ({ title: "Matrix event", format: "seminar", timeZone: "Europe/Rome", start: "2031-06-01T09:00", end: "2031-06-01T12:00", city: "Bologna", workingLanguages: "it" }),
    loggedIn(404, { memberA: 302, coordinatorA: 302, observer: 403, admin: 403 }),
  ],
  ["mark the draft of A as held (a draft cannot be: 409 for its organisers)", () => `${eventsOfA()}/${draftOfA}/edit`, () => ({ intent: "status", change: "markHeld" }), loggedIn(404, { memberA: 409, coordinatorA: 409 })],
  [
    "turn an action item of A's minutes into an activity (no such item: 400 for those who write them)",
    () => `${eventPageOfA()}/minutes`,
    () => ({ intent: "toActivity", actionId: "no-such-action", workProgrammeId: "no-such-work-programme" }),
    loggedIn(404, { memberA: 400, coordinatorA: 400, observer: 403, admin: 403 }),
  ],
  [
    "turn an action item of the commons minutes into an activity",
    () => `${commonsEvents}/${commonsEvent}/minutes`,
    () => ({ intent: "toActivity", actionId: "no-such-action", workProgrammeId: "no-such-work-programme" }),
    loggedIn(400, { observer: 403, admin: 403, moderator: 403, projectTeam: 403 }),
  ],
  // Everyone in the commons reads the glossary; members of a network and moderators propose; observers and the project team only read.
  ["propose a glossary term", () => "/glossary", () => ({ intent: "propose", de: "Matrixbegriff", it: "termine matrice" }), loggedIn(200, { observer: 403, projectTeam: 403 })],
  ["propose a glossary term in one language only", () => "/glossary", () => ({ intent: "propose", de: "Nur deutsch" }), loggedIn(400)],
  ["accept a glossary proposal that is not there", () => "/glossary", () => ({ intent: "accept", id: "no-such-term" }), loggedIn(403, { moderator: 404, admin: 404 })],
  // Versions are edited by those who edit the source; readers of A (observer, admin) are refused, outsiders see nothing.
  ["add an English version to A's work programme", languagesOfA, () => ({ intent: "add", sourceLanguage: "de", language: "en" }), loggedIn(404, { memberA: 302, coordinatorA: 302, observer: 403, admin: 403 })],
  ["add a version in the source's own language", languagesOfA, () => ({ intent: "add", sourceLanguage: "de", language: "de" }), loggedIn(404, { memberA: 400, coordinatorA: 400, observer: 403, admin: 403 })],
  ["review a section of the Italian version that is not there", () => `${languagesOfA()}/it`, () => ({ intent: "review", sectionId: "no-such-section", seenSource: "" }), loggedIn(404, { memberA: 400, coordinatorA: 400, observer: 403, admin: 403 })],
  ["machine-translate A's Italian version without a provider", () => `${languagesOfA()}/it`, () => ({ intent: "translateStale" }), loggedIn(404, { memberA: 400, coordinatorA: 400, observer: 403, admin: 403 })],
  ["book interpreting for A's event", () => `${eventPageOfA()}/agenda`, () => ({ intent: "booking", sessionId: "no-such-session", from: "de", to: "it", booked: "true" }), loggedIn(404, { memberA: 403, observer: 403, admin: 403 })],
);

// "Show translation" reads only what the caller may read; this server has no translation provider.
postRoutes.push(
  ["translate the finding of A (no provider: 409 for everyone in the commons)", () => "/translate", () => ({ kind: "finding", id: findingOfA }), loggedIn(409)],
  ["translate a comment that is not there", () => "/translate", () => ({ kind: "comment", id: "no-such-comment" }), loggedIn(404)],
  ["translate something that is neither a comment nor a finding", () => "/translate", () => ({ kind: "page", id: findingOfA }), loggedIn(400)],
);

// The public form is for everyone (a rate limit per IP would refuse a valid form from this one
// test client after five: a form without members proves the route is open and validates).
postRoutes.push(
  ["send an expression of interest without members", () => "/interest", () => ({ groupName: "Matrix group", contactName: "M", contactEmail: "m@example.test", locale: "de" }), all(400)],
  ["correct a submission through its private link, leaving out what is required", () => `/interest/mine/${linkedSubmission.token}`, () => ({ intent: "amend", groupName: "" }), all(400)],
  ["withdraw through an unknown private link", () => "/interest/mine/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", () => ({ intent: "withdraw", confirm: "yes" }), all(404)],
  ["change the status of a submission", intakePage, () => ({ intent: "status", status: "in_validation", message: "" }), loggedIn(403, { projectTeam: 200 })],
  ["note a contact on a submission", intakePage, () => ({ intent: "note", kind: "contact", body: "Matrix call" }), loggedIn(403, { projectTeam: 200 })],
  ["introduce a submission to one that is not there", intakePage, () => ({ intent: "introduce", partnerId: "no-such-submission" }), loggedIn(403, { projectTeam: 404 })],
  ["form a partnership of a submission with an organisation", () => `/intake/${linkedSubmission.id}`, () => ({ intent: "formPartnership", name: "Matrix partnership", organisation: orgA.id }), loggedIn(403, { projectTeam: 302 })],
  ["submit an application being written", () => `/partnerships/${partnershipToSubmit}`, () => ({ intent: "submit" }), loggedIn(404, { projectTeam: 200 })],
  ["save a draft review of an application", () => `/board/applications/${submittedPartnership}`, () => ({ intent: "saveReview", comment: "Matrix draft" }), loggedIn(403, { observer: 200 })],
  ["add a criterion to the rubric", () => "/board/rubric", () => ({ intent: "saveCriterion", label: "Matrix criterion", weight: "2" }), loggedIn(403, { projectTeam: 200 })],
  ["record a decision that is neither", () => `/board/applications/${submittedPartnership}`, () => ({ intent: "decide", decision: "maybe" }), loggedIn(403, { projectTeam: 400 })],
  ["invite a successor into the project team", () => "/intake/team", () => ({ intent: "invite", email: `successor-${Math.random().toString(36).slice(2)}@example.test`, locale: "de" }), loggedIn(403, { projectTeam: 200 })],
  ["leave the project team as its only member", () => "/intake/team", () => ({ intent: "leave" }), loggedIn(403, { projectTeam: 409 })],
  ["invite the groups staying in touch to the commons event", () => `${commonsEvents}/${commonsEvent}`, () => ({ intent: "inviteStayingInTouch" }), loggedIn(403, { moderator: 200, admin: 200, projectTeam: 200 })],
  ["invite the groups staying in touch to an event of A", eventPageOfA, () => ({ intent: "inviteStayingInTouch" }), loggedIn(403, { memberB: 404, coordinatorA: 409, moderator: 404, projectTeam: 404 })],
  ["hand over coordination of A to someone outside A", () => `/networks/${netA.slug}`, () => ({ intent: "handOver", recipientId: users.memberB.id }), loggedIn(404, { memberA: 403, coordinatorA: 400, observer: 403, admin: 403 })],
);

describe(`access matrix: mutations (${process.env.TEST_DATABASE})`, () => {
  for (const [label, path, fields, expected] of postRoutes) {
    it.each(ROLES)(`POST ${label} as %s`, async (role) => {
      const response = await clients[role].post(path(), fields());
      expect(response.status, `${role} POST ${path()}`).toBe(expected[role]);
      assertNoCanaryLeak(role, response);
    });
  }

  it.each(ROLES.filter((r) => r !== "anonymous"))("refuses a mutation without CSRF token as %s", async (role) => {
    const response = await clients[role].post(`/networks/${netA.slug}`, { intent: "changeRole", userId: users.memberA.id, role: "coordinator" }, { csrf: null });
    // Outsiders learn nothing (404) before the token is even looked at; insiders get 403.
    expect(response.status).toBe(insidersOf("A").includes(role) ? 403 : 404);
    const membership = await server.services.db
      .selectFrom("memberships")
      .select("role")
      .where("network_id", "=", netA.id)
      .where("user_id", "=", users.memberA.id)
      .executeTakeFirstOrThrow();
    expect(membership.role).toBe("member");
  });
});
