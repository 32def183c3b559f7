/**
 * Plain text and JSON derived from a document, stored beside its state for search,
 * previews and exports. Document types may add their own derivation (work programmes
 * store their activities and milestones as rows).
 *
 * Both walks use their own stack, not recursion: a document's nesting is chosen by whoever
 * writes it (see content-json.ts), and the JSON is at most MAX_DOCUMENT_DEPTH levels deep.
 */
import type * as Y from "yjs";
import { fragmentToProsemirrorJson } from "./content-json";
import { DEFAULT_CONTENT_FIELD } from "#shared/collab/document-layout";

interface PmNode {
  type?: string;
  text?: string;
  content?: PmNode[];
}

const BLOCKS = new Set(["paragraph", "heading", "listItem", "blockquote", "tableRow", "codeBlock"]);

/**
 * Text of a ProseMirror node: blocks end with a newline, table cells are separated by tabs.
 * Same result as the obvious recursion (node text, else the children's joined, plus "\n"
 * for blocks), computed with an explicit stack of nodes and separators.
 */
export function prosemirrorToText(root: PmNode): string {
  const parts: string[] = [];
  const stack: Array<PmNode | string> = [root];
  while (stack.length) {
    const node = stack.pop();
    if (typeof node === "string") {
      parts.push(node);
      continue;
    }
    if (typeof node !== "object" || node === null) continue;
    if (typeof node.text === "string") {
      parts.push(node.text);
      continue;
    }
    // Pushed in reverse: popped as child 0, separator, child 1, …, then the block's newline.
    if (node.type && BLOCKS.has(node.type)) stack.push("\n");
    const children = Array.isArray(node.content) ? node.content : [];
    const separator = node.type === "tableRow" ? "\t" : "";
    for (let i = children.length - 1; i >= 0; i--) {
      stack.push(children[i]!);
      if (i > 0 && separator) stack.push(separator);
    }
  }
  return parts.join("");
}

/** Text and JSON of the document's rich text (the fragment its layout names). */
export function deriveContent(doc: Y.Doc, contentField: string = DEFAULT_CONTENT_FIELD): { json: PmNode; text: string } {
  const json = fragmentToProsemirrorJson(doc.getXmlFragment(contentField)) as PmNode;
  return { json, text: prosemirrorToText(json).replace(/\n{3,}/g, "\n\n").trim() };
}
