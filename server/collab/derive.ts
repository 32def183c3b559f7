/**
 * Plain text and JSON derived from a document, stored beside its state for search,
 * previews and exports. Doc types may add their own derivation (work programmes store
 * their activities and milestones as rows).
 */
import * as Y from "yjs";
import { yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import { CONTENT_FIELD } from "#shared/collab/work-programme-doc";

interface PmNode {
  type?: string;
  text?: string;
  content?: PmNode[];
}

const BLOCKS = new Set(["paragraph", "heading", "listItem", "blockquote", "tableRow", "codeBlock"]);

export function prosemirrorToText(node: PmNode): string {
  if (typeof node.text === "string") return node.text;
  const inner = (node.content ?? []).map(prosemirrorToText).join(node.type === "tableRow" ? "\t" : "");
  return node.type && BLOCKS.has(node.type) ? `${inner}\n` : inner;
}

export function deriveContent(doc: Y.Doc): { json: PmNode; text: string } {
  const json = yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(CONTENT_FIELD)) as PmNode;
  return { json, text: prosemirrorToText(json).replace(/\n{3,}/g, "\n\n").trim() };
}
