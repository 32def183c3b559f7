/**
 * The network of networks from end to end, in Chromium, once in each of German, Italian and
 * English (every participant's account is switched to that language for the run):
 * a member of the mechatronics network posts a finding; a member of the green-energy
 * network comments on it and mentions the author; both co-write a recommendation that
 * cites the finding; the moderator opens the consultation; coordinators of three networks
 * endorse; the moderator submits; the advisory board's observer answers; the finding shows
 * the recommendation as "cited by". The space's home page is axe-clean at 390 px and counts
 * what waits for a coordinator.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { demoNetworks, demoPeople } from "#db/seed/demo-data";
import { findRecommendation } from "#db/queries/recommendations";
import { LOCALES, type Locale } from "#shared/i18n/config";
import deCommons from "../locales/de/commons.json";
import itCommons from "../locales/it/commons.json";
import enCommons from "../locales/en/commons.json";
import deRec from "../locales/de/recommendations.json";
import itRec from "../locales/it/recommendations.json";
import enRec from "../locales/en/recommendations.json";
import deNetwork from "../locales/de/network.json";
import itNetwork from "../locales/it/network.json";
import enNetwork from "../locales/en/network.json";
import { closeSessions, DATABASE, demoAccount, waitForHeading, waitForSettled, type Session } from "./support/app";
import { expectNoAxeViolations } from "./support/axe";
import { editorText, type EditorStatus } from "./support/editor";
import { eventually } from "./support/eventually";
import { fill, texts } from "./support/i18n";
import { useAppAndBrowser } from "./support/suite";

const app = useAppAndBrowser();
const commons: Record<Locale, typeof enCommons> = { de: deCommons, it: itCommons, en: enCommons };
const rec: Record<Locale, typeof enRec> = { de: deRec, it: itRec, en: enRec };
const network: Record<Locale, typeof enNetwork> = { de: deNetwork, it: itNetwork, en: enNetwork };

const AUTHOR = "mitglied.mechatronik@connactions.demo"; // member, mechatronics
const COLLEAGUE = "mitglied.energie@connactions.demo"; // member, green energy
const COORDINATORS = ["koordination.mechatronik@connactions.demo", "koordination.energie@connactions.demo", "coordinamento.gastgewerbe@connactions.demo"];
const MODERATOR = "moderation@connactions.demo";
const OBSERVER = "begleitgremium@connactions.demo";
const PARTICIPANTS = [AUTHOR, COLLEAGUE, ...COORDINATORS, MODERATOR, OBSERVER];

const networkNameOf = (email: string) => demoNetworks.find((n) => n.id === demoAccount(email).memberships[0]?.networkId)!.name;

/** Every participant reads and writes in `lng` for this run (the page follows the account's language). */
async function speakAll(lng: Locale | null) {
  for (const email of PARTICIPANTS) {
    const person = demoPeople.find((p) => p.email === email)!;
    await app.server.services.db.updateTable("users").set({ locale: lng ?? person.locale }).where("id", "=", person.id).execute();
  }
}

/** The editor's status line in the run's language (the accounts' own languages are switched). */
async function waitForStatus(session: Session, lng: Locale, status: EditorStatus) {
  await session.page.waitForFunction((text) => document.querySelector("main .wp-status[role=status]")?.textContent?.includes(text) ?? false, texts[lng].workprogramme.status[status]);
}

async function go(page: Page, path: string, lng: Locale) {
  await page.goto(path);
  await waitForSettled(page, lng);
}

describe.each(LOCALES)(`the network of networks from finding to the board's answer, in %s (${DATABASE})`, (lng) => {
  const tc = commons[lng].findings;
  const tr = rec[lng];

  it("finding → discussion with a mention → co-written recommendation citing it → three endorsements → submission → answer → cited by", async () => {
    await speakAll(lng);
    const sessions: Session[] = [];
    // Axe injects its script into the page: the window that runs it bypasses the CSP.
    const open = async (email: string, options: { bypassCSP?: boolean } = {}) => {
      const session = await app.openSession(email, options);
      sessions.push(session);
      return session;
    };
    try {
      const stamp = Date.now();
      const findingTitle = `Finding ${lng} ${stamp}`;
      const recTitle = `Recommendation ${lng} ${stamp}`;

      // 1. A member of the mechatronics network posts a finding on behalf of the network.
      const author = await open(AUTHOR);
      await go(author.page, "/network-of-networks/findings/new", lng);
      await waitForHeading(author.page, tc.new.title);
      await author.page.getByLabel(tc.form.title, { exact: true }).fill(findingTitle);
      await author.page.getByLabel(tc.form.body, { exact: true }).fill("Azubis beider Länder lösen dieselbe Aufgabe.\n\n- gemeinsame Bewertung");
      await author.page.getByLabel(texts[lng].network.actionAreas.workBasedLearning, { exact: true }).check();
      await author.page.getByRole("button", { name: tc.new.submit, exact: true }).click();
      await waitForHeading(author.page, findingTitle);
      const findingPath = new URL(author.page.url()).pathname;
      await author.page.getByText(tc.citedBy.none, { exact: true }).waitFor();

      // 2. A member of another network comments and mentions the author.
      const colleague = await open(COLLEAGUE);
      await go(colleague.page, findingPath, lng);
      await colleague.page.getByLabel(tc.discussion.newLabel, { exact: true }).fill(`Comment ${stamp}`);
      await colleague.page.getByLabel(tc.discussion.mentions, { exact: true }).last().selectOption({ label: demoAccount(AUTHOR).name });
      await colleague.page.getByRole("button", { name: tc.discussion.send, exact: true }).click();
      await colleague.page.getByText(tc.page.done.commented, { exact: true }).waitFor();
      await eventually(
        async () => (await app.server.services.db.selectFrom("notifications").select("id").where("user_id", "=", demoAccount(AUTHOR).id).where("kind", "=", "mention").where("title", "=", findingTitle).execute()).length === 1,
        "the author's mention notification",
      );

      // 3. The author starts a recommendation; both write its text live.
      await go(author.page, "/network-of-networks/recommendations", lng);
      await author.page.getByLabel(tr.list.titleLabel, { exact: true }).fill(recTitle);
      await author.page.getByRole("button", { name: tr.list.createSubmit, exact: true }).click();
      await waitForHeading(author.page, recTitle);
      const recPath = new URL(author.page.url()).pathname;
      const recId = recPath.split("/").pop()!;
      await author.page.locator(".ProseMirror").waitFor();
      await waitForStatus(author, lng, "live");
      await author.page.locator(".ProseMirror").click();
      await author.page.keyboard.type(`Shared learning tasks ${stamp}.`);
      await go(colleague.page, recPath, lng);
      await colleague.page.locator(".ProseMirror").waitFor();
      await waitForStatus(colleague, lng, "live");
      await eventually(async () => (await editorText(colleague.page)).includes(`Shared learning tasks ${stamp}.`), "the colleague sees the author's text");
      await colleague.page.locator(".ProseMirror").click();
      await colleague.page.keyboard.press("End");
      await colleague.page.keyboard.press("Enter");
      await colleague.page.keyboard.type(`Across borders ${stamp}.`);
      await waitForStatus(colleague, lng, "saved");
      await eventually(async () => (await editorText(author.page)).includes(`Across borders ${stamp}.`), "the author sees the colleague's text");

      // The recommendation cites the finding.
      await author.page.getByText(tr.evidence.change, { exact: true }).click();
      await author.page.getByRole("checkbox", { name: new RegExp(findingTitle) }).check();
      await author.page.getByRole("button", { name: tr.evidence.submit, exact: true }).click();
      await author.page.getByRole("link", { name: findingTitle }).first().waitFor();

      // 4. The moderator opens the consultation; three networks' coordinators endorse.
      const moderator = await open(MODERATOR);
      await go(moderator.page, recPath, lng);
      await moderator.page.getByRole("button", { name: tr.moderation.open, exact: true }).click();
      await moderator.page.getByText(tr.done.consultationOpened, { exact: true }).waitFor();

      for (const [i, email] of COORDINATORS.entries()) {
        const coordinator = await open(email, { bypassCSP: i === 0 });
        const name = networkNameOf(email);
        if (i === 0) {
          // The home page tells the coordinator that a consultation waits for the network.
          await go(coordinator.page, "/network-of-networks", lng);
          await coordinator.page.getByText(network[lng].nofn.needsYourEndorsement, { exact: false }).first().waitFor();
          await coordinator.page.setViewportSize({ width: 390, height: 844 });
          await expectNoAxeViolations(coordinator.page, `/network-of-networks (${lng}, 390 px)`);
          expect(await coordinator.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        }
        await go(coordinator.page, recPath, lng);
        const form = coordinator.page.locator("form", { has: coordinator.page.getByRole("heading", { name: fill(tr.endorsements.formHeading, { network: name }) }) });
        await form.getByRole("button", { name: fill(tr.endorsements.endorse, { network: name }) }).click();
        await coordinator.page.getByText(tr.done.endorsed, { exact: true }).waitFor();
      }
      expect((await findRecommendation(app.server.services.db, recId))?.stage).toBe("endorsed");

      // 5. The moderator submits; the author's open editor becomes read-only.
      await go(moderator.page, recPath, lng);
      moderator.page.once("dialog", (dialog) => void dialog.accept());
      await moderator.page.getByRole("button", { name: tr.moderation.submit, exact: true }).click();
      await moderator.page.getByText(tr.done.submitted, { exact: true }).waitFor();
      await waitForStatus(author, lng, "readOnly");

      // 6. The advisory board answers.
      const observer = await open(OBSERVER);
      await go(observer.page, recPath, lng);
      await observer.page.getByRole("radio", { name: tr.verdicts.accepted, exact: true }).check();
      await observer.page.getByRole("textbox", { name: tr.answer.bodyLabel, exact: true }).fill(`Answer ${stamp}`);
      await observer.page.getByRole("button", { name: tr.answer.submit, exact: true }).click();
      await observer.page.getByText(tr.done.answered, { exact: true }).waitFor();
      expect((await findRecommendation(app.server.services.db, recId))?.stage).toBe("answered");

      // 7. The finding shows the recommendation that cites it.
      await go(author.page, findingPath, lng);
      await author.page.getByRole("heading", { name: tc.page.citedBy, exact: true }).waitFor();
      await author.page.getByRole("link", { name: recTitle, exact: true }).waitFor();

      for (const s of sessions) expect(s.errors, s.page.url()).toEqual([]);
    } finally {
      await closeSessions(...sessions);
      await speakAll(null);
    }
    // Seven people's windows, one after another: longer than a single-page test.
  }, 180_000);
});
