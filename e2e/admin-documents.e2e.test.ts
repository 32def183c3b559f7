/**
 * "Documents with problems" (/admin/documents), where admins see documents whose derivation
 * failed: in each language with entries and empty, axe-clean, usable on a 390 px phone
 * without sideways scrolling, and the document link reachable with the keyboard.
 */
import { describe, expect, it } from "vitest";
import { demoNetworks, demoPeople } from "#db/seed/demo-data";
import { demoWorkProgrammes } from "#db/seed/demo-work-programmes";
import { clearDeriveFailure, recordDeriveFailure } from "#db/queries/derive-problems";
import { LOCALES } from "#shared/i18n/config";
import { DATABASE, demoAccount, loginAs, waitForHeading, waitForSettled } from "./support/app";
import { expectNoAxeViolations } from "./support/axe";
import { texts } from "./support/i18n";
import { useAppAndBrowser } from "./support/suite";

const app = useAppAndBrowser();
const ADMIN = demoAccount("admin@connactions.demo");
const WP = demoWorkProgrammes.find((wp) => wp.networkId === demoNetworks[0]!.id)!;
const WP_DOC = `workprogramme.${WP.id}`;
const GONE_DOC = "workprogramme.no-longer-there";

describe.each(LOCALES)(`documents with problems in %s (${DATABASE})`, (lng) => {
  const t = texts[lng].admin.documents;

  it("lists failures and says when there are none; axe-clean and usable at 390 px and by keyboard", async () => {
    const db = app.server.services.db;
    await db.updateTable("users").set({ locale: lng }).where("email", "=", ADMIN.email).execute();
    await recordDeriveFailure(db, WP_DOC, "RangeError: Maximum call stack size exceeded", new Date().toISOString());
    await recordDeriveFailure(db, GONE_DOC, "Error: afterDerive failed", new Date().toISOString());
    const context = await app.newContext({ locale: lng, bypassCSP: true });
    try {
      const page = await context.newPage();
      await page.setViewportSize({ width: 390, height: 844 });
      await loginAs(page, ADMIN.email, ADMIN.password);
      await page.goto("/admin/documents");
      await waitForSettled(page, lng);
      await waitForHeading(page, t.title);
      const rows = page.getByTestId("document-problem");
      expect(await rows.count()).toBe(2);
      expect(await page.getByText(t.unknownDocument, { exact: true }).count()).toBe(1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await expectNoAxeViolations(page, `/admin/documents with entries (${lng}, 390 px)`);

      // The link to the document is reachable with Tab and opens it with Enter.
      const link = page.getByRole("link", { name: WP.title, exact: true });
      for (let i = 0; i < 60 && !(await link.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
      expect(await link.evaluate((el) => el === document.activeElement)).toBe(true);

      await clearDeriveFailure(db, WP_DOC);
      await clearDeriveFailure(db, GONE_DOC);
      await page.reload();
      await waitForSettled(page, lng);
      await page.getByText(t.empty, { exact: true }).waitFor();
      await expectNoAxeViolations(page, `/admin/documents empty (${lng}, 390 px)`);
    } finally {
      await context.close();
      const original = demoPeople.find((p) => p.email === ADMIN.email)!.locale;
      await db.updateTable("users").set({ locale: original }).where("email", "=", ADMIN.email).execute();
    }
  });
});
