/**
 * A study trip from planning to minutes, in Chromium, with each person in their own interface
 * language: the coordinator (German) plans the trip with two places in the browser, publishes
 * it and adds a German and an Italian session to the agenda; a member who speaks only Italian
 * and one who speaks only German take the two places, a third (English interface) lands on
 * the waiting list with a position; the agenda page then asks for interpreting both ways
 * (German → Italian, Italian → German); the German member cancels and the waiting person
 * moves up; the coordinator and the Italian member write the minutes together live, one adds
 * an action item the other sees, and it becomes a planned activity of the network's work
 * programme (once only: the other's second click is told so), which then lists it. Texts are
 * the translations each person reads (locales/<lng>/…), never hard-coded English.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Locator, Page } from "playwright-core";
import type { Locale } from "#shared/i18n/config";
import { resources } from "#shared/i18n/resources";
import { buildNetwork, buildUser, buildWorkProgramme } from "#server/testing/factories";
import type enEvents from "../locales/en/events.json";
import type enCommon from "../locales/en/common.json";
import { DATABASE, loginAs, waitForHeading, waitForSettled, workProgrammePath } from "./support/app";
import { collectPageErrors } from "./support/browser";
import { editorText } from "./support/editor";
import { eventually } from "./support/eventually";
import { fill, texts } from "./support/i18n";
import { useAppAndBrowser } from "./support/suite";

const app = useAppAndBrowser();

type EventsTexts = typeof enEvents;
const ev = (lng: Locale) => resources[lng].events as unknown as EventsTexts;
const common = (lng: Locale) => resources[lng].common as unknown as typeof enCommon;
const languageName = (lng: Locale, language: Locale) => ev(lng).languages[language];

interface Person {
  name: string;
  locale: Locale;
  email: string;
  password: string;
}

interface Tab {
  person: Person;
  context: BrowserContext;
  page: Page;
  errors: string[];
}

const TRIP = `Studienreise Bologna ${Date.now().toString(36)}`;
const WP_TITLE = "Arbeitsprogramm 2031–2032";
const SESSION_DE = "Begrüßung und duale Ausbildung in Bayern";
const SESSION_IT = "Il sistema duale in Emilia-Romagna";
const SENTENCE = "Die Gruppe besucht drei Ausbildungsbetriebe in Bologna.";
const ACTION = "Gegenbesuch der Ausbilderinnen in Augsburg vorbereiten";

let network: { id: string; slug: string; name: string };
let workProgramme: { id: string };
let people: Record<"coordinator" | "italian" | "german" | "waiting", Person>;
let eventPath = "";
const windows = new Map<Person, Tab>();

beforeAll(async () => {
  const db = app.server.services.db;
  network = await buildNetwork(db, { name: "Netzwerk Logistik Bayern–Emilia-Romagna" });
  workProgramme = await buildWorkProgramme(db, network.id, { title: WP_TITLE });
  const person = async (name: string, locale: Locale, role: "coordinator" | "member"): Promise<Person> => {
    const built = await buildUser(db, { name, locale, memberships: [{ networkId: network.id, role }] });
    return { name, locale, email: built.email, password: built.password };
  };
  people = {
    coordinator: await person("Katrin Koordinatorin", "de", "coordinator"),
    italian: await person("Giulia Italiano", "it", "member"),
    german: await person("Jens Deutsch", "de", "member"),
    waiting: await person("Emma English", "en", "member"),
  };
  // Everyone logs in side by side: four logins one after another are the slow part of the journey.
  await Promise.all(Object.values(people).map(windowOf));
}, 60_000);

afterAll(async () => {
  await Promise.all([...windows.values()].map((w) => w.context.close()));
});

/** The person's logged-in browser window (opened once, in their own language), recording script errors. */
async function windowOf(person: Person): Promise<Tab> {
  const existing = windows.get(person);
  if (existing) return existing;
  const context = await app.newContext({ locale: person.locale });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
    });
  });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await loginAs(page, person.email, person.password);
  const tab = { person, context, page, errors };
  windows.set(person, tab);
  return tab;
}

async function go(tab: Tab, path: string) {
  await tab.page.goto(path);
  await waitForSettled(tab.page, tab.person.locale);
}

/** The editor's status line says `status` in the person's language. */
async function waitForEditorStatus(tab: Tab, status: keyof (typeof texts)["en"]["workprogramme"]["status"]) {
  await tab.page.waitForFunction(
    (text) => document.querySelector("main .wp-status[role=status]")?.textContent?.includes(text) ?? false,
    texts[tab.person.locale].workprogramme.status[status],
  );
}

/** The text of the one paragraph that says where the person stands (registered, or waiting at a position). */
async function registrationState(page: Page): Promise<string> {
  return ((await page.locator(".registration-state").textContent()) ?? "").trim();
}

/** Registers on the open event page with the languages given, with the form's button labelled `submit`. */
async function registerOn(tab: Tab, languages: { preferred: Locale; understands: Locale[] }, submit: string, travel?: { arrival: string; departure: string }) {
  const t = ev(tab.person.locale);
  const { page } = tab;
  const form = page.locator("form.registration-form");
  await form.getByLabel(t.register.preferred, { exact: true }).selectOption(languages.preferred);
  const understands = form.getByRole("group", { name: t.register.understands, exact: true });
  for (const language of ["de", "it", "en"] as const) {
    const box = understands.getByRole("checkbox", { name: languageName(tab.person.locale, language), exact: true });
    if (languages.understands.includes(language)) await box.check();
    else await box.uncheck();
  }
  if (travel) {
    await form.getByLabel(t.register.arrival, { exact: true }).fill(travel.arrival);
    await form.getByLabel(t.register.departure, { exact: true }).fill(travel.departure);
    await form.getByRole("checkbox", { name: t.register.room, exact: true }).check();
  }
  await form.getByRole("button", { name: submit, exact: true }).click();
}

/** The add-a-session form at the foot of the agenda page (each session also has a hidden form to change it). */
const addSessionForm = (page: Page, lng: Locale) => page.locator("form").filter({ has: page.getByRole("button", { name: ev(lng).agenda.addSubmit, exact: true }) });

async function addSession(page: Page, lng: Locale, session: { title: string; start: string; end: string; room: string; language: Locale }) {
  const t = ev(lng).agenda;
  const form = addSessionForm(page, lng);
  await form.getByLabel(t.form.title, { exact: true }).fill(session.title);
  await form.getByLabel(t.form.start, { exact: true }).fill(session.start);
  await form.getByLabel(t.form.end, { exact: true }).fill(session.end);
  await form.getByLabel(t.form.room, { exact: true }).fill(session.room);
  await form.getByLabel(t.form.language, { exact: true }).selectOption(session.language);
  await form.getByRole("button", { name: t.addSubmit, exact: true }).click();
  await page.locator(".session-list h3", { hasText: session.title }).waitFor();
}

/** The titles of a work programme's activities as its table shows them (inputs when editable, row headers when read-only). */
async function activityTitles(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const table = document.querySelector("table.wp-activities");
    if (!table) return [];
    const inputs = [...table.querySelectorAll<HTMLInputElement>("tbody tr > td:first-child input.wp-input")].map((i) => i.value);
    const heads = [...table.querySelectorAll("tbody th.wp-table__rowhead")].map((th) => th.textContent?.trim() ?? "");
    return [...inputs, ...heads];
  });
}

const visible = (locator: Locator) => locator.waitFor({ state: "visible" });

describe(`a study trip from planning to minutes (${DATABASE})`, () => {
  it("1. the coordinator plans the study trip in German, publishes it and adds a German and an Italian session", async () => {
    const coordinator = await windowOf(people.coordinator);
    const { page } = coordinator;
    const t = ev("de");

    await go(coordinator, `/networks/${network.slug}/events/new`);
    await waitForHeading(page, t.new.title);
    const form = page.locator("form.event-form");
    await form.getByLabel(t.form.title, { exact: true }).fill(TRIP);
    await form.getByLabel(t.form.description, { exact: true }).fill("Drei Tage bei Ausbildungsbetrieben und der Handelskammer in Bologna.");
    await form.getByLabel(t.form.format, { exact: true }).selectOption("studyTrip");
    await form.getByLabel(t.form.timeZone, { exact: true }).selectOption("Europe/Rome");
    await form.getByLabel(t.form.start, { exact: true }).fill("2031-05-12T09:00");
    await form.getByLabel(t.form.end, { exact: true }).fill("2031-05-14T17:00");
    await form.getByLabel(t.form.venue, { exact: true }).fill("Camera di commercio");
    await form.getByLabel(t.form.city, { exact: true }).fill("Bologna");
    await form.getByLabel(t.form.country, { exact: true }).selectOption("IT");
    const languages = form.getByRole("group", { name: t.form.workingLanguages, exact: true });
    await languages.getByRole("checkbox", { name: t.languages.de, exact: true }).check();
    await languages.getByRole("checkbox", { name: t.languages.it, exact: true }).check();
    await languages.getByRole("checkbox", { name: t.languages.en, exact: true }).uncheck();
    await form.getByLabel(t.form.capacity, { exact: true }).fill("2");
    await form.getByRole("button", { name: t.new.submit, exact: true }).click();

    // Saved as a draft: the event's own page, saying only organisers see it.
    await page.waitForURL((url) => /^\/networks\/[^/]+\/events\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith("/new"));
    eventPath = new URL(page.url()).pathname;
    await waitForSettled(page, "de");
    await page.getByRole("heading", { level: 1, name: TRIP }).waitFor();
    await visible(page.getByText(t.page.draft, { exact: true }));
    await visible(page.getByText(fill(t.page.placesOf, { registered: 0, capacity: 2 }), { exact: true }));
    await visible(page.getByText(t.formats.studyTrip, { exact: true }));

    // Publish on the change page's status form.
    await page.getByRole("link", { name: t.page.tools.edit, exact: true }).click();
    await waitForHeading(page, fill(t.edit.title, { title: TRIP }));
    await visible(page.getByRole("heading", { level: 2, name: fill(t.edit.status, { status: t.statuses.draft }), exact: true }));
    await page.getByRole("button", { name: t.edit.changes.publish, exact: true }).click();
    await page.waitForURL((url) => url.pathname === eventPath);
    await waitForSettled(page, "de");
    await page.getByRole("link", { name: t.page.minutes, exact: true }).waitFor();
    expect(await page.getByText(t.page.draft, { exact: true }).count()).toBe(0);

    // The agenda: one session in German, one in Italian.
    await page.getByRole("link", { name: t.page.tools.agenda, exact: true }).click();
    await waitForHeading(page, t.agenda.manageTitle);
    await waitForSettled(page, "de");
    await visible(page.getByText(t.interpreting.noSessions, { exact: true }));
    await addSession(page, "de", { title: SESSION_DE, start: "2031-05-12T10:00", end: "2031-05-12T11:30", room: "Sala A", language: "de" });
    await addSession(page, "de", { title: SESSION_IT, start: "2031-05-12T14:00", end: "2031-05-12T15:30", room: "Sala B", language: "it" });
    const sessions = page.locator(".session-list > li");
    expect(await sessions.count()).toBe(2);
    expect(await sessions.filter({ hasText: SESSION_DE }).locator(":scope > p.muted").textContent()).toContain(t.languages.de);
    expect(await sessions.filter({ hasText: SESSION_IT }).locator(":scope > p.muted").textContent()).toContain(t.languages.it);
    // Nobody registered yet: nothing to interpret.
    await visible(page.getByText(t.interpreting.noneNeeded, { exact: true }));
  });

  it("2. an Italian-only and a German-only member take the two places, a third lands on the waiting list", async () => {
    expect(eventPath, "step 1 made the event").not.toBe("");

    // Giulia (Italian interface) speaks only Italian.
    const italian = await windowOf(people.italian);
    const it_ = ev("it");
    await go(italian, eventPath);
    await registerOn(italian, { preferred: "it", understands: ["it"] }, it_.register.submit, { arrival: "2031-05-11", departure: "2031-05-14" });
    await visible(italian.page.getByRole("status").filter({ hasText: it_.register.done }));
    expect(await registrationState(italian.page)).toBe(it_.register.youAreRegistered);
    // Her timetable already asks for German → Italian in the German session.
    const germanRow = italian.page.locator(".timetable tr", { hasText: SESSION_DE });
    await visible(germanRow.getByText(fill(it_.interpreting.direction, { from: it_.languages.de, to: it_.languages.it })));

    // Jens (German interface) speaks only German.
    const german = await windowOf(people.german);
    const de = ev("de");
    await go(german, eventPath);
    await registerOn(german, { preferred: "de", understands: ["de"] }, de.register.submit);
    await visible(german.page.getByRole("status").filter({ hasText: de.register.done }));
    expect(await registrationState(german.page)).toBe(de.register.youAreRegistered);
    await visible(german.page.getByText(fill(de.page.placesOf, { registered: 2, capacity: 2 }), { exact: true }));

    // Emma (English interface) finds the places taken and joins the waiting list.
    const waiting = await windowOf(people.waiting);
    const en = ev("en");
    await go(waiting, eventPath);
    await visible(waiting.page.getByText(en.register.full, { exact: true }));
    await registerOn(waiting, { preferred: "it", understands: ["it", "de"] }, en.register.joinWaitingList);
    await visible(waiting.page.getByRole("status").filter({ hasText: en.register.doneWaiting }));
    expect(await registrationState(waiting.page)).toBe(fill(en.register.youAreWaiting, { position: 1 }));
    await visible(waiting.page.getByText(`${fill(en.page.placesOf, { registered: 2, capacity: 2 })} · ${fill(en.page.waiting_one, { count: 1 })}`, { exact: true }));
    await visible(waiting.page.getByRole("button", { name: en.register.leaveWaitingList, exact: true }));
  });

  it("3. the coordinator's agenda page asks for interpreting both ways", async () => {
    const coordinator = await windowOf(people.coordinator);
    const { page } = coordinator;
    const t = ev("de");
    await go(coordinator, `${eventPath}/agenda`);
    await waitForHeading(page, t.agenda.manageTitle);
    const section = page.locator("section", { has: page.getByRole("heading", { level: 2, name: t.interpreting.title, exact: true }) });
    await visible(section.getByText(fill(t.interpreting.basis_other, { count: 2 }), { exact: true }));
    const directions = await section.locator(".interpreting-summary > li > h3").allTextContents();
    expect(directions.sort()).toEqual(
      [fill(t.interpreting.direction, { from: t.languages.de, to: t.languages.it }), fill(t.interpreting.direction, { from: t.languages.it, to: t.languages.de })].sort(),
    );
    // German → Italian for the German session (Giulia), Italian → German for the Italian one (Jens), nothing booked yet.
    const line = (from: Locale, to: Locale) => section.locator(".interpreting-summary > li", { has: page.getByRole("heading", { level: 3, name: fill(t.interpreting.direction, { from: t.languages[from], to: t.languages[to] }), exact: true }) });
    expect(await line("de", "it").locator(".interpreting-row").allTextContents()).toEqual([expect.stringContaining(SESSION_DE)]);
    expect(await line("it", "de").locator(".interpreting-row").allTextContents()).toEqual([expect.stringContaining(SESSION_IT)]);
    expect(await section.locator(".badge--todo").count()).toBe(2);
  });

  it("4. the German member cancels and the waiting person moves up", async () => {
    const german = await windowOf(people.german);
    const de = ev("de");
    await go(german, eventPath);
    await german.page.getByRole("button", { name: de.register.cancel, exact: true }).click();
    await visible(german.page.getByRole("status").filter({ hasText: de.register.cancelled }));
    // Emma took the freed place at once, so the page is full again for Jens.
    await visible(german.page.getByText(de.register.full, { exact: true }));

    const waiting = await windowOf(people.waiting);
    const en = ev("en");
    await waiting.page.reload();
    await waitForSettled(waiting.page, "en");
    expect(await registrationState(waiting.page)).toBe(en.register.youAreRegistered);
    await visible(waiting.page.getByRole("button", { name: en.register.cancel, exact: true }));
    await visible(waiting.page.getByText(fill(en.page.placesOf, { registered: 2, capacity: 2 }), { exact: true }));
  });

  it("5. the coordinator and the Italian member write the minutes together; an action item becomes an activity of the work programme", async () => {
    const coordinator = await windowOf(people.coordinator);
    const italian = await windowOf(people.italian);
    const de = ev("de");
    const it_ = ev("it");
    const minutesPath = `${eventPath}/minutes`;

    await Promise.all(
      [coordinator, italian].map(async (w) => {
        await go(w, minutesPath);
        await waitForHeading(w.page, fill(ev(w.person.locale).minutes.title, { title: TRIP }));
        await w.page.locator(".ProseMirror").waitFor();
        await waitForEditorStatus(w, "live");
      }),
    );
    const both = async () => `coordinator sees: ${JSON.stringify(await editorText(coordinator.page))}\nItalian member sees: ${JSON.stringify(await editorText(italian.page))}`;

    // The coordinator writes a sentence; it appears for the Italian member.
    await coordinator.page.locator(".ProseMirror").click();
    await coordinator.page.keyboard.type(SENTENCE);
    await eventually(async () => (await editorText(italian.page)).includes(SENTENCE), "the Italian member to see the coordinator's sentence", { describe: both });

    // The Italian member adds an action item with who and when; the coordinator sees it.
    await italian.page.getByRole("button", { name: it_.minutes.actions.add, exact: true }).click();
    const itTitle = italian.page.getByLabel(it_.minutes.actions.title, { exact: true });
    await itTitle.fill(ACTION);
    await italian.page.getByLabel(it_.minutes.actions.owner, { exact: true }).fill("Katrin");
    const due = italian.page.getByRole("group", { name: fill(it_.minutes.actions.dueOf, { title: ACTION }), exact: true });
    await due.getByLabel(common("it").dates.day, { exact: true }).selectOption("15");
    await due.getByLabel(common("it").dates.month, { exact: true }).selectOption("09");
    await due.getByLabel(common("it").dates.year, { exact: true }).fill("2031");
    const deTitle = coordinator.page.getByLabel(de.minutes.actions.title, { exact: true });
    await eventually(async () => (await deTitle.count()) === 1 && (await deTitle.inputValue()) === ACTION, "the coordinator to see the action item's title");
    await eventually(async () => (await coordinator.page.getByLabel(de.minutes.actions.owner, { exact: true }).inputValue()) === "Katrin", "the coordinator to see who does it");
    const deDue = coordinator.page.getByRole("group", { name: fill(de.minutes.actions.dueOf, { title: ACTION }), exact: true });
    await eventually(async () => (await deDue.getByLabel(common("de").dates.year, { exact: true }).inputValue()) === "2031", "the coordinator to see the due date");
    await Promise.all([waitForEditorStatus(coordinator, "saved"), waitForEditorStatus(italian, "saved")]);

    // The coordinator turns it into an activity of the network's work programme.
    await coordinator.page.getByRole("button", { name: fill(de.minutes.actions.toActivityOf, { workProgramme: WP_TITLE }) }).click();
    await visible(coordinator.page.locator(".minutes-action").getByText(fill(de.minutes.actions.turned, { workProgramme: WP_TITLE })));
    const open = coordinator.page.getByRole("link", { name: de.minutes.actions.openWorkProgramme, exact: true });
    expect(await open.getAttribute("href")).toBe(workProgrammePath(network.slug, workProgramme.id));
    // The item now says where it went, instead of offering the button again.
    await visible(coordinator.page.locator(".minutes-action__activity").getByRole("link", { name: fill(de.minutes.actions.activityIn, { workProgramme: WP_TITLE, network: network.name }), exact: true }));

    // The Italian member's page, loaded before, still offers the button: a second click is told it happened already, once only.
    const itButton = italian.page.getByRole("button", { name: fill(it_.minutes.actions.toActivityOf, { workProgramme: WP_TITLE }) });
    expect(await itButton.count()).toBe(1);
    await itButton.click();
    // Said beside the item, where the click was.
    await visible(italian.page.locator(".minutes-action").getByRole("alert").filter({ hasText: it_.errors.minutes.alreadyActivity }));
    await visible(italian.page.locator(".minutes-action__activity").getByRole("link", { name: fill(it_.minutes.actions.activityIn, { workProgramme: WP_TITLE, network: network.name }), exact: true }));
    expect(await italian.page.getByText(fill(it_.minutes.actions.turned, { workProgramme: WP_TITLE })).count()).toBe(0);

    // The work programme lists the activity.
    await open.click();
    await coordinator.page.waitForURL((url) => url.pathname === workProgrammePath(network.slug, workProgramme.id));
    await waitForSettled(coordinator.page, "de");
    await waitForHeading(coordinator.page, WP_TITLE);
    await coordinator.page.locator(".ProseMirror").waitFor();
    await waitForEditorStatus(coordinator, "live");
    await eventually(async () => (await activityTitles(coordinator.page)).includes(ACTION), "the work programme's activities to list the action item", {
      describe: async () => `activities: ${JSON.stringify(await activityTitles(coordinator.page))}`,
    });

    // The Italian member sees it there too, in Italian.
    await go(italian, workProgrammePath(network.slug, workProgramme.id));
    await italian.page.locator(".ProseMirror").waitFor();
    await eventually(async () => (await activityTitles(italian.page)).includes(ACTION), "the Italian member to see the activity in the work programme");

    for (const w of windows.values()) expect(w.errors, `${w.person.name}: ${w.page.url()}`).toEqual([]);
  }, 60_000);
});
