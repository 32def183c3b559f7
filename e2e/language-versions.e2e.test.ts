/**
 * Language versions in Chromium, in German, Italian and English (must-show 4 of the issue),
 * with a LibreTranslate stand-in started by the test as the machine-translation provider:
 * a German source section is machine-translated to Italian (the glossary's Italian terms
 * put in; a service that is down first gives a translated message and changes nothing), an Italian member reviews it, a German member changes the source in the editor,
 * and the Italian section turns outdated with the source's change shown. A glossary term in
 * the editor shows its equivalents on hover and when the caret is moved into it with the
 * keyboard. axe passes on the overview and the side-by-side page in each language.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { Page } from "playwright-core";
import { demoNetworks } from "#db/seed/demo-data";
import { buildUser, buildWorkProgramme } from "#server/testing/factories";
import { loadActor } from "#server/domain/auth/actor";
import { addLanguageVersion } from "#server/domain/translations/language-versions";
import { LibreTranslateProvider } from "#server/translations/libretranslate-provider";
import { startLibreTranslateStandIn, type LibreTranslateStandIn } from "#server/translations/testing/libretranslate-stand-in";
import { readSections } from "#shared/collab/sections";
import { LOCALES, type Locale } from "#shared/i18n/config";
import deLanguages from "../locales/de/languages.json";
import itLanguages from "../locales/it/languages.json";
import enLanguages from "../locales/en/languages.json";
import { DATABASE, loginAs, waitForHeading, waitForSettled } from "./support/app";
import { expectNoAxeViolations } from "./support/axe";
import { eventually } from "./support/eventually";
import { fill, texts } from "./support/i18n";
import { useAppAndBrowser } from "./support/suite";

const languages: Record<Locale, typeof enLanguages> = { de: deLanguages, it: itLanguages, en: enLanguages };
const app = useAppAndBrowser();
const MECHATRONICS = demoNetworks.find((n) => n.id === "demo-net-mechatronics")!;

/** The German source: glossary terms of the demo seed in the first section (Berufsschule ↔ istituto professionale). */
const SOURCE = ["Berufsschule und Ausbildungsbetrieb stimmen die Lernortkooperation ab.", "Die Studienreise nach Bologna findet im Mai statt.", "Kosten und Dolmetschen trägt das Projekt."];

let libre: LibreTranslateStandIn;
beforeAll(async () => {
  libre = await startLibreTranslateStandIn();
  app.server.services.translator = new LibreTranslateProvider({ url: libre.url, timeoutMs: 5_000 });
});
afterAll(async () => {
  app.server.services.translator = null;
  await libre?.close();
});

/** A new work programme of the mechatronics network with SOURCE as its text and an empty Italian version. */
async function programmeWithItalian(lng: Locale) {
  const db = app.server.services.db;
  const german = await buildUser(db, { memberships: [{ networkId: MECHATRONICS.id, role: "coordinator" }], locale: lng, name: `Katrin Weber ${lng}` });
  const italian = await buildUser(db, { memberships: [{ networkId: MECHATRONICS.id, role: "member" }], locale: lng, name: `Giulia Rossi ${lng}` });
  const wp = await buildWorkProgramme(db, MECHATRONICS.id, { title: `Arbeitsprogramm ${lng}` });
  await app.server.server.collab.change(wp.docName, german.id, (doc) => {
    doc.getXmlFragment("content").insert(
      0,
      SOURCE.map((text) => {
        const paragraph = new Y.XmlElement("paragraph");
        const content = new Y.XmlText();
        content.insert(0, text);
        paragraph.insert(0, [content]);
        return paragraph;
      }),
    );
  });
  const added = await addLanguageVersion(app.server.services, app.server.server.collab, await loadActor(db, german.id), { sourceName: wp.docName, sourceLanguage: "de", language: "it" });
  expect(added.ok).toBe(true);
  const path = `/networks/${MECHATRONICS.slug}/work-programmes/${wp.id}`;
  return { german, italian, wp, path };
}

const row = (page: Page, index: number) => page.locator("li.lv-row").nth(index);

async function expectRowStatus(page: Page, index: number, status: string) {
  await row(page, index).locator(".lv-badge").filter({ hasText: status }).waitFor();
}

describe.each(LOCALES)(`language versions in %s (${DATABASE})`, (lng) => {
  const t = languages[lng];
  const name = (l: Locale) => t.names[l];

  it("machine-translates a section, an Italian member reviews it, the German source changes and the section is outdated with the change shown; axe passes", async () => {
    const { german, italian, path } = await programmeWithItalian(lng);
    const italianContext = await app.newContext({ locale: lng, bypassCSP: true });
    const germanContext = await app.newContext({ locale: lng, bypassCSP: true });
    try {
      const page = await italianContext.newPage();
      if (lng === "it") await page.setViewportSize({ width: 390, height: 844 });
      await loginAs(page, italian.email, italian.password);

      // The overview: one version, nothing current yet.
      await page.goto(`${path}/languages`);
      await waitForSettled(page, lng);
      await waitForHeading(page, t.overview.title);
      await page.getByText(fill(t.summary.current, { current: 0, total: 3 })).waitFor();
      await expectNoAxeViolations(page, `languages overview (${lng})`);
      await page.getByRole("link", { name: fill(t.overview.open, { language: name("it") }) }).click();
      await waitForHeading(page, fill(t.version.title, { title: `Arbeitsprogramm ${lng}`, language: name("it") }));
      await waitForSettled(page, lng);
      await expectRowStatus(page, 0, t.status.untranslated);

      // The service is down: a translated message in the row, nothing changed, and it can be asked again.
      libre.fail({ kind: "unavailable" }, { times: 1 });
      await row(page, 0).getByRole("button", { name: new RegExp(`^${t.actions.translate}`) }).click();
      await row(page, 0).getByRole("alert").filter({ hasText: t.errors.unavailable }).waitFor();
      await expectRowStatus(page, 0, t.status.untranslated);

      // Machine translation of the first section: the glossary's Italian terms are in it.
      await row(page, 0).getByRole("button", { name: new RegExp(`^${t.actions.translate}`) }).click();
      await expectRowStatus(page, 0, t.status.machine);
      await row(page, 0).getByText(fill(t.done.translated_one, { count: 1 })).waitFor();
      const translated = (await row(page, 0).locator(".lv-row__text[lang=it]").textContent()) ?? "";
      expect(translated).toContain("istituto professionale");
      expect(translated).toContain("azienda formatrice");
      const sent = libre.requests.at(-1)?.body as { q: string[]; source: string; target: string };
      expect(sent).toMatchObject({ source: "de", target: "it" });
      expect(JSON.stringify(sent.q)).not.toContain("Bologna");
      await expectRowStatus(page, 1, t.status.untranslated);

      // The Italian member reviews it.
      await row(page, 0).getByRole("button", { name: new RegExp(`^${t.actions.review}`) }).click();
      await expectRowStatus(page, 0, t.status.reviewed);
      await row(page, 0).getByText(new RegExp(`Giulia Rossi ${lng}`)).waitFor();
      await page.getByText(fill(t.summary.current, { current: 1, total: 3 })).waitFor();

      // A German member changes that section of the source in the editor.
      const germanPage = await germanContext.newPage();
      await loginAs(germanPage, german.email, german.password);
      await germanPage.goto(path);
      await waitForSettled(germanPage, lng);
      await germanPage.locator(".ProseMirror p").first().waitFor();
      await germanPage.waitForFunction((live) => document.querySelector(".wp-status")?.textContent?.includes(live) ?? false, texts[lng].workprogramme.status.live);
      await germanPage.locator(".ProseMirror p").first().click();
      await germanPage.keyboard.press("End");
      await germanPage.keyboard.type(" Jährlich neu.");
      await eventually(async () => {
        const doc = await app.server.server.collab.read(`workprogramme.${path.split("/").at(-1)}`);
        const first = readSections(doc.getXmlFragment("content"))[0];
        doc.destroy();
        return first?.text.endsWith("Jährlich neu.") === true && first.id !== null;
      }, "the German change stored with its section id");

      // The Italian member compares again: outdated, with the change shown.
      await page.getByRole("button", { name: t.version.compare }).click();
      await expectRowStatus(page, 0, t.status.outdated);
      await expect.poll(() => row(page, 0).locator(".lv-diff ins").allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining("Jährlich")]));
      expect(await row(page, 0).locator(".lv-row__text[lang=it]").textContent()).toBe(translated);
      await expectRowStatus(page, 1, t.status.untranslated);
      await page.getByText(fill(t.summary.current, { current: 0, total: 3 })).waitFor();
      // "Next outdated" leads to it.
      await page.getByRole("link", { name: t.version.nextOutdated }).first().click();
      await page.waitForURL((url) => url.hash.startsWith("#section-"));
      await expectNoAxeViolations(page, `side-by-side page with an outdated section (${lng})`);
      if (lng === "it") {
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, "side-by-side page scrolls sideways at 390 px").toBeLessThanOrEqual(390);
      }
    } finally {
      await italianContext.close();
      await germanContext.close();
    }
  });

  it("shows a glossary term's equivalents on hover and when the caret is moved into it", async () => {
    const { german, path } = await programmeWithItalian(lng);
    const context = await app.newContext({ locale: lng, bypassCSP: true });
    try {
      const page = await context.newPage();
      await loginAs(page, german.email, german.password);
      await page.goto(path);
      await waitForSettled(page, lng);
      const term = page.locator(".ProseMirror .glossary-mark", { hasText: "Berufsschule" }).first();
      await term.waitFor();
      const card = page.locator(".glossary-card");

      await term.hover();
      await card.filter({ hasText: "istituto professionale" }).waitFor();
      await expect.poll(() => card.textContent()).toContain("vocational school");
      await page.mouse.move(0, 0);
      await card.waitFor({ state: "detached" });

      // Keyboard alone: into the text, to its start, one step into the term.
      await page.locator(".ProseMirror").focus();
      await page.keyboard.press("Control+Home");
      await page.keyboard.press("ArrowRight");
      await card.filter({ hasText: "istituto professionale" }).waitFor();
      await expect
        .poll(() => page.locator(".wp-editor p[role=status][aria-live=polite].visually-hidden").allTextContents())
        .toEqual(expect.arrayContaining([expect.stringContaining("istituto professionale")]));
      await expectNoAxeViolations(page, `editor with a glossary card (${lng})`);
    } finally {
      await context.close();
    }
  });
});
