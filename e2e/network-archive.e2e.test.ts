/**
 * Archiving a network in two real browsers: the admin archives it from its admin page (with
 * the confirmation), a member who has the work programme open sees it turn read-only at once
 * and is told why; reactivating gives the member the editor back without a reload.
 */
import { describe, expect, it } from "vitest";
import { demoNetworks } from "#db/seed/demo-data";
import { demoWorkProgrammes } from "#db/seed/demo-work-programmes";
import deAdmin from "../locales/de/admin.json";
import itWp from "../locales/it/workprogramme.json";
import itNetwork from "../locales/it/network.json";
import { expectNoAxeViolations } from "./support/axe";
import { closeSessions, DATABASE, waitForHydration } from "./support/app";
import { openEditor, waitForEditorStatus } from "./support/editor";
import { useAppAndBrowser } from "./support/suite";

const app = useAppAndBrowser();

const MECHATRONICS = demoNetworks.find((n) => n.id === "demo-net-mechatronics")!;
const MECH_WP = demoWorkProgrammes.find((wp) => wp.networkId === MECHATRONICS.id)!;

/** The part of the archived notice before the date, which the test does not format itself. */
const archivedNoticeStart = itNetwork.archived.notice.split("{{date}}")[0]!;

describe(`archiving a network in the browser (${DATABASE})`, () => {
  it("an admin archives a network; a member's open editor turns read-only and says why; reactivating opens it again", async () => {
    // axe is injected as a script, so the admin's window lets it past the page's CSP.
    const admin = await app.openSession("admin@connactions.demo", { bypassCSP: true }); // de
    const member = await app.openSession("mitglied.mechatronik@connactions.demo"); // it
    try {
      await openEditor(member, MECHATRONICS.slug, MECH_WP.id);
      const toolbar = member.page.getByRole("toolbar", { name: itWp.toolbar.label });
      await toolbar.waitFor();

      await admin.page.goto(`/admin/networks/${MECHATRONICS.id}`);
      await waitForHydration(admin.page);
      admin.page.once("dialog", (dialog) => void dialog.accept());
      await admin.page.getByRole("button", { name: deAdmin.networks.archive.archive, exact: true }).click();
      await admin.page.locator("main [role=status]").getByText(deAdmin.networks.done.archived, { exact: true }).waitFor();
      await expectNoAxeViolations(admin.page, "admin network page, archived (de)");

      // The member's editor follows without a reload: read-only, no toolbar, the reason shown.
      await waitForEditorStatus(member, "readOnly");
      await toolbar.waitFor({ state: "detached" });
      await member.page.locator("main .alert").filter({ hasText: archivedNoticeStart }).waitFor();

      await admin.page.getByRole("button", { name: deAdmin.networks.archive.reactivate, exact: true }).click();
      await admin.page.locator("main [role=status]").getByText(deAdmin.networks.done.reactivated, { exact: true }).waitFor();
      await toolbar.waitFor();
      expect(await member.page.locator("main .alert").filter({ hasText: archivedNoticeStart }).count()).toBe(0);
      expect(admin.errors).toEqual([]);
      expect(member.errors).toEqual([]);
    } finally {
      await closeSessions(admin, member);
    }
  });
});
