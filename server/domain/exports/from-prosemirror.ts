/**
 * ProseMirror JSON (as derived from the "content" fragment) → export blocks. The JSON comes
 * from a document anyone in the network can write to, through any client, so nothing in it
 * is trusted: unknown nodes keep their text or are skipped, attributes are range-checked,
 * links survive only as absolute http, https or mailto addresses, and nesting is capped.
 * Nothing here recurses deeper than MAX_DEPTH, and plain text is gathered with an explicit
 * stack; results are appended with loops, never `push(...many)`, whose arguments live on
 * the call stack (a node with ~150,000 children would overflow it).
 */
import { isAllowedLinkUrl } from "#shared/editor/extensions";
import type { Block, Inline, TableCell, TableRow, TextRun } from "./model";
import { cleanText } from "./text";

export interface PmJsonNode {
  type?: unknown;
  attrs?: unknown;
  text?: unknown;
  marks?: unknown;
  content?: unknown;
}

/** Deeper structures are flattened to paragraphs (nobody writes 30 nested quotes on purpose). */
export const MAX_DEPTH = 30;
const MAX_SPAN = 50;

const children = (node: PmJsonNode): PmJsonNode[] =>
  Array.isArray(node.content) ? node.content.filter((c): c is PmJsonNode => typeof c === "object" && c !== null) : [];
const typeOf = (node: PmJsonNode) => (typeof node.type === "string" ? node.type : "");
const attr = (node: PmJsonNode, name: string): unknown =>
  typeof node.attrs === "object" && node.attrs !== null ? (node.attrs as Record<string, unknown>)[name] : undefined;

function intAttr(node: PmJsonNode, name: string, min: number, max: number, fallback: number): number {
  const value = Number(attr(node, name));
  return Number.isInteger(value) ? Math.min(max, Math.max(min, value)) : fallback;
}

const INLINE_TYPES = new Set(["text", "hardBreak"]);

function isInline(node: PmJsonNode): boolean {
  return INLINE_TYPES.has(typeOf(node));
}

function append<T>(out: T[], items: readonly T[]): void {
  for (const item of items) out.push(item);
}

/** A run's text split at newlines into explicit breaks. */
function pushLines(out: Inline[], run: TextRun): void {
  const lines = cleanText(run.text).split("\n");
  lines.forEach((line, i) => {
    if (i > 0) out.push({ kind: "break" });
    if (line) out.push({ ...run, text: line });
  });
}

function runFrom(node: PmJsonNode): TextRun | null {
  if (typeof node.text !== "string") return null;
  const run: TextRun = { kind: "text", text: node.text };
  const marks = Array.isArray(node.marks) ? node.marks : [];
  for (const mark of marks) {
    if (typeof mark !== "object" || mark === null) continue;
    const m = mark as PmJsonNode;
    switch (typeOf(m)) {
      case "bold":
        run.bold = true;
        break;
      case "italic":
        run.italic = true;
        break;
      case "underline":
        run.underline = true;
        break;
      case "strike":
        run.strike = true;
        break;
      case "code":
        run.code = true;
        break;
      case "link": {
        const href = attr(m, "href");
        // Normalised (percent-encoded) as the URL parser writes it: safe in XML and PDF alike.
        if (typeof href === "string" && isAllowedLinkUrl(href)) run.href = new URL(href.trim()).href;
        break;
      }
      default:
        // Unknown marks (comments, highlights from a newer editor) change nothing in the export.
        break;
    }
  }
  return run;
}

/** Inline content: text runs split at newlines into explicit breaks; unknown inline wrappers give their text. */
export function inlinesOf(nodes: PmJsonNode[], depth = 0): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    const type = typeOf(node);
    if (type === "hardBreak") {
      out.push({ kind: "break" });
      continue;
    }
    const run = runFrom(node);
    if (run) {
      pushLines(out, run);
      continue;
    }
    // Wrappers nested beyond the cap still give their words, as unformatted text.
    if (depth < MAX_DEPTH) append(out, inlinesOf(children(node), depth + 1));
    else pushLines(out, { kind: "text", text: plainText(node).replace(/\n+$/, "") });
  }
  return mergeRuns(out);
}

const sameFormat = (a: TextRun, b: TextRun) =>
  a.bold === b.bold && a.italic === b.italic && a.underline === b.underline && a.strike === b.strike && a.code === b.code && a.href === b.href;

/** Adjacent runs with the same formatting become one (fewer, longer runs lay out better). */
function mergeRuns(inlines: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const inline of inlines) {
    const last = out[out.length - 1];
    if (inline.kind === "text" && last?.kind === "text" && sameFormat(last, inline)) out[out.length - 1] = { ...last, text: last.text + inline.text };
    else out.push(inline);
  }
  return out;
}

/**
 * Everything below `node` as plain text, for flattening what is nested too deeply: text as
 * it is, a newline for each hard break and after each block. Any depth, with its own stack.
 */
function plainText(root: PmJsonNode): string {
  const parts: string[] = [];
  const stack: Array<PmJsonNode | string> = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (typeof node === "string") {
      parts.push(node);
      continue;
    }
    if (typeof node.text === "string") {
      parts.push(node.text);
      continue;
    }
    if (typeOf(node) === "hardBreak") {
      parts.push("\n");
      continue;
    }
    // Popped after the children: the block's newline.
    if (!isInline(node)) stack.push("\n");
    const kids = children(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return parts.join("");
}

function flattened(node: PmJsonNode): Block[] {
  return cleanText(plainText(node))
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => ({ kind: "paragraph" as const, inlines: [{ kind: "text" as const, text: line }] }));
}

function cellOf(node: PmJsonNode, depth: number): TableCell {
  const blocks = blocksOf(children(node), depth + 1);
  return {
    header: typeOf(node) === "tableHeader",
    colspan: intAttr(node, "colspan", 1, MAX_SPAN, 1),
    rowspan: intAttr(node, "rowspan", 1, MAX_SPAN, 1),
    blocks,
  };
}

function tableOf(node: PmJsonNode, depth: number): Block | null {
  const rows: TableRow[] = [];
  for (const row of children(node)) {
    if (typeOf(row) !== "tableRow") continue;
    const cells = children(row)
      .filter((c) => typeOf(c) === "tableCell" || typeOf(c) === "tableHeader")
      .map((c) => cellOf(c, depth + 1));
    if (cells.length) rows.push({ cells });
  }
  return rows.length ? { kind: "table", rows } : null;
}

function listOf(node: PmJsonNode, ordered: boolean, depth: number): Block | null {
  const items: Block[][] = [];
  for (const item of children(node)) {
    // listItem normally; anything else inside a list is kept as an item of its own.
    items.push(typeOf(item) === "listItem" ? blocksOf(children(item), depth + 1) : blocksOf([item], depth + 1));
  }
  if (!items.length) return null;
  return { kind: "list", ordered, start: ordered ? intAttr(node, "start", 1, 99_999, 1) : 1, items };
}

function blockOf(node: PmJsonNode, depth: number): Block[] {
  if (depth >= MAX_DEPTH) return flattened(node);
  switch (typeOf(node)) {
    case "paragraph":
      return [{ kind: "paragraph", inlines: inlinesOf(children(node)) }];
    case "heading":
      return [{ kind: "heading", level: intAttr(node, "level", 1, 6, 1) as 1 | 2 | 3 | 4 | 5 | 6, inlines: inlinesOf(children(node)) }];
    case "bulletList": {
      const list = listOf(node, false, depth);
      return list ? [list] : [];
    }
    case "orderedList": {
      const list = listOf(node, true, depth);
      return list ? [list] : [];
    }
    case "blockquote": {
      const blocks = blocksOf(children(node), depth + 1);
      return blocks.length ? [{ kind: "quote", blocks }] : [];
    }
    case "table": {
      const table = tableOf(node, depth);
      return table ? [table] : [];
    }
    case "horizontalRule":
      return [{ kind: "rule" }];
    case "codeBlock":
      return [{ kind: "code", text: cleanText(children(node).map((c) => plainText(c)).join("")) }];
    case "listItem":
    case "doc":
      return blocksOf(children(node), depth + 1);
    default: {
      // Unknown node: keep what it says, never its behaviour. Wrappers of blocks pass their
      // blocks through; wrappers of text become a paragraph; empty leaves (images…) vanish.
      const kids = children(node);
      if (!kids.length) return [];
      if (kids.every(isInline)) return [{ kind: "paragraph", inlines: inlinesOf(kids) }];
      return blocksOf(kids, depth + 1);
    }
  }
}

/** A sequence of block nodes; stray inline nodes between them are gathered into paragraphs. */
export function blocksOf(nodes: PmJsonNode[], depth = 0): Block[] {
  const out: Block[] = [];
  let pending: PmJsonNode[] = [];
  const flush = () => {
    if (pending.length) out.push({ kind: "paragraph", inlines: inlinesOf(pending) });
    pending = [];
  };
  for (const node of nodes) {
    if (isInline(node)) {
      pending.push(node);
      continue;
    }
    flush();
    append(out, blockOf(node, depth));
  }
  flush();
  return out;
}

/** The entry: a ProseMirror document (or any node) → blocks. Not an object → nothing. */
export function blocksFromProsemirror(json: unknown): Block[] {
  if (typeof json !== "object" || json === null) return [];
  return blockOf(json as PmJsonNode, 0);
}
