import { describe, expect, it } from "vitest";
import fc from "fast-check";
import * as Y from "yjs";
import { deriveContent, prosemirrorToText } from "./derive";

interface Node {
  type?: string;
  text?: string;
  content?: Node[];
}

/** The recursive version this module had before: the reference for ordinary trees. */
const BLOCKS = new Set(["paragraph", "heading", "listItem", "blockquote", "tableRow", "codeBlock"]);
function recursiveText(node: Node): string {
  if (typeof node.text === "string") return node.text;
  const inner = (node.content ?? []).map(recursiveText).join(node.type === "tableRow" ? "\t" : "");
  return node.type && BLOCKS.has(node.type) ? `${inner}\n` : inner;
}

describe("prosemirrorToText", () => {
  it("gives the recursive definition's text for random trees (property)", () => {
    const tree = fc.letrec<{ node: Node }>((tie) => ({
      node: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        fc.record({ type: fc.constant("text"), text: fc.string({ maxLength: 6 }) }),
        fc.record(
          { type: fc.constantFrom("doc", "paragraph", "heading", "tableRow", "tableCell", "bulletList", "listItem", "hardBreak", "x"), content: fc.array(tie("node"), { maxLength: 4 }) },
          { requiredKeys: ["type"] },
        ),
      ),
    })).node;
    fc.assert(
      fc.property(tree, (node) => {
        expect(prosemirrorToText(node)).toBe(recursiveText(node));
      }),
      { numRuns: 500 },
    );
  });

  it("reads a tree 100,000 levels deep", () => {
    let node: Node = { type: "text", text: "innen" };
    for (let i = 0; i < 100_000; i++) node = { type: i % 2 ? "blockquote" : "x", content: [node] };
    expect(() => recursiveText(node)).toThrow(RangeError);
    expect(prosemirrorToText(node)).toBe(`innen${"\n".repeat(50_000)}`);
  });
});

describe("deriveContent", () => {
  it("derives text and JSON from 8,000 nested paragraphs", () => {
    const doc = new Y.Doc();
    doc.transact(() => {
      let parent: Y.XmlFragment | Y.XmlElement = doc.getXmlFragment("content");
      for (let level = 1; level <= 8000; level++) {
        const paragraph = new Y.XmlElement("paragraph");
        parent.insert(0, [paragraph]);
        paragraph.insert(0, [new Y.XmlText(level === 8000 ? "Die innersten Worte" : `Ebene ${level}`)]);
        parent = paragraph;
      }
    });
    const { json, text } = deriveContent(doc);
    expect(text).toContain("Ebene 1");
    expect(text).toContain("Die innersten Worte");
    expect(JSON.stringify(json)).toContain("Die innersten Worte");
  });
});
