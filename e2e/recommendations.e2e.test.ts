/**
 * Recommendations in Chromium: the list and a recommendation's page are axe-clean (WCAG 2.1
 * A/AA) at 390 px without sideways scrolling in de, it and en (citing a document of the
 * commons library, with the form to change the evidence open too); and one flow through the
 * workflow: coordinators of three networks endorse (the third reaches the threshold), the
 * moderator submits (a member's open editor turns read-only on its own), the advisory
 * board's observer answers, and everyone sees the answer.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { demoNetworks } from "#db/seed/demo-data";
import { buildRecommendation, uniq } from "#server/testing/factories";
import { LOCALES, type Locale } from "#shared/i18n/config";
import { findRecommendation } from "#db/queries/recommendations";
import { loadActor } from "#server/domain/auth/actor";
import { setCitations } from "#server/domain/commons/recommendations";
import { buildLibraryFile } from "#server/testing/library-files";
import { closeSessions, DATABASE, demoAccount, loginAs, waitForHeading, waitForSettled, type Session } from "./support/app";
import { expectNoAxeViolations } from "./support/axe";
import { fill } from "./support/i18n";
import { waitForEditorStatus } from "./support/editor";
import { useAppAndBrowser } from "./support/suite";
import deRec from "../locales/de/recommendations.json";
import itRec from "../locales/it/recommendations.json";
import enRec from "../locales/en/recommendations.json";
import deCommons from "../locales/de/commons.json";
import itCommons from "../locales/it/commons.json";
import enCommons from "../locales/en/commons.json";

const app = useAppAndBrowser();
const rec = { de: deRec, it: itRec, en: enRec } satisfies Record<Locale, unknown>;
const commons = { de: deCommons, it: itCommons, en: enCommons } satisfies Record<Locale, unknown>;

/** One account per language: coordinators where the seed has one, so the page shows the endorsement form. */
const ACCOUNT_FOR: Record<Locale, string> = {
  de: "koordination.mechatronik@connactions.demo",
  it: "coordinamento.gastgewerbe@connactions.demo",
  en: "member.mechatronik@connactions.demo",
};
const path = (id: string) => `/network-of-networks/recommendations/${id}`;
const networkName = (email: string) => demoNetworks.find((n) => n.id === demoAccount(email).memberships[0]?.networkId)!.name;

/** No sideways scrolling; on failure, the elements that stick out say where. */
async function fitsPhone(page: Page) {
  const wider = await page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > 390.5)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} (${Math.round(el.getBoundingClientRect().right)} px)`),
  );
  expect(await page.evaluate(() => document.documentElement.scrollWidth), wider.join("; ")).toBeLessThanOrEqual(390);
}

describe.each(LOCALES)(`recommendations in %s (${DATABASE})`, (lng) => {
  const t = rec[lng];

  it("list and page are axe-clean and usable at 390 px", async () => {
    const account = demoAccount(ACCOUNT_FOR[lng]);
    const { id } = await buildRecommendation(app.server.services.db, { title: uniq("Axe recommendation"), stage: "consultation", createdBy: account.id });
    const documentName = `${uniq("Leitfaden")}.txt`;
    const document = await buildLibraryFile(app.server.services, { networkId: null, userId: account.id, name: documentName, bytes: Buffer.from("Leitfaden\n") });
    const cited = await setCitations(app.server.services, await loadActor(app.server.services.db, account.id), id, { findings: [], goodPractices: [], libraryDocuments: [document.fileId] });
    if (!cited.ok) throw new Error(`citation refused: ${cited.error}`);
    const context = await app.newContext({ locale: lng, bypassCSP: true });
    try {
      const page = await context.newPage();
      await page.setViewportSize({ width: 390, height: 844 });
      await loginAs(page, account.email, account.password);

      await page.goto("/network-of-networks/recommendations");
      await waitForSettled(page, lng);
      await waitForHeading(page, t.list.title);
      await page.getByRole("link", { name: new RegExp("^Axe recommendation") }).first().waitFor();
      await fitsPhone(page);
      await expectNoAxeViolations(page, `/network-of-networks/recommendations (${lng}, 390 px)`);

      await page.goto(path(id));
      await waitForSettled(page, lng);
      await page.locator(".ProseMirror").waitFor();
      await page.getByRole("heading", { level: 2, name: t.endorsements.heading, exact: true }).waitFor();
      if (lng !== "en") await page.getByRole("heading", { level: 3, name: fill(t.endorsements.formHeading, { network: networkName(account.email) }) }).waitFor();
      await fitsPhone(page);
      await expectNoAxeViolations(page, `${path(id)} (${lng}, 390 px)`);
      // The cited library document links to its page; the form to change the evidence offers it, checked.
      expect(await page.getByRole("link", { name: documentName, exact: true }).getAttribute("href")).toBe(`/network-of-networks/library/files/${document.fileId}`);
      await page.getByText(t.evidence.change, { exact: true }).click();
      const documents = page.getByRole("group", { name: commons[lng].libraryDocuments.legend, exact: true });
      expect(await documents.getByLabel(documentName, { exact: true }).isChecked()).toBe(true);
      await fitsPhone(page);
      await expectNoAxeViolations(page, `${path(id)} with the evidence form open (${lng}, 390 px)`);

      // The stepper says the current step in words.
      expect(await page.locator('[aria-current="step"]').innerText()).toContain(t.stages.consultation);
    } finally {
      await context.close();
    }
  });
});

describe(`the recommendation workflow in the browser (${DATABASE})`, () => {
  const COORDINATORS = ["koordination.mechatronik@connactions.demo", "koordination.energie@connactions.demo", "coordinamento.gastgewerbe@connactions.demo"];
  const MODERATOR = "moderation@connactions.demo";
  const OBSERVER = "begleitgremium@connactions.demo";
  const AUTHOR = "mitglied.mechatronik@connactions.demo";

  async function open(session: Session, id: string) {
    await session.page.goto(path(id));
    await waitForSettled(session.page, session.locale);
  }

  it("three coordinators endorse, the moderator submits (an open editor turns read-only), the board answers", async () => {
    const author = demoAccount(AUTHOR);
    const { id } = await buildRecommendation(app.server.services.db, { title: uniq("Lernortkooperation stärken"), stage: "consultation", createdBy: author.id });
    const sessions: Session[] = [];
    try {
      // The author has the text open while the others work.
      const writer = await app.openSession(AUTHOR);
      sessions.push(writer);
      await open(writer, id);
      await writer.page.locator(".ProseMirror").waitFor();
      await waitForEditorStatus(writer, "live");
      await writer.page.locator(".ProseMirror").click();
      await writer.page.keyboard.type("Betriebe und Schulen vereinbaren feste Ansprechpersonen.");
      await waitForEditorStatus(writer, "saved");

      for (const [i, email] of COORDINATORS.entries()) {
        const session = await app.openSession(email);
        sessions.push(session);
        const t = rec[session.locale];
        const network = networkName(email);
        await open(session, id);
        const form = session.page.locator("form", { has: session.page.getByRole("heading", { name: fill(t.endorsements.formHeading, { network }) }) });
        await form.getByLabel(t.endorsements.statementLabel).fill(`Statement ${i + 1}`);
        await form.getByRole("button", { name: fill(t.endorsements.endorse, { network }) }).click();
        await session.page.getByText(t.done.endorsed, { exact: true }).waitFor();
        await session.page.getByText(`Statement ${i + 1}`, { exact: true }).waitFor();
      }
      expect((await findRecommendation(app.server.services.db, id))?.stage).toBe("endorsed");

      const moderator = await app.openSession(MODERATOR);
      sessions.push(moderator);
      const tm = rec[moderator.locale];
      await open(moderator, id);
      expect(await moderator.page.locator('[aria-current="step"]').innerText()).toContain(tm.stages.endorsed);
      moderator.page.once("dialog", (dialog) => void dialog.accept());
      await moderator.page.getByRole("button", { name: tm.moderation.submit, exact: true }).click();
      await moderator.page.getByText(tm.done.submitted, { exact: true }).waitFor();
      await moderator.page.locator('[aria-current="step"]', { hasText: tm.stages.submitted }).waitFor();

      // Every connection becomes read-only: the author's editor says so without a reload.
      await waitForEditorStatus(writer, "readOnly");
      expect(await writer.page.locator(".ProseMirror").getAttribute("aria-readonly")).toBe("true");

      const observer = await app.openSession(OBSERVER);
      sessions.push(observer);
      const to = rec[observer.locale];
      await open(observer, id);
      await observer.page.getByRole("radio", { name: to.verdicts.partlyAccepted, exact: true }).check();
      await observer.page.getByRole("textbox", { name: to.answer.bodyLabel, exact: true }).fill("Das Begleitgremium greift den Vorschlag für die Kammern auf.");
      await observer.page.getByRole("button", { name: to.answer.submit, exact: true }).click();
      await observer.page.getByText(to.done.answered, { exact: true }).waitFor();
      await observer.page.getByText(fill(to.answer.verdictIs, { verdict: to.verdicts.partlyAccepted }), { exact: true }).waitFor();

      // The author's page shows the answer in the author's language after a reload.
      await open(writer, id);
      const tw = rec[writer.locale];
      await writer.page.getByText(fill(tw.answer.verdictIs, { verdict: tw.verdicts.partlyAccepted }), { exact: true }).waitFor();
      for (const s of sessions) expect(s.errors, s.page.url()).toEqual([]);
    } finally {
      await closeSessions(...sessions);
    }
  });
});
