/**
 * The VET glossary page in Chromium, in German, Italian and English at 390 px: it passes axe
 * with terms, with a search that finds nothing and with a refused proposal; a member proposes a
 * term with the keyboard alone (a proposal in one language is refused beside the field and
 * keeps what was typed); the moderator accepts it with the keyboard, and it is then a term of
 * the glossary and of its CSV download.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { demoNetworks, demoPeople } from "#db/seed/demo-data";
import { LOCALES, type Locale } from "#shared/i18n/config";
import deGlossary from "../locales/de/glossary.json";
import itGlossary from "../locales/it/glossary.json";
import enGlossary from "../locales/en/glossary.json";
import { DATABASE, demoAccount, loginAs, waitForHeading, waitForSettled } from "./support/app";
import { expectNoAxeViolations } from "./support/axe";
import { fill } from "./support/i18n";
import { useAppAndBrowser } from "./support/suite";

const glossary: Record<Locale, typeof enGlossary> = { de: deGlossary, it: itGlossary, en: enGlossary };
const app = useAppAndBrowser();
const MECHATRONICS = demoNetworks.find((n) => n.id === "demo-net-mechatronics")!;
const MODERATOR = "moderation@connactions.demo";
const memberIn = (lng: Locale) => demoPeople.find((p) => p.locale === lng && p.memberships.some((m) => m.networkId === MECHATRONICS.id))!;

async function expectNoSideways(page: Page, where: string) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${where} scrolls sideways`).toBeLessThanOrEqual(390);
}

/** Tabs until `target` has the focus (the keyboard alone, as a person without a mouse goes). */
async function tabTo(page: Page, target: ReturnType<Page["getByRole"]>, where: string) {
  for (let i = 0; i < 200 && !(await target.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  expect(await target.evaluate((el) => el === document.activeElement), `${where} reached with Tab`).toBe(true);
}

describe.each(LOCALES)(`the VET glossary in %s (${DATABASE})`, (lng) => {
  const t = glossary[lng];

  it("reads, searches and takes a proposal with the keyboard; the moderator accepts it; axe passes at 390 px", async () => {
    const member = memberIn(lng);
    const moderator = demoAccount(MODERATOR);
    const context = await app.newContext({ locale: lng, bypassCSP: true });
    const moderatorContext = await app.newContext({ locale: lng, bypassCSP: true });
    await app.server.services.db.updateTable("users").set({ locale: lng }).where("id", "=", moderator.id).execute();
    const term = { de: `Lernortkooperationsvertrag ${lng}`, it: `contratto di cooperazione ${lng}` };
    try {
      const page = await context.newPage();
      await page.setViewportSize({ width: 390, height: 844 });
      await loginAs(page, member.email);
      await page.goto("/glossary");
      await waitForSettled(page, lng);
      await waitForHeading(page, t.title);
      // The starting terms are there, each in the three languages.
      await page.getByRole("listitem").filter({ hasText: "comitato di accompagnamento" }).first().waitFor();
      await expectNoSideways(page, `glossary (${lng})`);
      await expectNoAxeViolations(page, `glossary (${lng}, 390 px)`);

      // A search that finds nothing says so and offers the way back.
      await page.getByLabel(t.search.label, { exact: true }).fill("Zzyzx");
      await page.getByLabel(t.search.label, { exact: true }).press("Enter");
      await page.getByText(fill(t.terms.noMatch, { query: "Zzyzx" }), { exact: true }).waitFor();
      await expectNoAxeViolations(page, `glossary without matches (${lng}, 390 px)`);
      await page.getByRole("link", { name: t.search.clear, exact: true }).click();
      await page.getByRole("listitem").filter({ hasText: "comitato di accompagnamento" }).first().waitFor();

      // Keyboard only: the German term, then submit; refused beside the Italian field, the German kept.
      const german = page.getByLabel(t.propose.term.de, { exact: true });
      await tabTo(page, german, "German term field");
      await page.keyboard.type(term.de);
      await tabTo(page, page.getByRole("button", { name: t.propose.submit, exact: true }), "propose button");
      await page.keyboard.press("Enter");
      await page.getByText(t.propose.twoLanguages, { exact: true }).waitFor();
      expect(await german.inputValue()).toBe(term.de);
      await expectNoAxeViolations(page, `glossary with a refused proposal (${lng}, 390 px)`);
      await tabTo(page, page.getByLabel(t.propose.term.it, { exact: true }), "Italian term field");
      await page.keyboard.type(term.it);
      await tabTo(page, page.getByRole("button", { name: t.propose.submit, exact: true }), "propose button");
      await page.keyboard.press("Enter");
      await page.getByText(t.done.proposed, { exact: true }).waitFor();
      await page.getByRole("list", { name: t.proposals.heading }).getByRole("listitem").filter({ hasText: term.de }).waitFor();

      // The moderator accepts it, by keyboard.
      const modPage = await moderatorContext.newPage();
      await modPage.setViewportSize({ width: 390, height: 844 });
      await loginAs(modPage, moderator.email);
      await modPage.goto("/glossary");
      await waitForSettled(modPage, lng);
      await expectNoAxeViolations(modPage, `glossary as moderator (${lng}, 390 px)`);
      const accept = modPage.getByRole("button", { name: `${t.proposals.accept} – ${term.de} / ${term.it}`, exact: true });
      await tabTo(modPage, accept, "accept button");
      await modPage.keyboard.press("Enter");
      await modPage.getByText(t.done.accepted, { exact: true }).waitFor();
      await modPage.getByRole("list", { name: t.terms.heading }).getByRole("listitem").filter({ hasText: term.de }).waitFor();

      // Now a term of the glossary for everyone, and in its download.
      const csv = await page.request.get("/glossary/export/csv");
      expect(csv.status()).toBe(200);
      expect(await csv.text()).toContain(term.it);
    } finally {
      await context.close();
      await moderatorContext.close();
      const original = demoPeople.find((p) => p.email === MODERATOR)!.locale;
      await app.server.services.db.updateTable("users").set({ locale: original }).where("id", "=", moderator.id).execute();
    }
  });
});
