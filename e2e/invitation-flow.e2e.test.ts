/**
 * The whole invitation flow as people live it: a coordinator invites someone from the
 * network page, the mail lands in the outbox (no SMTP in tests), the admin reads the link
 * there, the invited person opens it in their own browser, creates the account and arrives
 * in the network. The link works once.
 */
import { describe, expect, it } from "vitest";
import crypto from "node:crypto";
import type { Page } from "playwright-core";
import { demoNetworks } from "#db/seed/demo-data";
import { collectPageErrors } from "./support/browser";
import { DATABASE, demoAccount, heading, htmlLang, loginAs, waitForHeading, waitForHtmlLang, waitForHydration } from "./support/app";
import { fill, texts } from "./support/i18n";
import { useAppAndBrowser } from "./support/suite";

const app = useAppAndBrowser();

const NETWORK = demoNetworks.find((n) => n.slug === "mechatronik-bayern-emilia")!;
const COORDINATOR = demoAccount("koordination.mechatronik@connactions.demo"); // Katrin Huber, de
const ADMIN = demoAccount("admin@connactions.demo");

/** The row of the people table that names this person. */
const personRow = (page: Page, name: string) => page.locator("main table tbody tr").filter({ hasText: name });

describe(`invitation flow through the outbox (${DATABASE})`, () => {
  it("coordinator invites, admin reads the link in the outbox, the invitee joins; the link then reads 'already used'", async () => {
    expect(COORDINATOR.memberships).toContainEqual({ networkId: NETWORK.id, role: "coordinator" });
    expect(COORDINATOR.locale).toBe("de");
    const inviteeEmail = `eingeladen-${crypto.randomBytes(4).toString("hex")}@example.test`;
    const inviteeName = `Giovanna Testa ${crypto.randomBytes(2).toString("hex")}`;
    const inviteePassword = "a-long-new-password-42";
    const de = texts.de;

    // 1. The coordinator invites, in Italian, from the network page.
    const coordinatorContext = await app.newContext({ locale: "de" });
    try {
      const page = await coordinatorContext.newPage();
      const errors = collectPageErrors(page);
      await loginAs(page, COORDINATOR.email, COORDINATOR.password);
      const response = await page.goto(`/networks/${NETWORK.slug}`);
      expect(response?.status()).toBe(200);
      await waitForHydration(page);
      await waitForHeading(page, NETWORK.name);
      const invite = page.locator("section[aria-labelledby=invite-heading]");
      expect((await invite.locator("h2").innerText()).trim()).toBe(de.network.home.invite);
      await invite.getByLabel(de.network.home.inviteEmail, { exact: true }).fill(inviteeEmail);
      await invite.getByLabel(de.network.home.inviteRole, { exact: true }).selectOption("member");
      await invite.getByLabel(de.network.home.inviteLanguage, { exact: true }).selectOption("it");
      await invite.getByRole("button", { name: de.network.home.sendInvitation, exact: true }).click();
      await page.locator("main [role=status]").getByText(fill(de.network.home.done.invited, { email: inviteeEmail }), { exact: true }).waitFor();
      // It is listed under the open invitations.
      await invite.locator("li").filter({ hasText: inviteeEmail }).waitFor();
      // The form is empty again for the next person.
      expect(await invite.getByLabel(de.network.home.inviteEmail, { exact: true }).inputValue()).toBe("");
      expect(errors).toEqual([]);
    } finally {
      await coordinatorContext.close();
    }

    // 2. The admin finds the mail in the outbox and reads the link from its text.
    let link: string;
    const adminContext = await app.newContext({ locale: "de" });
    try {
      const page = await adminContext.newPage();
      await loginAs(page, ADMIN.email, ADMIN.password);
      const response = await page.goto("/admin/outbox");
      expect(response?.status(), "GET /admin/outbox").toBe(200);
      const mail = page.locator('[data-testid="outbox-mail"]').filter({ hasText: inviteeEmail });
      expect(await mail.count(), `exactly one outbox mail to ${inviteeEmail}`).toBe(1);
      // Written in the language the coordinator chose for the invitation.
      expect(await mail.innerText()).toContain(fill(texts.it.mail.invitation.subject, { network: NETWORK.name }));
      const body = await mail.locator("pre.mail").innerText();
      expect(body).toContain(COORDINATOR.name);
      const match = /https?:\/\/\S+\/invite\/[A-Za-z0-9_-]+/.exec(body);
      expect(match, `no /invite/<token> link in the mail:\n${body}`).not.toBeNull();
      link = match![0];
      expect(new URL(link).origin).toBe(app.server.origin);
    } finally {
      await adminContext.close();
    }

    // 3. The invited person, in a browser of their own set to Italian, accepts and picks English.
    const inviteeContext = await app.newContext({ locale: "it" });
    try {
      const page = await inviteeContext.newPage();
      const errors = collectPageErrors(page);
      const it_ = texts.it;
      const response = await page.goto(link);
      expect(response?.status()).toBe(200);
      await waitForHydration(page);
      expect(await htmlLang(page)).toBe("it");
      expect(await heading(page)).toBe(it_.auth.invitation.title);
      const intro = fill(it_.auth.invitation.introNetwork, { network: NETWORK.name, role: it_.common.roles.member });
      await page.locator("main").getByText(intro, { exact: true }).waitFor();
      await page.locator("main").getByText(fill(it_.auth.invitation.forEmail, { email: inviteeEmail }), { exact: true }).waitFor();
      const form = page.locator("main form");
      // The language starts at the one the invitation was written in.
      const language = form.getByLabel(it_.auth.fields.language, { exact: true });
      expect(await language.inputValue()).toBe("it");
      await form.getByLabel(it_.auth.fields.name, { exact: true }).fill(inviteeName);
      await form.getByLabel(it_.auth.fields.newPassword, { exact: true }).fill(inviteePassword);
      await form.getByLabel(it_.auth.fields.passwordConfirm, { exact: true }).fill(inviteePassword);
      await language.selectOption("en");
      await form.getByRole("button", { name: it_.auth.invitation.submit, exact: true }).click();

      // Logged in, on the network's page, in the language they chose, listed as a member.
      await page.waitForURL((url) => url.pathname === `/networks/${NETWORK.slug}`);
      await waitForHeading(page, NETWORK.name);
      await waitForHtmlLang(page, "en");
      const row = personRow(page, inviteeName);
      await row.waitFor();
      // <html lang> follows the new language at once; the texts a moment later (i18next switches
      // in an effect after the navigation has rendered), so wait for the text rather than read it.
      await row.locator("td").nth(2).getByText(texts.en.common.roles.member, { exact: true }).waitFor();
      await page.getByRole("heading", { level: 2, name: texts.en.network.home.people, exact: true }).waitFor();
      expect(await page.locator("header").getByRole("link", { name: inviteeName, exact: true }).count()).toBe(1);
      expect(errors).toEqual([]);

      // 4. The same link a second time: spent.
      await page.goto(link);
      await waitForHeading(page, texts.en.auth.linkState.invitation.used.title);
      expect((await page.locator("main [role=alert]").innerText()).trim()).toBe(texts.en.auth.linkState.invitation.used.body);
      expect(await page.locator('main input[type="password"]').count()).toBe(0);
    } finally {
      await inviteeContext.close();
    }

    // Also for anybody else who gets hold of it, in their own language.
    const strangerContext = await app.newContext({ locale: "de" });
    try {
      const page = await strangerContext.newPage();
      await page.goto(link);
      expect(await htmlLang(page)).toBe("de");
      expect(await heading(page)).toBe(de.auth.linkState.invitation.used.title);
      expect(await page.locator('main input[type="password"]').count()).toBe(0);
    } finally {
      await strangerContext.close();
    }

    // The new account works with the password chosen on the invitation page.
    const againContext = await app.newContext({ locale: "de" });
    try {
      const page = await againContext.newPage();
      await loginAs(page, inviteeEmail, inviteePassword);
      await waitForHtmlLang(page, "en");
      await waitForHeading(page, fill(texts.en.common.dashboard.greeting, { name: inviteeName }));
      await page.getByRole("link", { name: NETWORK.name, exact: true }).waitFor();
    } finally {
      await againContext.close();
    }
  });
});
