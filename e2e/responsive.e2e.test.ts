/**
 * Every page, on a phone and on a laptop: a member and a coordinator walk every page they can
 * reach by following links from the dashboard, an admin the pages only admins see, a visitor
 * the pages before login. Each page is checked at 390×844 and at 1280×800 for sideways page
 * scrolling (wide tables may scroll inside their own box) and with axe (WCAG 2.1 AA). The walk
 * must cover every page of the build, so a new page that nobody can reach, or that is missing
 * here, fails the test rather than going unchecked.
 */
import { beforeAll, describe, expect, it } from "vitest";
import path from "node:path";
import type { Page } from "playwright-core";
import { isPageRoute, readRemixManifest } from "../scripts/lib/route-javascript.mjs";
import { EDITOR_ROUTES } from "../scripts/js-budget.mjs";
import { minutesDocName } from "#server/domain/events/minutes";
import { DATABASE, demoAccount, waitForHydration, waitForIdle } from "./support/app";
import { createNamedVersion } from "#server/domain/versions/versions";
import { postFinding } from "#server/domain/commons/findings";
import { findingInput } from "#server/testing/factories";
import { loadActor } from "#server/domain/auth/actor";
import { docNameOf, RECOMMENDATION_DOC_TYPE, WORK_PROGRAMME_DOC_TYPE } from "#shared/collab/doc-names";
import { axeViolations, formatViolations } from "./support/axe";
import { horizontalOverflow } from "./support/layout";
import { useAppAndBrowser } from "./support/suite";
import { buildLibraryFile } from "#server/testing/library-files";
import { demoNetworks } from "#db/seed/demo-data";
import { findNetworkById } from "#db/queries/networks";
import { shareIntoCommons } from "#server/domain/library/shares";
import { networkLibrary } from "#shared/library/library-ref";
import type { EventFormData } from "#shared/validation/event-forms";
import { changeEventStatus, createEvent } from "#server/domain/events/events";
import { saveSession } from "#server/domain/events/agenda";
import { register } from "#server/domain/events/registrations";
import { saveCost } from "#server/domain/events/costs";
import { addLanguageVersion } from "#server/domain/translations/language-versions";
import { addLanguageVersion as addLanguageVersionRow } from "#db/queries/language-versions";
import { interestInput, submitTestInterest } from "#server/testing/interest";
import { applicationDocName } from "#server/domain/partnerships/application-document-type";

const app = useAppAndBrowser();
const PROJECT_TEAM = "projektteam@connactions.demo";
/** The demo's application before the board (db/seed/demo-selection.ts). */
const DEMO_PARTNERSHIP = "demo-partnership-torino-zwickau";
/** A submission's private link: only its mail has it, so the visitor starts there. */
let privateLink = "";

const MEMBER = "member.mechatronik@connactions.demo"; // Jonas Weber, en
const COORDINATOR = "coordinamento.gastgewerbe@connactions.demo"; // Paolo Moser, it

/**
 * Pages the demo has no link to yet: a named version of a work programme, of a recommendation
 * and of minutes (history pages link to them), language versions of a recommendation and of
 * minutes, and a finding the member wrote (its edit page).
 */
let memberFinding = "";
/** Search pages are reached through a form, not a link: the member starts at one of each. */
let memberSearches: string[] = [];
/** The minutes' history of the coordinator's two events (with a version): the first event a walk meets may have none. */
const coordinatorStarts: string[] = [];
beforeAll(async () => {
  const services = app.server.services;
  const member = demoAccount(MEMBER);
  for (const docName of [docNameOf(WORK_PROGRAMME_DOC_TYPE, "demo-wp-mechatronics"), docNameOf(RECOMMENDATION_DOC_TYPE, "demo-rec-01")]) {
    await createNamedVersion(services, app.server.server.collab, { docName, name: "Layout check", userId: member.id });
  }
  const finding = await postFinding(
    services,
    await loadActor(services.db, member.id),
    findingInput(member.memberships[0]!.networkId, { title: "A finding of the member", body: "Written by the member, so its edit page is theirs to open." }),
  );
  if (!finding.ok) throw new Error("finding not posted");
  memberFinding = `/network-of-networks/findings/${finding.id}`;
  // A file in the member's library and one in the commons library, so their pages have links.
  const memberFile = await buildLibraryFile(services, { networkId: member.memberships[0]!.networkId, userId: member.id, name: "Ausbildungsrahmenplan.txt", bytes: Buffer.from("Lernfeld 1\n") });
  // Shared into the commons, so the commons list and file page show a network's shared file.
  const ownNetwork = await findNetworkById(services.db, member.memberships[0]!.networkId);
  const shared = await shareIntoCommons(services, await loadActor(services.db, member.id), networkLibrary(ownNetwork!), memberFile.fileId, memberFile.versionId);
  if (!shared.ok) throw new Error(`not shared: ${shared.error}`);
  await buildLibraryFile(services, { networkId: null, userId: member.id, name: "shared-paper.txt", bytes: Buffer.from("Shared\n") });
  app.server.server.textIndexer.poke();
  await app.server.server.textIndexer.idle();
  const memberNetwork = demoNetworks.find((n) => n.id === member.memberships[0]!.networkId)!;
  memberSearches = [`/networks/${memberNetwork.slug}/library/search?q=lernfeld`, "/network-of-networks/library/search?q=shared"];
  // An event of the coordinator's network and one of the commons, both planned by the
  // coordinator (so their organiser pages are theirs), with a session, a registration and a cost.
  const coordinator = demoAccount(COORDINATOR);
  const organiser = await loadActor(services.db, coordinator.id);
  for (const owner of [{ kind: "network" as const, networkId: coordinator.memberships[0]!.networkId }, { kind: "commons" as const }]) {
    const created = await createEvent(services, organiser, owner, layoutEventInput(owner.kind === "commons" ? "Conferenza di tutte le reti" : "Viaggio di studio a Monaco"));
    if (!created.ok) throw new Error("event not created");
    await changeEventStatus(services, organiser, created.id, "publish");
    await saveSession(services, organiser, created.id, { title: "Apertura", start: "2031-04-07T09:30", end: "2031-04-07T11:00", room: "Aula magna", language: "it", speakers: [], guests: "" });
    await register(services, organiser, created.id, { preferredLanguage: "it", understands: ["it"], accessibilityNeeds: "", dietaryNeeds: "", arrival: null, departure: null, needsRoom: false });
    await saveCost(services, organiser, created.id, { kind: "venue", description: "Sala", planned: "900", actual: "" });
    const minutes = await createNamedVersion(services, app.server.server.collab, { docName: minutesDocName(created.id), name: "Layout check", userId: coordinator.id });
    const base = owner.kind === "commons" ? "/network-of-networks/events" : `/networks/${demoNetworks.find((n) => n.id === owner.networkId)!.slug}/events`;
    coordinatorStarts.push(`${base}/${created.id}/minutes/history`);
    if (!minutes.id) throw new Error("no minutes version");
    // A German version of the minutes, so the walk reaches a version page of minutes too.
    const version = await addLanguageVersion(services, app.server.server.collab, organiser, { sourceName: minutesDocName(created.id), sourceLanguage: "it", language: "de" });
    if (!version.ok) throw new Error(`no language version of the minutes: ${version.error}`);
  }
  // The demo has an Italian version of a work programme; an English one of a recommendation
  // (written straight into the tables: who may edit the demo recommendation is not the point here).
  await addLanguageVersionRow(services.db, { docName: docNameOf(RECOMMENDATION_DOC_TYPE, "demo-rec-01"), sourceLanguage: "de", language: "en", createdBy: member.id, now: new Date().toISOString() });
  // An Italian version of the demo's joint application, so the project team's walk reaches a version page of one.
  await addLanguageVersionRow(services.db, { docName: applicationDocName(DEMO_PARTNERSHIP), sourceLanguage: "de", language: "it", createdBy: demoAccount(PROJECT_TEAM).id, now: new Date().toISOString() });
  privateLink = `/interest/mine/${(await submitTestInterest(services, interestInput())).token}`;
});

function layoutEventInput(title: string): EventFormData {
  return {
    title,
    description: "Visita a centri di formazione e aziende.",
    format: "studyTrip",
    timeZone: "Europe/Berlin",
    start: "2031-04-07T09:00",
    end: "2031-04-09T17:00",
    venue: "IHK",
    address: "Max-Joseph-Straße 2",
    city: "München",
    country: "DE",
    onlineUrl: null,
    workingLanguages: ["de", "it"],
    capacity: 25,
    deadline: null,
    organisations: [],
  };
}

/** axe runs at the phone and laptop sizes; the narrowest phones are checked for overflow too. */
const SIZES = [
  { name: "360×740", width: 360, height: 740, axe: false },
  { name: "390×844", width: 390, height: 844, axe: true },
  { name: "1280×800", width: 1280, height: 800, axe: true },
] as const;

const { manifest } = readRemixManifest(path.join(process.env.BUILD_DIR || "build", "client/assets")) as {
  manifest: { routes: Record<string, { path?: string; parentId?: string }> };
};
const LAYOUTS = new Set(Object.values(manifest.routes).map((r) => r.parentId));
/** Pages a person can land on: not resource routes, not layouts around other pages. */
const PAGE_ROUTES = Object.keys(manifest.routes).filter((id) => isPageRoute(id) && !LAYOUTS.has(id));
/** Words that are part of route patterns; any other path segment is a parameter. */
const STATIC_SEGMENTS = new Set(
  Object.values(manifest.routes).flatMap((r) => (r.path ?? "").split("/").filter((s) => s && !s.startsWith(":") && s !== "*")),
);
/** One URL per shape of address: /networks/a and /networks/b are the same page. */
const shapeOf = (pathname: string) =>
  pathname
    .split("/")
    .map((s) => (s === "" || STATIC_SEGMENTS.has(s) ? s : ":"))
    .join("/");

/** Links that are not pages, or that change something by being followed. */
const NOT_A_PAGE = [/^\/logout/, /\/export\//, /^\/language/, /^\/translations\//, /\.data$/, /\/versions\/[^/]+\/(download|view)$/, /\.(ics|csv|pdf)$/];

interface Walk {
  visited: Map<string, string>; // route id → URL checked
  problems: string[];
}

async function settle(page: Page, routeId: string) {
  await waitForHydration(page);
  await waitForIdle(page);
  if (EDITOR_ROUTES.has(routeId)) await page.locator(".ProseMirror").first().waitFor();
  // Two frames: the layout after a resize or a late render is what the user sees.
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

async function checkPage(page: Page, where: string, problems: string[]) {
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
    const overflow = await horizontalOverflow(page);
    if (overflow) {
      problems.push(`${where} at ${size.name}: the page is ${overflow.scrollWidth} px wide in a ${overflow.viewport} px window; sticking out: ${overflow.culprits.join(", ")}`);
    }
    if (!size.axe) continue;
    const violations = await axeViolations(page);
    if (violations.length) problems.push(formatViolations(violations, `${where} at ${size.name}`));
  }
}

/** Follows same-origin links breadth-first, checking each kind of page once. */
async function walk(page: Page, who: string, start: string[], skip: ReadonlySet<string> = new Set(), limit = 300): Promise<Walk> {
  const visited = new Map<string, string>();
  const problems: string[] = [];
  const queued = new Set(start.map((u) => shapeOf(new URL(u, "http://x").pathname)));
  const queue = [...start];
  let navigations = 0;
  while (queue.length && navigations < limit) {
    const url = queue.shift() as string;
    navigations += 1;
    await page.goto(url);
    await waitForHydration(page);
    const routeId = await page.evaluate(() => {
      const router = (window as unknown as { __remixRouter?: { state: { matches: Array<{ route: { id: string } }> } } }).__remixRouter;
      return router?.state.matches.at(-1)?.route.id ?? "unknown";
    });
    if (!visited.has(routeId) && !skip.has(routeId)) {
      await settle(page, routeId);
      visited.set(routeId, url);
      await checkPage(page, `${url} (${routeId}, ${who})`, problems);
    }
    const links = await page.evaluate(() => Array.from(document.querySelectorAll("a[href]"), (a) => a.getAttribute("href") ?? ""));
    for (const href of links) {
      if (!href.startsWith("/") || href.startsWith("//")) continue;
      const target = new URL(href, "http://x");
      if (NOT_A_PAGE.some((re) => re.test(target.pathname))) continue;
      const shape = shapeOf(target.pathname);
      if (queued.has(shape)) continue;
      queued.add(shape);
      queue.push(target.pathname + target.search);
    }
  }
  // A walk cut short would leave pages unchecked without saying why.
  if (queue.length) problems.push(`${who}: the walk stopped after ${limit} addresses with ${queue.length} still to visit (${queue.slice(0, 5).join(", ")}, …)`);
  return { visited, problems };
}

/**
 * A walk checks each page at three sizes with axe at two: about half a second per page on a
 * busy CI machine. Since the event and library pages are walked too (72 pages in all), a walk
 * takes about a minute, more than the browser tests' default.
 */
const WALK_TIMEOUT = 240_000;

describe(`every page at 390 px and 1280 px (${DATABASE})`, () => {
  const visitedByAnyone = new Set<string>();

  it.each([
    ["member", MEMBER],
    ["coordinator", COORDINATOR],
  ])("as a %s: no sideways scrolling, no axe violations", async (who, email) => {
    const session = await app.openSession(email, { bypassCSP: true });
    try {
      // The member starts at their own finding too: one finding per address shape is walked, and
      // only the author's has the link to the edit page.
      const start = ["/dashboard", "/account", "/notifications", ...(who === "member" ? [memberFinding, ...memberSearches] : coordinatorStarts)];
      const result = await walk(session.page, who, start);
      for (const id of result.visited.keys()) visitedByAnyone.add(id);
      console.log(`[responsive] ${who}: ${result.visited.size} pages checked`);
      expect(result.visited.size, `${who} reached only ${[...result.visited.keys()].join(", ")}`).toBeGreaterThan(15);
      expect(result.problems, result.problems.join("\n\n")).toEqual([]);
    } finally {
      await session.context.close();
    }
  }, WALK_TIMEOUT);

  it("as an admin, the admin pages", async () => {
    const session = await app.openSession("admin@connactions.demo", { bypassCSP: true });
    try {
      // The commons' cost overview is for moderators (admins moderate); no walk of the others reaches it.
      const result = await walk(session.page, "admin", ["/admin", "/network-of-networks/events/costs"], visitedByAnyone);
      for (const id of result.visited.keys()) visitedByAnyone.add(id);
      expect(result.problems, result.problems.join("\n\n")).toEqual([]);
    } finally {
      await session.context.close();
    }
  }, WALK_TIMEOUT);

  it("as the project team, the intake and the board's pages", async () => {
    const session = await app.openSession(PROJECT_TEAM, { bypassCSP: true });
    try {
      // The demo's partnership is linked from its groups' pages; its page and the board's start here too.
      const start = ["/intake", `/partnerships/${DEMO_PARTNERSHIP}`, "/board/applications", "/board/overview"];
      const result = await walk(session.page, "project team", start, visitedByAnyone);
      for (const id of result.visited.keys()) visitedByAnyone.add(id);
      expect(result.problems, result.problems.join("\n\n")).toEqual([]);
    } finally {
      await session.context.close();
    }
  }, WALK_TIMEOUT);

  it("before login: login, password reset, invitation, the expression of interest and the not-found page", async () => {
    const context = await app.newContext({ locale: "de", bypassCSP: true });
    try {
      const page = await context.newPage();
      const result = await walk(page, "visitor", ["/login", "/forgot-password", "/invite/not-a-real-token", "/reset-password/not-a-real-token", "/no/such/page", "/interest/thanks", "/interest/withdrawn", privateLink]);
      for (const id of result.visited.keys()) visitedByAnyone.add(id);
      expect(result.problems, result.problems.join("\n\n")).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("on a phone, the header's menu opens and closes by keyboard and closes after a link", async () => {
    const session = await app.openSession(COORDINATOR);
    try {
      const { page } = session;
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto("/dashboard");
      await waitForHydration(page);
      const toggle = page.locator(".app-header__toggle");
      const nav = page.locator("#app-menu nav");
      await expect.poll(() => nav.isVisible()).toBe(false);
      await toggle.focus();
      await page.keyboard.press("Enter");
      await expect.poll(() => toggle.getAttribute("aria-expanded")).toBe("true");
      await expect.poll(() => nav.isVisible()).toBe(true);
      // Every row of the open menu is a full touch target.
      const heights = await page.locator("#app-menu nav a, #app-menu .app-header__tools > a, #app-menu form[action='/logout'] button").evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
      expect(Math.min(...heights)).toBeGreaterThanOrEqual(44);
      await page.keyboard.press("Tab");
      await page.keyboard.press("Escape");
      await expect.poll(() => nav.isVisible()).toBe(false);
      expect(await page.evaluate(() => document.activeElement?.classList.contains("app-header__toggle"))).toBe(true);
      await toggle.click();
      await nav.getByRole("link").nth(1).click();
      await page.waitForURL((url) => url.pathname === "/network-of-networks");
      await expect.poll(() => nav.isVisible()).toBe(false);
    } finally {
      await session.context.close();
    }
  });

  it("covered every page of the build", () => {
    const missing = PAGE_ROUTES.filter((id) => !visitedByAnyone.has(id));
    expect(missing, `pages no walk reached: ${missing.join(", ")}`).toEqual([]);
  });
});
