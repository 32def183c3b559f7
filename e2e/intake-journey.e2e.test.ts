/**
 * From expression of interest to a network, in Chromium, across the three languages:
 * an Italian group sends the public form in Italian (and reads its submission through the
 * private link of its mail); the project team (German) finds a German partner among the
 * suggestions, the composition check turns green and the partnership is formed; both
 * contact persons accept their invitations, co-write the joint application and an English-
 * speaking partner submits it; two board members (English and Italian) score it on their
 * own, each seeing the other's review only after submitting; the project team records the
 * selection and the founded network appears, with its people, in the board's overview.
 *
 * A second test walks every new page in de, it and en at 390 px: axe finds nothing and
 * nothing scrolls sideways, the public form included.
 */
import { describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { LOCALES, type Locale } from "#shared/i18n/config";
import { buildUser, uniq } from "#server/testing/factories";
import { interestInput, submitTestInterest } from "#server/testing/interest";
import { loadActor } from "#server/domain/auth/actor";
import { saveCriterion } from "#server/domain/board/selection";
import { formPartnership, submitApplication } from "#server/domain/partnerships/partnerships";
import { DATABASE, demoAccount, loginAs, waitForHeading, waitForSettled } from "./support/app";
import { expectNoAxeViolations } from "./support/axe";
import { eventually } from "./support/eventually";
import { fill } from "./support/i18n";
import { useAppAndBrowser } from "./support/suite";
import deIntake from "../locales/de/intake.json";
import itIntake from "../locales/it/intake.json";
import enIntake from "../locales/en/intake.json";
import deBoard from "../locales/de/board.json";
import itBoard from "../locales/it/board.json";
import enBoard from "../locales/en/board.json";
import deAuth from "../locales/de/auth.json";
import itAuth from "../locales/it/auth.json";
import enAuth from "../locales/en/auth.json";
import deOverview from "../locales/de/overview.json";
import itOverview from "../locales/it/overview.json";
import enOverview from "../locales/en/overview.json";
import itNetwork from "../locales/it/network.json";
import deNetwork from "../locales/de/network.json";
import { aggregate } from "#shared/board/rubric";
import deWp from "../locales/de/workprogramme.json";
import itWp from "../locales/it/workprogramme.json";
import enWp from "../locales/en/workprogramme.json";

const app = useAppAndBrowser();
const intake = { de: deIntake, it: itIntake, en: enIntake } satisfies Record<Locale, unknown>;
const board = { de: deBoard, it: itBoard, en: enBoard } satisfies Record<Locale, unknown>;
const auth = { de: deAuth, it: itAuth, en: enAuth } satisfies Record<Locale, unknown>;
const overview = { de: deOverview, it: itOverview, en: enOverview } satisfies Record<Locale, unknown>;
const wp = { de: deWp, it: itWp, en: enWp } satisfies Record<Locale, unknown>;

const PROJECT_TEAM = demoAccount("projektteam@connactions.demo");
const PASSWORD = "Partner-Passwort-2026";

async function fitsPhone(page: Page) {
  const wider = await page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > 390.5)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} (${Math.round(el.getBoundingClientRect().right)} px)`),
  );
  expect(await page.evaluate(() => document.documentElement.scrollWidth), wider.join("; ")).toBeLessThanOrEqual(390);
}

/** The newest mail of a kind to an address, as the outbox stores it. */
async function mailTo(address: string, kind: string) {
  return app.server.services.db.selectFrom("outbox").selectAll().where("to_address", "=", address).where("kind", "=", kind).orderBy("created_at", "desc").executeTakeFirstOrThrow();
}

const linkIn = (text: string, path: string) => {
  const match = new RegExp(`https?://\\S+${path}/[A-Za-z0-9_-]+`).exec(text);
  if (!match) throw new Error(`no ${path} link in:\n${text}`);
  return new URL(match[0]).pathname;
};

async function withContext<T>(locale: Locale, run: (page: Page, context: BrowserContext) => Promise<T>, options: { phone?: boolean } = {}): Promise<T> {
  const context = await app.newContext({ locale, bypassCSP: true });
  try {
    const page = await context.newPage();
    if (options.phone) await page.setViewportSize({ width: 390, height: 844 });
    return await run(page, context);
  } finally {
    await context.close();
  }
}

/** Accepts an invitation link in a fresh browser: name, password, the invitation's language kept. */
async function acceptInvitation(page: Page, lng: Locale, path: string, name: string) {
  await page.goto(path);
  await waitForSettled(page, lng);
  const form = page.locator("main form");
  await form.getByLabel(auth[lng].fields.name, { exact: true }).fill(name);
  await form.getByLabel(auth[lng].fields.newPassword, { exact: true }).fill(PASSWORD);
  await form.getByLabel(auth[lng].fields.passwordConfirm, { exact: true }).fill(PASSWORD);
  await form.getByRole("button", { name: auth[lng].invitation.submit, exact: true }).click();
  await page.waitForURL((url) => url.pathname.startsWith("/partnerships/"));
  await waitForSettled(page, lng);
}

/** Types a paragraph at the end of the application and waits until the editor says it is stored. */
async function writeInApplication(page: Page, lng: Locale, text: string) {
  const editor = page.locator(".ProseMirror[contenteditable=true]");
  await editor.waitFor();
  await page.waitForFunction((live) => document.querySelector("main .wp-status[role=status]")?.textContent?.includes(live) ?? false, wp[lng].status.live);
  await editor.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Enter");
  await page.keyboard.type(text, { delay: 5 });
  await page.waitForFunction((saved) => document.querySelector("main .wp-status[role=status]")?.textContent?.includes(saved) ?? false, wp[lng].status.saved);
}

/** A board member scores every criterion and submits. */
async function scoreAndSubmit(page: Page, lng: Locale, applicationId: string, scores: number[], comment: string) {
  await page.goto(`/board/applications/${applicationId}`);
  await waitForSettled(page, lng);
  const t = board[lng];
  // Before submitting, nobody else's review (or the score) is on the page.
  await page.getByText(t.review.othersHidden, { exact: true }).waitFor();
  const groups = page.locator("fieldset.board-criterion");
  expect(await groups.count()).toBe(scores.length);
  for (let i = 0; i < scores.length; i++) await groups.nth(i).getByLabel(String(scores[i]), { exact: true }).check();
  await page.getByLabel(t.review.comment, { exact: true }).fill(comment);
  await page.getByRole("button", { name: t.review.submit, exact: true }).click();
  await page.getByText(t.done.reviewSubmitted, { exact: true }).waitFor();
}

describe(`from expression of interest to network (${DATABASE})`, () => {
  it("an Italian group applies, finds a German partner, writes and submits the application, is scored and becomes a network", async () => {
    const services = app.server.services;
    const suffix = uniq("x").slice(-6);
    const groupName = `Rete meccatronica Brescia ${suffix}`;
    const italianContact = `referente-${suffix}@example.org`;
    const germanContact = `kontakt-${suffix}@example.org`;

    // A German group already in the queue, looking for Italian partners (its own form, through the domain).
    const german = await submitTestInterest(
      services,
      interestInput({
        groupName: `Ausbildungsverbund Chemnitz ${suffix}`,
        contactName: "Jana Keller",
        contactEmail: germanContact,
        locale: "en",
        occupationalField: "mechatronics",
        themes: ["digitalisation"],
        actionAreas: ["workBasedLearning"],
        members: [
          { name: `Berufliches Schulzentrum Chemnitz ${suffix}`, type: "vocational_school", sector: "public", city: "Chemnitz", region: "Sachsen", country: "DE" },
          { name: `IHK Chemnitz ${suffix}`, type: "chamber", sector: "public", city: "Chemnitz", region: "Sachsen", country: "DE" },
          { name: `Keller Antriebstechnik GmbH ${suffix}`, type: "company", sector: "private", city: "Chemnitz", region: "Sachsen", country: "DE" },
        ],
      }),
    );

    // 1. The Italian group sends the public form in Italian, from a phone.
    await withContext(
      "it",
      async (page) => {
        const t = intake.it;
        await page.goto("/interest");
        await waitForSettled(page, "it");
        await waitForHeading(page, t.public.title);
        await fitsPhone(page);
        await expectNoAxeViolations(page, "/interest (it, 390 px)");
        const form = page.locator("main form");
        await form.getByLabel(t.form.groupName, { exact: true }).fill(groupName);
        const members = [
          { name: `ITIS Castelli ${suffix}`, type: "vocational_school", sector: "public", city: "Brescia", region: "Lombardia" },
          { name: `Officine Brescia S.r.l. ${suffix}`, type: "company", sector: "private", city: "Brescia", region: "Lombardia" },
          { name: `Regione Lombardia ${suffix}`, type: "region", sector: "public", city: "Milano", region: "Lombardia" },
        ];
        for (const [i, m] of members.entries()) {
          const row = form.locator("fieldset.interest-form__member").nth(i);
          await row.getByLabel(t.form.memberName, { exact: true }).fill(m.name);
          await row.getByLabel(t.form.memberType, { exact: true }).selectOption(m.type);
          await row.getByLabel(t.form.memberSector, { exact: true }).selectOption(m.sector);
          await row.getByLabel(t.form.memberCity, { exact: true }).fill(m.city);
          await row.getByLabel(t.form.memberRegion, { exact: true }).fill(m.region);
          await row.getByLabel(t.form.memberCountry, { exact: true }).selectOption("IT");
        }
        await form.getByLabel(t.form.contactName, { exact: true }).fill("Chiara Conti");
        await form.getByLabel(t.form.contactEmail, { exact: true }).fill(italianContact);
        await form.getByLabel(t.form.occupationalField, { exact: true }).selectOption("mechatronics");
        await form.getByLabel(t.form.scale, { exact: true }).selectOption("regional");
        await form.getByLabel(t.form.apprentices, { exact: true }).fill("45");
        await form.getByLabel(t.form.motivation, { exact: true }).fill("Vogliamo rafforzare l'apprendistato duale con partner tedeschi.");
        await form.getByLabel(t.form.projectIdea, { exact: true }).fill("Un percorso comune per formatori aziendali in meccatronica.");
        await form.getByRole("checkbox", { name: itNetwork.actionAreas.workBasedLearning, exact: true }).check();
        // Sent without consent first: refused with a message in Italian, and nothing typed is lost.
        await form.getByRole("button", { name: t.public.submit, exact: true }).click();
        await page.getByText(t.errors.consentRequired, { exact: true }).waitFor();
        expect(await page.locator("main form").getByLabel(t.form.groupName, { exact: true }).inputValue()).toBe(groupName);
        await page.locator("main form").getByLabel(t.form.consent, { exact: true }).check();
        await page.locator("main form").getByRole("button", { name: t.public.submit, exact: true }).click();
        await page.waitForURL((url) => url.pathname === "/interest/thanks");
        await waitForHeading(page, t.thanks.title);
        await expectNoAxeViolations(page, "/interest/thanks (it, 390 px)");

        // The confirmation mail, in Italian, carries the private link: the group reads its submission.
        const mail = await mailTo(italianContact, "interestReceived");
        expect(mail.locale).toBe("it");
        await page.goto(linkIn(mail.text_body, "/interest/mine"));
        await waitForSettled(page, "it");
        await waitForHeading(page, t.mine.title);
        await page.locator("main .intake-status").getByText(t.status.received, { exact: true }).waitFor();
        await fitsPhone(page);
        await expectNoAxeViolations(page, "/interest/mine/… (it, 390 px)");
      },
      { phone: true },
    );
    const italian = await services.db.selectFrom("interest_expressions").select("id").where("contact_email", "=", italianContact).executeTakeFirstOrThrow();

    // 2. The project team (German) finds the German group among the suggestions, checks the composition and forms the partnership.
    const partnershipPath = await withContext("de", async (page) => {
      const t = intake.de;
      await loginAs(page, PROJECT_TEAM.email, PROJECT_TEAM.password);
      await page.goto("/intake?country=IT");
      await waitForSettled(page, "de");
      await page.getByRole("link", { name: groupName, exact: true }).click();
      await waitForHeading(page, groupName);
      const suggestion = page.locator("ol.intake-suggestions > li").filter({ hasText: `Ausbildungsverbund Chemnitz ${suffix}` });
      await suggestion.waitFor();
      await suggestion.getByText(fill(t.reasons.sameField, { field: deNetwork.fields.mechatronics }), { exact: true }).waitFor();
      await page.getByRole("group", { name: t.detail.compositionChoose }).getByLabel(`Ausbildungsverbund Chemnitz ${suffix}`, { exact: true }).check();
      await page.getByRole("button", { name: t.detail.checkComposition, exact: true }).click();
      await page.waitForURL((url) => url.searchParams.get("group") === german.id);
      const result = page.getByTestId("composition-result");
      await result.getByRole("heading", { name: t.detail.compositionMet, exact: true }).waitFor();
      expect(await result.getAttribute("data-met")).toBe("yes");
      await expectNoAxeViolations(page, "/intake/:id with a composition check (de)");
      await page.getByLabel(t.detail.partnershipName, { exact: true }).fill(`Mechatronik Brescia–Chemnitz ${suffix}`);
      await page.getByRole("button", { name: t.detail.formPartnership, exact: true }).click();
      await page.waitForURL((url) => url.pathname.startsWith("/partnerships/"));
      await waitForHeading(page, `Mechatronik Brescia–Chemnitz ${suffix}`);
      return new URL(page.url()).pathname;
    });
    const partnershipId = partnershipPath.split("/").pop()!;

    // 3. Both contact persons accept their invitations and co-write; the English-speaking partner submits.
    const italianInvitation = await mailTo(italianContact, "partnershipInvitation");
    expect(italianInvitation.locale).toBe("it");
    await withContext("it", async (page) => {
      await acceptInvitation(page, "it", linkIn(italianInvitation.text_body, "/invite"), "Chiara Conti");
      await writeInApplication(page, "it", "Obiettivo comune: formare insieme i tutor aziendali.");
    });
    const germanInvitation = await mailTo(germanContact, "partnershipInvitation");
    expect(germanInvitation.locale).toBe("en");
    await withContext("en", async (page) => {
      const t = board.en;
      await acceptInvitation(page, "en", linkIn(germanInvitation.text_body, "/invite"), "Jana Keller");
      await page.locator(".ProseMirror").getByText("Obiettivo comune: formare insieme i tutor aziendali.").waitFor();
      await writeInApplication(page, "en", "Joint goal: train company trainers together in Brescia and Chemnitz.");
      await expectNoAxeViolations(page, "/partnerships/:id (en)");
      await page.getByRole("button", { name: t.application.submit, exact: true }).click();
      // The editor reloads the page's rights as the text freezes, so the page itself says what happened.
      await page.getByText(t.application.frozen, { exact: true }).waitFor();
      await page.waitForFunction((readOnly) => document.querySelector("main .wp-status[role=status]")?.textContent?.includes(readOnly) ?? false, wp.en.status.readOnly);
    });
    await eventually(async () => (await services.db.selectFrom("interest_expressions").select("status").where("id", "=", italian.id).executeTakeFirstOrThrow()).status === "applied", "the Italian group is 'applied'");

    // 4. Two board members score on their own: a rubric of two criteria, the first counting three times.
    const team = await loadActor(services.db, (await services.db.selectFrom("users").select("id").where("email", "=", PROJECT_TEAM.email).executeTakeFirstOrThrow()).id);
    for (const [label, weight] of [[`Relevanz ${suffix}`, 3], [`Umsetzbarkeit ${suffix}`, 1]] as const) {
      const saved = await saveCriterion(services, team, { id: null, label, description: "", weight });
      if (!saved.ok) throw new Error(`criterion not saved: ${saved.error}`);
    }
    const criteriaCount = (await services.db.selectFrom("rubric_criteria").select("id").execute()).length;
    const scores = (first: number, second: number) => Array.from({ length: criteriaCount }, (_, i) => (i % 2 === 0 ? first : second));
    const englishMember = await buildUser(services.db, { platformRoles: ["observer"], locale: "en", name: uniq("Board member") });
    const italianMember = await buildUser(services.db, { platformRoles: ["observer"], locale: "it", name: uniq("Membro del comitato") });
    await withContext("en", async (page) => {
      await loginAs(page, englishMember.email, englishMember.password);
      await page.goto("/board/applications");
      await waitForSettled(page, "en");
      await page.getByRole("link", { name: `Mechatronik Brescia–Chemnitz ${suffix}`, exact: true }).waitFor();
      await expectNoAxeViolations(page, "/board/applications (en)");
      await scoreAndSubmit(page, "en", partnershipId, scores(5, 3), "Strong partnership, clear plan.");
      // Alone so far: the aggregate is this member's own weighted mean.
      await page.getByTestId("aggregate-score").waitFor();
    });
    await withContext("it", async (page) => {
      const t = board.it;
      await loginAs(page, italianMember.email, italianMember.password);
      await scoreAndSubmit(page, "it", partnershipId, scores(4, 2), "Buona idea, da rafforzare la sostenibilità.");
      // Now both reviews are in: the other member's comment and the aggregate appear.
      await page.getByText("Strong partnership, clear plan.").waitFor();
      // The score is the mean of the two members' weighted means, worked out from what is stored.
      const criteria = await services.db.selectFrom("rubric_criteria").select(["id", "weight"]).execute();
      const stored = await services.db.selectFrom("board_scores").selectAll().where("partnership_id", "=", partnershipId).execute();
      const reviews = [englishMember.id, italianMember.id].map((reviewerId) => ({
        reviewerId,
        status: "submitted" as const,
        scores: new Map(stored.filter((x) => x.user_id === reviewerId).map((x) => [x.criterion_id, x.score])),
      }));
      const expected = aggregate(criteria, reviews).score!;
      const shown = expected.toLocaleString("it", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      await page.getByTestId("aggregate-score").getByText(fill(t.review.aggregate, { score: shown, submitted: 2, conflicts: 0 }), { exact: true }).waitFor();
      await expectNoAxeViolations(page, "/board/applications/:id after submitting (it)");
    });

    // 5. The project team records the selection: the network is founded with its people.
    await withContext("de", async (page) => {
      const t = board.de;
      await loginAs(page, PROJECT_TEAM.email, PROJECT_TEAM.password);
      await page.goto(`/board/applications/${partnershipId}`);
      await waitForSettled(page, "de");
      await page.getByRole("radio", { name: t.partnershipStatus.selected, exact: true }).check();
      await page.getByLabel(t.review.decisionNote, { exact: true }).fill("Herzlichen Glückwunsch!");
      await page.getByRole("button", { name: t.review.recordDecision, exact: true }).click();
      await page.getByText(t.review.networkFounded, { exact: true }).waitFor();
    });
    const network = await services.db.selectFrom("partnerships").innerJoin("networks", "networks.id", "partnerships.network_id").select(["networks.id", "networks.slug", "networks.name"]).where("partnerships.id", "=", partnershipId).executeTakeFirstOrThrow();
    const people = await services.db.selectFrom("memberships").innerJoin("users", "users.id", "memberships.user_id").select(["users.email", "memberships.role"]).where("memberships.network_id", "=", network.id).execute();
    expect(people.map((p) => [p.email, p.role]).sort()).toEqual([
      [germanContact, "coordinator"],
      [italianContact, "coordinator"],
    ]);
    expect((await mailTo(italianContact, "interestStatus")).text_body).toContain(intake.it.status.selected);

    // The partners find their network; the board's overview shows it.
    await withContext("it", async (page) => {
      await loginAs(page, italianContact, PASSWORD);
      await page.goto(`/networks/${network.slug}`);
      await waitForSettled(page, "it");
      await waitForHeading(page, network.name);
    });
    await withContext("en", async (page) => {
      await loginAs(page, englishMember.email, englishMember.password);
      await page.goto("/board/overview");
      await waitForSettled(page, "en");
      await waitForHeading(page, overview.en.title);
      // Listed in each of the overview's tables (activities, events, contributions); the drill-down opens from any.
      await page.getByRole("link", { name: network.name, exact: true }).first().click();
      await page.waitForURL((url) => url.pathname === `/board/overview/${network.id}`);
      await waitForHeading(page, network.name);
    });
  });
});

/** Every new page, in each language, at 390 px: axe finds nothing, nothing scrolls sideways. */
describe.each(LOCALES)(`the intake's and the board's pages in %s (${DATABASE})`, (lng) => {
  it("are axe-clean and fit a phone", async () => {
    const services = app.server.services;
    const team = await loadActor(services.db, (await services.db.selectFrom("users").select("id").where("email", "=", PROJECT_TEAM.email).executeTakeFirstOrThrow()).id);
    const group = await submitTestInterest(services, interestInput({ locale: lng }));
    const other = await submitTestInterest(services, interestInput({ locale: lng, members: [{ name: uniq("Berufsschule"), type: "vocational_school", sector: "public", city: "Köln", region: "NRW", country: "DE" }, { name: uniq("Firma"), type: "company", sector: "private", city: "Köln", region: "NRW", country: "DE" }] }));
    const formed = await formPartnership(services, team, { name: uniq(`Partnerschaft ${lng}`), groups: [group.id, other.id], organisations: [] });
    if (!formed.ok) throw new Error(`partnership not formed: ${formed.error}`);
    const submitted = await submitApplication(services, team, formed.id);
    if (!submitted.ok) throw new Error(`not submitted: ${submitted.error}`);
    const networkId = (await services.db.selectFrom("networks").select("id").executeTakeFirstOrThrow()).id;
    const observer = await buildUser(services.db, { platformRoles: ["observer"], locale: lng });
    // The page language follows the account's: a project-team account in this language.
    const projectTeam = await buildUser(services.db, { platformRoles: ["project_team"], locale: lng });
    const withdrawable = await submitTestInterest(services, interestInput({ locale: lng }));

    const visit = async (page: Page, path: string, heading?: string) => {
      await page.goto(path);
      await waitForSettled(page, lng);
      if (heading) await waitForHeading(page, heading);
      await fitsPhone(page);
      await expectNoAxeViolations(page, `${path} (${lng}, 390 px)`);
    };

    // The public pages, without an account.
    await withContext(
      lng,
      async (page) => {
        await visit(page, "/interest", intake[lng].public.title);
        // A refused form (nothing filled in): every message is labelled and nothing overflows.
        await page.locator("main form").getByRole("button", { name: intake[lng].public.submit, exact: true }).click();
        await page.getByText(intake[lng].errors.tooFewMembers, { exact: true }).waitFor();
        await fitsPhone(page);
        await expectNoAxeViolations(page, `/interest refused (${lng}, 390 px)`);
        await visit(page, "/interest/thanks", intake[lng].thanks.title);
        await visit(page, `/interest/mine/${group.token}`, intake[lng].mine.title);
        await visit(page, "/interest/mine/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", intake[lng].mine.missingTitle);
        // Withdrawing: confirmed by a tick, then the submission is gone.
        await page.goto(`/interest/mine/${withdrawable.token}`);
        await waitForSettled(page, lng);
        await page.getByLabel(intake[lng].mine.withdrawConfirm, { exact: true }).check();
        await page.getByRole("button", { name: intake[lng].mine.withdraw, exact: true }).click();
        await page.waitForURL((url) => url.pathname === "/interest/withdrawn");
        await visit(page, "/interest/withdrawn", intake[lng].withdrawn.title);
      },
      { phone: true },
    );

    // The project team's pages.
    await withContext(
      lng,
      async (page) => {
        await loginAs(page, projectTeam.email, projectTeam.password);
        await visit(page, "/intake", intake[lng].queue.title);
        await visit(page, "/intake?status=applied", intake[lng].queue.title);
        await visit(page, `/intake/${group.id}?group=${other.id}`);
        await visit(page, `/partnerships/${formed.id}`);
        await visit(page, "/board/rubric", board[lng].rubric.title);
        await visit(page, "/board/applications", board[lng].applications.title);
        await visit(page, `/board/applications/${formed.id}`);
        await visit(page, "/board/overview", overview[lng].title);
        await visit(page, `/board/overview/${networkId}`);
      },
      { phone: true },
    );

    // A board member's review form.
    await withContext(
      lng,
      async (page) => {
        await loginAs(page, observer.email, observer.password);
        await visit(page, `/board/applications/${formed.id}`);
      },
      { phone: true },
    );
  });
});
