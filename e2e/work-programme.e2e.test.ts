/**
 * Work programmes co-edited in real time, in two real browsers against the real server:
 * text and structured edits converge, carets carry names, offline edits are kept and sent
 * when the connection returns, observers only read, outsiders get a 404, and the pages pass
 * axe (WCAG 2.1 A/AA) without a single CSP violation or console error.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { demoNetworks } from "#db/seed/demo-data";
import { demoWorkProgrammes } from "#db/seed/demo-work-programmes";
import { LOCALES, type Locale } from "#shared/i18n/config";
import deWp from "../locales/de/workprogramme.json";
import itWp from "../locales/it/workprogramme.json";
import { closeSessions, DATABASE, demoAccount, heading, loginAs, waitForHeading, waitForHydration, waitForSettled, workProgrammePath } from "./support/app";
import { expectNoAxeViolations } from "./support/axe";
import { editorText, openEditor, waitForEditorStatus } from "./support/editor";
import { eventually } from "./support/eventually";
import { fill, texts } from "./support/i18n";
import { useAppAndBrowser } from "./support/suite";
import { removeMember } from "#server/domain/networks/members";

const app = useAppAndBrowser();

const MECHATRONICS = demoNetworks.find((n) => n.id === "demo-net-mechatronics")!;
const MECH_WP = demoWorkProgrammes.find((wp) => wp.networkId === MECHATRONICS.id)!;
const HOSPITALITY = demoNetworks.find((n) => n.id === "demo-net-hospitality")!;
const HOSP_WP = demoWorkProgrammes.find((wp) => wp.networkId === HOSPITALITY.id)!;
/**
 * Puts the caret at the end of the first block (the heading "Ziele") or of the last paragraph.
 * Two carets at one spot interleave letters, which is how merging works, so each person writes
 * in their own block. Caret keys pressed while the other person types are the subject of
 * caret-during-typing.e2e.test.ts; here both carets are placed first, then both type at once.
 */
async function caretToEndOfFirstBlock(page: Page) {
  await page.locator(".ProseMirror").click();
  await page.keyboard.press("Control+Home");
  await page.keyboard.press("End");
}

async function caretToEndOfDocument(page: Page) {
  await page.locator(".ProseMirror").click();
  await page.keyboard.press("Control+End");
}

/** Long enough for ProseMirror to have read a caret move (the next selectionchange). */
const settle = () => new Promise((r) => setTimeout(r, 400));

async function typeAtEnd(page: Page, text: string) {
  await page.locator(".ProseMirror").click();
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Enter");
  await page.keyboard.type(text, { delay: 15 });
}

describe(`work programmes in the browser (${DATABASE})`, () => {
  it("two members type at once, see each other's text and named carets, and an activity edit reaches the other", async () => {
    const katrin = await app.openSession("koordination.mechatronik@connactions.demo"); // de, coordinator
    const luca = await app.openSession("mitglied.mechatronik@connactions.demo"); // it, member
    try {
      await Promise.all([openEditor(katrin, MECHATRONICS.slug, MECH_WP.id), openEditor(luca, MECHATRONICS.slug, MECH_WP.id)]);
      expect(await heading(katrin.page)).toBe(MECH_WP.title);
      await katrin.page.getByRole("toolbar", { name: deWp.toolbar.label }).waitFor();

      await caretToEndOfDocument(katrin.page);
      await settle();
      await caretToEndOfFirstBlock(luca.page);
      await settle();
      await Promise.all([katrin.page.keyboard.type(" Satz von Katrin zur Erprobung.", { delay: 15 }), luca.page.keyboard.type(" – frase di Luca", { delay: 15 })]);
      for (const page of [katrin.page, luca.page]) {
        await eventually(
          async () => {
            const text = await editorText(page);
            return text.includes("ein. Satz von Katrin zur Erprobung.") && text.includes("Ziele – frase di Luca");
          },
          "both sentences on both pages",
          { describe: async () => `Katrin sees: ${JSON.stringify(await editorText(katrin.page))}\nLuca sees: ${JSON.stringify(await editorText(luca.page))}` },
        );
      }
      await eventually(async () => (await editorText(katrin.page)) === (await editorText(luca.page)), "the same text on both pages");

      // Each sees the other's caret, labelled with the other's name, and the other in the presence list.
      await katrin.page.locator(".ProseMirror .collab-caret__label", { hasText: "Luca Ferretti" }).waitFor();
      await luca.page.locator(".ProseMirror .collab-caret__label", { hasText: "Katrin Huber" }).waitFor();
      await katrin.page.locator(".wp-presence__person", { hasText: "Luca Ferretti" }).waitFor();
      await luca.page.locator(".wp-presence__person", { hasText: "Katrin Huber" }).waitFor();

      // A structured edit: Katrin renames the first activity, Luca sees the new title.
      const newTitle = "Auftakttreffen in Augsburg und online";
      await katrin.page.getByLabel(fill(deWp.activities.numbered, { n: 1 }), { exact: true }).fill(newTitle);
      const lucasField = luca.page.getByLabel(fill(itWp.activities.numbered, { n: 1 }), { exact: true });
      await eventually(async () => (await lucasField.inputValue()) === newTitle, "Luca to see the new activity title");
      await luca.page.locator(".timeline__label", { hasText: newTitle }).waitFor();

      // Both settle to "saved" only once the server has stored their edits.
      await Promise.all([waitForEditorStatus(katrin, "saved"), waitForEditorStatus(luca, "saved")]);
      expect(katrin.errors).toEqual([]);
      expect(luca.errors).toEqual([]);
    } finally {
      await closeSessions(katrin, luca);
    }
  });

  it("the toolbar says what is on, refuses unsafe links with a translated message, and undo only undoes one's own typing", async () => {
    const katrin = await app.openSession("koordination.mechatronik@connactions.demo");
    const jonas = await app.openSession("member.mechatronik@connactions.demo"); // en
    try {
      await Promise.all([openEditor(katrin, MECHATRONICS.slug, MECH_WP.id), openEditor(jonas, MECHATRONICS.slug, MECH_WP.id)]);
      const page = katrin.page;
      const toolbar = page.getByRole("toolbar", { name: deWp.toolbar.label });
      const button = (name: string) => toolbar.getByRole("button", { name, exact: true });

      await typeAtEnd(page, "Wichtig: ");
      expect(await button(deWp.toolbar.bold).getAttribute("aria-pressed")).toBe("false");
      await page.keyboard.press("Control+b");
      expect(await button(deWp.toolbar.bold).getAttribute("aria-pressed")).toBe("true");
      await page.keyboard.type("fett");
      await page.keyboard.press("Control+b");
      expect(await button(deWp.toolbar.bold).getAttribute("aria-pressed")).toBe("false");
      await jonas.page.locator(".ProseMirror strong", { hasText: "fett" }).waitFor();

      // Arrow keys move within the toolbar (one tab stop).
      await button(deWp.toolbar.paragraph).focus();
      await page.keyboard.press("ArrowRight");
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(deWp.toolbar.heading1);
      await page.locator(".ProseMirror").click();
      await page.keyboard.press("Control+End");

      page.once("dialog", (dialog) => void dialog.accept("javascript:alert(document.cookie)"));
      await button(deWp.toolbar.link).click();
      await page.getByRole("alert").filter({ hasText: deWp.toolbar.linkInvalid }).waitFor();
      expect(await page.locator(".ProseMirror a").count()).toBe(0);

      page.once("dialog", (dialog) => void dialog.accept("https://example.org/arbeitsprogramm"));
      await button(deWp.toolbar.link).click();
      await page.locator('.ProseMirror a[href="https://example.org/arbeitsprogramm"]').waitFor();
      expect(await page.getByRole("alert").count()).toBe(0);
      await jonas.page.locator('.ProseMirror a[href="https://example.org/arbeitsprogramm"]').waitFor();

      // Jonas types; Katrin types and undoes: only Katrin's words go.
      await typeAtEnd(jonas.page, "Jonas stays.");
      await eventually(async () => (await editorText(page)).includes("Jonas stays."), "Jonas's sentence at Katrin");
      await page.locator(".ProseMirror").click();
      await page.keyboard.press("Control+End");
      await page.keyboard.press("Enter");
      await page.keyboard.type("Zum Rückgängigmachen");
      await new Promise((r) => setTimeout(r, 700));
      await button(deWp.toolbar.undo).click();
      await eventually(async () => !(await editorText(page)).includes("Zum Rückgängigmachen"), "Katrin's words undone");
      await eventually(async () => !(await editorText(jonas.page)).includes("Zum Rückgängigmachen"), "the undo to reach Jonas");
      expect(await editorText(page)).toContain("Jonas stays.");
      expect(await editorText(jonas.page)).toContain("Jonas stays.");
      await Promise.all([waitForEditorStatus(katrin, "saved"), waitForEditorStatus(jonas, "saved")]);
      expect(katrin.errors).toEqual([]);
      expect(jonas.errors).toEqual([]);
    } finally {
      await closeSessions(katrin, jonas);
    }
  });

  it("when access is withdrawn during editing, the editor stops, keeps the text and says why", async () => {
    const lena = await app.openSession("mitglied.gastgewerbe@connactions.demo"); // de, member of the hospitality network
    try {
      await openEditor(lena, HOSPITALITY.slug, HOSP_WP.id);
      const textBefore = await editorText(lena.page);
      const coordinator = demoAccount("coordinamento.gastgewerbe@connactions.demo");
      const member = demoAccount("mitglied.gastgewerbe@connactions.demo");
      const removed = await removeMember(app.server.services, coordinator.id, HOSPITALITY.id, member.id, "127.0.0.1");
      expect(removed.ok).toBe(true);

      await lena.page.getByRole("alert").filter({ hasText: deWp.closed.accessRevoked }).waitFor();
      await waitForEditorStatus(lena, "ended");
      expect(await lena.page.locator(".ProseMirror").getAttribute("aria-readonly")).toBe("true");
      expect(await lena.page.getByRole("toolbar").count()).toBe(0);
      expect(await editorText(lena.page)).toBe(textBefore);
      // It does not reconnect (the server would refuse) and the message stays.
      await new Promise((r) => setTimeout(r, 1500));
      await lena.page.getByRole("alert").filter({ hasText: deWp.closed.accessRevoked }).waitFor();
      expect(await heading(lena.page)).toBe(HOSP_WP.title);
      expect(lena.errors).toEqual([]);
    } finally {
      await closeSessions(lena);
    }
  });

  it("edits made offline are kept, sent when the connection returns, stored, and both documents converge", async () => {
    const katrin = await app.openSession("koordination.mechatronik@connactions.demo");
    const jonas = await app.openSession("member.mechatronik@connactions.demo"); // en, member
    try {
      await Promise.all([openEditor(katrin, MECHATRONICS.slug, MECH_WP.id), openEditor(jonas, MECHATRONICS.slug, MECH_WP.id)]);

      await katrin.context.setOffline(true);
      await waitForEditorStatus(katrin, "offline");
      await typeAtEnd(katrin.page, "Offline geschriebener Absatz.");
      expect(await editorText(katrin.page)).toContain("Offline geschriebener Absatz.");
      await new Promise((r) => setTimeout(r, 500));
      expect(await editorText(jonas.page)).not.toContain("Offline geschriebener Absatz.");
      // Meanwhile Jonas keeps working.
      await typeAtEnd(jonas.page, "Written while Katrin was away.");

      await katrin.context.setOffline(false);
      await waitForEditorStatus(katrin, "live");
      await waitForEditorStatus(katrin, "saved");
      for (const page of [katrin.page, jonas.page]) {
        await eventually(async () => {
          const text = await editorText(page);
          return text.includes("Offline geschriebener Absatz.") && text.includes("Written while Katrin was away.");
        }, "the offline paragraph and the other's paragraph on both pages");
      }
      await eventually(async () => (await editorText(katrin.page)) === (await editorText(jonas.page)), "the same text on both pages");
      await waitForEditorStatus(jonas, "saved");
      // While offline, the browser logs the failed reconnects of the app's socket.io live
      // session (not the editor, which stops on purpose); those are expected here.
      expect(katrin.errors.filter((e) => !/socket\.io\/.*net::ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
      expect(jonas.errors).toEqual([]);
    } finally {
      await closeSessions(katrin, jonas);
    }
  });

  it("an observer reads the work programme without toolbar or inputs, and others see them marked read-only", async () => {
    const observer = await app.openSession("begleitgremium@connactions.demo"); // de, platform observer
    const katrin = await app.openSession("koordination.mechatronik@connactions.demo");
    try {
      await Promise.all([openEditor(observer, MECHATRONICS.slug, MECH_WP.id), openEditor(katrin, MECHATRONICS.slug, MECH_WP.id)]);
      const page = observer.page;
      expect(await page.locator(".ProseMirror").getAttribute("aria-readonly")).toBe("true");
      expect(await page.getByRole("toolbar").count()).toBe(0);
      await page.locator("main").getByText(deWp.page.readOnlyNote, { exact: true }).waitFor();
      await waitForEditorStatus(observer, "readOnly");
      expect(await page.locator(".wp-activities input, .wp-activities select, .wp-activities textarea, .wp-milestones input").count()).toBe(0);
      expect(await page.getByRole("button", { name: deWp.activities.add }).count()).toBe(0);
      await page.locator(".wp-activities tbody tr").first().waitFor();
      expect(await page.locator(".wp-activities tbody tr").count()).toBe(MECH_WP.activities.length);

      // Typing does nothing, and no caret of the observer reaches anyone.
      await page.locator(".ProseMirror").click();
      await page.keyboard.type("Beobachtung");
      expect(await editorText(page)).not.toContain("Beobachtung");
      await katrin.page.locator(".wp-presence__person", { hasText: `Birgit Beobachterin ${deWp.presence.readOnly}` }).waitFor();
      await new Promise((r) => setTimeout(r, 300));
      expect(await katrin.page.locator(".collab-caret__label", { hasText: "Birgit Beobachterin" }).count()).toBe(0);
      expect(observer.errors).toEqual([]);
    } finally {
      await closeSessions(observer, katrin);
    }
  });

  it("a coordinator creates a work programme, writes in it, renames and archives it; archived means read-only", async () => {
    const katrin = await app.openSession("koordination.mechatronik@connactions.demo");
    try {
      const { page } = katrin;
      await page.goto(`/networks/${MECHATRONICS.slug}`);
      await waitForHydration(page);
      await page.getByRole("link", { name: deWp.networkLink.link, exact: true }).click();
      await waitForHeading(page, deWp.list.title);
      await page.getByLabel(deWp.list.titleLabel, { exact: true }).fill("Arbeitsprogramm 2027");
      await page.getByRole("button", { name: deWp.list.createSubmit, exact: true }).click();
      await waitForHeading(page, "Arbeitsprogramm 2027");
      await page.locator(".ProseMirror").waitFor();
      await waitForEditorStatus(katrin, "live");
      await page.locator("main").getByText(deWp.activities.empty, { exact: true }).waitFor();
      await page.locator("main").getByText(deWp.timeline.empty, { exact: true }).waitFor();

      await page.locator(".ProseMirror").click();
      await page.keyboard.type("Erster Entwurf für 2027.");
      await page.getByRole("button", { name: deWp.activities.add, exact: true }).click();
      // The new row's title field has the focus.
      await page.keyboard.type("Planungstreffen");
      const start = page.getByRole("group", { name: fill(deWp.activities.fieldOf, { field: deWp.activities.start, title: "Planungstreffen" }), exact: true });
      await start.getByLabel(texts.de.common.dates.month, { exact: true }).selectOption({ label: "Februar" });
      await start.getByLabel(texts.de.common.dates.year, { exact: true }).fill("2027");
      await page.locator(".timeline__label", { hasText: "Planungstreffen" }).waitFor();
      await page.getByRole("button", { name: deWp.milestones.add, exact: true }).click();
      await page.keyboard.type("Programm beschlossen");
      await waitForEditorStatus(katrin, "saved");

      await page.getByRole("link", { name: deWp.page.backToList, exact: true }).click();
      await waitForHeading(page, deWp.list.title);
      const item = page.locator(".wp-list__item", { hasText: "Arbeitsprogramm 2027" });
      await item.getByLabel(fill(deWp.list.renameLabel, { title: "Arbeitsprogramm 2027" }), { exact: true }).fill("Arbeitsprogramm 2027 (Entwurf)");
      await item.getByRole("button", { name: `${deWp.list.renameSubmit} – Arbeitsprogramm 2027` }).click();
      await page.locator("main [role=status]").getByText(deWp.list.done.renamed, { exact: true }).waitFor();

      const renamed = page.locator(".wp-list__item", { hasText: "Arbeitsprogramm 2027 (Entwurf)" });
      page.once("dialog", (dialog) => void dialog.accept());
      await renamed.getByRole("button", { name: `${deWp.list.archive} – Arbeitsprogramm 2027 (Entwurf)` }).click();
      await page.locator("main [role=status]").getByText(deWp.list.done.archived, { exact: true }).waitFor();
      await renamed.getByText(deWp.list.archived, { exact: true }).waitFor();

      await renamed.getByRole("link", { name: "Arbeitsprogramm 2027 (Entwurf)", exact: true }).click();
      await waitForHeading(page, "Arbeitsprogramm 2027 (Entwurf)");
      await page.locator("main").getByText(deWp.page.archivedNote, { exact: true }).waitFor();
      await page.locator(".ProseMirror").waitFor();
      await waitForEditorStatus(katrin, "readOnly");
      expect(await page.locator(".ProseMirror").getAttribute("aria-readonly")).toBe("true");
      expect(await editorText(page)).toContain("Erster Entwurf für 2027.");
      expect(await page.getByRole("toolbar").count()).toBe(0);
      await page.locator(".wp-activities th[scope=row]", { hasText: "Planungstreffen" }).waitFor();
      await page.locator(".wp-milestones th[scope=row]", { hasText: "Programm beschlossen" }).waitFor();
      expect(katrin.errors).toEqual([]);
    } finally {
      await closeSessions(katrin);
    }
  });

  it("month and date fields speak the interface's language, not the browser's, and store ISO values", async () => {
    // An Italian account in a browser set to English: the fields must say "gennaio", not "January".
    const paolo = demoAccount("coordinamento.gastgewerbe@connactions.demo");
    const context = await app.newContext({ locale: "en" });
    try {
      const page = await context.newPage();
      await loginAs(page, paolo.email, paolo.password);
      await page.goto(workProgrammePath(HOSPITALITY.slug, HOSP_WP.id));
      await page.locator(".ProseMirror").waitFor();
      const first = HOSP_WP.activities[0]!;
      const start = page.getByRole("group", { name: fill(itWp.activities.fieldOf, { field: itWp.activities.start, title: first.title }), exact: true });
      const month = start.getByLabel(texts.it.common.dates.month, { exact: true });
      const italianMonths = Array.from({ length: 12 }, (_, i) => new Intl.DateTimeFormat("it", { month: "long", timeZone: "UTC" }).format(Date.UTC(2000, i, 15)));
      expect(await month.locator("option:checked").innerText()).toBe(italianMonths[Number(first.start.slice(5)) - 1]);
      expect((await month.locator("option").allInnerTexts()).slice(1)).toEqual(italianMonths);
      expect(await start.getByLabel(texts.it.common.dates.year, { exact: true }).inputValue()).toBe(first.start.slice(0, 4));

      // A milestone's date: day, month in Italian, year; changing it stores an ISO date.
      const milestone = HOSP_WP.milestones[0]!;
      const due = page.getByRole("group", { name: fill(itWp.milestones.fieldOf, { field: itWp.milestones.due, title: milestone.title }), exact: true });
      await due.getByLabel(texts.it.common.dates.day, { exact: true }).selectOption("28");
      await due.getByLabel(texts.it.common.dates.month, { exact: true }).selectOption({ label: "febbraio" });
      await due.getByLabel(texts.it.common.dates.year, { exact: true }).fill("2027");
      await waitForEditorStatus({ page, context, locale: "it", errors: [], userId: paolo.id }, "saved");
      // Stored as 2027-02-28: after a reload the three parts come back from the document.
      await page.reload();
      await page.locator(".ProseMirror").waitFor();
      await eventually(async () => (await due.getByLabel(texts.it.common.dates.day, { exact: true }).inputValue()) === "28", "the stored day");
      expect(await due.getByLabel(texts.it.common.dates.month, { exact: true }).inputValue()).toBe("02");
      expect(await due.getByLabel(texts.it.common.dates.year, { exact: true }).inputValue()).toBe("2027");
    } finally {
      await context.close();
    }
  });

  it("a member of another network gets the translated 404 for the work programme and its list", async () => {
    const outsider = await app.openSession("koordination.energie@connactions.demo"); // de, green-energy coordinator
    try {
      for (const path of [workProgrammePath(MECHATRONICS.slug, MECH_WP.id), `/networks/${MECHATRONICS.slug}/work-programmes`]) {
        const response = await outsider.page.goto(path);
        expect(response?.status(), path).toBe(404);
        await waitForHeading(outsider.page, texts.de.common.errors.notFound.title);
        expect(await outsider.page.locator(".ProseMirror").count()).toBe(0);
      }
    } finally {
      await closeSessions(outsider);
    }
  });
});

const ACCOUNT_FOR: Record<Locale, { email: string; network: typeof MECHATRONICS; wp: typeof MECH_WP }> = {
  de: { email: "koordination.mechatronik@connactions.demo", network: MECHATRONICS, wp: MECH_WP }, // coordinator: list with forms
  it: { email: "coordinamento.gastgewerbe@connactions.demo", network: HOSPITALITY, wp: HOSP_WP }, // coordinator
  en: { email: "member.mechatronik@connactions.demo", network: MECHATRONICS, wp: MECH_WP }, // member
};

describe(`work programme accessibility, read-only (${DATABASE})`, () => {
  it("the observer's read-only editor page has no axe violations", async () => {
    const session = await app.openSession("begleitgremium@connactions.demo", { bypassCSP: true });
    try {
      await openEditor(session, HOSPITALITY.slug, HOSP_WP.id);
      await session.page.locator(".wp-activities tbody tr").first().waitFor();
      await expectNoAxeViolations(session.page, `work programme ${HOSP_WP.id} read-only (de, observer)`);
      expect(session.errors).toEqual([]);
    } finally {
      await closeSessions(session);
    }
  });
});

describe.each(LOCALES)(`work programme accessibility in %s (${DATABASE})`, (lng) => {
  it("list page and editor page have no axe violations", async () => {
    const { email, network, wp } = ACCOUNT_FOR[lng];
    const session = await app.openSession(email, { bypassCSP: true });
    try {
      const { page } = session;
      await page.goto(`/networks/${network.slug}/work-programmes`);
      await waitForSettled(page, lng);
      await waitForHeading(page, texts[lng].workprogramme.list.title);
      await page.getByRole("link", { name: wp.title, exact: true }).waitFor();
      await expectNoAxeViolations(page, `work programme list of ${network.slug} (${lng}, ${email})`);

      await openEditor(session, network.slug, wp.id);
      await page.locator(".wp-activities tbody tr").first().waitFor();
      await page.locator(".timeline__row").first().waitFor();
      await expectNoAxeViolations(page, `work programme ${wp.id} (${lng}, ${email})`);
      expect(session.errors).toEqual([]);
    } finally {
      await closeSessions(session);
    }
  });
});
