/**
 * The neutral export model: what a document looks like once it is out of ProseMirror and
 * before it becomes DOCX or PDF. Both renderers know only these blocks, so a new format is
 * one more renderer and a new source (a stored version, another document type) is one more
 * builder.
 */
import type { Locale } from "#shared/i18n/config";

export interface TextRun {
  kind: "text";
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  code?: boolean;
  /** Only absolute http, https and mailto addresses ever get here. */
  href?: string;
}

export interface LineBreak {
  kind: "break";
}

export type Inline = TextRun | LineBreak;

export interface TableCell {
  header: boolean;
  colspan: number;
  rowspan: number;
  blocks: Block[];
}

export interface TableRow {
  cells: TableCell[];
}

export type Block =
  /** The document's title (one per document, at the top). */
  | { kind: "title"; text: string }
  /** Small print under or above the title: network, version, date. */
  | { kind: "meta"; text: string }
  | { kind: "heading"; level: 1 | 2 | 3 | 4 | 5 | 6; inlines: Inline[] }
  | { kind: "paragraph"; inlines: Inline[] }
  | { kind: "list"; ordered: boolean; start: number; items: Block[][] }
  | { kind: "quote"; blocks: Block[] }
  /** `widths`: relative column widths when the builder knows better than "equal". */
  | { kind: "table"; rows: TableRow[]; widths?: number[] }
  | { kind: "rule" }
  | { kind: "code"; text: string };

export interface ExportDocument {
  language: Locale;
  /** Document properties (file metadata). */
  info: { title: string; subject: string };
  /** Repeated at the top of every page: network · title · version · date. */
  runningHeader: string;
  blocks: Block[];
  /** "Page 2 of 5" in the document's language (DOCX passes placeholders that Word fills in). */
  pageLabel(page: number | string, pages: number | string): string;
}

/** Plain text of inline content (for measuring, fallbacks and tests). */
export function inlineText(inlines: Inline[]): string {
  return inlines.map((i) => (i.kind === "text" ? i.text : "\n")).join("");
}

/** Plain text of blocks, one line per paragraph (tests and fallbacks). */
export function blocksText(blocks: Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case "title":
      case "meta":
      case "code":
        out.push(b.text);
        break;
      case "heading":
      case "paragraph":
        out.push(inlineText(b.inlines));
        break;
      case "list":
        for (const item of b.items) out.push(blocksText(item));
        break;
      case "quote":
        out.push(blocksText(b.blocks));
        break;
      case "table":
        for (const row of b.rows) out.push(row.cells.map((c) => blocksText(c.blocks)).join("\t"));
        break;
      case "rule":
        break;
    }
  }
  return out.join("\n");
}
