/**
 * A document's "content" fragment as ProseMirror JSON, without recursion.
 *
 * y-tiptap's `yXmlFragmentToProsemirrorJSON` (and Yjs's own toJSON/toString/clone) recurse
 * once per nesting level, so a document nesting a few thousand paragraphs inside each other
 * (the ingestion check refuses new ones; documents stored before it, or written straight
 * into the database, may hold one) throws "Maximum call stack size exceeded" in every walk
 * over it. This walker keeps its own stack and produces the same
 * JSON as y-tiptap for every document the editor can write; beyond MAX_DOCUMENT_DEPTH
 * levels it keeps only the text (see `needsFlattening`), so nothing downstream (exports,
 * the version view, JSON.stringify) ever meets deeper nesting either.
 *
 * Levels are counted like the ingestion check counts them (server/collab/inspect-update.ts):
 * every Yjs type is one, so a top-level paragraph is level 1 and its text level 2.
 *
 * Deliberate differences from y-tiptap, all for input the editor never writes:
 * - children that are neither Y.XmlElement nor Y.XmlText are skipped (y-tiptap throws);
 * - embeds in a Y.XmlText (non-string inserts) are skipped (y-tiptap emits them as "text");
 * - attribute values that are Yjs types, or plain values nested deeper than
 *   MAX_DOCUMENT_DEPTH (JSON.stringify recurses on them), are dropped;
 * - top-level text is flattened into the doc's content like everywhere else (y-tiptap nests
 *   it as an array).
 */
import * as Y from "yjs";
import { MAX_DOCUMENT_DEPTH } from "#shared/collab/limits";

export interface PmMarkJson {
  type: string;
  attrs?: unknown;
}

export interface PmNodeJson {
  type?: string;
  attrs?: Record<string, unknown>;
  content?: PmNodeJson[];
  text?: string;
  marks?: PmMarkJson[];
}

/**
 * Attribute values are small (a heading level, a link's href, a column width list); the
 * ingestion check refuses values nested deeper than MAX_DOCUMENT_DEPTH, so what it accepts
 * is kept here too.
 */
const MAX_VALUE_DEPTH = MAX_DOCUMENT_DEPTH;

/**
 * Whether a plain attribute value is safe to copy and serialise: no Yjs types inside and at
 * most MAX_VALUE_DEPTH levels of objects and arrays. Checked with its own stack.
 */
export function isBoundedValue(value: unknown): boolean {
  if (value === null || typeof value !== "object") return true;
  const stack: Array<{ value: object; depth: number }> = [{ value, depth: 1 }];
  while (stack.length) {
    const { value: current, depth } = stack.pop()!;
    if (current instanceof Y.AbstractType) return false;
    if (ArrayBuffer.isView(current)) continue;
    if (depth > MAX_VALUE_DEPTH) return false;
    for (const child of Object.values(current)) {
      if (child !== null && typeof child === "object") stack.push({ value: child as object, depth: depth + 1 });
    }
  }
  return true;
}

/**
 * y-tiptap stores overlapping marks of one type under "<type>--<8 chars>"; this is its
 * `/(.*)(--[a-zA-Z0-9+/=]{8})$/` without the regular expression, which backtracks
 * quadratically on long attribute names that a client chooses.
 */
const HASH_CHAR = /^[a-zA-Z0-9+/=]$/;
const LINE_TERMINATORS = ["\n", "\r", "\u2028", "\u2029"];
export function markNameOf(attribute: string): string {
  const n = attribute.length;
  if (n < 10 || attribute[n - 10] !== "-" || attribute[n - 9] !== "-") return attribute;
  for (let i = n - 8; i < n; i++) if (!HASH_CHAR.test(attribute[i]!)) return attribute;
  // `.` stops at line terminators, so the regex's first group starts after the last one.
  const stem = attribute.slice(0, n - 10);
  const cut = Math.max(...LINE_TERMINATORS.map((t) => stem.lastIndexOf(t)));
  return stem.slice(cut + 1);
}

function elementAttrs(element: Y.XmlElement): Record<string, unknown> | undefined {
  const attrs: Record<string, unknown> = {};
  let any = false;
  for (const [key, value] of Object.entries(element.getAttributes() as Record<string, unknown>)) {
    if (!isBoundedValue(value)) continue;
    attrs[key] = value;
    any = true;
  }
  return any ? attrs : undefined;
}

interface DeltaOp {
  insert?: unknown;
  attributes?: Record<string, unknown>;
}

function pushTextNodes(text: Y.XmlText, out: PmNodeJson[]): void {
  for (const op of text.toDelta() as DeltaOp[]) {
    if (typeof op.insert !== "string") continue;
    const node: PmNodeJson = { type: "text", text: op.insert };
    if (op.attributes) {
      // y-tiptap sets attrs on every mark, also when they are empty.
      node.marks = Object.keys(op.attributes).map((key) => {
        const attrs = op.attributes![key];
        return { type: markNameOf(key), attrs: isBoundedValue(attrs) ? attrs : {} };
      });
    }
    out.push(node);
  }
}

const isElement = (item: unknown): item is Y.XmlElement => item instanceof Y.XmlElement;

/** String inserts of a Y.XmlText (its toString() would add formatting as XML tags). */
function textOf(text: Y.XmlText): string {
  let out = "";
  for (const op of text.toDelta() as DeltaOp[]) if (typeof op.insert === "string") out += op.insert;
  return out;
}

/**
 * Everything an element holds, as plain text: each element starts and ends a line (a
 * hard break is a line too), so the words of nested blocks do not run together. Walks with
 * its own stack; the element may be nested thousands of levels deep.
 */
export function plainTextOf(element: Y.XmlElement): string {
  const parts: string[] = [];
  const stack: Array<Y.XmlElement | Y.XmlText | string> = [element];
  while (stack.length) {
    const item = stack.pop()!;
    if (typeof item === "string") parts.push(item);
    else if (item instanceof Y.XmlText) parts.push(textOf(item));
    else {
      parts.push("\n");
      stack.push("\n");
      const children = item.toArray();
      for (let i = children.length - 1; i >= 0; i--) {
        const child = children[i];
        if (child instanceof Y.XmlText || child instanceof Y.XmlElement) stack.push(child);
      }
    }
  }
  return parts
    .join("")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .join("\n");
}

/**
 * Whether an element at level `depth` with these children holds anything below level
 * `maxDepth`. Only an element one above the limit can (deeper ones are never reached): its
 * children sit at the limit and may not hold anything themselves. Such an element becomes a
 * paragraph with all of its text (text at the limit), so the words survive while the
 * nesting does not; a document within the limit is never changed.
 */
export function needsFlattening(children: readonly unknown[], depth: number, maxDepth: number): boolean {
  if (depth >= maxDepth) return children.length > 0;
  return depth === maxDepth - 1 && children.some((child) => isElement(child) && child.length > 0);
}

function flattenedParagraph(element: Y.XmlElement): PmNodeJson {
  const text = plainTextOf(element);
  return text ? { type: "paragraph", content: [{ type: "text", text }] } : { type: "paragraph" };
}

/** Whether the fragment holds anything (element or text) below level `maxDepth`; stops at the first. */
export function isDeeperThan(fragment: Y.XmlFragment, maxDepth: number = MAX_DOCUMENT_DEPTH): boolean {
  const stack: Array<[Y.XmlElement, number]> = [];
  for (const child of fragment.toArray()) if (child instanceof Y.XmlElement) stack.push([child, 1]);
  while (stack.length) {
    const [element, depth] = stack.pop()!;
    if (depth > maxDepth || (depth === maxDepth && element.length > 0)) return true;
    for (const child of element.toArray()) if (child instanceof Y.XmlElement) stack.push([child, depth + 1]);
  }
  return false;
}

interface Frame {
  items: unknown[];
  next: number;
  out: PmNodeJson[];
  /** Element level of `items` (top-level blocks are 1). */
  depth: number;
}

/**
 * The fragment as ProseMirror JSON ({ type: "doc", content }), at most `maxDepth` levels
 * deep (text nodes count): an element whose content reaches below that becomes a paragraph
 * with its text (see `needsFlattening`, `plainTextOf`). Documents within the limit come out
 * exactly as y-tiptap's `yXmlFragmentToProsemirrorJSON` gives them.
 */
export function fragmentToProsemirrorJson(fragment: Y.XmlFragment, maxDepth: number = MAX_DOCUMENT_DEPTH): PmNodeJson {
  const doc: PmNodeJson = { type: "doc", content: [] };
  const stack: Frame[] = [{ items: fragment.toArray(), next: 0, out: doc.content!, depth: 1 }];
  while (stack.length) {
    const frame = stack[stack.length - 1]!;
    if (frame.next >= frame.items.length) {
      stack.pop();
      continue;
    }
    const item = frame.items[frame.next++];
    if (item instanceof Y.XmlText) {
      pushTextNodes(item, frame.out);
      continue;
    }
    if (!(item instanceof Y.XmlElement)) continue;
    const children = item.toArray();
    if (needsFlattening(children, frame.depth, maxDepth)) {
      frame.out.push(flattenedParagraph(item));
      continue;
    }
    // Key order as y-tiptap's (type, attrs, content): fingerprints compare serialised JSON.
    const node: PmNodeJson = { type: item.nodeName };
    const attrs = elementAttrs(item);
    if (attrs) node.attrs = attrs;
    frame.out.push(node);
    if (children.length) {
      node.content = [];
      stack.push({ items: children, next: 0, out: node.content, depth: frame.depth + 1 });
    }
  }
  return doc;
}
