/**
 * Logging in, in each of the three languages: the login page speaks the browser's language,
 * a wrong password gets the generic translated error next to the form and keeps the e-mail,
 * the right one lands on the dashboard in the account's language.
 */
import { describe, expect, it } from "vitest";
import { LOCALES } from "#shared/i18n/config";
import { collectPageErrors } from "./support/browser";
import {
  DATABASE,
  demoAccount,
  fillLoginForm,
  heading,
  htmlLang,
  submitLoginForm,
  waitForHeading,
  waitForHtmlLang,
  waitForHydration,
} from "./support/app";
import { fill, texts } from "./support/i18n";
import { useAppAndBrowser } from "./support/suite";

const app = useAppAndBrowser();

// One demo account per language, each with that language on the account (demo-data.ts),
// so the dashboard after login is in the same language as the login page.
const ACCOUNT_FOR = {
  de: "koordination.mechatronik@connactions.demo", // Katrin Huber, de
  it: "mitglied.mechatronik@connactions.demo", // Luca Ferretti, it
  en: "member.mechatronik@connactions.demo", // Jonas Weber, en
} as const;

describe(`login in three languages (${DATABASE})`, () => {
  it.each(LOCALES)("logs in with a browser set to %s", async (lng) => {
    const account = demoAccount(ACCOUNT_FOR[lng]);
    expect(account.locale).toBe(lng);
    const t = texts[lng];
    const context = await app.newContext({ locale: lng });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    try {
      const response = await page.goto("/login");
      expect(response?.status()).toBe(200);
      await waitForHydration(page);
      expect(await htmlLang(page)).toBe(lng);
      expect(await heading(page)).toBe(t.auth.login.title);
      expect(await page.title()).toContain(t.auth.login.title);
      // The fields are labelled in the page's language.
      await expect(page.getByLabel(t.auth.fields.email, { exact: true }).count()).resolves.toBe(1);
      await expect(page.getByLabel(t.auth.fields.password, { exact: true }).count()).resolves.toBe(1);

      // Wrong password: the generic message, in this language, right above the form.
      await fillLoginForm(page, account.email, "definitely-not-the-password");
      await submitLoginForm(page);
      const alert = page.locator("main [role=alert]");
      await alert.waitFor();
      expect((await alert.innerText()).trim()).toBe(t.auth.login.invalid);
      const alertIsBeforeForm = await page.evaluate(() => {
        const alertEl = document.querySelector("main [role=alert]");
        const form = document.querySelector("main form");
        return Boolean(alertEl && form && alertEl.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING);
      });
      expect(alertIsBeforeForm).toBe(true);
      expect(page.url()).toBe(`${app.server.url}/login`);
      expect(await page.locator('main form input[name="email"]').inputValue()).toBe(account.email);

      // An unknown account gets exactly the same message (no account enumeration).
      await fillLoginForm(page, `nobody-${lng}@connactions.demo`, "definitely-not-the-password");
      await submitLoginForm(page);
      await page.waitForFunction((typed) => (document.querySelector('main form input[name="email"]') as HTMLInputElement | null)?.value === typed, `nobody-${lng}@connactions.demo`);
      await alert.waitFor();
      expect((await alert.innerText()).trim()).toBe(t.auth.login.invalid);

      // Right password: the dashboard, in the account's language.
      await fillLoginForm(page, account.email, account.password);
      await submitLoginForm(page);
      await page.waitForURL((url) => url.pathname === "/dashboard");
      await waitForHeading(page, fill(t.common.dashboard.greeting, { name: account.name }));
      await waitForHtmlLang(page, lng);
      expect(await page.getByRole("heading", { level: 2, name: t.common.dashboard.myNetworks, exact: true }).count()).toBe(1);
      expect(await page.locator("header").getByRole("button", { name: t.common.nav.logout, exact: true }).count()).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("keeps the typed e-mail after a wrong password without JavaScript too", async () => {
    const t = texts.it;
    const account = demoAccount(ACCOUNT_FOR.it);
    const context = await app.newContext({ locale: "it", javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto("/login");
      expect(await heading(page)).toBe(t.auth.login.title);
      await fillLoginForm(page, account.email, "still-not-the-password");
      const [response] = await Promise.all([page.waitForNavigation(), submitLoginForm(page)]);
      expect(response?.status()).toBe(400);
      expect(await htmlLang(page)).toBe("it");
      expect((await page.locator("main [role=alert]").innerText()).trim()).toBe(t.auth.login.invalid);
      expect(await page.locator('main form input[name="email"]').inputValue()).toBe(account.email);
      expect(await page.locator('main form input[name="password"]').inputValue()).toBe("");
    } finally {
      await context.close();
    }
  });
});
