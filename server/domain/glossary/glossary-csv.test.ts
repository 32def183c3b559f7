import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import type { GlossaryEntry } from "#shared/glossary/glossary-entry";
import { entriesOf, entry, errorsOf } from "./testing/glossary-fixtures";
import { GLOSSARY_SEED } from "#db/seed/glossary-terms";
import { GLOSSARY_CSV_COLUMNS, glossaryToCsv, parseGlossaryCsv } from "./glossary-csv";
import { GLOSSARY_IMPORT_LIMITS, checkEntry, type GlossaryImportResult, type ImportError } from "./glossary-import";


/** Texts a CSV writer or reader gets wrong first: separators, quotes, line breaks, markup characters. */
const TRICKY: GlossaryEntry[] = [
  entry(
    ["Ausbildungsprüfung; „Gesellenbrief“", "qualità, perché «è» così", "quote \"inside\", comma"],
    ["Zeile eins\nZeile zwei mit Ä Ö Ü ß", "Città; l'apprendista\n\ndopo una riga vuota", "Tom & Jerry <b>not bold</b> > less"],
    ["", "nota: «sì»", "semi;colon, comma"],
  ),
  entry(["Kammer", "camera", ""], ["", "", ""], ["IHK ↔ Camera di commercio", "", ""]),
];



const HEADER = GLOSSARY_CSV_COLUMNS.join(",");

describe("glossaryToCsv", () => {
  it("writes a byte-order mark, the fixed header and CRLF line ends", () => {
    const csv = glossaryToCsv(TRICKY);
    expect(csv.startsWith(`\uFEFF${HEADER}\r\n`)).toBe(true);
    const rows = parse(csv.slice(1)) as string[][];
    expect(rows).toHaveLength(3);
    expect(rows[1]?.[0]).toBe("Ausbildungsprüfung; „Gesellenbrief“");
    expect(rows[1]?.[3]).toBe("Zeile eins\nZeile zwei mit Ä Ö Ü ß");
  });

  it("can write semicolons for German and Italian Excel", () => {
    const csv = glossaryToCsv(TRICKY, { delimiter: ";" });
    expect(csv.startsWith(`\uFEFF${GLOSSARY_CSV_COLUMNS.join(";")}\r\n`)).toBe(true);
    expect(entriesOf(parseGlossaryCsv(csv))).toEqual(TRICKY);
  });
});

describe("CSV round trip", () => {
  it("entries → CSV → entries → CSV gives back the same entries and the same file", () => {
    const csv = glossaryToCsv(TRICKY);
    const entries = entriesOf(parseGlossaryCsv(csv));
    expect(entries).toEqual(TRICKY);
    expect(glossaryToCsv(entries)).toBe(csv);
  });

  it("keeps the whole seed unchanged", () => {
    expect(entriesOf(parseGlossaryCsv(glossaryToCsv(GLOSSARY_SEED)))).toEqual(GLOSSARY_SEED);
  });
});

describe("formula injection", () => {
  const risky = entry(["=HYPERLINK(\"http://x\")", "+39 055", "@SUM(A1)"], ["- erster Punkt\n- zweiter Punkt", "'=già protetto", "'plain apostrophe"]);

  it("prefixes cells a spreadsheet would evaluate with an apostrophe", () => {
    const rows = parse(glossaryToCsv([risky]).slice(1)) as string[][];
    expect(rows[1]?.slice(0, 6)).toEqual(["'=HYPERLINK(\"http://x\")", "'+39 055", "'@SUM(A1)", "'- erster Punkt\n- zweiter Punkt", "''=già protetto", "'plain apostrophe"]);
  });

  it("takes the apostrophe off again on import, and only before a formula character", () => {
    expect(entriesOf(parseGlossaryCsv(glossaryToCsv([risky])))).toEqual([risky]);
    const typed = `de,it,definition_de\n'=1+1,'ciao,'\tTab\n`;
    const [imported] = entriesOf(parseGlossaryCsv(typed));
    expect(imported?.terms.de).toBe("=1+1");
    expect(imported?.terms.it).toBe("'ciao");
    expect(imported?.definition.de).toBe("Tab");
  });
});

describe("parseGlossaryCsv", () => {
  it("reads a semicolon file from Excel: BOM, header in other case and order, quoted line breaks", () => {
    const excel =
      "\uFEFFIT;De;Note_DE;definition_it\r\n" +
      "formazione duale;duale Ausbildung;\"Nicht gleich; siehe Hinweis\";\"Alterna azienda\r\ne scuola\"\r\n" +
      ";;;\r\n" +
      "camera di commercio;Industrie- und Handelskammer (IHK);;\r\n";
    expect(entriesOf(parseGlossaryCsv(excel))).toEqual([
      entry(["duale Ausbildung", "formazione duale", ""], ["", "Alterna azienda\ne scuola", ""], ["Nicht gleich; siehe Hinweis", "", ""]),
      entry(["Industrie- und Handelskammer (IHK)", "camera di commercio", ""]),
    ]);
  });

  it("reads a comma file without BOM and with missing optional columns", () => {
    expect(entriesOf(parseGlossaryCsv("de,en\nSozialpartner,social partners\n"))).toEqual([entry(["Sozialpartner", "", "social partners"])]);
  });

  it("trims, collapses whitespace in terms and keeps line breaks in definitions", () => {
    const [imported] = entriesOf(parseGlossaryCsv(`de,it,definition_de\n"  duale \n  Ausbildung ",formazione\t duale,"  erste   Zeile  \r\n\r\n\r\n\r\n  zweite Zeile "\n`));
    expect(imported?.terms).toEqual({ de: "duale Ausbildung", it: "formazione duale", en: "" });
    expect(imported?.definition.de).toBe("erste Zeile\n\nzweite Zeile");
  });

  it("accepts a header-only file as an empty glossary", () => {
    expect(parseGlossaryCsv(`\uFEFF${HEADER}\r\n`)).toEqual({ ok: true, entries: [] });
  });
});

describe("parseGlossaryCsv errors", () => {
  it("too-large", () => {
    const big = `de,it\n${"a".repeat(GLOSSARY_IMPORT_LIMITS.maxBytes)},b\n`;
    expect(errorsOf(parseGlossaryCsv(big))).toEqual([{ code: "too-large" }]);
  });

  it("too-large counts UTF-8 bytes, not characters", () => {
    const umlauts = "ä".repeat(GLOSSARY_IMPORT_LIMITS.maxBytes / 2 + 10);
    expect(errorsOf(parseGlossaryCsv(`de,it\n${umlauts},b\n`))).toEqual([{ code: "too-large" }]);
  });

  it("too-many-entries", () => {
    const rows = Array.from({ length: GLOSSARY_IMPORT_LIMITS.maxEntries + 1 }, (_, i) => `t${i},t${i}`).join("\n");
    expect(errorsOf(parseGlossaryCsv(`de,it\n${rows}\n`))).toEqual([{ code: "too-many-entries", line: GLOSSARY_IMPORT_LIMITS.maxEntries + 2, entry: GLOSSARY_IMPORT_LIMITS.maxEntries + 1 }]);
    const exactly = Array.from({ length: GLOSSARY_IMPORT_LIMITS.maxEntries }, (_, i) => `t${i},t${i}`).join("\n");
    expect(entriesOf(parseGlossaryCsv(`de,it\n${exactly}\n`))).toHaveLength(GLOSSARY_IMPORT_LIMITS.maxEntries);
  });

  it("not-csv: an unclosed quote, or a binary file", () => {
    expect(errorsOf(parseGlossaryCsv(`de,it\na,b\n"c,d\n`))).toEqual([{ code: "not-csv", line: 3 }]);
    expect(errorsOf(parseGlossaryCsv("PK\u0003\u0004\u0000\u0000binary"))).toEqual([{ code: "not-csv" }]);
  });

  it("missing-header: empty file, or data where the header should be", () => {
    expect(errorsOf(parseGlossaryCsv("\uFEFF \r\n"))).toEqual([{ code: "missing-header", line: 1 }]);
    expect(errorsOf(parseGlossaryCsv("duale Ausbildung,formazione duale\n"))).toEqual([{ code: "missing-header", line: 1 }]);
  });

  it("unknown-column and duplicate-column", () => {
    expect(errorsOf(parseGlossaryCsv("de,it,Begriff,DE\na,b,c,d\n"))).toEqual([
      { code: "unknown-column", line: 1, field: "Begriff" },
      { code: "duplicate-column", line: 1, field: "de" },
    ]);
  });

  it("wrong-field-count: more cells than the header has", () => {
    expect(errorsOf(parseGlossaryCsv("de,it\na,b\nc,d,extra\n"))).toEqual([{ code: "wrong-field-count", line: 3, entry: 2 }]);
    // A column without a name in the header: empty cells under it are fine, text is not.
    expect(entriesOf(parseGlossaryCsv("de,,it\na,,b\n"))).toEqual([entry(["a", "b", ""])]);
    expect(errorsOf(parseGlossaryCsv("de,,it\na,lost,b\n"))).toEqual([{ code: "wrong-field-count", line: 2, entry: 1 }]);
  });

  it("too-few-languages: in the header, and in a row", () => {
    expect(errorsOf(parseGlossaryCsv("de,definition_de\na,b\n"))).toEqual([{ code: "too-few-languages", line: 1 }]);
    expect(errorsOf(parseGlossaryCsv("de,it,en\na,b,\n\"mehr\nzeilig\",,\nc,,d\n"))).toEqual([{ code: "too-few-languages", line: 3, entry: 2 }]);
  });

  it("term-too-long, definition-too-long, note-too-long, with the language", () => {
    const long = (n: number) => "x".repeat(n);
    const ok = `de,it,definition_it,note_en\n${long(200)},b,${long(2000)},${long(2000)}\n`;
    expect(entriesOf(parseGlossaryCsv(ok))).toHaveLength(1);
    const tooLong = `de,it,definition_it,note_en\n${long(201)},b,${long(2001)},${long(2001)}\n`;
    expect(errorsOf(parseGlossaryCsv(tooLong))).toEqual([
      { code: "term-too-long", line: 2, entry: 1, field: "de" },
      { code: "definition-too-long", line: 2, entry: 1, field: "it" },
      { code: "note-too-long", line: 2, entry: 1, field: "en" },
    ]);
  });

  it("reports errors of all rows, up to a cap", () => {
    const rows = Array.from({ length: 200 }, () => "only-german,").join("\n");
    const errors = errorsOf(parseGlossaryCsv(`de,it\n${rows}\n`));
    expect(errors).toHaveLength(GLOSSARY_IMPORT_LIMITS.maxErrors);
    expect(errors.every((error) => error.code === "too-few-languages")).toBe(true);
  });
});

describe("the seed", () => {
  it("has about 45 complete, normalised entries in all three languages", () => {
    expect(GLOSSARY_SEED.length).toBeGreaterThanOrEqual(45);
    for (const seeded of GLOSSARY_SEED) {
      const checked = checkEntry(seeded, {});
      expect(checked.errors, seeded.terms.de).toEqual([]);
      expect(checked.entry, seeded.terms.de).toEqual(seeded);
      for (const locale of ["de", "it", "en"] as const) {
        expect(seeded.terms[locale], `${seeded.terms.de} term ${locale}`).not.toBe("");
        expect(seeded.definition[locale], `${seeded.terms.de} definition ${locale}`).not.toBe("");
      }
    }
  });

  it("contains the platform vocabulary of DOMAIN.md and no German term twice", () => {
    const german = GLOSSARY_SEED.map((seeded) => seeded.terms.de);
    for (const term of ["Modell-Netzwerk", "Netzwerk der Netzwerke", "Arbeitsprogramm", "Begleitgremium", "Erkenntnis", "Handlungsempfehlung", "Studienreise", "Fachkonferenz", "Workshop / Seminar", "Dolmetschen", "Interessensbekundung", "duale Ausbildung", "Kammer", "Gewerkschaft", "Berufsschule", "Ausbildungspersonal", "gute Praxis"]) {
      expect(german).toContain(term);
    }
    expect(new Set(german).size).toBe(german.length);
  });
});
