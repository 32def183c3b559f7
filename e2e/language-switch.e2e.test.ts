/**
 * The language switch in the header: three buttons (DE/IT/EN) posting to /language.
 * Anonymous choices live in a cookie; a logged-in person's choice is saved on the account
 * and follows them to any browser.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { LOCALES, type Locale } from "#shared/i18n/config";
import { collectPageErrors } from "./support/browser";
import {
  DATABASE,
  demoAccount,
  heading,
  htmlLang,
  languageButton,
  loginAs,
  logout,
  waitForHeading,
  waitForHtmlLang,
  waitForHydration,
} from "./support/app";
import { fill, texts } from "./support/i18n";
import { useAppAndBrowser } from "./support/suite";

const app = useAppAndBrowser();

/** aria-pressed of the three buttons, e.g. { de: "false", it: "true", en: "false" }. */
async function pressedState(page: Page): Promise<Record<Locale, string | null>> {
  const entries = await Promise.all(LOCALES.map(async (lng) => [lng, await languageButton(page, lng).getAttribute("aria-pressed")] as const));
  return Object.fromEntries(entries) as Record<Locale, string | null>;
}

const onlyPressed = (lng: Locale): Record<Locale, string> =>
  Object.fromEntries(LOCALES.map((l) => [l, String(l === lng)])) as Record<Locale, string>;

async function expectLoginPageIn(page: Page, lng: Locale) {
  await waitForHtmlLang(page, lng);
  await waitForHeading(page, texts[lng].auth.login.title);
  expect(await pressedState(page)).toEqual(onlyPressed(lng));
  expect(await page.locator('main form input[name="email"]').evaluate((input) => (input as HTMLInputElement).labels?.[0]?.textContent ?? "")).toBe(
    texts[lng].auth.fields.email,
  );
}

describe(`language switch (${DATABASE})`, () => {
  it("lets an anonymous visitor switch the login page's language; the choice survives a reload", async () => {
    const context = await app.newContext({ locale: "de" });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    try {
      await page.goto("/login");
      await waitForHydration(page);
      await expectLoginPageIn(page, "de");
      // Each button names its language in that language, for someone who cannot read the page.
      expect(await languageButton(page, "it").getAttribute("lang")).toBe("it");
      expect((await languageButton(page, "it").innerText()).trim()).toContain("IT");

      await languageButton(page, "it").click();
      await expectLoginPageIn(page, "it");
      expect(new URL(page.url()).pathname).toBe("/login");
      expect((await context.cookies()).find((c) => c.name === "lng")?.value).toBe("it");

      await page.reload();
      await waitForHydration(page);
      await expectLoginPageIn(page, "it");

      await languageButton(page, "en").click();
      await expectLoginPageIn(page, "en");
      await page.reload();
      await expectLoginPageIn(page, "en");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("never shows a state in which <html lang> and the text disagree while switching", async () => {
    const context = await app.newContext({ locale: "de" });
    const page = await context.newPage();
    try {
      await page.goto("/login");
      await waitForHydration(page);
      await expectLoginPageIn(page, "de");
      // Every DOM change and every frame records the page's language and its heading.
      await page.evaluate(() => {
        const samples: Array<[string, string]> = [];
        (window as unknown as { __samples: typeof samples }).__samples = samples;
        const sample = () => samples.push([document.documentElement.lang, document.querySelector("main h1")?.textContent ?? ""]);
        new MutationObserver(sample).observe(document.documentElement, { attributes: true, childList: true, subtree: true, characterData: true });
        const everyFrame = () => {
          sample();
          requestAnimationFrame(everyFrame);
        };
        requestAnimationFrame(everyFrame);
      });
      for (const lng of ["it", "en", "de"] as const) {
        await languageButton(page, lng).click();
        await expectLoginPageIn(page, lng);
      }
      const samples = await page.evaluate(() => (window as unknown as { __samples: Array<[string, string]> }).__samples);
      const titles: Record<string, string> = Object.fromEntries(LOCALES.map((l) => [l, texts[l].auth.login.title]));
      const mismatches = samples.filter(([lang, h1]) => h1 !== "" && h1 !== titles[lang]);
      expect(samples.length).toBeGreaterThan(10);
      expect(new Set(samples.map(([lang]) => lang))).toEqual(new Set(LOCALES));
      expect(mismatches).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("keeps the query string when switching (e.g. the login notice)", async () => {
    const context = await app.newContext({ locale: "en" });
    const page = await context.newPage();
    try {
      await page.goto("/login?reason=loggedOut");
      await waitForHydration(page);
      expect((await page.locator("main [role=status]").innerText()).trim()).toBe(texts.en.auth.login.notice.loggedOut);
      await languageButton(page, "de").click();
      await waitForHtmlLang(page, "de");
      await page.locator("main [role=status]").getByText(texts.de.auth.login.notice.loggedOut, { exact: true }).waitFor();
      expect(new URL(page.url()).search).toBe("?reason=loggedOut");
    } finally {
      await context.close();
    }
  });

  it("saves a logged-in person's choice on the account, so it follows them to another browser", async () => {
    // Jonas Weber's account is in English; the browsers below ask for German and Italian.
    const account = demoAccount("member.mechatronik@connactions.demo");
    expect(account.locale).toBe("en");
    const first = await app.newContext({ locale: "de" });
    try {
      const page = await first.newPage();
      const errors = collectPageErrors(page);
      await loginAs(page, account.email, account.password);
      // Logged in, the account's language wins over the browser's.
      await waitForHeading(page, fill(texts.en.common.dashboard.greeting, { name: account.name }));
      expect(await htmlLang(page)).toBe("en");
      expect(await pressedState(page)).toEqual(onlyPressed("en"));

      await languageButton(page, "it").click();
      await waitForHtmlLang(page, "it");
      await waitForHeading(page, fill(texts.it.common.dashboard.greeting, { name: account.name }));
      expect(new URL(page.url()).pathname).toBe("/dashboard");
      expect(await pressedState(page)).toEqual(onlyPressed("it"));
      const saved = await app.server.services.db.selectFrom("users").select("locale").where("id", "=", account.id).executeTakeFirstOrThrow();
      expect(saved.locale).toBe("it");

      await logout(page);
      // The cookie from the switch still says Italian after logging out.
      await expectLoginPageIn(page, "it");
      // Logging out ends this session, which the server also announces over socket.io; the
      // page must not then jump to "your session was ended elsewhere". Give a stray
      // announcement time to arrive before checking.
      await page.waitForTimeout(500);
      expect(new URL(page.url()).search).toBe("?reason=loggedOut");
      expect((await page.locator("main [role=status]").innerText()).trim()).toBe(texts.it.auth.login.notice.loggedOut);
      expect(errors).toEqual([]);
    } finally {
      await first.close();
    }

    // A different browser, no cookies, asking for German: the account still says Italian.
    const second = await app.newContext({ locale: "de" });
    try {
      const page = await second.newPage();
      await page.goto("/login");
      await waitForHydration(page);
      await expectLoginPageIn(page, "de");
      await loginAs(page, account.email, account.password);
      await waitForHtmlLang(page, "it");
      await waitForHeading(page, fill(texts.it.common.dashboard.greeting, { name: account.name }));
      expect(await pressedState(page)).toEqual(onlyPressed("it"));
      // And on the next full page load too.
      await page.goto("/account");
      expect(await htmlLang(page)).toBe("it");
      expect(await heading(page)).toBe(texts.it.common.account.title);
    } finally {
      await second.close();
    }
  });

  it("is reachable with Tab and usable with Enter", async () => {
    const context = await app.newContext({ locale: "en" });
    const page = await context.newPage();
    try {
      await page.goto("/login");
      await waitForHydration(page);
      await expectLoginPageIn(page, "en");
      // Tab from the top of the page until the German button has the focus.
      const focusedIs = (lng: Locale) =>
        page.evaluate((value) => {
          const el = document.activeElement;
          return el instanceof HTMLButtonElement && el.name === "lng" && el.value === value;
        }, lng);
      let presses = 0;
      while (!(await focusedIs("de")) && presses < 10) {
        await page.keyboard.press("Tab");
        presses += 1;
      }
      expect(await focusedIs("de"), "the DE button was not reached within 10 Tab presses").toBe(true);
      // The focus is visible (the outline from :focus-visible).
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
      expect(outline).not.toBe("none");
      // Tab on to Italian and choose it with Enter.
      await page.keyboard.press("Tab");
      expect(await focusedIs("it")).toBe(true);
      await page.keyboard.press("Enter");
      await expectLoginPageIn(page, "it");
      await page.reload();
      await expectLoginPageIn(page, "it");
    } finally {
      await context.close();
    }
  });
});
