/**
 * The glossary as CSV, for people who keep terms in a spreadsheet.
 *
 * Export: UTF-8 with a byte-order mark (without it Excel reads the umlauts and accents as
 * Windows-1252), CRLF line ends, the fixed header below. Import: the same header in any order
 * and case, with or without the mark, separated by commas or by semicolons (German and Italian
 * Excel save semicolons because the comma is their decimal separator).
 *
 * Cells a spreadsheet would run as a formula get a leading apostrophe on export; the import
 * takes exactly that apostrophe off again, so the text survives the round trip unchanged.
 */
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import type { GlossaryEntry } from "#shared/glossary/glossary-entry";
import type { Locale } from "#shared/i18n/config";
import {
  GLOSSARY_IMPORT_LIMITS,
  checkEntry,
  emptyEntry,
  failure,
  isTooLarge,
  type GlossaryImportResult,
  type ImportError,
} from "./glossary-import";

export const GLOSSARY_CSV_COLUMNS = ["de", "it", "en", "definition_de", "definition_it", "definition_en", "note_de", "note_it", "note_en"] as const;
export type GlossaryCsvColumn = (typeof GLOSSARY_CSV_COLUMNS)[number];

const TERM_COLUMNS: readonly GlossaryCsvColumn[] = ["de", "it", "en"];

function cellOf(entry: GlossaryEntry, column: GlossaryCsvColumn): string {
  if (column.startsWith("definition_")) return entry.definition[column.slice(11) as Locale];
  if (column.startsWith("note_")) return entry.note[column.slice(5) as Locale];
  return entry.terms[column as Locale];
}

function setCell(entry: GlossaryEntry, column: GlossaryCsvColumn, value: string): void {
  if (column.startsWith("definition_")) entry.definition[column.slice(11) as Locale] = value;
  else if (column.startsWith("note_")) entry.note[column.slice(5) as Locale] = value;
  else entry.terms[column as Locale] = value;
}

// Any apostrophes already in front of a formula character count too, so that a text that
// really begins with "'=" is written "''=" and comes back as "'=" (the mapping is reversible).
const NEEDS_PROTECTION = /^'*[=+\-@\t\r]/;
const PROTECTED = /^'+[=+\-@\t\r]/;

export const protectCell = (value: string): string => (NEEDS_PROTECTION.test(value) ? `'${value}` : value);
export const unprotectCell = (value: string): string => (PROTECTED.test(value) ? value.slice(1) : value);

export function glossaryToCsv(entries: readonly GlossaryEntry[], options: { delimiter?: "," | ";" } = {}): string {
  const rows = entries.map((entry) => GLOSSARY_CSV_COLUMNS.map((column) => protectCell(cellOf(entry, column))));
  const csv = stringify([[...GLOSSARY_CSV_COLUMNS], ...rows], { delimiter: options.delimiter ?? ",", record_delimiter: "\r\n" });
  return `\uFEFF${csv}`;
}

/** The header line decides: whichever of ";" and "," occurs more often outside quotes. */
function detectDelimiter(text: string): "," | ";" {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && char === ",") commas++;
    else if (!quoted && char === ";") semicolons++;
  }
  return semicolons > commas ? ";" : ",";
}

type Header = { columns: (GlossaryCsvColumn | null)[]; errors: ImportError[] };

function readHeader(cells: readonly string[]): Header {
  const known = new Set<string>(GLOSSARY_CSV_COLUMNS);
  const names = cells.map((cell) => cell.trim().toLowerCase());
  const columns = names.map((name) => (known.has(name) ? (name as GlossaryCsvColumn) : null));
  if (columns.every((column) => column === null)) return { columns, errors: [{ code: "missing-header", line: 1 }] };
  const errors: ImportError[] = [];
  names.forEach((name, index) => {
    const cell = cells[index] ?? "";
    // An empty header cell (a stray separator) is harmless while the cells under it stay empty.
    if (columns[index] === null && name !== "") errors.push({ code: "unknown-column", line: 1, field: cell.trim().slice(0, 60) });
    else if (columns[index] !== null && names.indexOf(name) !== index) errors.push({ code: "duplicate-column", line: 1, field: name });
  });
  if (TERM_COLUMNS.filter((column) => columns.includes(column)).length < 2) errors.push({ code: "too-few-languages", line: 1 });
  return { columns, errors };
}

type ParsedRow = { record: string[]; raw: string };

/** csv-parse's errors carry the line they stopped at. */
function notCsv(error: unknown): ImportError {
  const lines = (error as { lines?: unknown }).lines;
  return typeof lines === "number" && lines > 0 ? { code: "not-csv", line: lines } : { code: "not-csv" };
}

export function parseGlossaryCsv(text: string): GlossaryImportResult {
  if (isTooLarge(text)) return failure([{ code: "too-large" }]);
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  if (body.trim() === "") return failure([{ code: "missing-header", line: 1 }]);
  // A NUL byte means a binary file (an .xlsx, a PDF) was uploaded in place of a CSV.
  if (body.includes("\u0000")) return failure([{ code: "not-csv" }]);

  let rows: ParsedRow[];
  try {
    rows = parse(body, {
      delimiter: detectDelimiter(body),
      raw: true,
      // Short rows are fine (Excel drops trailing empty cells at times); cells under no column are checked below.
      relax_column_count: true,
      // A quote inside an unquoted cell ("5" Zoll) is taken literally, as Excel does.
      relax_quotes: true,
      // The typings do not model how `raw` changes the shape of a record.
    }) as unknown as ParsedRow[];
  } catch (error) {
    return failure([notCsv(error)]);
  }

  const [headerRow, ...dataRows] = rows;
  if (!headerRow) return failure([{ code: "missing-header", line: 1 }]);
  const header = readHeader(headerRow.record);
  if (header.errors.length > 0) return failure(header.errors);

  const entries: GlossaryEntry[] = [];
  const errors: ImportError[] = [];
  let line = 1 + countLineBreaks(headerRow.raw);
  let entryNumber = 0;
  for (const row of dataRows) {
    const startLine = line;
    line += countLineBreaks(row.raw);
    // Blank lines and rows of empty cells (";;;;;;;;" from Excel) are not entries.
    if (row.record.every((cell) => cell.trim() === "")) continue;
    entryNumber++;
    if (entryNumber > GLOSSARY_IMPORT_LIMITS.maxEntries) return failure([{ code: "too-many-entries", line: startLine, entry: entryNumber }]);
    const where = { line: startLine, entry: entryNumber };
    // Text beyond the last column, or under a column without a name, belongs nowhere.
    if (row.record.some((cell, index) => cell.trim() !== "" && !header.columns[index])) {
      errors.push({ ...where, code: "wrong-field-count" });
      continue;
    }
    const raw = emptyEntry();
    header.columns.forEach((column, index) => {
      if (column) setCell(raw, column, unprotectCell(row.record[index] ?? ""));
    });
    const checked = checkEntry(raw, where);
    if (checked.errors.length > 0) errors.push(...checked.errors);
    else entries.push(checked.entry);
    if (errors.length >= GLOSSARY_IMPORT_LIMITS.maxErrors) break;
  }
  return errors.length > 0 ? failure(errors) : { ok: true, entries };
}

function countLineBreaks(raw: string): number {
  return raw.match(/\r\n|\r|\n/g)?.length ?? 0;
}
