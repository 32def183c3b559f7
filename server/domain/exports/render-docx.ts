/**
 * Export model → DOCX (Office Open XML) with the docx package: real heading styles (so
 * Word's navigation pane and table of contents work), real numbered and bulleted lists,
 * real tables with a repeating header row, clickable hyperlinks, and a running header and
 * page numbers on every page.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ILevelsOptions,
  type ParagraphChild,
} from "docx";
import type { Block, ExportDocument, Inline, TextRun as ModelRun } from "./model";

const FONT = "Calibri";
const CODE_FONT = "Courier New";
const MUTED = "555555";
const BULLETS = ["\u2022", "\u25e6", "\u25aa"];
const ORDERED_FORMATS = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN];
/** A4 with 2 cm margins, in twips. */
const PAGE = { width: 11906, height: 16838, margin: 1134 };
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const INDENT = 567;
const MAX_LEVEL = 8;

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];

interface Context {
  /** Nesting depth of lists (0 = not in a list). */
  listLevel: number;
  /** Extra left indent in twips (quotes, list item continuation paragraphs). */
  indent: number;
  quote: boolean;
  /** Width available here (for column widths of tables), in twips. */
  width: number;
}

type Numbering = { reference: string; level: number; instance?: number };

class NumberingRegistry {
  private instances = 0;
  readonly starts = new Set<number>();
  ordered(start: number): { reference: string; instance: number } {
    this.starts.add(start);
    return { reference: `ordered-${start}`, instance: ++this.instances };
  }
  config() {
    const level = (l: number, format: ILevelsOptions["format"], text: string, start = 1): ILevelsOptions => ({
      level: l,
      format,
      text,
      start,
      alignment: AlignmentType.START,
      style: { paragraph: { indent: { left: INDENT * (l + 1), hanging: 360 } } },
    });
    const levels = Array.from({ length: MAX_LEVEL + 1 }, (_, l) => l);
    return [
      { reference: "bullets", levels: levels.map((l) => level(l, LevelFormat.BULLET, BULLETS[l % BULLETS.length]!)) },
      ...[...this.starts].map((start) => ({
        reference: `ordered-${start}`,
        levels: levels.map((l) => level(l, ORDERED_FORMATS[l % ORDERED_FORMATS.length], `%${l + 1}.`, start)),
      })),
    ];
  }
}

function runOf(run: ModelRun, extra: { color?: string } = {}): TextRun {
  return new TextRun({
    text: run.text,
    bold: run.bold,
    italics: run.italic,
    underline: run.underline || run.href ? {} : undefined,
    strike: run.strike,
    font: run.code ? CODE_FONT : undefined,
    style: run.href ? "Hyperlink" : undefined,
    ...extra,
  });
}

function inlineChildren(inlines: Inline[], extra: { color?: string } = {}): ParagraphChild[] {
  return inlines.map((inline) => {
    if (inline.kind === "break") return new TextRun({ break: 1 });
    const run = runOf(inline, extra);
    return inline.href ? new ExternalHyperlink({ link: inline.href, children: [run] }) : run;
  });
}

function paragraphOptions(ctx: Context, numbering?: Numbering) {
  const quoteBorder = ctx.quote ? { left: { style: BorderStyle.SINGLE, size: 12, color: "9AA5B5", space: 8 } } : undefined;
  return {
    ...(numbering ? { numbering } : ctx.indent ? { indent: { left: ctx.indent } } : {}),
    ...(quoteBorder ? { border: quoteBorder } : {}),
  };
}

function tableOf(block: Extract<Block, { kind: "table" }>, ctx: Context, numbering: NumberingRegistry): Table {
  // The grid: as many columns as the widest row needs, counting cells merged down from above.
  const occupied: number[][] = [];
  let columns = 1;
  block.rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row.cells) {
      while (occupied[r]?.includes(c)) c++;
      for (let dr = 0; dr < cell.rowspan; dr++) for (let dc = 0; dc < cell.colspan; dc++) (occupied[r + dr] ??= []).push(c + dc);
      c += cell.colspan;
    }
    // A loop, not Math.max(...row): a wide row would overflow the call stack with arguments.
    columns = Math.max(columns, c);
    for (const x of occupied[r] ?? []) columns = Math.max(columns, x + 1);
  });
  const weights = block.widths?.length === columns ? block.widths : Array.from({ length: columns }, () => 1);
  const total = weights.reduce((a, b) => a + b, 0);
  const width = Math.max(ctx.width, 1500);
  const columnWidths = weights.map((w) => Math.max(300, Math.floor((width * w) / total)));
  const headerRows = block.rows.findIndex((row) => !row.cells.every((c) => c.header));
  const leading = headerRows === -1 ? block.rows.length : headerRows;

  const rows = block.rows.map((row, r) => {
    let c = 0;
    const cells = row.cells.map((cell) => {
      const cellWidth = columnWidths.slice(c, c + cell.colspan).reduce((a, b) => a + b, 0) || columnWidths[0]!;
      c += cell.colspan;
      const inner: Context = { listLevel: 0, indent: 0, quote: false, width: cellWidth - 220 };
      let children = blocksToDocx(cell.blocks, inner, numbering);
      // Word refuses a cell without a paragraph, and one that ends in a table.
      if (!children.length || children[children.length - 1] instanceof Table) children = [...children, new Paragraph({})];
      return new TableCell({
        children,
        columnSpan: cell.colspan > 1 ? cell.colspan : undefined,
        rowSpan: cell.rowspan > 1 ? cell.rowspan : undefined,
        width: { size: cellWidth, type: WidthType.DXA },
        shading: cell.header ? { type: ShadingType.CLEAR, color: "auto", fill: "E8EEF5" } : undefined,
        margins: { top: 60, bottom: 60, left: 110, right: 110 },
      });
    });
    return new TableRow({ children: cells, tableHeader: r < leading && leading < block.rows.length ? true : undefined });
  });
  return new Table({
    rows,
    width: { size: columnWidths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths,
    indent: ctx.indent ? { size: ctx.indent, type: WidthType.DXA } : undefined,
  });
}

/** Header cells are bold; everything else in them is as written. */
function boldened(blocks: Block[]): Block[] {
  return blocks.map((b) =>
    b.kind === "paragraph" || b.kind === "heading" ? { ...b, inlines: b.inlines.map((i) => (i.kind === "text" ? { ...i, bold: true } : i)) } : b,
  );
}

function blocksToDocx(blocks: Block[], ctx: Context, numbering: NumberingRegistry, firstNumbering?: Numbering): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [];
  let pendingNumbering = firstNumbering;
  const takeNumbering = () => {
    const n = pendingNumbering;
    pendingNumbering = undefined;
    return n;
  };
  for (const block of blocks) {
    switch (block.kind) {
      case "title":
        out.push(new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: block.text })] }));
        break;
      case "meta":
        out.push(new Paragraph({ children: [new TextRun({ text: block.text, color: MUTED, size: 20 })], spacing: { after: 120 } }));
        break;
      case "heading":
        out.push(new Paragraph({ heading: HEADINGS[block.level - 1], children: inlineChildren(block.inlines), ...paragraphOptions(ctx, takeNumbering()) }));
        break;
      case "paragraph":
        out.push(new Paragraph({ children: inlineChildren(block.inlines), ...paragraphOptions(ctx, takeNumbering()) }));
        break;
      case "code":
        out.push(
          new Paragraph({
            children: block.text.split("\n").flatMap((line, i) => [...(i ? [new TextRun({ break: 1 })] : []), new TextRun({ text: line, font: CODE_FONT, size: 20 })]),
            shading: { type: ShadingType.CLEAR, color: "auto", fill: "F2F2F2" },
            ...paragraphOptions(ctx, takeNumbering()),
          }),
        );
        break;
      case "rule":
        out.push(new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "999999", space: 1 } }, ...paragraphOptions(ctx) }));
        break;
      case "quote":
        for (const child of blocksToDocx(block.blocks, { ...ctx, quote: true, indent: ctx.indent + INDENT, width: ctx.width - INDENT }, numbering, takeNumbering())) out.push(child);
        break;
      case "table": {
        const n = takeNumbering();
        if (n) out.push(new Paragraph({ numbering: n }));
        out.push(tableOf({ ...block, rows: block.rows.map((row) => ({ cells: row.cells.map((c) => (c.header ? { ...c, blocks: boldened(c.blocks) } : c)) })) }, ctx, numbering));
        break;
      }
      case "list": {
        const n = takeNumbering();
        if (n) out.push(new Paragraph({ numbering: n }));
        const level = Math.min(ctx.listLevel, MAX_LEVEL);
        const ordered = block.ordered ? numbering.ordered(block.start) : null;
        const itemIndent = INDENT * (level + 1);
        for (const item of block.items) {
          const first: Numbering = ordered ? { ...ordered, level } : { reference: "bullets", level };
          const inner: Context = { listLevel: ctx.listLevel + 1, indent: itemIndent, quote: ctx.quote, width: ctx.width - itemIndent };
          const rendered = blocksToDocx(item.length ? item : [{ kind: "paragraph", inlines: [] }], inner, numbering, first);
          // Not push(...rendered): its arguments live on the stack, and an item may hold 100,000 paragraphs.
          for (const child of rendered) out.push(child);
        }
        break;
      }
    }
  }
  return out;
}

/** Splits a translated "Page {{page}} of {{pages}}" around its two numbers, which Word fills in. */
function pageNumberRuns(doc: ExportDocument): TextRun {
  const label = doc.pageLabel("\u0001", "\u0002");
  const children = label
    .split(/(\u0001|\u0002)/)
    .filter(Boolean)
    .map((part) => (part === "\u0001" ? PageNumber.CURRENT : part === "\u0002" ? PageNumber.TOTAL_PAGES : part));
  return new TextRun({ children, color: MUTED, size: 16 });
}

export async function renderDocx(doc: ExportDocument): Promise<Buffer> {
  const numbering = new NumberingRegistry();
  const children = blocksToDocx(doc.blocks, { listLevel: 0, indent: 0, quote: false, width: CONTENT_WIDTH }, numbering);
  const document = new Document({
    title: doc.info.title,
    subject: doc.info.subject,
    creator: "ConnActions",
    styles: {
      default: {
        document: { run: { font: FONT, size: 22, language: { value: languageTag(doc.language) } }, paragraph: { spacing: { after: 120 } } },
        title: { run: { font: FONT, size: 44, bold: true, color: "1F3A5F" }, paragraph: { spacing: { after: 120 } } },
        heading1: { run: { font: FONT, size: 32, bold: true, color: "1F3A5F" }, paragraph: { spacing: { before: 360, after: 120 }, keepNext: true } },
        heading2: { run: { font: FONT, size: 28, bold: true, color: "1F3A5F" }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } },
        heading3: { run: { font: FONT, size: 24, bold: true, color: "1F3A5F" }, paragraph: { spacing: { before: 200, after: 80 }, keepNext: true } },
      },
    },
    numbering: { config: numbering.config() },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin, header: 567, footer: 567 },
          },
        },
        headers: { default: new Header({ children: [new Paragraph({ children: [new TextRun({ text: doc.runningHeader, color: MUTED, size: 16 })] })] }) },
        footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [pageNumberRuns(doc)] })] }) },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}

function languageTag(locale: string): string {
  return locale === "de" ? "de-DE" : locale === "it" ? "it-IT" : "en-GB";
}
