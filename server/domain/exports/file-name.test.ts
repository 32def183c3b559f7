import { describe, expect, it } from "vitest";
import { contentDisposition, displayDay, exportFileName, MAX_FILE_NAME } from "./file-name";

const SAFE_ASCII = /^[A-Za-z0-9_-]+\.(docx|pdf)$/;

const name = (title: string, networkName: string, extension = "docx", date = "2026-11-21T09:30:00.000Z") =>
  exportFileName({ title, networkName, date, extension, fallbackTitle: "Arbeitsprogramm" });

describe("export file names", () => {
  it("reads like the document: title, network, day", () => {
    expect(name("Arbeitsprogramm 2026", "Mechatronik Bayern–Emilia-Romagna").ascii).toBe(
      "Arbeitsprogramm-2026_Mechatronik-Bayern-Emilia-Romagna_2026-11-21.docx",
    );
  });

  it("spells out umlauts and drops accents in the ASCII name, keeps them in the original", () => {
    const n = name("Größere Übungsfirmen für Städte", "Rete città perché è già", "pdf");
    expect(n.ascii).toBe("Groessere-Uebungsfirmen-fuer-Staedte_Rete-citta-perche-e-gia_2026-11-21.pdf");
    expect(n.original).toBe("Größere-Übungsfirmen-für-Städte_Rete-città-perché-è-già_2026-11-21.pdf");
  });

  it("never contains path separators, quotes, control characters or reserved characters", () => {
    const n = name('../../etc/passwd\u0000 "x" <a>|b*c?d:e\\f\r\nnext', "..\\..\\Windows\u0007");
    for (const value of [n.ascii, n.original]) {
      expect(value).not.toMatch(/[/\\"<>|*?:\u0000-\u001f\u007f]/);
      expect(value).not.toMatch(/^\./);
      expect(value).not.toContain("..");
    }
    expect(n.ascii).toMatch(SAFE_ASCII);
  });

  it("is at most 120 characters, also for very long titles and network names", () => {
    const n = name("Sehr langer Titel ".repeat(20), "Ein Netzwerk mit einem außerordentlich langen Namen ".repeat(5));
    expect(n.ascii.length).toBeLessThanOrEqual(MAX_FILE_NAME);
    expect([...n.original].length).toBeLessThanOrEqual(MAX_FILE_NAME);
    expect(n.ascii).toMatch(SAFE_ASCII);
    expect(n.ascii).toMatch(/_2026-11-21\.docx$/);
  });

  it("falls back to the document kind when nothing of the title survives", () => {
    expect(name("😀😀", "网络").ascii).toBe("Arbeitsprogramm_2026-11-21.docx");
    expect(name("😀😀", "网络").original).toBe("Arbeitsprogramm_网络_2026-11-21.docx");
    expect(name("", "").ascii).toBe("Arbeitsprogramm_2026-11-21.docx");
  });

  it("uses the day in Europe/Berlin, not in UTC", () => {
    expect(displayDay("2026-11-21T23:30:00.000Z")).toBe("2026-11-22");
    expect(displayDay("2026-07-01T21:59:00.000Z")).toBe("2026-07-01");
    expect(displayDay("2026-07-01T22:00:00.000Z")).toBe("2026-07-02");
  });

  it("sends both names in Content-Disposition, the original percent-encoded as UTF-8", () => {
    const header = contentDisposition(name("Übung (Teil 1)", "Rete città"));
    expect(header).toBe(
      `attachment; filename="Uebung-Teil-1_Rete-citta_2026-11-21.docx"; filename*=UTF-8''%C3%9Cbung-Teil-1_Rete-citt%C3%A0_2026-11-21.docx`,
    );
    // Only ASCII in the header (Node refuses anything else).
    expect(header).toMatch(/^[\x20-\x7e]+$/);
  });
});
