/**
 * Working on a train: a work programme opened once opens again with no connection (the
 * service worker serves the page and its scripts), is edited across a reload and a closed
 * tab (the edits live in IndexedDB), and the status line tells the truth: "Offline · Saved
 * on this device" until the connection returns, then "All changes saved". The edits reach a
 * colleague and the database. Logging out removes every copy from the device.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { demoNetworks } from "#db/seed/demo-data";
import { demoWorkProgrammes } from "#db/seed/demo-work-programmes";
import { deriveContent } from "#server/collab/derive";
import { storedDoc } from "#server/testing/stored-document";
import { closeSessions, DATABASE, logout, waitForHydration, workProgrammePath } from "./support/app";
import { collectPageErrors } from "./support/browser";
import { editorText, openEditor, waitForEditorStatus } from "./support/editor";
import { eventually } from "./support/eventually";
import { texts } from "./support/i18n";
import { useAppAndBrowser } from "./support/suite";

const app = useAppAndBrowser();

const MECHATRONICS = demoNetworks.find((n) => n.id === "demo-net-mechatronics")!;
const MECH_WP = demoWorkProgrammes.find((wp) => wp.networkId === MECHATRONICS.id)!;
const DOC_NAME = `workprogramme.${MECH_WP.id}`;
const PATH = workProgrammePath(MECHATRONICS.slug, MECH_WP.id);
const KATRIN = "koordination.mechatronik@connactions.demo"; // de, coordinator
const JONAS = "member.mechatronik@connactions.demo"; // en, member

/** The service worker controls the page and has kept the page itself for offline use. */
async function waitUntilKeptOffline(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null);
  await eventually(
    async () => page.evaluate(async (path) => Boolean(await caches.match(path, { ignoreVary: true })), PATH),
    "the page in the service worker's cache",
  );
}

async function typeAtEnd(page: Page, text: string) {
  await page.locator(".ProseMirror").click();
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Enter");
  await page.keyboard.type(text, { delay: 10 });
}

/** What the device keeps: document databases and caches. */
async function deviceCopies(page: Page): Promise<{ databases: string[]; caches: string[] }> {
  return page.evaluate(async () => ({
    databases: (await indexedDB.databases()).map((db) => db.name ?? "").filter((name) => name.startsWith("connactions:")),
    caches: await caches.keys(),
  }));
}

describe(`offline editing (${DATABASE})`, () => {
  it("opens and edits a work programme offline across a reload and a closed tab; the edits reach a colleague and the database", async () => {
    const katrin = await app.openSession(KATRIN);
    const jonas = await app.openSession(JONAS);
    const de = texts.de.workprogramme.status;
    try {
      await openEditor(katrin, MECHATRONICS.slug, MECH_WP.id);
      await waitUntilKeptOffline(katrin.page);

      // Offline, reloaded: the page comes from the service worker, the text from the device.
      await katrin.context.setOffline(true);
      await katrin.page.reload();
      await katrin.page.locator(".ProseMirror").waitFor();
      expect(await editorText(katrin.page)).toContain("Ziele");
      await typeAtEnd(katrin.page, "Im Zug geschrieben.");
      await waitForEditorStatus(katrin, "savedOnDevice");
      const status = await katrin.page.locator("main .wp-status[role=status]").innerText();
      expect(status).toContain(de.offline);
      expect(status).not.toContain(de.saved);

      // The tab is closed; a new one opens the page again, still offline.
      await katrin.page.close();
      katrin.page = await katrin.context.newPage();
      katrin.errors.push(...collectPageErrors(katrin.page));
      await katrin.page.goto(PATH);
      await katrin.page.locator(".ProseMirror").waitFor();
      await eventually(async () => (await editorText(katrin.page)).includes("Im Zug geschrieben."), "the first offline edit, read from the device");
      // What the earlier tab left unsent still counts as unsent: not "saved", but on the device.
      await waitForEditorStatus(katrin, "savedOnDevice");
      await typeAtEnd(katrin.page, "Und im neuen Tab.");
      await waitForEditorStatus(katrin, "savedOnDevice");
      expect(await editorText(jonas.page)).not.toContain("Im Zug geschrieben.");

      // Back online: both edits are sent, stored, and reach Jonas.
      await openEditor(jonas, MECHATRONICS.slug, MECH_WP.id);
      await katrin.context.setOffline(false);
      await waitForEditorStatus(katrin, "live");
      await waitForEditorStatus(katrin, "saved");
      await eventually(async () => {
        const text = await editorText(jonas.page);
        return text.includes("Im Zug geschrieben.") && text.includes("Und im neuen Tab.");
      }, "both offline edits on Jonas's page");
      const stored = await storedDoc(app.server.services.db, DOC_NAME);
      const storedText = deriveContent(stored).text;
      stored.destroy();
      expect(storedText).toContain("Im Zug geschrieben.");
      expect(storedText).toContain("Und im neuen Tab.");
      // While offline the browser logs failed requests of the live session; nothing else.
      expect(katrin.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|socket\.io/.test(e))).toEqual([]);
      expect(jonas.errors).toEqual([]);
    } finally {
      await closeSessions(katrin, jonas);
    }
  });

  it("keeps a work programme reached by a client-side navigation, whose page the browser never fetched", async () => {
    const katrin = await app.openSession(KATRIN);
    try {
      const list = `/networks/${MECHATRONICS.slug}/work-programmes`;
      await katrin.page.goto(list);
      await waitForHydration(katrin.page);
      await katrin.page.waitForFunction(() => navigator.serviceWorker?.controller != null);
      await katrin.page.locator(`main a[href="${PATH}"]`).first().click();
      await katrin.page.waitForURL((url) => url.pathname === PATH);
      await katrin.page.locator(".ProseMirror").waitFor();
      await waitForEditorStatus(katrin, "live");
      await waitUntilKeptOffline(katrin.page);

      await katrin.context.setOffline(true);
      await katrin.page.reload();
      await katrin.page.locator(".ProseMirror").waitFor();
      await eventually(async () => (await editorText(katrin.page)).includes("Ziele"), "the text, offline");
    } finally {
      await katrin.context.setOffline(false);
      await closeSessions(katrin);
    }
  });

  it("logging out removes the device's copies: pages, scripts and documents", async () => {
    const katrin = await app.openSession(KATRIN);
    try {
      await openEditor(katrin, MECHATRONICS.slug, MECH_WP.id);
      await waitUntilKeptOffline(katrin.page);
      await eventually(async () => (await deviceCopies(katrin.page)).databases.includes(`connactions:${DOC_NAME}`), "the document's copy on the device");
      expect((await deviceCopies(katrin.page)).caches.length).toBeGreaterThan(0);

      await logout(katrin.page);
      await eventually(async () => {
        const left = await deviceCopies(katrin.page);
        return left.databases.length === 0 && left.caches.length === 0;
      }, "no copies left on the device");
      // Offline, the page is gone too: nothing of the work programme can be opened.
      await katrin.context.setOffline(true);
      const response = await katrin.page.goto(PATH).catch(() => null);
      expect(response?.ok() ?? false).toBe(false);
    } finally {
      await katrin.context.setOffline(false);
      await closeSessions(katrin);
    }
  });
});
