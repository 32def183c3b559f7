/**
 * Findings and good practice in real browsers against the real server: a member of the
 * mechatronics network posts a finding in German through the form, a member of the green
 * energy network comments on it in Italian and mentions the author, and the author finds the
 * notification; the author's colleagues hear of the comment too. She cites a document of the
 * commons library, and the finding's page links it. The findings list, the
 * new-finding form, a finding's page (as a member and with the moderator's controls) and the
 * good-practice pages pass axe (WCAG 2.1 A/AA) in German, Italian and English at 390 px
 * without sideways scrolling.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { demoNetworks, demoPeople } from "#db/seed/demo-data";
import { listNotificationsOf } from "#db/queries/notifications";
import { loadActor } from "#server/domain/auth/actor";
import { postFinding } from "#server/domain/commons/findings";
import { commentOnFinding } from "#server/domain/commons/findings-discussion";
import { hideFindingComment } from "#server/domain/commons/findings-moderation";
import { proposeGoodPractice, setGoodPracticePublished } from "#server/domain/commons/good-practices";
import { buildLibraryFile } from "#server/testing/library-files";
import { LOCALES, type Locale } from "#shared/i18n/config";
import deCommons from "../locales/de/commons.json";
import itCommons from "../locales/it/commons.json";
import enCommons from "../locales/en/commons.json";
import deNotifications from "../locales/de/notifications.json";
import { closeSessions, DATABASE, demoAccount, loginAs, waitForHeading, waitForSettled } from "./support/app";
import { expectNoAxeViolations } from "./support/axe";
import { eventually } from "./support/eventually";
import { fill, texts } from "./support/i18n";
import { useAppAndBrowser } from "./support/suite";

const commons: Record<Locale, typeof enCommons> = { de: deCommons, it: itCommons, en: enCommons };
const app = useAppAndBrowser();

const MECHATRONICS = demoNetworks.find((n) => n.id === "demo-net-mechatronics")!;
const KATRIN = "koordination.mechatronik@connactions.demo"; // de, mechatronics
const LUCA = "mitglied.mechatronik@connactions.demo"; // it, mechatronics
const GIULIA = "mitglied.energie@connactions.demo"; // it, green energy
const MODERATOR = "moderation@connactions.demo";

const services = () => app.server.services;
const actorOf = (email: string) => loadActor(services().db, demoAccount(email).id);

/** The page fits a 390 px phone: nothing wider than the viewport. */
async function expectNoSideways(page: Page, where: string) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${where} scrolls sideways`).toBeLessThanOrEqual(390);
}

describe(`findings in the browser (${DATABASE})`, () => {
  it("a member posts a finding (de), a member of another network comments with a mention (it), the author is notified", async () => {
    const t = commons.de.findings;
    const title = `Gemeinsame Lernaufgaben ${Date.now()}`;
    const documentName = `Kooperationsvertrag-${Date.now()}.txt`;
    const { fileId } = await buildLibraryFile(services(), { networkId: null, userId: demoAccount(KATRIN).id, name: documentName, bytes: Buffer.from("Vertragstext\n") });
    // CSP bypassed for axe (its script is injected inline).
    const katrin = await app.openSession(KATRIN, { bypassCSP: true });
    const giulia = await app.openSession(GIULIA);
    try {
      // Katrin posts through the list's link and the form.
      await katrin.page.goto("/network-of-networks/findings");
      await waitForSettled(katrin.page, "de");
      await katrin.page.getByRole("link", { name: t.list.post, exact: true }).click();
      await waitForHeading(katrin.page, t.new.title);
      await katrin.page.getByLabel(t.form.title, { exact: true }).fill(title);
      await katrin.page.getByLabel(t.form.body, { exact: true }).fill("Azubis aus beiden Ländern lösen dieselbe Aufgabe.\n\n- gemeinsame Bewertung\n- Austausch per Video");
      await katrin.page.getByLabel(texts.de.network.actionAreas.workBasedLearning, { exact: true }).check();
      await katrin.page.getByLabel(texts.de.network.fields.mechatronics, { exact: true }).check();
      await katrin.page.getByLabel(t.form.country, { exact: true }).selectOption("both");
      await katrin.page.getByLabel(fill(t.form.webUrl, { n: 1 }), { exact: true }).fill("https://www.bibb.de/");
      // A document of the commons library as evidence, chosen in its own group.
      await katrin.page.getByRole("group", { name: commons.de.libraryDocuments.legend, exact: true }).getByLabel(documentName, { exact: true }).check();
      await katrin.page.getByRole("button", { name: t.new.submit, exact: true }).click();
      await waitForHeading(katrin.page, title);
      const findingPath = new URL(katrin.page.url()).pathname;
      expect(findingPath).toMatch(/^\/network-of-networks\/findings\/[\w-]+$/);
      await katrin.page.getByRole("listitem").filter({ hasText: "gemeinsame Bewertung" }).first().waitFor();
      const documentLink = katrin.page.getByRole("link", { name: documentName, exact: true });
      expect(await documentLink.getAttribute("href")).toBe(`/network-of-networks/library/files/${fileId}`);
      await katrin.page.getByRole("listitem").filter({ has: documentLink }).getByText(commons.de.libraryDocuments.kind, { exact: false }).waitFor();
      await expectNoAxeViolations(katrin.page, "finding page citing a library document (de)");
      expect(await katrin.page.getByText(fill(t.facts.network, { network: MECHATRONICS.name })).count()).toBe(1);

      // Giulia (green energy, Italian) comments and mentions Katrin, without knowing her network.
      const ti = commons.it.findings;
      await giulia.page.goto(findingPath);
      await waitForSettled(giulia.page, "it");
      await waitForHeading(giulia.page, title);
      await giulia.page.getByLabel(ti.discussion.newLabel, { exact: true }).fill("Interessante! Quante aziende partecipano?");
      await giulia.page.getByLabel(ti.discussion.mentions, { exact: true }).last().selectOption({ label: "Katrin Huber" });
      await giulia.page.getByRole("button", { name: ti.discussion.send, exact: true }).click();
      await giulia.page.getByText(ti.page.done.commented, { exact: true }).waitFor();
      await giulia.page.getByText("Interessante! Quante aziende partecipano?", { exact: true }).waitFor();
      expect(giulia.errors).toEqual([]);

      // Katrin sees the mention among her notifications; her colleague Luca hears of the discussion.
      const summary = fill(deNotifications.summary.mention, { actor: "Giulia Bianchi", title });
      await katrin.page.goto("/notifications");
      await waitForSettled(katrin.page, "de");
      await katrin.page.getByRole("heading", { name: summary, exact: true }).waitFor();
      // Opening it leads to the thread, marked as the current one.
      const item = katrin.page.locator(".notification", { has: katrin.page.getByRole("heading", { name: summary, exact: true }) });
      await item.getByRole("button").first().click();
      await waitForHeading(katrin.page, title);
      await katrin.page.locator('.discussion-thread[aria-current="true"]', { hasText: "Interessante! Quante aziende partecipano?" }).waitFor();
      expect(new URL(katrin.page.url()).pathname).toBe(findingPath);
      await eventually(async () => (await listNotificationsOf(services().db, demoAccount(LUCA).id)).some((n) => n.kind === "discussion" && n.title === title), "Luca's discussion notification");
      expect(katrin.errors).toEqual([]);
    } finally {
      await closeSessions(katrin, giulia);
    }
  });
});

/** Commons content for the pages checked below: a published entry, a finding citing it, a discussion with a hidden comment. */
async function commonsContent(lng: Locale) {
  const entry = await proposeGoodPractice(services(), await actorOf(KATRIN), {
    title: `Verbundausbildung ${lng}`,
    summary: "Kleine Betriebe bilden gemeinsam aus und teilen sich die Ausbildungsleitung.",
    occupationalField: "mechatronics",
    country: "both",
    partners: "Kammer, Berufsschule, drei Betriebe",
    themeCluster: "learningVenues",
    link: "https://example.org/verbund",
  });
  const proposal = await proposeGoodPractice(services(), await actorOf(KATRIN), {
    title: `Vorschlag ${lng}`,
    summary: "Noch nicht veröffentlicht.",
    occupationalField: null,
    country: "IT",
    partners: "",
    themeCluster: null,
    link: null,
  });
  if (!entry.ok || !proposal.ok) throw new Error("good practice not created");
  await setGoodPracticePublished(services(), await actorOf(MODERATOR), entry.id, true);
  const document = await buildLibraryFile(services(), { networkId: null, userId: demoAccount(KATRIN).id, name: `Leitfaden Lernortkooperation ${lng}.txt`, bytes: Buffer.from("Leitfaden\n") });
  const finding = await postFinding(services(), await actorOf(KATRIN), {
    networkId: MECHATRONICS.id,
    title: `Erkenntnis für Barrierefreiheit ${lng}`,
    body: "Ein Absatz.\n\n- Punkt eins\n- Punkt zwei",
    actionAreas: ["cooperation", "smallEnterprises"],
    occupationalFields: ["mechatronics"],
    themes: ["digitalisation"],
    country: "DE",
    goodPractices: [entry.id],
    findings: [],
    libraryDocuments: [document.fileId],
    webLinks: [{ url: "https://www.bibb.de/", label: "BIBB" }],
  });
  if (!finding.ok) throw new Error(`finding not created: ${finding.error}`);
  await commentOnFinding(services(), await actorOf(GIULIA), finding.id, { body: "Un commento utile.", mentions: [] });
  const hidden = await commentOnFinding(services(), await actorOf(GIULIA), finding.id, { body: "Fuori tema.", mentions: [] });
  const comment = await services().db.selectFrom("comments").select("id").where("thread_id", "=", hidden.ok ? hidden.threadId : "").executeTakeFirstOrThrow();
  await hideFindingComment(services(), await actorOf(MODERATOR), finding.id, comment.id, "Off topic");
  return { findingId: finding.id, entryId: entry.id, proposalId: proposal.id };
}

/** A member of a network who reads and writes in this language. */
const memberIn = (lng: Locale) => demoPeople.find((p) => p.locale === lng && p.memberships.some((m) => m.networkId === MECHATRONICS.id))!;

describe.each(LOCALES)(`findings and good-practice pages in %s (${DATABASE})`, (lng) => {
  const t = commons[lng];

  it("pass axe at 390 px without sideways scrolling, for a member and for the moderator", async () => {
    const content = await commonsContent(lng);
    const member = memberIn(lng);
    const context = await app.newContext({ locale: lng, bypassCSP: true });
    const moderatorContext = await app.newContext({ locale: lng, bypassCSP: true });
    const moderator = demoAccount(MODERATOR);
    await services().db.updateTable("users").set({ locale: lng }).where("id", "=", moderator.id).execute();
    try {
      const page = await context.newPage();
      await page.setViewportSize({ width: 390, height: 844 });
      await loginAs(page, member.email);
      const check = async (path: string, heading: string, where: string) => {
        await page.goto(path);
        await waitForSettled(page, lng);
        await waitForHeading(page, heading);
        await expectNoSideways(page, `${where} (${lng})`);
        await expectNoAxeViolations(page, `${where} (${lng}, 390 px)`);
      };
      await check("/network-of-networks/findings", t.findings.list.title, "findings list");
      await check(`/network-of-networks/findings?network=${MECHATRONICS.id}&actionArea=cooperation&sort=discussed`, t.findings.list.title, "filtered findings list");
      await check("/network-of-networks/findings?theme=careerGuidance&field=wine&country=IT", t.findings.list.title, "findings list without matches");
      await check("/network-of-networks/findings/new", t.findings.new.title, "new-finding form");
      // A refused form shows its errors next to the fields, still accessible.
      await page.getByRole("button", { name: t.findings.new.submit, exact: true }).click();
      await page.getByText(t.findings.errors.actionAreaRequired, { exact: true }).waitFor();
      await expectNoAxeViolations(page, `new-finding form with errors (${lng}, 390 px)`);
      await check(`/network-of-networks/findings/${content.findingId}`, `Erkenntnis für Barrierefreiheit ${lng}`, "finding page");
      expect(await page.getByRole("link", { name: `Leitfaden Lernortkooperation ${lng}.txt`, exact: true }).count()).toBe(1);
      expect(await page.getByText(fill(t.findings.discussion.hidden, { reason: "Off topic" }), { exact: true }).count()).toBe(1);
      await check("/network-of-networks/good-practice", t.goodPractice.list.title, "good-practice library");
      await check("/network-of-networks/good-practice/new", t.goodPractice.new.title, "new good-practice form");
      await check(`/network-of-networks/good-practice/${content.entryId}`, `Verbundausbildung ${lng}`, "good-practice entry");

      // The moderator's view: pin and close controls, hide forms, proposals with publish buttons.
      const modPage = await moderatorContext.newPage();
      await modPage.setViewportSize({ width: 390, height: 844 });
      await loginAs(modPage, moderator.email);
      for (const [path, heading, where] of [
        [`/network-of-networks/findings/${content.findingId}`, `Erkenntnis für Barrierefreiheit ${lng}`, "finding page as moderator"],
        ["/network-of-networks/good-practice", t.goodPractice.list.title, "good-practice library as moderator"],
        [`/network-of-networks/good-practice/${content.proposalId}`, `Vorschlag ${lng}`, "good-practice proposal as moderator"],
        [`/network-of-networks/good-practice/${content.entryId}/edit`, t.goodPractice.edit.title, "good-practice edit form"],
      ] as const) {
        await modPage.goto(path);
        await waitForSettled(modPage, lng);
        await waitForHeading(modPage, heading);
        await expectNoSideways(modPage, `${where} (${lng})`);
        await expectNoAxeViolations(modPage, `${where} (${lng}, 390 px)`);
      }
      // Keyboard: the moderator reaches "pin" with Tab and pins with Enter.
      await modPage.goto(`/network-of-networks/findings/${content.findingId}`);
      await waitForSettled(modPage, lng);
      const pin = modPage.getByRole("button", { name: t.findings.moderation.pin, exact: true });
      for (let i = 0; i < 80 && !(await pin.evaluate((el) => el === document.activeElement)); i++) await modPage.keyboard.press("Tab");
      expect(await pin.evaluate((el) => el === document.activeElement)).toBe(true);
      await modPage.keyboard.press("Enter");
      await modPage.getByText(t.findings.page.done.pinned, { exact: true }).waitFor();
    } finally {
      await context.close();
      await moderatorContext.close();
      const original = demoPeople.find((p) => p.email === MODERATOR)!.locale;
      await services().db.updateTable("users").set({ locale: original }).where("id", "=", moderator.id).execute();
    }
  });
});
