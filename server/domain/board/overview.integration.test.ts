/**
 * The advisory board's overview on SQLite and PostgreSQL: the figures of two networks built
 * with factories (activities in several statuses, an overdue and a due milestone, held and
 * upcoming events with participants from a German and an Italian organisation, findings,
 * endorsements, library files with one in the trash and one in a trashed folder), the
 * drill-down's links per reader, who may open the pages and the PDF, and the page and the
 * PDF in German and Italian.
 */
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestServer } from "#server/testing/use-test-server";
import { TestClient } from "#server/testing/http-client";
import { buildNetwork, buildOrganisation, buildRecommendation, buildUser, buildWorkProgramme, findingInput, uniq } from "#server/testing/factories";
import { createPublishedEvent, eventInput, registrationInput } from "#server/testing/events";
import { buildLibraryFile } from "#server/testing/library-files";
import { loadActor } from "#server/domain/auth/actor";
import { cancelRegistration, register } from "#server/domain/events/registrations";
import { changeEventStatus, createEvent } from "#server/domain/events/events";
import { postFinding } from "#server/domain/commons/findings";
import { replaceWorkProgrammeItems } from "#db/queries/work-programme-items";
import { addOrganisationToNetwork, updateNetwork } from "#db/queries/networks";
import { updateEventRow } from "#db/queries/events";
import { findRegistration, setAttendance } from "#db/queries/event-registrations";
import { insertEndorsement } from "#db/queries/recommendations";
import { insertFolder, updateFolder } from "#db/queries/library";
import type { Activity, ActivityStatus, Milestone } from "#shared/collab/work-programme-doc";
import { fixedT } from "#shared/i18n/instance";
import { nowIso } from "#shared/time";
import { boardNetworkDetail, boardOverview, dueWindow, type OverviewNetwork } from "./overview";

const PDFTOTEXT = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext", "/opt/homebrew/bin/pdftotext"].find((p) => fs.existsSync(p));

const server = useTestServer();
const db = () => server.db();
const actor = (id: string) => loadActor(db(), id);
const DAY_MS = 86_400_000;

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ca-board-"));
});
afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

type Person = Awaited<ReturnType<typeof buildUser>>;

async function login(user: { email: string; password: string }) {
  const client = new TestClient(server.url);
  await client.login(user.email, user.password);
  return client;
}

/** TestClient reads bodies as text; the PDF needs its bytes. */
async function download(client: TestClient, urlPath: string) {
  const response = await fetch(new URL(urlPath, server.url), { headers: { "Accept-Language": "en", Cookie: client.cookieHeader() }, redirect: "manual" });
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}

function pdfText(body: Buffer): string {
  const file = path.join(dir, `${crypto.randomUUID()}.pdf`);
  fs.writeFileSync(file, body);
  // Whitespace collapsed: table cells wrap, and pdftotext puts the pieces on lines of their own.
  return execFileSync(PDFTOTEXT!, ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
}

/** HTML text as a reader sees it (React escapes apostrophes and ampersands). */
const unescape = (html: string) => html.replace(/&#x27;/g, "'").replace(/&amp;/g, "&").replace(/&quot;/g, '"');

const day = (offsetDays: number) => {
  const { today } = dueWindow(new Date());
  const [y, m, d] = today.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + offsetDays)).toISOString().slice(0, 10);
};

const activity = (status: ActivityStatus, overrides: Partial<Activity> = {}): Activity => ({
  id: uniq("act"),
  title: uniq(`Activity ${status}`),
  responsible: [],
  start: "2026-01",
  end: "2026-06",
  status,
  note: "",
  ...overrides,
});
const milestone = (due: string, reached = false, title = uniq("Milestone")): Milestone => ({ id: uniq("ms"), title, due, reached });

describe(`board overview before any network exists (${process.env.TEST_DATABASE})`, () => {
  it("shows the empty state and still offers the PDF", async () => {
    const observer = await buildUser(db(), { platformRoles: ["observer"] });
    const page = await (await login(observer)).get("/board/overview");
    expect(page.status).toBe(200);
    expect(unescape(page.body)).toContain(fixedT("en")("overview:empty"));
    expect(page.body).toContain('href="/board/overview.pdf"');
    const overview = await boardOverview(server.services);
    expect(overview.networks).toEqual([]);
    expect(overview.totals.activitiesTotal).toBe(0);
  });
});

describe(`board overview across networks (${process.env.TEST_DATABASE})`, () => {
  let networkA: Awaited<ReturnType<typeof buildNetwork>>;
  let networkB: Awaited<ReturnType<typeof buildNetwork>>;
  let coordinator: Person;
  let member: Person;
  let observer: Person;
  let projectTeam: Person;
  let admin: Person;
  let moderator: Person;
  let findingA: string;
  let workProgrammeA: string;
  let heldEventId: string;
  const orgDeName = uniq("Handwerkskammer Süd");
  const dueTitle = uniq("Zwischenbericht");
  const overdueTitle = uniq("Auftaktbericht");

  beforeAll(async () => {
    networkA = await buildNetwork(db(), { name: uniq("Netzwerk Mechatronik Süd") });
    networkB = await buildNetwork(db(), { name: uniq("Rete Logistica Nord") });
    const orgDe = await buildOrganisation(db(), { country: "DE", name: orgDeName });
    const orgIt = await buildOrganisation(db(), { country: "IT" });
    const at = nowIso();
    await addOrganisationToNetwork(db(), networkA.id, orgDe.id, at);
    await addOrganisationToNetwork(db(), networkA.id, orgIt.id, at);

    coordinator = await buildUser(db(), { memberships: [{ networkId: networkA.id, role: "coordinator" }, { networkId: networkB.id, role: "coordinator" }] });
    member = await buildUser(db(), { memberships: [{ networkId: networkA.id, role: "member" }] });
    observer = await buildUser(db(), { platformRoles: ["observer"] });
    projectTeam = await buildUser(db(), { platformRoles: ["project_team"] });
    admin = await buildUser(db(), { platformRoles: ["admin"] });
    moderator = await buildUser(db(), { platformRoles: ["moderator"] });
    const person = async (organisationId: string | null) => {
      const user = await buildUser(db(), { memberships: [{ networkId: networkA.id, role: "member" }] });
      if (organisationId) await db().updateTable("users").set({ organisation_id: organisationId }).where("id", "=", user.id).execute();
      return user;
    };
    const german = await person(orgDe.id);
    const italian = await person(orgIt.id);
    const nobody = await person(null);
    const absent = await person(orgDe.id);
    const cancelled = await person(orgDe.id);

    // Work programmes: the open one counts, the archived one does not.
    const wpA = await buildWorkProgramme(db(), networkA.id, { title: "Arbeitsprogramm 2026" });
    workProgrammeA = wpA.id;
    await replaceWorkProgrammeItems(
      db(),
      wpA.id,
      networkA.id,
      {
        activities: [
          activity("planned", { responsible: [orgDe.id, orgIt.id] }),
          activity("in_progress"),
          activity("in_progress"),
          activity("done"),
          activity("delayed", { responsible: ["gone-organisation"] }),
        ],
        milestones: [milestone(day(-10), false, overdueTitle), milestone(day(5), false, dueTitle), milestone(day(90)), milestone(day(-40), true), milestone("")],
      },
      at,
    );
    const archivedWp = await buildWorkProgramme(db(), networkA.id, { archived: true });
    await replaceWorkProgrammeItems(db(), archivedWp.id, networkA.id, { activities: [activity("done"), activity("done"), activity("done")], milestones: [milestone(day(-3))] }, at);
    const wpB = await buildWorkProgramme(db(), networkB.id);
    await replaceWorkProgrammeItems(db(), wpB.id, networkB.id, { activities: [activity("cancelled")], milestones: [milestone(day(1))] }, at);

    // Events of network A: one marked held, one over but not marked, one upcoming (full, one waiting), one draft.
    const organiser = await actor(coordinator.id);
    const owner = { kind: "network" as const, networkId: networkA.id };
    const held = await createPublishedEvent(server.services, organiser, owner);
    heldEventId = held.id;
    for (const p of [german, italian, nobody, absent, cancelled]) expect((await register(server.services, await actor(p.id), held.id, registrationInput())).ok).toBe(true);
    expect((await cancelRegistration(server.services, await actor(cancelled.id), held.id, null)).ok).toBe(true);
    expect((await changeEventStatus(server.services, organiser, held.id, "markHeld")).ok).toBe(true);
    const past = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();
    await updateEventRow(db(), held.id, { starts_at: past(20), ends_at: past(19) });
    const holding = await Promise.all([german, italian, nobody, absent].map(async (p) => (await findRegistration(db(), held.id, p.id))!.id));
    const absentRegistration = (await findRegistration(db(), held.id, absent.id))!.id;
    await setAttendance(db(), held.id, holding, new Set(holding.filter((id) => id !== absentRegistration)), at);

    const over = await createPublishedEvent(server.services, organiser, owner, { format: "studyTrip" });
    expect((await register(server.services, await actor(italian.id), over.id, registrationInput())).ok).toBe(true);
    await updateEventRow(db(), over.id, { starts_at: past(5), ends_at: past(4) });

    const upcoming = await createPublishedEvent(server.services, organiser, owner, { capacity: 2, title: uniq("Fachkonferenz Bozen") });
    for (const p of [german, italian, nobody]) expect((await register(server.services, await actor(p.id), upcoming.id, registrationInput())).ok).toBe(true);
    expect((await findRegistration(db(), upcoming.id, nobody.id))?.status).toBe("waiting");

    expect((await createEvent(server.services, organiser, owner, eventInput())).ok).toBe(true);

    // An event of the network of networks: counted apart from the networks.
    const commonsEvent = await createPublishedEvent(server.services, organiser, { kind: "commons" });
    expect((await register(server.services, await actor(german.id), commonsEvent.id, registrationInput())).ok).toBe(true);

    // Findings: one of A, two of B.
    const postedA = await postFinding(server.services, await actor(member.id), findingInput(networkA.id));
    if (!postedA.ok) throw new Error("finding refused");
    findingA = postedA.id;
    for (let i = 0; i < 2; i++) expect((await postFinding(server.services, organiser, findingInput(networkB.id))).ok).toBe(true);

    // Endorsements: A endorsed two recommendations, B one of the same.
    const first = await buildRecommendation(db(), { stage: "consultation" });
    const second = await buildRecommendation(db(), { stage: "endorsed" });
    await buildRecommendation(db(), { stage: "draft" });
    for (const [recommendation, network] of [
      [first.id, networkA.id],
      [second.id, networkA.id],
      [second.id, networkB.id],
    ] as const) {
      await insertEndorsement(db(), { recommendation_id: recommendation, network_id: network, endorsed_by: coordinator.id, statement: null, created_at: at });
    }

    // Library of A: one live file (11 bytes), one in the trash, one inside a trashed folder.
    await buildLibraryFile(server.services, { networkId: networkA.id, userId: member.id, name: "plan.txt", bytes: Buffer.from("hello board") });
    const trashed = await buildLibraryFile(server.services, { networkId: networkA.id, userId: member.id, name: "old.txt", bytes: Buffer.from("old bytes, in the trash") });
    await db().updateTable("library_files").set({ deleted_at: at, deleted_by: member.id }).where("id", "=", trashed.fileId).execute();
    const folderId = crypto.randomUUID();
    await insertFolder(db(), { id: folderId, network_id: networkA.id, parent_id: null, name: "Archiv", created_by: member.id, created_at: at, updated_by: member.id, updated_at: at, deleted_at: null, deleted_by: null });
    await buildLibraryFile(server.services, { networkId: networkA.id, userId: member.id, name: "inside.txt", bytes: Buffer.from("inside a trashed folder"), folderId });
    await updateFolder(db(), folderId, { deleted_at: at, deleted_by: member.id });

    // B is archived after its content was made: still in the overview, marked.
    await updateNetwork(db(), networkB.id, { archived_at: at });
  });

  const rowOf = (networks: OverviewNetwork[], id: string) => networks.find((n) => n.id === id)!;

  it("counts each network's work programme, events, findings, endorsements and library", async () => {
    const overview = await boardOverview(server.services);
    const a = rowOf(overview.networks, networkA.id);
    expect(a.archivedAt).toBeNull();
    expect(a.figures.activities).toEqual({ planned: 1, in_progress: 2, done: 1, delayed: 1, cancelled: 0 });
    expect(a.figures.activitiesTotal).toBe(5);
    expect(a.figures.milestones).toEqual({ total: 5, reached: 1, due: 1, overdue: 1 });
    expect(a.figures.events).toEqual({
      held: 2,
      upcoming: 1,
      heldParticipants: { DE: 1, IT: 2, unknown: 1 },
      upcomingParticipants: { DE: 1, IT: 1, unknown: 0 },
    });
    expect(a.figures.findings).toBe(1);
    expect(a.figures.recommendationsEndorsed).toBe(2);
    expect(a.figures.library).toEqual({ files: 1, bytes: 11 });

    const b = rowOf(overview.networks, networkB.id);
    expect(b.archivedAt).not.toBeNull();
    expect(b.figures.activities.cancelled).toBe(1);
    expect(b.figures.milestones).toEqual({ total: 1, reached: 0, due: 1, overdue: 0 });
    expect(b.figures.events.held + b.figures.events.upcoming).toBe(0);
    expect(b.figures.findings).toBe(2);
    expect(b.figures.recommendationsEndorsed).toBe(1);
    expect(b.figures.library).toEqual({ files: 0, bytes: 0 });
  });

  it("adds up the totals (a recommendation endorsed by two networks counts once) and the commons apart", async () => {
    const overview = await boardOverview(server.services);
    expect(overview.totals.activitiesTotal).toBe(6);
    expect(overview.totals.milestones).toEqual({ total: 6, reached: 1, due: 2, overdue: 1 });
    expect(overview.totals.findings).toBe(3);
    expect(overview.totals.recommendationsEndorsed).toBe(2);
    expect(overview.totals.events.heldParticipants).toEqual({ DE: 1, IT: 2, unknown: 1 });
    expect(overview.commons.events).toEqual({ held: 0, upcoming: 1, heldParticipants: { DE: 0, IT: 0, unknown: 0 }, upcomingParticipants: { DE: 1, IT: 0, unknown: 0 } });
    expect(overview.commons.recommendationsByStage).toMatchObject({ draft: 1, consultation: 1, endorsed: 1, submitted: 0, answered: 0 });
    expect(overview.commons.recommendations).toBe(3);
  });

  it("the drill-down lists the network's items; links into the network only for readers who may view it", async () => {
    const forBoard = (await boardNetworkDetail(server.services, await actor(observer.id), networkA.id))!;
    expect(forBoard.network.href).toBe(`/networks/${networkA.slug}`);
    expect(forBoard.workProgrammes.find((w) => w.id === workProgrammeA)?.href).toBe(`/networks/${networkA.slug}/work-programmes/${workProgrammeA}`);
    expect(forBoard.workProgrammes).toHaveLength(2);
    expect(forBoard.activities).toHaveLength(5);
    expect(forBoard.activities.find((a) => a.status === "planned")?.responsible).toEqual(expect.arrayContaining([orgDeName]));
    expect(forBoard.activities.find((a) => a.status === "delayed")?.responsible).toEqual([null]);
    expect(forBoard.milestones.find((m) => m.title === overdueTitle)?.state).toBe("overdue");
    expect(forBoard.milestones.find((m) => m.title === dueTitle)?.state).toBe("due");
    expect(forBoard.events.map((e) => e.phase)).toEqual(["upcoming", "held", "held"]);
    expect(forBoard.events.find((e) => e.id === heldEventId)?.participants).toEqual({ DE: 1, IT: 1, unknown: 1 });
    expect(forBoard.findings).toEqual([expect.objectContaining({ id: findingA, href: `/network-of-networks/findings/${findingA}` })]);
    expect(forBoard.endorsements).toHaveLength(2);
    expect(forBoard.library).toEqual({ files: 1, bytes: 11, href: `/networks/${networkA.slug}/library` });

    const forTeam = (await boardNetworkDetail(server.services, await actor(projectTeam.id), networkA.id))!;
    expect(forTeam.network.href).toBeNull();
    expect(forTeam.workProgrammes.every((w) => w.href === null)).toBe(true);
    expect(forTeam.events.every((e) => e.href === null)).toBe(true);
    expect(forTeam.library.href).toBeNull();
    expect(forTeam.findings[0]?.href).toBe(`/network-of-networks/findings/${findingA}`);
    expect(forTeam.figures).toEqual(forBoard.figures);

    expect(await boardNetworkDetail(server.services, await actor(observer.id), crypto.randomUUID())).toBeNull();
  });

  it("answers anonymous readers with the login, everyone but the board and the project team with 403", async () => {
    const paths = ["/board/overview", `/board/overview/${networkA.id}`, "/board/overview.pdf"];
    const anonymous = new TestClient(server.url);
    for (const p of paths) {
      const response = await anonymous.get(p);
      expect(response.status, p).toBe(302);
      expect(response.location, p).toBe(`/login?redirectTo=${encodeURIComponent(p)}`);
    }
    for (const person of [member, coordinator, admin, moderator]) {
      const client = await login(person);
      for (const p of paths) expect((await client.get(p)).status, p).toBe(403);
    }
    for (const person of [observer, projectTeam]) {
      const client = await login(person);
      for (const p of paths) expect((await client.get(p)).status, p).toBe(200);
      expect((await client.get(`/board/overview/${crypto.randomUUID()}`)).status).toBe(404);
      expect((await client.get("/board/overview/no-such-network")).status).toBe(404);
    }
  });

  it("the overview page names every network with a link to its drill-down; the drill-down links network pages only for the board", async () => {
    const board = await login(observer);
    const page = unescape((await board.get("/board/overview")).body);
    expect(page).toContain(networkA.name);
    expect(page).toContain(networkB.name);
    expect(page).toContain(`href="/board/overview/${networkA.id}"`);
    expect(page).toContain('href="/board/overview.pdf"');
    expect(page).toContain(fixedT("en")("overview:archived"));
    // No network's private content reaches the overview.
    expect(page).not.toContain(networkA.canary);

    const boardDetail = unescape((await board.get(`/board/overview/${networkA.id}`)).body);
    expect(boardDetail).toContain(`href="/networks/${networkA.slug}/work-programmes/${workProgrammeA}"`);
    expect(boardDetail).toContain(`href="/network-of-networks/findings/${findingA}"`);
    expect(boardDetail).toContain(dueTitle);

    const team = await login(projectTeam);
    const teamDetail = unescape((await team.get(`/board/overview/${networkA.id}`)).body);
    expect(teamDetail).toContain("Arbeitsprogramm 2026");
    expect(teamDetail).not.toContain(`href="/networks/${networkA.slug}`);
    expect(teamDetail).toContain(`href="/network-of-networks/findings/${findingA}"`);
  });

  it.skipIf(!PDFTOTEXT)("serves the PDF as an attachment with each network's name and its figures", async () => {
    const client = await login(projectTeam);
    const file = await download(client, "/board/overview.pdf");
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect(file.headers.get("content-disposition")).toMatch(/^attachment; filename="[A-Za-z0-9_.-]+\.pdf"/);
    expect(file.body.subarray(0, 5).toString()).toBe("%PDF-");
    const text = pdfText(file.body);
    const t = fixedT("en");
    expect(text).toContain(t("overview:title"));
    expect(text).toContain(networkA.name);
    expect(text).toContain(networkB.name);
    expect(text).toContain(t("overview:allNetworks"));
    expect(text).toContain("Germany: 1 · Italy: 2 · No organisation: 1");
    expect(text).toContain(`${t("overview:exchange.findings")} 1`);
  });

  it("speaks the reader's language: German and Italian headings on the page and in the PDF", async () => {
    for (const locale of ["de", "it"] as const) {
      const person = await buildUser(db(), { platformRoles: ["observer"], locale });
      const client = await login(person);
      const t = fixedT(locale);
      const page = unescape((await client.get("/board/overview")).body);
      expect(page).toContain(`lang="${locale}"`);
      for (const key of ["overview:title", "overview:workProgramme.heading", "overview:events.heading", "overview:exchange.heading", "overview:download.pdf"]) expect(page, key).toContain(t(key));
      expect(page).toContain(t("workprogramme:activities.statuses.in_progress"));
      const detail = unescape((await client.get(`/board/overview/${networkA.id}`)).body);
      expect(detail).toContain(t("overview:detail.milestones.heading"));
      expect(detail).toContain(t("overview:detail.milestones.states.overdue"));
      if (PDFTOTEXT) {
        const text = pdfText((await download(client, "/board/overview.pdf")).body);
        expect(text).toContain(t("overview:title"));
        expect(text).toContain(t("overview:allNetworks"));
      }
    }
    expect(fixedT("de")("overview:title")).toBe("Übersicht der Modell-Netzwerke");
    expect(fixedT("it")("overview:title")).toBe("Panoramica delle reti modello");
  });
});
