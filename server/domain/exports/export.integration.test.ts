/**
 * Exports end to end: content typed through the stock y-websocket client, downloaded over
 * HTTP as DOCX and PDF, and opened with real readers (mammoth for DOCX, pdftotext from
 * poppler-utils for PDF). Plus who may export, unknown formats and the file name header.
 */
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import mammoth from "mammoth";
import * as Y from "yjs";
import { getSchema } from "@tiptap/core";
import { prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestServer } from "#server/testing/use-test-server";
import { TestClient } from "#server/testing/http-client";
import { buildNetwork, buildOrganisation, buildUser, buildWorkProgramme, uniq } from "#server/testing/factories";
import { eventually, openDoc, type DocClient } from "#server/testing/collab-client";
import { addOrganisationToNetwork } from "#db/queries/networks";
import { editorExtensions } from "#shared/editor/extensions";
import { ACTIVITIES_FIELD, CONTENT_FIELD, MILESTONES_FIELD } from "#shared/collab/work-programme-doc";
import type { Locale } from "#shared/i18n/config";
import { nowIso } from "#shared/time";

const PDFTOTEXT = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext", "/opt/homebrew/bin/pdftotext"].find((p) => fs.existsSync(p));
if (!PDFTOTEXT) {
  console.warn(
    "\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n" +
      "!!! pdftotext (poppler-utils) is NOT installed: the PDF read-back assertions\n" +
      "!!! of the export tests are SKIPPED on this machine. CI installs it.\n" +
      "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n",
  );
}

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const server = useTestServer();
let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ca-export-"));
});
afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** TestClient reads bodies as text; files need the bytes. */
async function download(client: TestClient | null, urlPath: string) {
  const response = await fetch(new URL(urlPath, server.url), {
    headers: { "Accept-Language": "en", ...(client ? { Cookie: client.cookieHeader() } : {}) },
    redirect: "manual",
  });
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}

async function readDocx(body: Buffer, name: string): Promise<string> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, body);
  return (await mammoth.extractRawText({ path: file })).value;
}

function readPdf(body: Buffer, name: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, body);
  // Whitespace collapsed: table cells wrap, and pdftotext puts the pieces on lines of their own.
  return execFileSync(PDFTOTEXT!, ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
}

async function login(user: { email: string; password: string }) {
  const client = new TestClient(server.url);
  await client.login(user.email, user.password);
  return client;
}

const t = (text: string, marks?: unknown[]) => ({ type: "text", text, ...(marks ? { marks } : {}) });
const p = (...content: unknown[]) => ({ type: "paragraph", content });
const cell = (type: "tableHeader" | "tableCell", text: string) => ({ type, content: [p(t(text))] });

const CONTENT = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 1 }, content: [t("Arbeitsprogramm Testnetz")] },
    p(t("Wir stärken die "), t("duale Ausbildung", [{ type: "bold" }]), t(" zwischen Bayern und Emilia-Romagna – „gemeinsam“ und città per città.")),
    p(t("Mehr dazu: "), t("Projektseite", [{ type: "link", attrs: { href: "https://example.org/projekt" } }]), t(".")),
    {
      type: "table",
      content: [
        { type: "tableRow", content: [cell("tableHeader", "Spalte A"), cell("tableHeader", "Spalte B")] },
        { type: "tableRow", content: [cell("tableCell", "Zelle-A2"), cell("tableCell", "Zelle-B2-Canary")] },
      ],
    },
    { type: "bulletList", content: [{ type: "listItem", content: [p(t("Erster Punkt"))] }, { type: "listItem", content: [p(t("Zweiter Punkt: Übergänge"))] }] },
  ],
};

interface Fixture {
  network: { id: string; slug: string; name: string };
  wp: { id: string; docName: string };
  orgName: string;
  title: string;
  editor: DocClient;
  exportPath: (format: string) => string;
}

/** A network with a named organisation, and a work programme with real content typed by a member. */
async function fixture(): Promise<Fixture> {
  const db = server.services.db;
  const network = await buildNetwork(db, { name: uniq("Rete Südtirol–Città") });
  // A space before the unique suffix: pdftotext joins words hyphenated at a line end.
  const orgName = `Berufsbildungswerk Süd – Città di Modena ${crypto.randomBytes(4).toString("hex")}`;
  const org = await buildOrganisation(db, { name: orgName, country: "IT" });
  await addOrganisationToNetwork(db, network.id, org.id, nowIso());
  // Short enough for one line of the PDF title (a line break would be read back as a space).
  const title = uniq("Übergänge 2026");
  const wp = await buildWorkProgramme(db, network.id, { title });
  const author = await buildUser(db, { memberships: [{ networkId: network.id, role: "member" }] });
  const editor = openDoc(server.url, await login(author), wp.docName);
  await editor.synced;
  editor.doc.transact(() => {
    prosemirrorJSONToYXmlFragment(getSchema(editorExtensions()), CONTENT, editor.doc.getXmlFragment(CONTENT_FIELD));
    editor.doc.getArray<Y.Map<unknown>>(ACTIVITIES_FIELD).push([
      new Y.Map<unknown>(
        Object.entries({ id: "act-1", title: "Studienreise nach Modena", responsible: [org.id], start: "2026-03", end: "2026-04", status: "in_progress", note: "Übernachtung in Bologna" }),
      ),
      new Y.Map<unknown>(Object.entries({ id: "act-2", title: "Abschlusstagung", responsible: [], start: "2026-10", end: "", status: "planned", note: "" })),
    ]);
    editor.doc
      .getArray<Y.Map<unknown>>(MILESTONES_FIELD)
      .push([new Y.Map<unknown>(Object.entries({ id: "ms-1", title: "Zwischenbericht eingereicht", due: "2026-06-30", reached: true }))]);
  });
  // The server's copy has everything (live, possibly not yet stored).
  await eventually(
    async () => {
      const doc = await server.server.collab.read(wp.docName);
      const ok = doc.getArray(MILESTONES_FIELD).length === 1 && doc.getXmlFragment(CONTENT_FIELD).toString().includes("Zelle-B2-Canary");
      doc.destroy();
      return ok;
    },
    5000,
    "content on the server",
  );
  return { network, wp, orgName, title, editor, exportPath: (format) => `/networks/${network.slug}/work-programmes/${wp.id}/export/${format}` };
}

async function member(networkId: string, locale: Locale) {
  return login(await buildUser(server.services.db, { locale, memberships: [{ networkId, role: "member" }] }));
}

const expected = {
  de: { activities: "Aktivitäten", milestones: "Meilensteine", status: "In Arbeit", reached: "Ja", due: "30. Juni 2026", kind: "Arbeitsprogramm" },
  it: { activities: "Attività", milestones: "Traguardi", status: "In corso", reached: "Sì", due: "30 giugno 2026", kind: "Programma di lavoro" },
} as const;

describe(`work programme exports (${process.env.TEST_DATABASE})`, () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await fixture();
  });
  afterAll(() => f?.editor.destroy());

  function commonText(text: string, locale: "de" | "it") {
    const e = expected[locale];
    expect(text).toContain(f.title);
    expect(text).toContain(f.network.name);
    expect(text).toContain("Arbeitsprogramm Testnetz");
    expect(text).toContain("Zelle-B2-Canary");
    expect(text).toContain("Studienreise nach Modena");
    expect(text).toContain(f.orgName);
    expect(text).toContain("Übernachtung in Bologna");
    expect(text).toContain("Zwischenbericht eingereicht");
    expect(text).toContain("„gemeinsam“ und città per città");
    expect(text).toContain("Zweiter Punkt: Übergänge");
    expect(text).toContain(`${e.kind} · ${f.network.name}`);
    expect(text).toContain(e.activities);
    expect(text).toContain(e.milestones);
    expect(text).toContain(e.status);
    expect(text).toContain(e.due);
    expect(text).toContain(e.reached);
  }

  for (const locale of ["de", "it"] as const) {
    it(`DOCX in ${locale}: mammoth reads text, table cell, activity, organisation and ${locale} labels`, async () => {
      const client = await member(f.network.id, locale);
      const response = await download(client, f.exportPath("docx"));
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe(DOCX_TYPE);
      expect(response.headers.get("cache-control")).toBe("no-store");
      const text = await readDocx(response.body, `export-${locale}.docx`);
      commonText(text, locale);
      // A real hyperlink, not just the word.
      const html = (await mammoth.convertToHtml({ buffer: response.body })).value;
      expect(html).toContain('<a href="https://example.org/projekt">Projektseite</a>');
      expect(html).toContain("<h1>Arbeitsprogramm Testnetz</h1>");
      expect(html).toContain("<strong>duale Ausbildung</strong>");
    });

    it.skipIf(!PDFTOTEXT)(`PDF in ${locale}: pdftotext reads text, table cell, activity, organisation and ${locale} labels`, async () => {
      const client = await member(f.network.id, locale);
      const response = await download(client, f.exportPath("pdf"));
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/pdf");
      expect(response.headers.get("cache-control")).toBe("no-store");
      commonText(readPdf(response.body, `export-${locale}.pdf`), locale);
    });
  }

  it("the editor page offers both downloads, labelled in the reader's language", async () => {
    const client = await member(f.network.id, "it");
    const page = await client.get(`/networks/${f.network.slug}/work-programmes/${f.wp.id}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain(`href="${f.exportPath("docx")}"`);
    expect(page.body).toContain(`href="${f.exportPath("pdf")}"`);
    expect(page.body).toContain("Scarica DOCX");
    expect(page.body).toContain("Scarica PDF");
  });

  it("PDF arrives as a PDF even where pdftotext is missing", async () => {
    const response = await download(await member(f.network.id, "en"), f.exportPath("pdf"));
    expect(response.status).toBe(200);
    expect(response.body.subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("sends a safe file name: ASCII with umlauts spelled out, and the original in filename*", async () => {
    const response = await download(await member(f.network.id, "de"), f.exportPath("docx"));
    const header = response.headers.get("content-disposition") ?? "";
    const match = /^attachment; filename="([^"]+)"; filename\*=UTF-8''([A-Za-z0-9%._~!$&+^`|-]+)$/.exec(header);
    expect(match, header).not.toBeNull();
    const [, ascii, encoded] = match!;
    expect(ascii).toMatch(/^[A-Za-z0-9_-]+\.docx$/);
    expect(ascii!.length).toBeLessThanOrEqual(120);
    expect(ascii).toMatch(/^Uebergaenge-2026-[0-9a-f]{8}_Rete-Suedtirol-Citta-[0-9a-f]{8}_\d{4}-\d{2}-\d{2}\.docx$/);
    const original = decodeURIComponent(encoded!);
    expect(original).toMatch(/^Übergänge-2026-[0-9a-f]{8}_Rete-Südtirol-Città-[0-9a-f]{8}_\d{4}-\d{2}-\d{2}\.docx$/);
    expect(original).not.toMatch(/[/\\"\u0000-\u001f]/);
  });

  it("observers (who may view every network) can export", async () => {
    const observer = await login(await buildUser(server.services.db, { platformRoles: ["observer"], locale: "it" }));
    const response = await download(observer, f.exportPath("docx"));
    expect(response.status).toBe(200);
    expect(await readDocx(response.body, "observer.docx")).toContain("Zelle-B2-Canary");
  });

  it("outsiders get 404 (translated, nothing of the document), visitors are sent to log in", async () => {
    const other = await buildNetwork(server.services.db);
    const outsider = await member(other.id, "de");
    for (const format of ["docx", "pdf"]) {
      const response = await download(outsider, f.exportPath(format));
      expect(response.status).toBe(404);
      const body = response.body.toString("utf8");
      expect(body).toContain("Seite nicht gefunden");
      expect(body).not.toContain("Zelle-B2-Canary");
      expect(body).not.toContain(f.network.name);
    }
    const anonymous = await download(null, f.exportPath("pdf"));
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/login\?redirectTo=/);
  });

  it("unknown formats are 404", async () => {
    const client = await member(f.network.id, "en");
    for (const format of ["odt", "DOCX", "PDF", "html", "docx.exe", "pdf%00"]) {
      const response = await download(client, f.exportPath(format));
      expect(response.status, format).toBe(404);
    }
  });

  it("a work programme of another network is 404, even for someone in both networks", async () => {
    const other = await buildNetwork(server.services.db);
    const foreign = await buildWorkProgramme(server.services.db, other.id);
    const both = await login(
      await buildUser(server.services.db, {
        memberships: [
          { networkId: f.network.id, role: "member" },
          { networkId: other.id, role: "member" },
        ],
      }),
    );
    const response = await download(both, `/networks/${f.network.slug}/work-programmes/${foreign.id}/export/pdf`);
    expect(response.status).toBe(404);
    expect((await download(both, `/networks/${f.network.slug}/work-programmes/no-such-id/export/pdf`)).status).toBe(404);
  });

  it("exporting only reads: the document is the same before and after", async () => {
    const before = await server.server.collab.read(f.wp.docName);
    const stateBefore = Y.encodeStateVector(before);
    const editorBefore = Y.encodeStateVector(f.editor.doc);
    const client = await member(f.network.id, "de");
    expect((await download(client, f.exportPath("docx"))).status).toBe(200);
    expect((await download(client, f.exportPath("pdf"))).status).toBe(200);
    const after = await server.server.collab.read(f.wp.docName);
    expect(Buffer.from(Y.encodeStateVector(after))).toEqual(Buffer.from(stateBefore));
    expect(Buffer.from(Y.encodeStateVector(f.editor.doc))).toEqual(Buffer.from(editorBefore));
    before.destroy();
    after.destroy();
  });

  it("exports the stored content once nobody has the document open", async () => {
    const g = await fixture();
    g.editor.destroy();
    await eventually(() => !server.server.collab.rooms.has(g.wp.docName), 10_000, "room unloaded");
    const response = await download(await member(g.network.id, "de"), g.exportPath("docx"));
    expect(response.status).toBe(200);
    const text = await readDocx(response.body, "stored.docx");
    expect(text).toContain("Zelle-B2-Canary");
    expect(text).toContain("Studienreise nach Modena");
  });
});
