/**
 * Event pages in a real Chromium, in each of de, it and en: axe reports no WCAG 2.1 A/AA
 * violation on any of them (the calendar, a network's and the commons' events, planning,
 * an event with its timetable and interpreting, the organisers' agenda, participants and
 * costs pages, the cost overview, the account's calendar section), and the event page has no
 * sideways scrolling at 390 px. The event is made through the domain, as its organiser.
 */
import { beforeAll, describe, it } from "vitest";
import type { Page } from "playwright-core";
import { demoNetworks } from "#db/seed/demo-data";
import { LOCALES, type Locale } from "#shared/i18n/config";
import { resources } from "#shared/i18n/resources";
import { buildUser } from "#server/testing/factories";
import { loadActor } from "#server/domain/auth/actor";
import { changeEventStatus, createEvent } from "#server/domain/events/events";
import { saveSession } from "#server/domain/events/agenda";
import { register } from "#server/domain/events/registrations";
import { saveCost } from "#server/domain/events/costs";
import { createNamedVersion } from "#server/domain/versions/versions";
import { minutesDocName } from "#server/domain/events/minutes";
import { addItem } from "#shared/collab/list-fields";
import { ACTIONS_FIELD, ATTENDEES_FIELD, DECISIONS_FIELD, type ActionItem, type Attendee, type Decision } from "#shared/collab/minutes-doc";
import { writeParagraph } from "#server/testing/work-programme-edits";
import { DATABASE, loginAs, waitForHeading, waitForSettled } from "./support/app";
import { expectNoAxeViolations } from "./support/axe";
import { horizontalOverflow } from "./support/layout";
import { useAppAndBrowser } from "./support/suite";

const app = useAppAndBrowser();
const network = demoNetworks[0]!;

interface Setup {
  email: string;
  password: string;
  eventPath: string;
  title: string;
  minutesVersionId: string;
}
const setups = {} as Record<Locale, Setup>;

beforeAll(async () => {
  const services = app.server.services;
  for (const lng of LOCALES) {
    const person = await buildUser(services.db, { locale: lng, memberships: [{ networkId: network.id, role: "coordinator" }] });
    const actor = await loadActor(services.db, person.id);
    const title = `Studienreise ${lng}`;
    const created = await createEvent(services, actor, { kind: "network", networkId: network.id }, {
      title,
      description: "Besuch von Ausbildungsbetrieben in der Emilia-Romagna.",
      format: "studyTrip",
      timeZone: "Europe/Rome",
      start: "2031-03-28T09:00",
      end: "2031-03-30T17:00",
      venue: "Camera di commercio",
      address: "Piazza della Mercanzia 4",
      city: "Bologna",
      country: "IT",
      onlineUrl: null,
      workingLanguages: ["de", "it"],
      capacity: 20,
      deadline: "2031-03-01T18:00",
      organisations: [],
    });
    if (!created.ok) throw new Error("event not created");
    await changeEventStatus(services, actor, created.id, "publish");
    const session = { room: "Sala A", speakers: [], guests: "Dott.ssa Anna Rossi, Camera di commercio" };
    await saveSession(services, actor, created.id, { ...session, title: "Begrüßung", start: "2031-03-28T09:30", end: "2031-03-28T11:00", language: "de" });
    await saveSession(services, actor, created.id, { ...session, title: "Il sistema duale in Emilia-Romagna", start: "2031-03-28T11:30", end: "2031-03-28T13:00", language: "it" });
    await register(services, actor, created.id, { preferredLanguage: lng, understands: [lng], accessibilityNeeds: "", dietaryNeeds: "vegetarisch", arrival: "2031-03-27", departure: "2031-03-30", needsRoom: true });
    await saveCost(services, actor, created.id, { kind: "interpreting", description: "Simultan", planned: "1.800,00", actual: "" });
    // Minutes with every part filled in, and a named version of them for the history pages.
    const docName = minutesDocName(created.id);
    await app.server.server.collab.change(docName, person.id, (doc) => {
      writeParagraph(doc, "Begrüßung und Vorstellung der Ausbildungsbetriebe.");
      addItem<Attendee>(doc, ATTENDEES_FIELD, { name: "Giulia Bianchi", organisation: "Camera di commercio di Bologna" });
      addItem<Decision>(doc, DECISIONS_FIELD, { text: "Der Leitfaden wird zweisprachig veröffentlicht." });
      addItem<ActionItem>(doc, ACTIONS_FIELD, { title: "Leitfaden übersetzen", owner: "IHK Köln", due: "2031-05-31" });
    });
    const version = await createNamedVersion(services, app.server.server.collab, { docName, name: "Nach dem Treffen", userId: person.id });
    setups[lng] = {
      email: person.email,
      password: person.password,
      title,
      eventPath: `/networks/${network.slug}/events/${created.id}`,
      minutesVersionId: version.id,
    };
  }
});

async function withPage(lng: Locale, run: (page: Page) => Promise<void>, viewport?: { width: number; height: number }) {
  const context = await app.newContext({ locale: lng, bypassCSP: true, ...(viewport ? { viewport } : {}) });
  try {
    const page = await context.newPage();
    await loginAs(page, setups[lng].email, setups[lng].password);
    await run(page);
  } finally {
    await context.close();
  }
}

describe.each(LOCALES)(`event pages in %s (${DATABASE})`, (lng) => {
  const t = resources[lng].events as Record<string, Record<string, string>>;
  const minutes = resources[lng].events.minutes as unknown as Record<string, Record<string, string>> & { title: string };
  const pages = (): Array<[string, string | RegExp]> => {
    const base = `/networks/${network.slug}/events`;
    const event = setups[lng].eventPath;
    return [
      ["/events", t.calendar!.title!],
      ["/events?view=month&month=2031-03", t.calendar!.title!],
      [base, t.home!.title!],
      [`${base}/new`, t.new!.title!],
      [event, setups[lng].title],
      [`${event}/edit`, t.edit!.title!.replace("{{title}}", setups[lng].title)],
      [`${event}/agenda`, t.agenda!.manageTitle!],
      [`${event}/participants`, t.participants!.title!],
      [`${event}/costs`, t.costs!.title!],
      [`${base}/costs`, t.overview!.title!],
      ["/network-of-networks/events", t.home!.title!],
      [`${event}/minutes`, minutes.title!.replace("{{title}}", setups[lng].title)],
      [`${event}/minutes/history`, minutes.history!.title!.replace("{{title}}", setups[lng].title)],
      // A version is titled by its name and when it was stored.
      [`${event}/minutes/history/${setups[lng].minutesVersionId}`, /^Nach dem Treffen/],
    ];
  };

  it("has no axe violations on any event page", async () => {
    await withPage(lng, async (page) => {
      for (const [path, title] of pages()) {
        await page.goto(path);
        await waitForSettled(page, lng);
        if (typeof title === "string") await waitForHeading(page, title);
        else await page.getByRole("heading", { level: 1, name: title }).waitFor();
        // The editor draws the text and its parts once it is live: axe looks at them too.
        if (path.endsWith("/minutes")) await page.locator(".ProseMirror").first().waitFor();
        await expectNoAxeViolations(page, `${path} (${lng})`);
      }
      await page.goto("/account");
      await waitForSettled(page, lng);
      await page.locator("#calendar-heading").waitFor();
      await expectNoAxeViolations(page, `/account calendar section (${lng})`);
    });
  });

  it("shows the event without sideways scrolling at 390 px", async () => {
    await withPage(
      lng,
      async (page) => {
        for (const path of [setups[lng].eventPath, `${setups[lng].eventPath}/agenda`, `${setups[lng].eventPath}/minutes`, "/events?view=month&month=2031-03"]) {
          await page.goto(path);
          await waitForSettled(page, lng);
          if (path.endsWith("/minutes")) await page.locator(".ProseMirror").first().waitFor();
          const overflow = await horizontalOverflow(page);
          if (overflow) throw new Error(`${path} (${lng}) scrolls sideways at 390 px: ${JSON.stringify(overflow)}`);
        }
      },
      { width: 390, height: 844 },
    );
  });
});
