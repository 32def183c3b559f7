/**
 * Export model → PDF with pdfkit and the 14 standard fonts (Helvetica, Courier): nothing
 * to embed, and WinAnsi covers German and Italian. Every string passes `toWinAnsi`, so
 * characters those fonts do not have are mapped (≤ → <=, ł → l, emoji → ?) instead of
 * producing broken glyphs. pdfkit has no layout engine for tables and lists: they are laid
 * out here, row by row, breaking pages between rows and repeating header rows.
 */
import PDFDocument from "pdfkit";
import type { Block, ExportDocument, Inline, TableRow } from "./model";
import { inlineText } from "./model";
import { toWinAnsi } from "./text";
import { breakLongWords, guessLanguage } from "./break-words";
import type { Locale } from "#shared/i18n/config";

type Pdf = PDFKit.PDFDocument;

const MARGIN = { top: 64, bottom: 60, left: 56, right: 56 };
const INK = "#1d1d1f";
const MUTED = "#555555";
const LINK = "#1a4f8b";
const HEADING_INK = "#1f3a5f";
const LINE = "#9aa5b5";
const HEADER_FILL = "#e8eef5";
const BODY = 10.5;
/** Tables are set smaller, so that six columns fit on A4 without breaking words. */
const TABLE_BODY = 9;
const LINE_GAP = 2;
const PARA_AFTER = 6;
const CELL_PAD = 4;
const LIST_INDENT = 18;
const QUOTE_INDENT = 14;
const BULLETS = ["\u2022", "\u2013", "\u2022"];
const HEADING_SIZES = [16, 13.5, 12, 11, 11, 11];

interface Style {
  size: number;
  bold?: boolean;
  italic?: boolean;
  color?: string;
}

interface Context {
  x: number;
  width: number;
  quoteDepth: number;
  listDepth: number;
  /** Inside a table cell: the row was measured to fit, so no page breaks here. */
  inCell: boolean;
  /** Body text size here (smaller in tables). */
  size: number;
  /** The export's language: hyphenation falls back to it (break-words.ts). */
  language: Locale;
}

function fontName(bold?: boolean, italic?: boolean, code?: boolean): string {
  const family = code ? "Courier" : "Helvetica";
  if (bold && italic) return `${family}-BoldOblique`;
  if (bold) return `${family}-Bold`;
  if (italic) return `${family}-Oblique`;
  return family;
}

interface Segment {
  text: string;
  font: string;
  link: string | null;
  underline: boolean;
  strike: boolean;
  color: string;
}

/**
 * Inline content as pdfkit text segments. Line breaks become "\n" at the start of the next
 * segment: pdfkit drops a newline at the end of a `continued` fragment.
 */
function segmentsOf(inlines: Inline[], style: Style): Segment[] {
  const out: Segment[] = [];
  let pendingBreaks = "";
  for (const inline of inlines) {
    if (inline.kind === "break") {
      pendingBreaks += "\n";
      continue;
    }
    const text = pendingBreaks + toWinAnsi(inline.text);
    pendingBreaks = "";
    if (!text) continue;
    out.push({
      text,
      font: fontName(style.bold || inline.bold, style.italic || inline.italic, inline.code),
      link: inline.href ?? null,
      underline: Boolean(inline.underline || inline.href),
      strike: Boolean(inline.strike),
      color: inline.href ? LINK : (style.color ?? INK),
    });
  }
  // Breaks at the very end: a line of their own, which pdfkit keeps when nothing is continued after them.
  if (pendingBreaks) out.push({ text: pendingBreaks, font: fontName(style.bold, style.italic), link: null, underline: false, strike: false, color: INK });
  return out;
}

/** The widest font in use measures every segment, so estimates err on the tall side. */
function measureFont(segments: Segment[]): string {
  if (segments.some((s) => s.font.startsWith("Courier"))) return "Courier-Bold";
  if (segments.some((s) => s.font.includes("Bold"))) return "Helvetica-Bold";
  if (segments.some((s) => s.font.includes("Oblique"))) return "Helvetica-Oblique";
  return "Helvetica";
}

/**
 * Segments whose words fit `width`, too-wide words broken by hyphenation (break-words.ts).
 * Measured with the widest font in use, the same for measuring and drawing, so a row's
 * measured height is the height it is drawn with.
 */
function fittedSegments(pdf: Pdf, inlines: Inline[], style: Style, width: number, fallback: Locale): Segment[] {
  const segments = segmentsOf(inlines, style);
  if (!segments.length) return segments;
  const language = guessLanguage(inlineText(inlines), fallback);
  pdf.font(measureFont(segments)).fontSize(style.size);
  const measure = (s: string) => pdf.widthOfString(s);
  return segments.map((s) => ({ ...s, text: breakLongWords(s.text, width, measure, language) }));
}

function textHeight(pdf: Pdf, inlines: Inline[], style: Style, width: number, language: Locale): number {
  const segments = fittedSegments(pdf, inlines, style, width, language);
  if (!segments.length) return style.size * 0.9;
  pdf.font(measureFont(segments)).fontSize(style.size);
  return pdf.heightOfString(segments.map((s) => s.text).join(""), { width, lineGap: LINE_GAP });
}

function drawText(pdf: Pdf, inlines: Inline[], style: Style, ctx: Context) {
  const segments = fittedSegments(pdf, inlines, style, ctx.width, ctx.language);
  if (!segments.length) {
    pdf.y += style.size * 0.9;
    return;
  }
  segments.forEach((s, i) => {
    pdf.font(s.font).fontSize(style.size).fillColor(s.color);
    const options = { continued: i < segments.length - 1, link: s.link, underline: s.underline, strike: s.strike, lineGap: LINE_GAP };
    if (i === 0) pdf.text(s.text, ctx.x, pdf.y, { ...options, width: ctx.width, align: "left" });
    else pdf.text(s.text, options);
  });
  pdf.fillColor(INK);
}

const bottom = (pdf: Pdf) => pdf.page.height - pdf.page.margins.bottom;

/** Starts a new page unless `height` still fits on this one. */
function ensureSpace(pdf: Pdf, height: number, ctx: Context) {
  if (ctx.inCell) return;
  if (pdf.y + height > bottom(pdf) && pdf.y > pdf.page.margins.top + 1) pdf.addPage();
}

function styleOf(block: Block): Style {
  switch (block.kind) {
    case "title":
      return { size: 20, bold: true, color: HEADING_INK };
    case "meta":
      return { size: 9, color: MUTED };
    case "heading":
      return { size: HEADING_SIZES[block.level - 1] ?? BODY, bold: true, color: HEADING_INK };
    default:
      return { size: BODY };
  }
}

const plain = (text: string): Inline[] => [{ kind: "text", text }];

/** Height of blocks laid out in `width` (tables: sum of measured rows). Mirrors drawBlocks. */
function measureBlocks(pdf: Pdf, blocks: Block[], width: number, ctx: Omit<Context, "x" | "width">): number {
  let h = 0;
  for (const block of blocks) {
    switch (block.kind) {
      case "title":
      case "meta":
        h += textHeight(pdf, plain(block.text), styleOf(block), width, ctx.language) + PARA_AFTER;
        break;
      case "heading":
        h += styleOf(block).size * 0.6 + textHeight(pdf, block.inlines, styleOf(block), width, ctx.language) + PARA_AFTER;
        break;
      case "paragraph":
        h += textHeight(pdf, block.inlines, paragraphStyle(ctx), width, ctx.language) + PARA_AFTER;
        break;
      case "code":
        h += codeHeight(pdf, block.text, width) + PARA_AFTER;
        break;
      case "rule":
        h += 12;
        break;
      case "quote":
        h += measureBlocks(pdf, block.blocks, width - QUOTE_INDENT, { ...ctx, quoteDepth: ctx.quoteDepth + 1 });
        break;
      case "list": {
        const indent = listIndent(pdf, block, ctx.size);
        for (const item of block.items) h += Math.max(ctx.size + LINE_GAP + PARA_AFTER, measureBlocks(pdf, item, width - indent, { ...ctx, listDepth: ctx.listDepth + 1 }));
        break;
      }
      case "table": {
        const layout = tableLayout(block.rows, block.widths, width);
        h += layout.rows.reduce((sum, _row, r) => sum + rowHeight(pdf, block.rows[r]!, layout, r, ctx.language), 0) + PARA_AFTER;
        break;
      }
    }
  }
  return h;
}

/** Room for the widest marker of a list ("•", "9.", "128."). */
function listIndent(pdf: Pdf, block: Extract<Block, { kind: "list" }>, size: number): number {
  if (!block.ordered) return LIST_INDENT;
  pdf.font("Helvetica").fontSize(size);
  return Math.max(LIST_INDENT, pdf.widthOfString(`${block.start + block.items.length - 1}.`) + 6);
}

const paragraphStyle = (ctx: { quoteDepth: number; size: number }): Style => (ctx.quoteDepth ? { size: ctx.size, color: "#333333" } : { size: ctx.size });

function codeHeight(pdf: Pdf, text: string, width: number): number {
  pdf.font("Courier").fontSize(9);
  return pdf.heightOfString(toWinAnsi(text) || " ", { width: width - 8, lineGap: 1 }) + 8;
}

interface TableLayout {
  /** x offset and width of each cell, per row (cells in their grid columns, merged cells wider). */
  rows: Array<Array<{ x: number; width: number }>>;
  columnWidths: number[];
}

function tableLayout(rows: TableRow[], weights: number[] | undefined, width: number): TableLayout {
  const occupied: Array<Set<number>> = [];
  const starts: number[][] = [];
  let columns = 1;
  rows.forEach((row, r) => {
    const taken = (occupied[r] ??= new Set());
    let c = 0;
    starts[r] = [];
    for (const cell of row.cells) {
      while (taken.has(c)) c++;
      starts[r]!.push(c);
      for (let dr = 0; dr < cell.rowspan; dr++) for (let dc = 0; dc < cell.colspan; dc++) (occupied[r + dr] ??= new Set()).add(c + dc);
      c += cell.colspan;
    }
    // A loop, not Math.max(...taken): a wide row would overflow the call stack with arguments.
    columns = Math.max(columns, c);
    for (const x of taken) columns = Math.max(columns, x + 1);
  });
  const w = weights?.length === columns ? weights : Array.from({ length: columns }, () => 1);
  const total = w.reduce((a, b) => a + b, 0);
  const columnWidths = w.map((x) => (width * x) / total);
  const offsets = columnWidths.map((_, i) => columnWidths.slice(0, i).reduce((a, b) => a + b, 0));
  return {
    columnWidths,
    rows: rows.map((row, r) =>
      row.cells.map((cell, i) => {
        const start = starts[r]![i]!;
        const span = Math.min(cell.colspan, columns - start);
        return { x: offsets[start] ?? 0, width: columnWidths.slice(start, start + span).reduce((a, b) => a + b, 0) };
      }),
    ),
  };
}

const cellContext = (language: Locale) => ({ quoteDepth: 0, listDepth: 0, inCell: true, size: TABLE_BODY, language });

function rowHeight(pdf: Pdf, row: TableRow, layout: TableLayout, r: number, language: Locale): number {
  let h = 0;
  row.cells.forEach((cell, i) => {
    const box = layout.rows[r]![i]!;
    const blocks = cell.header ? headerBlocks(cell.blocks) : cell.blocks;
    h = Math.max(h, measureBlocks(pdf, blocks, Math.max(box.width - 2 * CELL_PAD, 10), cellContext(language)) - PARA_AFTER);
  });
  return Math.max(h, TABLE_BODY) + 2 * CELL_PAD;
}

/** Header cells in bold. */
function headerBlocks(blocks: Block[]): Block[] {
  return blocks.map((b) => (b.kind === "paragraph" ? { ...b, inlines: b.inlines.map((i) => (i.kind === "text" ? { ...i, bold: true } : i)) } : b));
}

function drawTable(pdf: Pdf, block: Extract<Block, { kind: "table" }>, ctx: Context) {
  const layout = tableLayout(block.rows, block.widths, ctx.width);
  const firstBody = block.rows.findIndex((row) => !row.cells.every((c) => c.header));
  const headerCount = firstBody === -1 ? 0 : firstBody;
  const headerHeight = block.rows.slice(0, headerCount).reduce((sum, row, r) => sum + rowHeight(pdf, row, layout, r, ctx.language), 0);
  const pageRoom = () => bottom(pdf) - pdf.page.margins.top;

  const drawRow = (r: number, height: number) => {
    const row = block.rows[r]!;
    const top = pdf.y;
    row.cells.forEach((cell, i) => {
      const box = layout.rows[r]![i]!;
      const x = ctx.x + box.x;
      if (cell.header) pdf.rect(x, top, box.width, height).fill(HEADER_FILL);
      pdf.rect(x, top, box.width, height).lineWidth(0.5).strokeColor(LINE).stroke();
      pdf.y = top + CELL_PAD;
      drawBlocks(pdf, cell.header ? headerBlocks(cell.blocks) : cell.blocks, { ...cellContext(ctx.language), x: x + CELL_PAD, width: Math.max(box.width - 2 * CELL_PAD, 10) });
    });
    pdf.y = top + height;
  };

  /** A row taller than a page: its cells one below the other, labelled with the header row. */
  const drawStacked = (r: number) => {
    const labels = headerCount ? block.rows[0]!.cells.map((c) => inlineText(c.blocks.flatMap((b) => (b.kind === "paragraph" ? b.inlines : [])))) : [];
    pdf.moveTo(ctx.x, pdf.y).lineTo(ctx.x + ctx.width, pdf.y).lineWidth(0.5).strokeColor(LINE).stroke();
    pdf.y += CELL_PAD;
    block.rows[r]!.cells.forEach((cell, i) => {
      const label = labels[i];
      // The label stays with at least two lines of its value.
      ensureSpace(pdf, 3 * (ctx.size + LINE_GAP) + PARA_AFTER, ctx);
      if (label) drawBlocks(pdf, [{ kind: "paragraph", inlines: [{ kind: "text", text: label, bold: true }] }], ctx);
      drawBlocks(pdf, cell.blocks, { ...ctx, x: ctx.x + LIST_INDENT, width: ctx.width - LIST_INDENT });
    });
  };

  for (let r = 0; r < block.rows.length; r++) {
    const height = rowHeight(pdf, block.rows[r]!, layout, r, ctx.language);
    const repeatHeader = r >= headerCount && headerCount > 0;
    if (ctx.inCell) {
      drawRow(r, height);
      continue;
    }
    if (height + (repeatHeader ? headerHeight : 0) > pageRoom()) {
      drawStacked(r);
      continue;
    }
    if (pdf.y + height > bottom(pdf)) {
      pdf.addPage();
      if (repeatHeader) for (let h = 0; h < headerCount; h++) drawRow(h, rowHeight(pdf, block.rows[h]!, layout, h, ctx.language));
    }
    drawRow(r, height);
  }
  pdf.x = ctx.x;
  pdf.y += PARA_AFTER;
}

function drawQuoteBar(pdf: Pdf, ctx: Context, fromY: number, fromPage: number) {
  if (!ctx.quoteDepth) return;
  const top = pageIndex(pdf) === fromPage ? fromY : pdf.page.margins.top;
  for (let d = 0; d < ctx.quoteDepth; d++) {
    const x = ctx.x - QUOTE_INDENT * (d + 1) + 4;
    pdf
      .moveTo(x, top)
      .lineTo(x, pdf.y - PARA_AFTER + 1)
      .lineWidth(2)
      .strokeColor(LINE)
      .stroke();
  }
}

function pageIndex(pdf: Pdf): number {
  const range = pdf.bufferedPageRange();
  return range.start + range.count - 1;
}

function drawBlocks(pdf: Pdf, blocks: Block[], ctx: Context) {
  for (const block of blocks) {
    const startY = pdf.y;
    const startPage = pageIndex(pdf);
    switch (block.kind) {
      case "title":
      case "meta": {
        const style = styleOf(block);
        ensureSpace(pdf, style.size * 1.4, ctx);
        drawText(pdf, plain(block.text), style, ctx);
        pdf.y += PARA_AFTER;
        break;
      }
      case "heading": {
        const style = styleOf(block);
        // Keep a heading with at least two lines of what follows.
        ensureSpace(pdf, style.size * 0.6 + textHeight(pdf, block.inlines, style, ctx.width, ctx.language) + 2 * (BODY + LINE_GAP) + PARA_AFTER, ctx);
        if (pdf.y > pdf.page.margins.top + 1) pdf.y += style.size * 0.6;
        drawText(pdf, block.inlines, style, ctx);
        pdf.y += PARA_AFTER;
        break;
      }
      case "paragraph":
        ensureSpace(pdf, ctx.size + LINE_GAP, ctx);
        drawText(pdf, block.inlines, paragraphStyle(ctx), ctx);
        pdf.y += PARA_AFTER;
        drawQuoteBar(pdf, ctx, startY, startPage);
        break;
      case "code": {
        const height = codeHeight(pdf, block.text, ctx.width);
        ensureSpace(pdf, Math.min(height, 60), ctx);
        if (pdf.y + height <= bottom(pdf)) pdf.rect(ctx.x, pdf.y, ctx.width, height).fill("#f2f2f2");
        pdf.font("Courier").fontSize(9).fillColor(INK);
        pdf.text(toWinAnsi(block.text) || " ", ctx.x + 4, pdf.y + 4, { width: ctx.width - 8, lineGap: 1 });
        pdf.y += 4 + PARA_AFTER;
        break;
      }
      case "rule":
        ensureSpace(pdf, 12, ctx);
        pdf
          .moveTo(ctx.x, pdf.y + 5)
          .lineTo(ctx.x + ctx.width, pdf.y + 5)
          .lineWidth(0.75)
          .strokeColor(LINE)
          .stroke();
        pdf.y += 12;
        break;
      case "quote":
        drawBlocks(pdf, block.blocks, { ...ctx, x: ctx.x + QUOTE_INDENT, width: ctx.width - QUOTE_INDENT, quoteDepth: ctx.quoteDepth + 1 });
        break;
      case "list": {
        const marker = (i: number) => (block.ordered ? `${block.start + i}.` : BULLETS[ctx.listDepth % BULLETS.length]!);
        const indent = listIndent(pdf, block, ctx.size);
        const inner: Context = { ...ctx, x: ctx.x + indent, width: ctx.width - indent, listDepth: ctx.listDepth + 1 };
        block.items.forEach((item, i) => {
          ensureSpace(pdf, ctx.size + LINE_GAP, ctx);
          const top = pdf.y;
          pdf.font("Helvetica").fontSize(ctx.size).fillColor(INK);
          pdf.text(marker(i), ctx.x, top, { width: indent - 3, lineBreak: false });
          pdf.y = top;
          if (item.length) drawBlocks(pdf, item, inner);
          else pdf.y += ctx.size + LINE_GAP + PARA_AFTER;
        });
        break;
      }
      case "table":
        drawTable(pdf, block, ctx);
        break;
    }
  }
}

/** Running header and "Page n of m" on every page, drawn once all pages exist. */
function drawPageFurniture(pdf: Pdf, doc: ExportDocument) {
  const range = pdf.bufferedPageRange();
  const header = toWinAnsi(doc.runningHeader);
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const { width, height, margins } = pdf.page;
    const saved = margins.bottom;
    // Writing into the margins must not trigger pdfkit's automatic page break.
    pdf.page.margins.bottom = 0;
    pdf.font("Helvetica").fontSize(8).fillColor(MUTED);
    pdf.text(header, MARGIN.left, 30, { width: width - MARGIN.left - MARGIN.right, lineBreak: false, ellipsis: true, height: 10 });
    pdf
      .moveTo(MARGIN.left, 44)
      .lineTo(width - MARGIN.right, 44)
      .lineWidth(0.5)
      .strokeColor(LINE)
      .stroke();
    pdf.text(toWinAnsi(doc.pageLabel(i - range.start + 1, range.count)), MARGIN.left, height - 40, {
      width: width - MARGIN.left - MARGIN.right,
      align: "right",
      lineBreak: false,
    });
    pdf.page.margins.bottom = saved;
  }
}

export function renderPdf(doc: ExportDocument): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    try {
      const pdf = new PDFDocument({
        size: "A4",
        margins: MARGIN,
        bufferPages: true,
        lang: doc.language,
        displayTitle: true,
        info: { Title: doc.info.title, Subject: doc.info.subject, Creator: "ConnActions", Producer: "ConnActions" },
      });
      const chunks: Buffer[] = [];
      pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
      pdf.on("end", () => resolve(Buffer.concat(chunks)));
      pdf.on("error", reject);
      const left = pdf.page.margins.left;
      const width = pdf.page.width - left - pdf.page.margins.right;
      pdf.y = pdf.page.margins.top;
      drawBlocks(pdf, doc.blocks, { x: left, width, quoteDepth: 0, listDepth: 0, inCell: false, size: BODY, language: doc.language });
      drawPageFurniture(pdf, doc);
      pdf.end();
    } catch (error) {
      reject(error);
    }
  });
}
