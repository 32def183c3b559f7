/**
 * Reading a section's text for a machine translation and writing the result back, in Yjs
 * terms. The unit a provider translates is one text node (a paragraph's text, a list item's),
 * so the block's structure (heading level, list nesting, the section id) is kept and only
 * the words change. Inline formatting inside a translated text node is not carried over: a
 * provider gets plain text (what leaves the platform is only the words) and the reviewer
 * formats again where it matters.
 */
import * as Y from "yjs";
import { findSection, readSections, SECTION_ID_ATTR } from "#shared/collab/sections";
import { insertionIndex } from "#shared/collab/section-status";

/** The text nodes of a block in document order (hard breaks split a paragraph into two). */
export function textNodesOf(element: Y.XmlElement): Y.XmlText[] {
  const found: Y.XmlText[] = [];
  const stack: Array<Y.XmlElement | Y.XmlText> = [element];
  while (stack.length) {
    const node = stack.pop()!;
    if (node instanceof Y.XmlText) {
      found.push(node);
      continue;
    }
    const children = node.toArray();
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child instanceof Y.XmlElement || child instanceof Y.XmlText) stack.push(child);
    }
  }
  return found;
}

export const plainText = (text: Y.XmlText): string =>
  (text.toDelta() as Array<{ insert?: unknown }>).map((op) => (typeof op.insert === "string" ? op.insert : "")).join("");

/**
 * A copy of `element` (same node names and attributes, so the same section id) with its text
 * nodes' contents replaced, in order, by `texts`. Not yet in a document: insert it.
 */
export function translatedCopy(element: Y.XmlElement, texts: readonly string[]): Y.XmlElement {
  let next = 0;
  const copyOf = (node: Y.XmlElement): Y.XmlElement => {
    const copy = new Y.XmlElement(node.nodeName);
    for (const [key, value] of Object.entries(node.getAttributes())) copy.setAttribute(key, value as string);
    const children: Array<Y.XmlElement | Y.XmlText> = [];
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) {
        const text = new Y.XmlText();
        text.insert(0, texts[next++] ?? "");
        children.push(text);
      } else if (child instanceof Y.XmlElement) children.push(copyOf(child));
    }
    copy.insert(0, children);
    return copy;
  };
  return copyOf(element);
}

/**
 * What the last machine translation of each section replaced, kept for "undo": the earlier
 * block, or null when the section had no block yet (undo removes it again).
 */
export const REPLACED_SECTIONS = "replacedSections";
const replacedMap = (version: Y.Doc) => version.getMap<Y.XmlElement | null>(REPLACED_SECTIONS);

/**
 * Puts `block` in the version where section `id` belongs: in place of the version's block
 * with that id (kept in REPLACED_SECTIONS so it can be put back), or, when the version has
 * none yet, after the version's block of the nearest earlier source section.
 */
export function placeSection(version: Y.Doc, field: string, source: Y.XmlFragment, id: string, block: Y.XmlElement): void {
  const fragment = version.getXmlFragment(field);
  const replaced = replacedMap(version);
  const existing = findSection(fragment, id);
  if (existing) {
    replaced.set(id, existing.element.clone());
    fragment.delete(existing.index, 1);
    fragment.insert(existing.index, [block]);
    return;
  }
  replaced.set(id, null);
  fragment.insert(insertionIndex(readSections(source), readSections(fragment), id), [block]);
}

export function canRestoreSection(version: Y.Doc, id: string): boolean {
  const replaced = replacedMap(version);
  if (!replaced.has(id)) return false;
  const previous = replaced.get(id);
  return previous === null || (previous instanceof Y.XmlElement && previous.getAttribute(SECTION_ID_ATTR) === id);
}

/** Puts back what the last machine translation of section `id` replaced; false when there is nothing to put back. */
export function restoreReplacedSection(version: Y.Doc, field: string, id: string): boolean {
  if (!canRestoreSection(version, id)) return false;
  const replaced = replacedMap(version);
  const previous = replaced.get(id) ?? null;
  const fragment = version.getXmlFragment(field);
  const current = findSection(fragment, id);
  if (current) fragment.delete(current.index, 1);
  if (previous) fragment.insert(current ? current.index : fragment.length, [previous.clone()]);
  replaced.delete(id);
  return true;
}
