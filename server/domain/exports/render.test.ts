/**
 * Both renderers on awkward content, read back with real readers: mammoth for DOCX, and
 * pdftotext (poppler-utils) for PDF when it is installed.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import mammoth from "mammoth";
import { afterAll, describe, expect, it } from "vitest";
import { exportWorkProgramme, type ExportSource } from "./export-work-programme";
import { workProgrammeDocument } from "./work-programme-model";
import { renderDocx } from "./render-docx";
import { renderPdf } from "./render-pdf";

const PDFTOTEXT = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext", "/opt/homebrew/bin/pdftotext"].find((p) => fs.existsSync(p));
if (!PDFTOTEXT) console.warn("\n!!! pdftotext (poppler-utils) is NOT installed: PDF read-back assertions are SKIPPED on this machine !!!\n");

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ca-export-unit-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function pdfText(data: Buffer, name: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, data);
  // Whitespace collapsed per page: table cells wrap, and pdftotext puts the pieces on lines of their own.
  return execFileSync(PDFTOTEXT!, ["-enc", "UTF-8", file, "-"], { encoding: "utf8" })
    .split("\f")
    .map((page) => page.replace(/\s+/g, " ").trim())
    .join("\f");
}

const t = (text: string, marks?: unknown[]) => ({ type: "text", text, ...(marks ? { marks } : {}) });
const p = (...content: unknown[]) => ({ type: "paragraph", content });

function source(overrides: Partial<ExportSource> = {}): ExportSource {
  return {
    networkName: "Mechatronik Bayern–Emilia-Romagna",
    title: "Arbeitsprogramm 2026",
    date: "2026-11-21T09:30:00.000Z",
    json: {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 1 }, content: [t("Ziele für „Übergänge“ – Schule … Betrieb")] },
        p(t("Kosten: 5 € ≤ 10 € → ✓ 😀 Łódź "), t("Anmeldung", [{ type: "link", attrs: { href: "https://example.org/anmeldung" } }]), t(" "), t("böse", [{ type: "link", attrs: { href: "javascript:alert(1)" } }])),
        { type: "orderedList", attrs: { start: 7 }, content: [{ type: "listItem", content: [p(t("sieben"))] }, { type: "listItem", content: [p(t("acht"))] }] },
        { type: "bulletList", content: [{ type: "listItem", content: [p(t("Punkt"))] }] },
        { type: "blockquote", content: [p(t("Zitat"))] },
        { type: "horizontalRule" },
        {
          type: "table",
          content: [
            { type: "tableRow", content: [{ type: "tableHeader", content: [p(t("Kopf A"))] }, { type: "tableHeader", content: [p(t("Kopf B"))] }] },
            { type: "tableRow", content: [{ type: "tableCell", attrs: { colspan: 2 }, content: [p(t("über zwei Spalten"))] }] },
          ],
        },
      ],
    },
    activities: [
      { id: "a1", title: "Studienreise nach Modena", responsible: ["o1", "gone"], start: "2026-03", end: "2026-05", status: "in_progress", note: "Zeile 1\nZeile 2" },
      { id: "a2", title: "", responsible: [], start: "", end: "", status: "cancelled", note: "" },
    ],
    milestones: [{ id: "m1", title: "Zwischenbericht", due: "2026-06-30", reached: true }],
    organisationNames: new Map([["o1", "Handwerkskammer für München und Oberbayern"]]),
    ...overrides,
  };
}

describe("DOCX renderer", () => {
  it("writes real headings, lists, tables and links that a DOCX reader understands", async () => {
    const data = await renderDocx(workProgrammeDocument(source(), "de"));
    expect(data.subarray(0, 2).toString()).toBe("PK");
    const html = (await mammoth.convertToHtml({ buffer: data })).value;
    expect(html).toContain("<h1>Ziele für „Übergänge“ – Schule … Betrieb</h1>");
    expect(html).toContain("Kosten: 5 € ≤ 10 € → ✓ 😀 Łódź");
    expect(html).toContain('<a href="https://example.org/anmeldung">Anmeldung</a>');
    expect(html).not.toContain("javascript:");
    expect(html).toMatch(/<ol><li>sieben<\/li><li>acht<\/li><\/ol>/);
    expect(html).toMatch(/<ul><li>Punkt<\/li><\/ul>/);
    expect(html).toContain('<td colspan="2"><p>über zwei Spalten</p></td>');
    expect(html).toContain("<h1>Aktivitäten</h1>");
    expect(html).toContain("<h1>Meilensteine</h1>");
    const text = (await mammoth.extractRawText({ buffer: data })).value;
    for (const expected of [
      "Arbeitsprogramm 2026",
      "Mechatronik Bayern–Emilia-Romagna",
      "Aktuelle Fassung · Stand: 21. November 2026 um 10:30",
      "Studienreise nach Modena",
      "Handwerkskammer für München und Oberbayern",
      "Organisation nicht mehr im Netzwerk",
      "März 2026",
      "In Arbeit",
      "Abgesagt",
      "Aktivität ohne Titel",
      "30. Juni 2026",
      "Ja",
    ]) {
      expect(text).toContain(expected);
    }
  });
});

describe("PDF renderer", () => {
  it("produces a PDF for awkward characters without failing", async () => {
    const data = await renderPdf(workProgrammeDocument(source(), "it"));
    expect(data.subarray(0, 5).toString()).toBe("%PDF-");
    expect(data.subarray(-6).toString()).toContain("%%EOF");
  });

  it.skipIf(!PDFTOTEXT)("reads back with pdftotext: WinAnsi kept, the rest mapped, labels translated", async () => {
    const text = pdfText(await renderPdf(workProgrammeDocument(source(), "it")), "it.pdf");
    expect(text).toContain("Ziele für „Übergänge“ – Schule … Betrieb");
    expect(text).toContain("Kosten: 5 € <= 10 € -> v ? Lódz");
    expect(text).toContain("Programma di lavoro · Mechatronik Bayern–Emilia-Romagna");
    expect(text).toContain("Versione attuale · aggiornata al 21 novembre 2026");
    expect(text).toContain("Attività");
    expect(text).toContain("Traguardi");
    expect(text).toContain("Organizzazioni");
    expect(text).toContain("Stato");
    expect(text).toContain("Studienreise nach Modena");
    expect(text).toContain("In corso");
    expect(text).toContain("7.");
    expect(text).toContain("8.");
    expect(text).toContain("über zwei Spalten");
    expect(text).toContain("Pagina 1 di 1");
  });

  it.skipIf(!PDFTOTEXT)("breaks long tables over pages, repeating the header row, and numbers the pages", async () => {
    const activities = Array.from({ length: 120 }, (_, i) => ({
      id: `a${i}`,
      title: `Aktivität Nummer ${i + 1}`,
      responsible: ["o1"],
      start: "2026-01",
      end: "2026-12",
      status: "planned" as const,
      note: i === 60 ? "Lange Anmerkung. ".repeat(400) : "kurz",
    }));
    const text = pdfText(await renderPdf(workProgrammeDocument(source({ activities }), "en")), "long.pdf");
    const pages = text.split("\f").filter((page) => page.trim());
    expect(pages.length).toBeGreaterThan(3);
    expect(text).toContain(`Page ${pages.length} of ${pages.length}`);
    for (const i of [1, 60, 61, 62, 120]) expect(text).toContain(`Aktivität Nummer ${i}`);
    // Every page the activities table continues on starts with its header row.
    const continued = pages.filter((page) => /Aktivität Nummer (2|3|4|5|6|7|8|9)\d\b/.test(page) && !page.includes("Lange Anmerkung"));
    expect(continued.length).toBeGreaterThan(1);
    for (const page of continued) expect(page).toMatch(/Activity Responsible.*Start End Status Note/);
  });
});

describe("exportWorkProgramme", () => {
  it("returns the file with its content type and a safe file name", async () => {
    const file = await exportWorkProgramme(source(), "pdf", "de");
    expect(file.contentType).toBe("application/pdf");
    expect(file.fileName.ascii).toBe("Arbeitsprogramm-2026_Mechatronik-Bayern-Emilia-Romagna_2026-11-21.pdf");
    expect(file.contentDisposition).toMatch(/^attachment; filename="[A-Za-z0-9_.-]+"; filename\*=UTF-8''/);
    const docx = await exportWorkProgramme(source({ title: "" }), "docx", "it");
    expect(docx.contentType).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(docx.fileName.ascii).toBe("Programma-di-lavoro_Mechatronik-Bayern-Emilia-Romagna_2026-11-21.docx");
    expect((await mammoth.extractRawText({ buffer: docx.data })).value).toContain("Programma di lavoro senza titolo");
  });

  it("names a stored version instead of the current one", async () => {
    const file = await exportWorkProgramme(source({ versionLabel: "Fassung für die Steuerungsgruppe" }), "docx", "de");
    expect((await mammoth.extractRawText({ buffer: file.data })).value).toContain("Fassung für die Steuerungsgruppe · Stand: 21. November 2026");
  });
});

describe("PDF tables with narrow columns", () => {
  const raw = (data: Buffer, name: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, data);
    // -raw: in content order, without joining words hyphenated at a line end.
    return execFileSync(PDFTOTEXT!, ["-raw", "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
  };
  const cell = (text: string, header = false) => ({ header, colspan: 1, rowspan: 1, blocks: [{ kind: "paragraph" as const, inlines: [{ kind: "text" as const, text }] }] });
  /** Where each word was broken across lines in pdftotext's output (character offsets), and with a hyphen or not. */
  function breaksOf(text: string, word: string): Array<{ at: number; hyphen: boolean }> {
    const letters = [...word].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    const match = new RegExp(letters.map((c, i) => (i === 0 ? c : `(-?\\n+)?${c}`)).join("")).exec(text);
    if (!match) throw new Error(`"${word}" not found in:\n${text}`);
    const breaks: Array<{ at: number; hyphen: boolean }> = [];
    for (let i = 1; i < letters.length; i++) if (match[i]) breaks.push({ at: i, hyphen: match[i]!.startsWith("-") });
    return breaks;
  }

  it.skipIf(!PDFTOTEXT)("breaks a long German word at a hyphenation point with a hyphen, never between arbitrary letters", async () => {
    const words = ["Abgeschlossen", "Ausbildungspartnerschaften"];
    const doc = {
      language: "de" as const,
      info: { title: "Test", subject: "" },
      runningHeader: "Test",
      pageLabel: (page: number | string, pages: number | string) => `Seite ${page} von ${pages}`,
      blocks: [
        {
          kind: "table" as const,
          // Twelve columns across A4: about 30 pt of text per column, narrower than both words.
          widths: Array.from({ length: 12 }, () => 1),
          rows: [
            { cells: Array.from({ length: 12 }, (_, i) => cell(String.fromCharCode(65 + i), true)) },
            { cells: [cell(words[0]!), cell(words[1]!), ...Array.from({ length: 10 }, () => cell("x"))] },
          ],
        },
      ],
    };
    const text = raw(await renderPdf(doc), "narrow.pdf");
    // The allowed points, from the same German patterns (Ab-ge-schlos-sen, Aus-bil-dungs-part-ner-schaf-ten).
    const allowed: Record<string, number[]> = { Abgeschlossen: [2, 4, 10], Ausbildungspartnerschaften: [3, 6, 11, 15, 18, 23] };
    for (const word of words) {
      const breaks = breaksOf(text, word);
      expect(breaks.length, `${word} should need a break in a column this narrow`).toBeGreaterThan(0);
      for (const b of breaks) {
        expect(allowed[word], `${word} broken after ${b.at} letters ("${word.slice(0, b.at)}|${word.slice(b.at)}")`).toContain(b.at);
        expect(b.hyphen, `${word} broken after ${b.at} letters without a hyphen`).toBe(true);
      }
    }
  });
});
