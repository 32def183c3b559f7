/**
 * Comparing a version with the current text, for the history view. The text is compared
 * block by block, so the comparison keeps the document's structure (headings, numbered and
 * bulleted lists, quotes): unchanged blocks stay as they are, blocks that changed show the
 * added and removed words inside them, whole blocks added or removed are marked as such.
 */
import { diffArrays, diffWords } from "diff";
import type { BlockShape, DiffBlock, DiffSegment } from "#shared/diff-blocks";

interface PmNode {
  type?: string;
  text?: string;
  attrs?: Record<string, unknown>;
  content?: PmNode[];
}

interface Block {
  shape: BlockShape;
  text: string;
}

export function compareTexts(versionText: string, currentText: string): DiffSegment[] {
  return diffWords(versionText, currentText).map((part) => ({
    kind: part.added ? "added" : part.removed ? "removed" : "same",
    text: part.value,
  }));
}

function inlineText(node: PmNode): string {
  if (typeof node.text === "string") return node.text;
  if (node.type === "hardBreak") return "\n";
  return (node.content ?? []).map(inlineText).join("");
}

/**
 * The document's text blocks in order. Recursion is bounded: stored documents are at most
 * MAX_DOCUMENT_DEPTH levels deep (server/collab/content-json.ts).
 */
export function blocksOf(root: PmNode): Block[] {
  const blocks: Block[] = [];
  const walk = (node: PmNode, context: { list: { ordered: boolean; depth: number } | null; quote: boolean; cell: boolean }) => {
    switch (node.type) {
      case "heading":
        blocks.push({ shape: { type: "heading", level: Math.min(6, Math.max(1, Number(node.attrs?.level) || 1)) }, text: inlineText(node) });
        return;
      case "paragraph": {
        const shape: BlockShape = context.list
          ? { type: "listItem", ...context.list }
          : context.cell
            ? { type: "cell" }
            : context.quote
              ? { type: "quote" }
              : { type: "paragraph" };
        blocks.push({ shape, text: inlineText(node) });
        return;
      }
      case "codeBlock":
        blocks.push({ shape: { type: "code" }, text: inlineText(node) });
        return;
      case "bulletList":
      case "orderedList": {
        const list = { ordered: node.type === "orderedList", depth: (context.list?.depth ?? -1) + 1 };
        for (const child of node.content ?? []) walk(child, { ...context, list });
        return;
      }
      case "blockquote":
        for (const child of node.content ?? []) walk(child, { ...context, quote: true });
        return;
      case "tableCell":
      case "tableHeader":
        for (const child of node.content ?? []) walk(child, { ...context, list: null, cell: true });
        return;
      default:
        for (const child of node.content ?? []) walk(child, context);
    }
  };
  walk(root, { list: null, quote: false, cell: false });
  return blocks.filter((b) => b.text.trim() !== "" || b.shape.type !== "paragraph");
}

const keyOf = (block: Block) => `${JSON.stringify(block.shape)}\u0000${block.text}`;

/** The version's blocks against the current ones; the result is drawn in the current order. */
export function compareDocuments(versionDoc: PmNode, currentDoc: PmNode): DiffBlock[] {
  const before = blocksOf(versionDoc);
  const after = blocksOf(currentDoc);
  const parts = diffArrays(before.map(keyOf), after.map(keyOf));
  const result: DiffBlock[] = [];
  let b = 0;
  let a = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const count = part.count ?? part.value.length;
    if (!part.added && !part.removed) {
      for (let k = 0; k < count; k++) result.push({ shape: after[a + k]!.shape, status: "same", segments: [{ kind: "same", text: after[a + k]!.text }] });
      a += count;
      b += count;
      continue;
    }
    // A run of removed blocks followed by added ones: pair them up in order as changed
    // blocks (word-level changes inside, in the current block's shape); the rest are whole.
    const next = parts[i + 1];
    if (part.removed && next?.added) {
      const removed = count;
      const added = next.count ?? next.value.length;
      const paired = Math.min(removed, added);
      for (let k = 0; k < paired; k++) {
        result.push({ shape: after[a + k]!.shape, status: "changed", segments: compareTexts(before[b + k]!.text, after[a + k]!.text) });
      }
      for (let k = paired; k < removed; k++) result.push({ shape: before[b + k]!.shape, status: "removed", segments: [{ kind: "removed", text: before[b + k]!.text }] });
      for (let k = paired; k < added; k++) result.push({ shape: after[a + k]!.shape, status: "added", segments: [{ kind: "added", text: after[a + k]!.text }] });
      b += removed;
      a += added;
      i += 1;
      continue;
    }
    if (part.removed) {
      for (let k = 0; k < count; k++) result.push({ shape: before[b + k]!.shape, status: "removed", segments: [{ kind: "removed", text: before[b + k]!.text }] });
      b += count;
    } else {
      for (let k = 0; k < count; k++) result.push({ shape: after[a + k]!.shape, status: "added", segments: [{ kind: "added", text: after[a + k]!.text }] });
      a += count;
    }
  }
  return result;
}
