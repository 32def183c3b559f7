/**
 * The document library in real Chromium against the real server: a coordinator drops two files
 * at once and sees a progress bar for each (de); a member uploads a larger file (it); a member
 * uploads a new version and makes the old one current again (en); people search the library for
 * a word inside a DOCX with the keyboard (de, it, en); a coordinator reads a PDF in the page and
 * a DOCX preview (de); an upload cut off by the network (context.setOffline) waits and resumes
 * (it). The library's pages pass axe (WCAG 2.1 AA) in all three languages. Uploads are slowed with
 * Chromium's own network throttling so that progress and the cut can be seen; the bytes stored
 * are compared by hash.
 */
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { demoNetworks } from "#db/seed/demo-data";
import type { Locale } from "#shared/i18n/config";
import deLibrary from "../locales/de/library.json";
import itLibrary from "../locales/it/library.json";
import enLibrary from "../locales/en/library.json";
import { buildLibraryFile } from "#server/testing/library-files";
import { docxWithText, minimalPdf } from "#server/library/testing/text-documents";
import { closeSessions, DATABASE, demoAccount, waitForHeading, waitForSettled } from "./support/app";
import { expectNoAxeViolations } from "./support/axe";
import { eventually } from "./support/eventually";
import { fill } from "./support/i18n";
import { useAppAndBrowser } from "./support/suite";

const texts: Record<Locale, typeof enLibrary> = { de: deLibrary, it: itLibrary, en: enLibrary };
const app = useAppAndBrowser();

const MECHATRONICS = demoNetworks.find((n) => n.id === "demo-net-mechatronics")!;
const LIBRARY = `/networks/${MECHATRONICS.slug}/library`;
const KATRIN = "koordination.mechatronik@connactions.demo"; // de, coordinator
const LUCA = "mitglied.mechatronik@connactions.demo"; // it, member
const JONAS = "member.mechatronik@connactions.demo"; // en, member

/** The bytes the page generates for a dropped file: cheap to make on both sides, not compressible by accident. */
function patternBytes(size: number, seed: number): Buffer {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i += 1) bytes[i] = (i * 31 + seed + (i >> 10)) & 255;
  return bytes;
}

/** Drops files on the drop zone the way a browser does: a DataTransfer with File objects. */
async function dropFiles(page: Page, files: Array<{ name: string; size: number; seed: number }>) {
  const dataTransfer = await page.evaluateHandle((specs) => {
    const transfer = new DataTransfer();
    for (const spec of specs) {
      const bytes = new Uint8Array(spec.size);
      for (let i = 0; i < spec.size; i += 1) bytes[i] = (i * 31 + spec.seed + (i >> 10)) & 255;
      transfer.items.add(new File([bytes], spec.name, { type: "application/octet-stream" }));
    }
    return transfer;
  }, files);
  await page.dispatchEvent("[data-testid=dropzone]", "dragover", { dataTransfer });
  await page.dispatchEvent("[data-testid=dropzone]", "drop", { dataTransfer });
}

/** Chromium's own throttling (DevTools protocol): uploads at `bytesPerSecond`. */
async function throttleUploads(page: Page, bytesPerSecond: number) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: bytesPerSecond });
  return cdp;
}

async function storedHashOf(name: string): Promise<string | undefined> {
  const row = await app.server.services.db
    .selectFrom("library_files")
    .innerJoin("library_file_versions as v", "v.id", "library_files.current_version_id")
    .select("v.blob_sha256")
    .where("library_files.name", "=", name)
    .executeTakeFirst();
  return row?.blob_sha256;
}

const sha256 = (bytes: Buffer) => crypto.createHash("sha256").update(bytes).digest("hex");

describe(`library in the browser (${DATABASE})`, () => {
  it("a coordinator drops two files at once and sees a progress bar for each (de)", async () => {
    const t = texts.de;
    const katrin = await app.openSession(KATRIN, { bypassCSP: true });
    try {
      await katrin.page.goto(LIBRARY);
      await waitForSettled(katrin.page, "de");
      await waitForHeading(katrin.page, fill(t.titleOf, { name: MECHATRONICS.name }));
      await expectNoAxeViolations(katrin.page, "library (de)");
      await throttleUploads(katrin.page, 1024 * 1024);
      const files = [
        { name: "Ausbildungsrahmenplan.bin", size: 1_500_000, seed: 1 },
        { name: "Fotos-Bologna.bin", size: 1_200_000, seed: 2 },
      ];
      await dropFiles(katrin.page, files);
      const bars = katrin.page.locator(".upload-list progress");
      await eventually(async () => (await bars.count()) === 2, "two progress bars");
      // Both bars move while the bytes travel, each on its own.
      await eventually(async () => {
        const values = await bars.evaluateAll((elements) => elements.map((e) => (e as HTMLProgressElement).value / (e as HTMLProgressElement).max));
        return values.some((v) => v > 0 && v < 1);
      }, "a bar part-way");
      for (const file of files) {
        await katrin.page.getByRole("listitem").filter({ hasText: file.name }).getByText(t.upload.status.done, { exact: true }).waitFor({ timeout: 30_000 });
        expect(await storedHashOf(file.name)).toBe(sha256(patternBytes(file.size, file.seed)));
      }
      // The list shows both once the uploads are done (the page revalidates).
      for (const file of files) await katrin.page.getByRole("link", { name: file.name, exact: true }).waitFor();
      await expectNoAxeViolations(katrin.page, "library with uploads (de)");
      expect(katrin.errors).toEqual([]);
    } finally {
      await closeSessions(katrin);
    }
  });

  it("a member uploads a larger file with a moving progress bar (it)", async () => {
    const t = texts.it;
    const luca = await app.openSession(LUCA, { bypassCSP: true });
    try {
      await luca.page.goto(LIBRARY);
      await waitForSettled(luca.page, "it");
      await expectNoAxeViolations(luca.page, "library (it)");
      await throttleUploads(luca.page, 512 * 1024);
      const file = { name: "Presentazione-convegno.bin", size: 4_000_000, seed: 7 };
      await dropFiles(luca.page, [file]);
      const bar = luca.page.locator(".upload-list progress").first();
      await eventually(async () => (await bar.evaluate((e) => (e as HTMLProgressElement).value)) > 500_000, "half a megabyte sent");

      const item = luca.page.getByRole("listitem").filter({ hasText: file.name });
      await item.getByText(t.upload.status.done, { exact: true }).waitFor({ timeout: 40_000 });
      expect(await storedHashOf(file.name)).toBe(sha256(patternBytes(file.size, file.seed)));

      await luca.page.getByRole("link", { name: file.name, exact: true }).click();
      await waitForHeading(luca.page, file.name);
      await expectNoAxeViolations(luca.page, "library file (it)");
      await luca.page.goto(`${LIBRARY}/trash`);
      await waitForHeading(luca.page, t.trash.title);
      await expectNoAxeViolations(luca.page, "library trash (it)");
    } finally {
      await closeSessions(luca);
    }
  });

  it("a member uploads a new version and makes the old one current again (en)", async () => {
    const t = texts.en;
    const jonas = demoAccount(JONAS);
    const first = Buffer.from("Framework curriculum, first draft\n");
    const { fileId } = await buildLibraryFile(app.server.services, { networkId: MECHATRONICS.id, userId: jonas.id, name: "framework-curriculum.txt", bytes: first });
    const session = await app.openSession(JONAS, { bypassCSP: true });
    try {
      await session.page.goto(`${LIBRARY}/files/${fileId}`);
      await waitForSettled(session.page, "en");
      await waitForHeading(session.page, "framework-curriculum.txt");
      // Plain text is previewed in the page, from a sandboxed response.
      await session.page.frameLocator("iframe.library-preview").getByText("first draft").waitFor();
      await expectNoAxeViolations(session.page, "library file (en)");

      await session.page.getByLabel(t.upload.note, { exact: true }).fill("After the Bologna workshop");
      await session.page.getByLabel(t.upload.chooseOne, { exact: true }).setInputFiles({ name: "framework-curriculum-v2.txt", mimeType: "text/plain", buffer: Buffer.from("Framework curriculum, second draft\n") });
      await session.page.getByRole("listitem").getByText(t.upload.status.done, { exact: true }).waitFor();
      const versions = session.page.locator("#file-versions ~ .table-scroll tbody tr, section[aria-labelledby=file-versions] tbody tr");
      await eventually(async () => (await versions.count()) === 2, "two versions listed");
      await session.page.getByRole("cell", { name: "After the Bologna workshop" }).waitFor();

      await session.page.getByRole("button", { name: `${t.versions.restore} – ${fill(t.file.versionNumber, { number: 1 })}` }).click();
      await session.page.getByText(fill(t.done.versionRestored, { number: 3 })).waitFor();
      await eventually(async () => (await versions.count()) === 3, "three versions listed");
      await session.page.frameLocator("iframe.library-preview").getByText("first draft").waitFor();
      expect(await storedHashOf("framework-curriculum.txt")).toBe(sha256(first));
      await expectNoAxeViolations(session.page, "library file with versions (en)");

      await session.page.goto(LIBRARY);
      await waitForSettled(session.page, "en");
      await expectNoAxeViolations(session.page, "library (en)");
      await session.page.goto(`${LIBRARY}/trash`);
      await expectNoAxeViolations(session.page, "library trash (en)");
      await session.page.goto("/network-of-networks/library");
      await waitForHeading(session.page, t.commonsTitle);
      await expectNoAxeViolations(session.page, "commons library (en)");
      expect(session.errors).toEqual([]);
    } finally {
      await closeSessions(session);
    }
  });

  it("people search the library for a word inside a DOCX, with the keyboard, in de, it and en", async () => {
    const owner = demoAccount(JONAS);
    const word = "Schweißnahtprüfprotokoll";
    await buildLibraryFile(app.server.services, {
      networkId: MECHATRONICS.id,
      userId: owner.id,
      name: "pruefungen-halle-2.docx",
      bytes: docxWithText(["Arbeitssicherheit in Halle 2", `Das ${word} liegt bei der Ausbilderin.`]),
    });
    app.server.server.textIndexer.poke();
    await app.server.server.textIndexer.idle();

    for (const [email, locale] of [
      [KATRIN, "de"],
      [LUCA, "it"],
      [JONAS, "en"],
    ] as const) {
      const t = texts[locale];
      const session = await app.openSession(email, { bypassCSP: true });
      try {
        await session.page.goto(LIBRARY);
        await waitForSettled(session.page, locale);
        const field = session.page.getByLabel(t.search.field, { exact: true });
        await field.focus();
        await session.page.keyboard.type(word.slice(0, 12).toLowerCase());
        await session.page.keyboard.press("Enter");
        await waitForHeading(session.page, t.search.title);
        const result = session.page.locator(".library-result").filter({ hasText: "pruefungen-halle-2.docx" });
        await result.locator("mark", { hasText: word }).waitFor();
        await expect(result.locator("blockquote").textContent()).resolves.toContain("liegt bei der Ausbilderin");
        await expectNoAxeViolations(session.page, `library search results (${locale})`);

        // Nothing found: the empty state explains why, and passes axe too.
        await field.fill("Zahnradgetriebeölwechselintervall");
        await field.press("Enter");
        await session.page.getByText(fill(t.search.none, { query: "Zahnradgetriebeölwechselintervall" })).waitFor();
        await expectNoAxeViolations(session.page, `library search without results (${locale})`);

        // The result leads to the file, whose page says its text is searchable.
        await session.page.goBack();
        await result.getByRole("link", { name: "pruefungen-halle-2.docx" }).click();
        await waitForHeading(session.page, "pruefungen-halle-2.docx");
        await session.page.getByText(t.search.status.indexed).waitFor();
        expect(session.errors).toEqual([]);
      } finally {
        await closeSessions(session);
      }
    }
  });

  it("a coordinator opens a PDF in the page and reads a DOCX preview, without downloading (de)", async () => {
    const t = texts.de;
    const katrin = demoAccount(KATRIN);
    const pdf = await buildLibraryFile(app.server.services, { networkId: MECHATRONICS.id, userId: katrin.id, name: "Rahmenlehrplan.pdf", bytes: Buffer.from(minimalPdf("Lernfeld 7: Instandhaltung")) });
    const docx = await buildLibraryFile(app.server.services, {
      networkId: MECHATRONICS.id,
      userId: katrin.id,
      name: "Protokoll.docx",
      bytes: docxWithText(["Protokoll der Sitzung in Bozen", "Beschluss: Austausch im Frühjahr"]),
    });
    // Under the platform's real Content-Security-Policy first: pdf.js and its worker must run within it.
    const strict = await app.openSession(KATRIN);
    try {
      await strict.page.goto(`${LIBRARY}/files/${pdf.fileId}`);
      await waitForSettled(strict.page, "de");
      await strict.page.getByRole("button", { name: t.preview.read }).click();
      await strict.page.getByRole("status").filter({ hasText: fill(t.preview.page, { page: 1, pages: 1 }) }).waitFor();
      expect(strict.errors).toEqual([]);
    } finally {
      await closeSessions(strict);
    }
    // Then with axe (which needs the policy relaxed to run its script).
    const session = await app.openSession(KATRIN, { bypassCSP: true });
    try {
      await session.page.goto(`${LIBRARY}/files/${pdf.fileId}`);
      await waitForSettled(session.page, "de");
      // The first page's thumbnail, made on the server.
      const thumbnail = session.page.getByRole("img", { name: fill(t.preview.firstPageOf, { name: "Rahmenlehrplan.pdf" }) });
      await eventually(async () => (await thumbnail.evaluate((img) => (img as HTMLImageElement).naturalWidth)) > 0, "thumbnail loaded");
      await session.page.getByRole("button", { name: t.preview.read }).click();
      await session.page.getByRole("status").filter({ hasText: fill(t.preview.page, { page: 1, pages: 1 }) }).waitFor();
      const canvas = session.page.getByRole("img", { name: fill(t.preview.pageOf, { page: 1, pages: 1, name: "Rahmenlehrplan.pdf" }) });
      // pdf.js drew the page: some pixels are dark (the text), not a blank canvas.
      await eventually(
        async () =>
          canvas.evaluate((element) => {
            const c = element as HTMLCanvasElement;
            const data = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
            for (let i = 0; i < data.length; i += 4) if (data[i]! < 128 && data[i + 3]! > 0) return true;
            return false;
          }),
        "the PDF page drawn",
      );
      await expectNoAxeViolations(session.page, "library PDF reader (de)");
      await session.page.getByRole("button", { name: t.preview.close }).click();
      await session.page.getByRole("button", { name: t.preview.read }).waitFor();

      await session.page.goto(`${LIBRARY}/files/${docx.fileId}`);
      await waitForSettled(session.page, "de");
      await session.page.frameLocator("iframe.library-preview--document").getByText("Beschluss: Austausch im Frühjahr").waitFor();
      await expectNoAxeViolations(session.page, "library DOCX preview (de)");
      expect(session.errors).toEqual([]);
    } finally {
      await closeSessions(session);
    }
  });

  it("an upload cut off by the network waits and resumes when the browser is back online (it)", async () => {
    const t = texts.it;
    const luca = await app.openSession(LUCA);
    try {
      await luca.page.goto(LIBRARY);
      await waitForSettled(luca.page, "it");
      // Slow enough to cut in the middle: 12 MB at 2 MB/s, sent in 5 MiB requests.
      await throttleUploads(luca.page, 2 * 1024 * 1024);
      const file = { name: "Fotografie-viaggio-studio.bin", size: 12_000_000, seed: 11 };
      await dropFiles(luca.page, [file]);
      const item = luca.page.getByRole("listitem").filter({ hasText: file.name });
      const bar = item.locator("progress");
      await eventually(async () => (await bar.evaluate((e) => (e as HTMLProgressElement).value)) > 6_000_000, "half the file sent");

      // The browser goes offline: the page hears it ("offline") and stops the request under way
      // rather than let it hang; the server keeps the bytes that arrived.
      await luca.context.setOffline(true);
      await item.getByText(t.upload.status.waitingForNetwork, { exact: true }).waitFor({ timeout: 30_000 });
      expect(await bar.evaluate((e) => (e as HTMLProgressElement).value)).toBeLessThan(file.size);
      expect(await storedHashOf(file.name)).toBeUndefined();

      await luca.context.setOffline(false);
      await item.getByText(t.upload.status.done, { exact: true }).waitFor({ timeout: 60_000 });
      expect(await storedHashOf(file.name)).toBe(sha256(patternBytes(file.size, file.seed)));
      // Resumed, not restarted: the server holds one upload for it, finished.
      const uploads = await app.server.services.db.selectFrom("library_uploads").select(["finished_at"]).where("name", "=", file.name).execute();
      expect(uploads).toHaveLength(1);
      expect(uploads[0]!.finished_at).not.toBeNull();
      // The list shows the new file once online (the page reloads its data then).
      await luca.page.getByRole("link", { name: file.name, exact: true }).waitFor();
      expect(luca.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e))).toEqual([]);
    } finally {
      await closeSessions(luca);
    }
  });
});
