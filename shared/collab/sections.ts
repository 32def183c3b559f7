/**
 * Sections: the top-level blocks of a document's text, each with a stable id in its `sid`
 * attribute. Language versions are linked to their source section by section through these
 * ids (docs/decisions/0022-language-versions.md).
 *
 * Why an attribute on the block and not a position: positions shift with every insert, while
 * an attribute travels with its block through edits and co-editing, and ProseMirror copies it
 * along when a block is cut and pasted elsewhere (a move). A split copies it too, and so does
 * a paste of a copy, which leaves two blocks with one id: `ensureSectionIds` (and the editor's
 * plugin, which does the same in ProseMirror terms) keeps the first and gives the later one a
 * new id. A merge leaves one of the two ids: the other section is gone from the source, and
 * its translation is shown as "no longer in the source".
 */
import * as Y from "yjs";

/** The block attribute holding a section's id. */
export const SECTION_ID_ATTR = "sid";

/** Short random ids: unique within a document is what matters; 12 base-36 characters are plenty. */
export function newSectionId(): string {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  let id = "";
  for (const byte of bytes) id += (byte % 36).toString(36);
  return `s${id}`;
}

const SECTION_ID_SHAPE = /^[A-Za-z0-9_-]{1,40}$/;

export function isSectionId(value: unknown): value is string {
  return typeof value === "string" && SECTION_ID_SHAPE.test(value);
}

export interface Section {
  /** Null for a block that has no (valid) id yet: it cannot be linked until it gets one. */
  id: string | null;
  /** The block's node type (paragraph, heading, bulletList…). */
  type: string;
  /** The block's plain text; nested blocks (list items) are separated by newlines. */
  text: string;
}

/** Plain text of an element: its text nodes in order, nested blocks on lines of their own. */
export function elementText(element: Y.XmlElement | Y.XmlText): string {
  const lines: string[] = [];
  let line = "";
  // Own stack: nesting is chosen by whoever writes the document (see server/collab/content-json.ts).
  const stack: Array<Y.XmlElement | Y.XmlText | "break"> = [element];
  while (stack.length) {
    const node = stack.pop()!;
    if (node === "break") {
      if (line) lines.push(line);
      line = "";
      continue;
    }
    if (node instanceof Y.XmlText) {
      for (const op of node.toDelta() as Array<{ insert?: unknown }>) if (typeof op.insert === "string") line += op.insert;
      continue;
    }
    if (node.nodeName === "hardBreak") {
      line += "\n";
      continue;
    }
    // Every block starts and ends a line: "break" is pushed after its children (popped last)
    // and before them (popped first).
    stack.push("break");
    const children = node.toArray();
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child instanceof Y.XmlElement || child instanceof Y.XmlText) stack.push(child);
    }
    stack.push("break");
  }
  if (line) lines.push(line);
  return lines.join("\n");
}

/** The sections of a document's text fragment, in order. */
export function readSections(fragment: Y.XmlFragment): Section[] {
  const sections: Section[] = [];
  for (const child of fragment.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    const id = child.getAttribute(SECTION_ID_ATTR);
    sections.push({ id: isSectionId(id) ? id : null, type: child.nodeName, text: elementText(child) });
  }
  return sections;
}

/**
 * Gives every top-level block a unique section id: blocks without one get a new id, and of
 * blocks sharing an id the first keeps it. Call inside a transaction. Returns how many
 * blocks got a new id.
 */
export function ensureSectionIds(fragment: Y.XmlFragment, makeId: () => string = newSectionId): number {
  const seen = new Set<string>();
  let assigned = 0;
  for (const child of fragment.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    const id = child.getAttribute(SECTION_ID_ATTR);
    if (isSectionId(id) && !seen.has(id)) {
      seen.add(id);
      continue;
    }
    let fresh = makeId();
    while (seen.has(fresh)) fresh = makeId();
    child.setAttribute(SECTION_ID_ATTR, fresh);
    seen.add(fresh);
    assigned++;
  }
  return assigned;
}

/** The top-level element with this section id, and its index in the fragment. */
export function findSection(fragment: Y.XmlFragment, id: string): { element: Y.XmlElement; index: number } | null {
  const children = fragment.toArray();
  for (let index = 0; index < children.length; index++) {
    const child = children[index];
    if (child instanceof Y.XmlElement && child.getAttribute(SECTION_ID_ATTR) === id) return { element: child, index };
  }
  return null;
}
