/**
 * Roles and access in the browser: a coordinator changes a member's role in the people
 * table; outsiders get the same translated 404 as for a page that does not exist.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { demoNetworks } from "#db/seed/demo-data";
import type { Locale } from "#shared/i18n/config";
import { collectPageErrors } from "./support/browser";
import { DATABASE, demoAccount, heading, htmlLang, loginAs, waitForHeading, waitForHydration } from "./support/app";
import { fill, texts } from "./support/i18n";
import { useAppAndBrowser } from "./support/suite";

const app = useAppAndBrowser();

const network = (slug: string) => {
  const found = demoNetworks.find((n) => n.slug === slug);
  if (!found) throw new Error(`no demo network ${slug}`);
  return found;
};
const GREEN = network("gruene-energie-nrw-toscana");
const MECHATRONICS = network("mechatronik-bayern-emilia");

const personRow = (page: Page, name: string) => page.locator("main table tbody tr").filter({ hasText: name });

async function expectNotFoundPage(page: Page, lng: Locale) {
  const t = texts[lng].common.errors;
  expect(await htmlLang(page)).toBe(lng);
  expect(await heading(page)).toBe(t.notFound.title);
  await page.locator("main").getByText(t.notFound.body, { exact: true }).waitFor();
  await page.locator("main").getByText(fill(t.statusCode, { status: 404 }), { exact: true }).waitFor();
  expect(await page.title()).toBe(t.notFound.title);
}

describe(`roles and access (${DATABASE})`, () => {
  it("a coordinator changes a member's role; the new role is there after a reload", async () => {
    const coordinator = demoAccount("koordination.energie@connactions.demo"); // Stefan Schulte, de
    const member = demoAccount("mitglied.energie@connactions.demo"); // Giulia Bianchi
    expect(coordinator.memberships).toContainEqual({ networkId: GREEN.id, role: "coordinator" });
    expect(member.memberships).toContainEqual({ networkId: GREEN.id, role: "member" });
    const de = texts.de;
    const context = await app.newContext({ locale: "de" });
    try {
      const page = await context.newPage();
      const errors = collectPageErrors(page);
      await loginAs(page, coordinator.email, coordinator.password);
      await page.goto(`/networks/${GREEN.slug}`);
      await waitForHydration(page);
      await waitForHeading(page, GREEN.name);
      const row = personRow(page, member.name);
      expect((await row.locator("td").nth(2).innerText()).trim()).toBe(de.common.roles.member);

      // The select is labelled with the person's name, the button says whose role it changes.
      const select = row.getByLabel(fill(de.network.home.roleFor, { name: member.name }), { exact: true });
      expect(await select.inputValue()).toBe("member");
      await select.selectOption("coordinator");
      await row.getByRole("button", { name: `${de.network.home.changeRole} – ${member.name}`, exact: true }).click();
      await page.locator("main [role=status]").getByText(de.network.home.done.roleChanged, { exact: true }).waitFor();

      await page.reload();
      await waitForHydration(page);
      const after = personRow(page, member.name);
      expect((await after.locator("td").nth(2).innerText()).trim()).toBe(de.common.roles.coordinator);
      expect(await after.getByLabel(fill(de.network.home.roleFor, { name: member.name }), { exact: true }).inputValue()).toBe("coordinator");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("a member of one network gets the translated 404 for another network's page", async () => {
    const member = demoAccount("member.mechatronik@connactions.demo"); // Jonas Weber, en
    expect(member.memberships.map((m) => m.networkId)).toEqual([MECHATRONICS.id]);
    const context = await app.newContext({ locale: "de" });
    try {
      const page = await context.newPage();
      await loginAs(page, member.email, member.password);
      // Their own network opens…
      const own = await page.goto(`/networks/${MECHATRONICS.slug}`);
      expect(own?.status()).toBe(200);
      expect(await heading(page)).toBe(MECHATRONICS.name);
      // …a member sees no management controls…
      expect(await page.locator("section[aria-labelledby=invite-heading]").count()).toBe(0);
      expect(await page.locator('main select[name="role"]').count()).toBe(0);
      // …another network's page is "not found", in the account's language (English).
      const other = await page.goto(`/networks/${GREEN.slug}`);
      expect(other?.status()).toBe(404);
      await expectNotFoundPage(page, "en");
      expect(await page.locator("main").innerText()).not.toContain(GREEN.name);
      // Exactly as for a network that does not exist at all.
      const missing = await page.goto("/networks/no-such-network");
      expect(missing?.status()).toBe(404);
      await expectNotFoundPage(page, "en");
    } finally {
      await context.close();
    }
  });

  it("an unknown URL gets the translated 404 page, logged in or not", async () => {
    for (const lng of ["it", "de"] as const) {
      const context = await app.newContext({ locale: lng });
      try {
        const page = await context.newPage();
        const response = await page.goto("/this/page/does-not-exist");
        expect(response?.status()).toBe(404);
        await expectNotFoundPage(page, lng);
      } finally {
        await context.close();
      }
    }
    const italian = demoAccount("mitglied.mechatronik@connactions.demo"); // Luca Ferretti, it
    const context = await app.newContext({ locale: "en" });
    try {
      const page = await context.newPage();
      await loginAs(page, italian.email, italian.password);
      const response = await page.goto("/no-such-page");
      expect(response?.status()).toBe(404);
      await expectNotFoundPage(page, "it");
      // The header (with the logged-in person's name) is still there to find the way back.
      expect(await page.locator("header").getByRole("link", { name: italian.name, exact: true }).count()).toBe(1);
    } finally {
      await context.close();
    }
  });
});
