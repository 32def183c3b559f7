/**
 * Version history and notifications in real browsers against the real server: a member
 * edits the work programme (leaving the editor records an automatic version naming them),
 * the coordinator names a version, and the member's header count rises live, without a
 * reload; the member opens the notification and the count clears. The coordinator changes
 * the text, compares the named version with it (insertions and deletions), restores it, and
 * the editor shows the restored text while the history keeps every earlier version. Versions
 * download as DOCX and PDF. The history, version, comparison and notification pages pass axe
 * (WCAG 2.1 A/AA) in German, Italian and English.
 */
import fs from "node:fs";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { demoNetworks } from "#db/seed/demo-data";
import { demoWorkProgrammes } from "#db/seed/demo-work-programmes";
import { listVersions } from "#db/queries/versions";
import { createNamedVersion } from "#server/domain/versions/versions";
import { notify } from "#server/domain/notifications/notify";
import { LOCALES, type Locale } from "#shared/i18n/config";
import deHistory from "../locales/de/history.json";
import itHistory from "../locales/it/history.json";
import enHistory from "../locales/en/history.json";
import deNotifications from "../locales/de/notifications.json";
import itNotifications from "../locales/it/notifications.json";
import enNotifications from "../locales/en/notifications.json";
import { collectPageErrors } from "./support/browser";
import { closeSessions, DATABASE, demoAccount, waitForHeading, waitForIdle, waitForSettled, workProgrammePath } from "./support/app";
import { expectNoAxeViolations } from "./support/axe";
import { editorText, openEditor, waitForEditorStatus } from "./support/editor";
import { eventually } from "./support/eventually";
import { fill } from "./support/i18n";
import { useAppAndBrowser } from "./support/suite";

const historyTexts: Record<Locale, typeof enHistory> = { de: deHistory, it: itHistory, en: enHistory };
const notificationTexts: Record<Locale, typeof enNotifications> = { de: deNotifications, it: itNotifications, en: enNotifications };

const app = useAppAndBrowser();

const MECHATRONICS = demoNetworks.find((n) => n.id === "demo-net-mechatronics")!;
const MECH_WP = demoWorkProgrammes.find((wp) => wp.networkId === MECHATRONICS.id)!;
const DOC_NAME = `workprogramme.${MECH_WP.id}`;
const editorPath = workProgrammePath(MECHATRONICS.slug, MECH_WP.id);
const historyPath = `${editorPath}/history`;

const KATRIN = "koordination.mechatronik@connactions.demo"; // de, coordinator
const LUCA = "mitglied.mechatronik@connactions.demo"; // it, member
const JONAS = "member.mechatronik@connactions.demo"; // en, member

/** The person's socket.io connection is up, so live events can reach the page. */
async function waitForLiveSocket(userId: string) {
  await eventually(async () => (await app.server.server.io.in(`user:${userId}`).fetchSockets()).length > 0, `the live socket of ${userId}`);
}

const headerLink = (page: Page) => page.locator('header a[href="/notifications"]');
const badge = (page: Page) => headerLink(page).locator(".notification-badge");

describe(`version history and notifications in the browser (${DATABASE})`, () => {
  it("naming a version reaches the member live; compare, restore and the full history work for the coordinator", async () => {
    const jonas = await app.openSession(JONAS);
    const katrin = await app.openSession(KATRIN);
    try {
      // Jonas edits, then leaves the editor: the automatic version names him.
      await openEditor(jonas, MECHATRONICS.slug, MECH_WP.id);
      await jonas.page.locator(".ProseMirror").click();
      await jonas.page.keyboard.press("Control+End");
      await jonas.page.keyboard.press("Enter");
      await jonas.page.keyboard.type("Jonas drafted this paragraph.", { delay: 10 });
      await waitForEditorStatus(jonas, "saved");
      await jonas.page.close();
      await eventually(
        async () => (await listVersions(app.server.services.db, DOC_NAME)).some((v) => (JSON.parse(v.contributors) as string[]).includes(jonas.userId)),
        "the automatic version with Jonas as contributor",
      );

      // Jonas waits on his dashboard; nothing unread yet.
      const jonasPage = await jonas.context.newPage();
      jonas.errors.push(...collectPageErrors(jonasPage));
      jonas.page = jonasPage;
      await jonasPage.goto("/dashboard");
      await waitForSettled(jonasPage, "en");
      await waitForLiveSocket(jonas.userId);
      expect(await badge(jonasPage).count()).toBe(0);
      expect(await headerLink(jonasPage).innerText()).toBe(enNotifications.nav.link);
      await jonasPage.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

      // Katrin sees the history with Jonas as contributor and names the current state.
      const page = katrin.page;
      await page.goto(historyPath);
      await waitForSettled(page, "de");
      await waitForHeading(page, deHistory.list.title);
      await page.locator(".version-list__contributors", { hasText: "Jonas Weber" }).first().waitFor();
      const versionName = "an das Begleitgremium, März";
      await page.getByLabel(deHistory.name.label, { exact: true }).fill(versionName);
      await page.getByRole("button", { name: deHistory.name.submit, exact: true }).click();
      await page.locator("main [role=status]").getByText(fill(deHistory.name.done, { name: versionName }), { exact: true }).waitFor();
      const named = (await listVersions(app.server.services.db, DOC_NAME)).find((v) => v.name === versionName)!;
      expect(named.kind).toBe("named");
      await page.locator(`[data-version-id="${named.id}"]`).waitFor();

      // Jonas's header count rises live, with the count in words for screen readers, and the
      // polite live region says what arrived. The page was not reloaded.
      await badge(jonasPage).filter({ hasText: "1" }).waitFor();
      // (Browsers may put a space before the comma of the hidden part; either reads the same.)
      const unreadName = new RegExp(`^${enNotifications.nav.link}\\s?, ${fill(enNotifications.nav.unread_one, { count: 1 })}$`);
      await jonasPage.getByRole("link", { name: unreadName }).waitFor();
      await jonasPage
        .locator('[aria-live="polite"]')
        .filter({ hasText: `Katrin Huber created the named version “${versionName}” of “${MECH_WP.title}”` })
        .waitFor();
      expect(await jonasPage.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);

      // He opens the notifications: the new one is marked unread in words; opening it clears the count.
      await headerLink(jonasPage).click();
      await waitForHeading(jonasPage, enNotifications.page.title);
      const item = jonasPage.locator(".notification", { hasText: versionName });
      await item.getByText(enNotifications.page.unread, { exact: true }).waitFor();
      await item.getByText(enNotifications.kinds.version, { exact: true }).waitFor();
      await item.getByRole("button", { name: new RegExp(`^${enNotifications.page.open}`) }).click();
      await jonasPage.waitForURL((url) => url.pathname === `${historyPath}/${named.id}`);
      await jonasPage.locator("h1", { hasText: versionName }).waitFor();
      await eventually(async () => (await badge(jonasPage).count()) === 0, "the header count to clear");
      expect(await headerLink(jonasPage).innerText()).toBe(enNotifications.nav.link);

      // Katrin changes the text: a new heading word and a new sentence.
      await openEditor(katrin, MECHATRONICS.slug, MECH_WP.id);
      await page.locator(".ProseMirror").click();
      await page.keyboard.press("Control+Home");
      await page.keyboard.press("Shift+End");
      await page.keyboard.type("Zielsetzung", { delay: 10 });
      await page.keyboard.press("Control+End");
      await page.keyboard.press("Enter");
      await page.keyboard.type("Neuer Satz nach dem März.", { delay: 10 });
      await waitForEditorStatus(katrin, "saved");
      expect(await editorText(page)).toContain("Zielsetzung");

      // …compares the named version with the current text…
      await page.goto(historyPath);
      await waitForSettled(page, "de");
      await page.locator(`[data-version-id="${named.id}"]`).getByRole("link", { name: new RegExp(`^${deHistory.list.compare}`) }).click();
      await page.getByRole("heading", { level: 2, name: deHistory.compare.heading }).waitFor();
      expect(await page.locator(".version-tabs a[aria-current=page]").innerText()).toBe(deHistory.version.tabCompare);
      const inserted = (await page.locator("main .diff ins").allInnerTexts()).join(" ");
      const deleted = (await page.locator("main .diff del").allInnerTexts()).join(" ");
      expect(inserted).toContain("Zielsetzung");
      expect(inserted).toContain("Neuer Satz nach dem März.");
      expect(deleted).toContain("Ziele");
      await page.locator(".diff-legend").getByText(deHistory.compare.legendAdded).waitFor();
      await page.locator(".diff-legend").getByText(deHistory.compare.legendRemoved).waitFor();

      // Jonas has the work programme open while Katrin restores the version.
      await jonasPage.goto(editorPath);
      await jonasPage.locator(".ProseMirror").waitFor();
      await waitForEditorStatus(jonas, "live");
      await jonasPage.locator(".comments").waitFor();
      await eventually(async () => (await app.server.server.io.in(`doc:${DOC_NAME}`).fetchSockets()).length > 0, "Jonas's page in the document's room");

      // …and restores it, after a confirmation step.
      const before = (await listVersions(app.server.services.db, DOC_NAME)).map((v) => v.id);
      await page.getByRole("link", { name: deHistory.restore.start, exact: true }).click();
      await page.getByRole("heading", { name: deHistory.restore.confirmHeading }).waitFor();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("restore-heading");
      await page.getByRole("button", { name: deHistory.restore.confirm, exact: true }).click();
      await page.waitForURL((url) => url.pathname === editorPath && url.searchParams.get("notice") === "versionRestored");
      await page.locator("main [role=status]").filter({ hasText: deHistory.restore.done }).waitFor();
      await page.locator(".ProseMirror").waitFor();
      await waitForEditorStatus(katrin, "live");
      await eventually(async () => {
        const text = await editorText(page);
        return text.startsWith("Ziele") && !text.includes("Zielsetzung") && !text.includes("Neuer Satz nach dem März.") && text.includes("Jonas drafted this paragraph.");
      }, "the restored text in the editor");

      // Jonas's text changed under his eyes: a notice says who restored which version, with a link to it.
      const notice = jonasPage.locator(".restore-notice");
      await notice.waitFor();
      expect(await notice.innerText()).toContain(`Katrin Huber restored the version “${versionName}, `);
      expect(await notice.getByRole("link", { name: enHistory.restore.seeVersion, exact: true }).getAttribute("href")).toBe(`${historyPath}/${named.id}`);
      expect(await page.locator(".restore-notice").count()).toBe(0);

      // The history (linked from the editor) keeps every earlier version, plus the restore.
      await page.getByRole("link", { name: deHistory.links.history, exact: true }).click();
      await waitForHeading(page, deHistory.list.title);
      await waitForIdle(page);
      const listed = await page.locator(".version-list [data-version-id]").evaluateAll((items) => items.map((i) => i.getAttribute("data-version-id")));
      for (const id of before) expect(listed).toContain(id);
      expect(listed.length).toBeGreaterThan(before.length);
      const restore = page.locator(".version-list__item--restore").first();
      await restore.getByText(deHistory.list.restoredFrom).waitFor();
      await restore.getByRole("link", { name: new RegExp(versionName) }).waitFor();

      expect(jonas.errors).toEqual([]);
      expect(katrin.errors).toEqual([]);
    } finally {
      await closeSessions(jonas, katrin);
    }
  });

  it("downloads a version as DOCX and PDF from its page", async () => {
    const luca = await app.openSession(LUCA); // it, member
    try {
      const version = await createNamedVersion(app.server.services, app.server.server.collab, {
        docName: DOC_NAME,
        name: "versione da scaricare",
        userId: demoAccount(KATRIN).id,
      });
      const { page } = luca;
      await page.goto(`${historyPath}/${version.id}`);
      await waitForSettled(page, "it");
      const docxLink = page.getByRole("link", { name: itHistory.version.docx, exact: true });
      const pdfLink = page.getByRole("link", { name: itHistory.version.pdf, exact: true });

      const [download] = await Promise.all([page.waitForEvent("download"), docxLink.click()]);
      expect(download.suggestedFilename()).toMatch(/\.docx$/);
      const file = await download.path();
      expect(fs.readFileSync(file).subarray(0, 2).toString("latin1")).toBe("PK");

      for (const [link, type, signature] of [
        [docxLink, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "PK"],
        [pdfLink, "application/pdf", "%PDF"],
      ] as const) {
        const href = await link.getAttribute("href");
        expect(href).toContain(`?version=${version.id}`);
        const response = await page.request.get(href!);
        expect(response.status()).toBe(200);
        expect(response.headers()["content-type"]).toBe(type);
        expect(response.headers()["content-disposition"]).toMatch(/^attachment;/);
        expect((await response.body()).subarray(0, signature.length).toString("latin1")).toBe(signature);
      }
      expect(luca.errors).toEqual([]);
    } finally {
      await closeSessions(luca);
    }
  });
});

const ACCOUNT_FOR: Record<Locale, string> = { de: KATRIN, it: LUCA, en: JONAS };

describe.each(LOCALES)(`history and notification pages pass axe in %s (${DATABASE})`, (lng) => {
  it("history list, version, comparison with the restore confirmation, and notifications", async () => {
    const email = ACCOUNT_FOR[lng];
    const account = demoAccount(email);
    const katrinId = demoAccount(KATRIN).id;
    const version = await createNamedVersion(app.server.services, app.server.server.collab, {
      docName: DOC_NAME,
      name: `axe ${lng}`,
      userId: katrinId,
    });
    // The current text differs from the version, so the comparison has insertions and deletions.
    await app.server.server.collab.change(DOC_NAME, katrinId, (doc) => {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText(`Nachtrag ${lng} nach der Version.`)]);
      const fragment = doc.getXmlFragment("content");
      fragment.delete(0, 1);
      fragment.push([paragraph]);
    });
    await notify(app.server.services, [
      {
        recipientId: account.id,
        kind: "mention",
        actorId: account.id === katrinId ? demoAccount(JONAS).id : katrinId,
        networkId: MECHATRONICS.id,
        docName: DOC_NAME,
        title: MECH_WP.title,
        excerpt: "@mention: please check the timeline",
        link: editorPath,
      },
    ]);
    const session = await app.openSession(email, { bypassCSP: true });
    const t = historyTexts[lng];
    try {
      const { page } = session;
      await page.goto(historyPath);
      await waitForSettled(page, lng);
      await waitForHeading(page, t.list.title);
      await page.locator(`[data-version-id="${version.id}"]`).waitFor();
      await expectNoAxeViolations(page, `version history (${lng}, ${email})`);

      await page.goto(`${historyPath}/${version.id}`);
      await waitForSettled(page, lng);
      await page.locator(".version-text").waitFor();
      await page.locator(".version-activities tbody tr").first().waitFor();
      await expectNoAxeViolations(page, `version page (${lng}, ${email})`);

      await page.goto(`${historyPath}/${version.id}?compare=1&restore=confirm`);
      await waitForSettled(page, lng);
      await page.getByRole("heading", { level: 2, name: t.compare.heading }).waitFor();
      await page.getByRole("heading", { level: 2, name: t.restore.confirmHeading }).waitFor();
      await page.locator("main .diff ins").first().waitFor();
      await page.locator("main .diff del").first().waitFor();
      await expectNoAxeViolations(page, `version comparison with restore confirmation (${lng}, ${email})`);

      await page.goto("/notifications");
      await waitForSettled(page, lng);
      await waitForHeading(page, notificationTexts[lng].page.title);
      await page.locator(".notification").first().waitFor();
      await expectNoAxeViolations(page, `/notifications (${lng}, ${email})`);
      expect(session.errors).toEqual([]);
    } finally {
      await closeSessions(session);
    }
  });
});
