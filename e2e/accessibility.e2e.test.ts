/**
 * axe-core, WCAG 2.0/2.1 A and AA, on the pages everybody sees: the login page, the
 * dashboard and a network's home page, in each language. Logged in, the page language is
 * the account's, so each language uses a demo account set to it; coordinators where the seed
 * has one, so the network page is checked with its management forms.
 */
import { describe, it } from "vitest";
import type { Page } from "playwright-core";
import { demoNetworks } from "#db/seed/demo-data";
import { LOCALES, type Locale } from "#shared/i18n/config";
import { DATABASE, demoAccount, loginAs, waitForHeading, waitForSettled } from "./support/app";
import { expectNoAxeViolations } from "./support/axe";
import { fill, texts } from "./support/i18n";
import { useAppAndBrowser } from "./support/suite";

const app = useAppAndBrowser();

const ACCOUNT_FOR: Record<Locale, string> = {
  de: "koordination.mechatronik@connactions.demo", // Katrin Huber, coordinator
  it: "coordinamento.gastgewerbe@connactions.demo", // Paolo Moser, coordinator
  en: "member.mechatronik@connactions.demo", // Jonas Weber, member (no English-speaking coordinator in the seed)
};

/** A fresh context that allows injecting axe (CSP bypassed only here). */
async function withAxePage(lng: Locale, run: (page: Page) => Promise<void>) {
  const context = await app.newContext({ locale: lng, bypassCSP: true });
  try {
    await run(await context.newPage());
  } finally {
    await context.close();
  }
}

describe.each(LOCALES)(`accessibility in %s (${DATABASE})`, (lng) => {
  const t = texts[lng];

  it("login page", async () => {
    await withAxePage(lng, async (page) => {
      await page.goto("/login");
      await waitForSettled(page, lng);
      await waitForHeading(page, t.auth.login.title);
      await expectNoAxeViolations(page, `/login (${lng})`);
    });
  });

  it("dashboard", async () => {
    const account = demoAccount(ACCOUNT_FOR[lng]);
    await withAxePage(lng, async (page) => {
      await loginAs(page, account.email, account.password);
      await page.goto("/dashboard");
      await waitForSettled(page, lng);
      await waitForHeading(page, fill(t.common.dashboard.greeting, { name: account.name }));
      await expectNoAxeViolations(page, `/dashboard (${lng}, ${account.email})`);
    });
  });

  it("network home page", async () => {
    const account = demoAccount(ACCOUNT_FOR[lng]);
    const networkId = account.memberships[0]?.networkId;
    const network = demoNetworks.find((n) => n.id === networkId);
    if (!network) throw new Error(`${account.email} has no demo network`);
    await withAxePage(lng, async (page) => {
      await loginAs(page, account.email, account.password);
      await page.goto(`/networks/${network.slug}`);
      await waitForSettled(page, lng);
      await waitForHeading(page, network.name);
      await page.getByRole("heading", { level: 2, name: t.network.home.people, exact: true }).waitFor();
      await expectNoAxeViolations(page, `/networks/${network.slug} (${lng}, ${account.email})`);
    });
  });
});
