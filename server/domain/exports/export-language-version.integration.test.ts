/**
 * Exports of language versions end to end: a German work programme with an Italian version
 * (one section reviewed, one outdated, one not translated), downloaded over HTTP as a
 * bilingual DOCX (two columns, read back with mammoth) and as a single-language PDF (read
 * back with pdftotext from poppler-utils), with the status notes in the reader's language.
 * Plus who may export, versions that do not exist and unknown formats.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import mammoth from "mammoth";
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestServer } from "#server/testing/use-test-server";
import { TestClient } from "#server/testing/http-client";
import { buildNetwork, buildUser, buildWorkProgramme, uniq } from "#server/testing/factories";
import { loadActor } from "#server/domain/auth/actor";
import { addLanguageVersion } from "#server/domain/translations/language-versions";
import { languageVersionName } from "#shared/collab/doc-names";
import { findSection, readSections, SECTION_ID_ATTR } from "#shared/collab/sections";
import { writeSectionRecord } from "#shared/collab/section-status";
import type { Locale } from "#shared/i18n/config";
import { nowIso } from "#shared/time";

const PDFTOTEXT = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext", "/opt/homebrew/bin/pdftotext"].find((p) => fs.existsSync(p));
if (!PDFTOTEXT) console.warn("\n!!! pdftotext (poppler-utils) is NOT installed: the PDF read-back assertions of the language-version export tests are SKIPPED.\n");

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const server = useTestServer();
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ca-lv-export-"));
});
afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function download(client: TestClient | null, urlPath: string) {
  const response = await fetch(new URL(urlPath, server.url), { headers: client ? { Cookie: client.cookieHeader() } : {}, redirect: "manual" });
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}

function readPdf(body: Buffer, name: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, body);
  return execFileSync(PDFTOTEXT!, ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
}

/** The tables of a DOCX as rows of cell texts (mammoth's HTML, tags stripped). */
async function docxTables(body: Buffer): Promise<string[][][]> {
  const html = (await mammoth.convertToHtml({ buffer: body })).value;
  const text = (s: string) => s.replace(/<[^>]+>/g, " ").replace(/&amp;/g, "&").replace(/&#39;|&apos;/g, "'").replace(/&quot;/g, '"').replace(/\s+/g, " ").trim();
  return [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map(([, table]) =>
    [...table!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, row]) => [...row!.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map(([, cell]) => text(cell!))),
  );
}

async function login(user: { email: string; password: string }) {
  const client = new TestClient(server.url);
  await client.login(user.email, user.password);
  return client;
}

const GERMAN = ["Ziele der Lernortkooperation zwischen Schule und Betrieb", "Die Kammer berät die Ausbildungsbetriebe", "Zeitplan für die Studienreise nach Bologna"];
const GERMAN_CHANGED = "Die Kammer berät die Ausbildungsbetriebe jeden Monat";
const ITALIAN = ["Obiettivi della cooperazione tra scuola e impresa", "La camera consiglia le imprese formatrici"];

function paragraph(text: string, sid?: string): Y.XmlElement {
  const element = new Y.XmlElement("paragraph");
  if (sid) element.setAttribute(SECTION_ID_ATTR, sid);
  const content = new Y.XmlText();
  content.insert(0, text);
  element.insert(0, [content]);
  return element;
}

describe(`language version exports (${process.env.TEST_DATABASE})`, () => {
  let network: { id: string; slug: string; name: string };
  let wp: { id: string; docName: string };
  const base = () => `/networks/${network.slug}/work-programmes/${wp.id}`;
  const reader = async (locale: Locale) => login(await buildUser(server.services.db, { locale, memberships: [{ networkId: network.id, role: "member" }] }));

  beforeAll(async () => {
    const db = server.services.db;
    network = await buildNetwork(db, { name: uniq("Rete Lingue") });
    wp = await buildWorkProgramme(db, network.id, { title: uniq("Ausbildung 2026") });
    const coordinator = await buildUser(db, { memberships: [{ networkId: network.id, role: "coordinator" }], locale: "de", name: "Katrin Weber" });
    const giulia = await buildUser(db, { memberships: [{ networkId: network.id, role: "member" }], locale: "it", name: "Giulia Rossi" });
    const collab = server.server.collab;
    await collab.change(wp.docName, coordinator.id, (doc) => {
      doc.getXmlFragment("content").insert(
        0,
        GERMAN.map((text) => paragraph(text)),
      );
    });
    const added = await addLanguageVersion(server.services, collab, await loadActor(db, coordinator.id), { sourceName: wp.docName, sourceLanguage: "de", language: "it" });
    expect(added).toMatchObject({ ok: true });
    const source = await collab.read(wp.docName);
    const ids = readSections(source.getXmlFragment("content")).map((s) => s.id!);
    source.destroy();
    expect(ids).toHaveLength(3);
    // Italian for the first two sections, both reviewed by Giulia against the German of then.
    await collab.change(languageVersionName(wp.docName, "it"), giulia.id, (doc) => {
      doc.getXmlFragment("content").insert(0, [paragraph(ITALIAN[0]!, ids[0]), paragraph(ITALIAN[1]!, ids[1])]);
      for (const i of [0, 1]) writeSectionRecord(doc, ids[i]!, { base: GERMAN[i]!, state: "reviewed", by: giulia.id, byName: "Giulia Rossi", at: nowIso() });
    });
    // The German of the second section changes afterwards: its translation is outdated.
    await collab.change(wp.docName, coordinator.id, (doc) => {
      const text = findSection(doc.getXmlFragment("content"), ids[1]!)!.element.get(0) as Y.XmlText;
      text.delete(0, text.length);
      text.insert(0, GERMAN_CHANGED);
    });
  });

  it("bilingual DOCX: one two-column table, German beside Italian, statuses in the reader's language (en)", async () => {
    const response = await download(await reader("en"), `${base()}/languages/it/export/docx?layout=bilingual`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(DOCX_TYPE);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="Ausbildung-2026-[^"]*\.docx"/);
    const tables = await docxTables(response.body);
    expect(tables).toHaveLength(1);
    const rows = tables[0]!;
    expect(rows.every((row) => row.length === 2)).toBe(true);
    expect(rows[0]).toEqual(["German", "Italian"]);
    expect(rows).toHaveLength(4);
    expect(rows[1]![0]).toBe(GERMAN[0]);
    expect(rows[1]![1]).toContain(ITALIAN[0]);
    expect(rows[1]![1]).toContain("Status: reviewed by Giulia Rossi");
    expect(rows[2]![0]).toBe(GERMAN_CHANGED);
    expect(rows[2]![1]).toContain(ITALIAN[1]);
    expect(rows[2]![1]).toContain("Status: outdated");
    expect(rows[3]![0]).toBe(GERMAN[2]);
    expect(rows[3]![1]).toBe("Status: not translated yet");
    const text = (await mammoth.extractRawText({ buffer: response.body })).value;
    expect(text).toContain("(German and Italian)");
    expect(text).toContain("1 of 3 sections up to date");
  });

  it("bilingual DOCX in German says the statuses in German", async () => {
    const response = await download(await reader("de"), `${base()}/languages/it/export/docx?layout=bilingual`);
    expect(response.status).toBe(200);
    const rows = (await docxTables(response.body))[0]!;
    expect(rows[0]).toEqual(["Deutsch", "Italienisch"]);
    expect(rows[1]![1]).toContain("Status: geprüft von Giulia Rossi");
    expect(rows[2]![1]).toContain("Status: veraltet");
    expect(rows[3]![1]).toBe("Status: noch nicht übersetzt");
  });

  it.skipIf(!PDFTOTEXT)("single-version PDF (it): the Italian text section by section with the status notes, the missing section in the original", async () => {
    const response = await download(await reader("it"), `${base()}/languages/it/export/pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const text = readPdf(response.body, "single-it.pdf");
    expect(text).toContain("(Italiano)");
    expect(text).toContain("Sezioni aggiornate: 1 su 3");
    expect(text).toContain(ITALIAN[0]);
    expect(text).toContain(ITALIAN[1]);
    expect(text).toContain("Stato: verificata da Giulia Rossi");
    expect(text).toContain("Stato: non aggiornata");
    expect(text).toContain("Stato: non ancora tradotta");
    expect(text).toContain(GERMAN[2]);
    // In the source's order: reviewed, outdated, then the untranslated one.
    expect(text.indexOf(ITALIAN[0]!)).toBeLessThan(text.indexOf(ITALIAN[1]!));
    expect(text.indexOf(ITALIAN[1]!)).toBeLessThan(text.indexOf(GERMAN[2]!));
    // The translated sections are not repeated in German.
    expect(text).not.toContain(GERMAN[0]);
  });

  it.skipIf(!PDFTOTEXT)("bilingual PDF works too (the PDF renderer lays out the two-column table)", async () => {
    const response = await download(await reader("en"), `${base()}/languages/it/export/pdf?layout=bilingual`);
    expect(response.status).toBe(200);
    const text = readPdf(response.body, "bilingual-en.pdf");
    for (const expected of [GERMAN[0]!, ITALIAN[0]!, ITALIAN[1]!, "Status: reviewed by Giulia Rossi", "Status: not translated yet"]) expect(text).toContain(expected);
  });

  it("single-version DOCX has no table and the statuses as lines", async () => {
    const response = await download(await reader("en"), `${base()}/languages/it/export/docx`);
    expect(response.status).toBe(200);
    expect(await docxTables(response.body)).toHaveLength(0);
    const text = (await mammoth.extractRawText({ buffer: response.body })).value;
    expect(text).toContain(ITALIAN[0]);
    expect(text).toContain("Status: outdated");
    expect(text).toContain("Status: not translated yet; shown in the original (German), in italics");
  });

  it("outsiders get 404 (translated, nothing of the document); visitors are sent to log in", async () => {
    const outsider = await login(await buildUser(server.services.db, { locale: "de", memberships: [{ networkId: (await buildNetwork(server.services.db)).id, role: "member" }] }));
    for (const suffix of ["docx", "pdf", "docx?layout=bilingual"]) {
      const response = await download(outsider, `${base()}/languages/it/export/${suffix}`);
      expect(response.status, suffix).toBe(404);
      const body = response.body.toString("utf8");
      expect(body).toContain("Seite nicht gefunden");
      expect(body).not.toContain(ITALIAN[0]);
    }
    const anonymous = await download(null, `${base()}/languages/it/export/docx`);
    expect(anonymous.status).toBe(302);
  });

  it("a version that does not exist, an unknown language, format or layout are 404", async () => {
    const client = await reader("en");
    for (const suffix of ["en/export/docx", "de/export/docx", "xx/export/pdf", "it/export/odt", "it/export/DOCX", "it/export/docx?layout=triple"]) {
      expect((await download(client, `${base()}/languages/${suffix}`)).status, suffix).toBe(404);
    }
  });
});
