import { describe, expect, it } from "vitest";
import fc from "fast-check";
import * as Y from "yjs";
import { getSchema } from "@tiptap/core";
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import { editorExtensions } from "#shared/editor/extensions";
import { MAX_DOCUMENT_DEPTH } from "#shared/collab/limits";
import { fragmentToProsemirrorJson, isBoundedValue, markNameOf, plainTextOf, type PmNodeJson } from "./content-json";

/** y-tiptap's JSON with top-level text flattened like every other level (see content-json.ts). */
function reference(fragment: Y.XmlFragment): unknown {
  const json = yXmlFragmentToProsemirrorJSON(fragment) as { type: string; content: unknown[] };
  return { ...json, content: json.content.flat() };
}

/**
 * Levels of a JSON tree as the ingestion check counts Yjs types: an element is one, the
 * text inside it (one Y.XmlText, however many text nodes) one more. Without recursion.
 */
function jsonDepth(root: PmNodeJson): number {
  let max = 0;
  const stack: Array<[PmNodeJson, number]> = (root.content ?? []).map((n) => [n, 1]);
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    max = Math.max(max, depth);
    if (node.type === "text") continue;
    for (const child of node.content ?? []) stack.push([child, depth + 1]);
  }
  return max;
}

/** `levels` paragraphs, each inside the one before, built level by level (no recursion). */
function nestedDocument(levels: number, innermost: string): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    let parent: Y.XmlFragment | Y.XmlElement = doc.getXmlFragment("content");
    for (let level = 1; level <= levels; level++) {
      const paragraph = new Y.XmlElement("paragraph");
      parent.insert(parent.length, [paragraph]);
      paragraph.insert(0, [new Y.XmlText(level === levels ? innermost : `level ${level} `)]);
      parent = paragraph;
    }
  });
  return doc;
}

describe("fragmentToProsemirrorJson", () => {
  it("gives y-tiptap's JSON for what the editor writes: headings, marks, links, lists, tables, quotes, breaks", () => {
    const t = (text: string, marks?: unknown[]) => ({ type: "text", text, ...(marks ? { marks } : {}) });
    const p = (...content: unknown[]) => ({ type: "paragraph", content });
    const cell = (type: string, text: string) => ({ type, attrs: { colspan: 1, rowspan: 2, colwidth: [120] }, content: [p(t(text))] });
    const content = {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [t("Ziele "), t("2026", [{ type: "italic" }])] },
        p(t("Fett", [{ type: "bold" }, { type: "underline" }]), t(" und "), t("Link", [{ type: "link", attrs: { href: "https://example.org", target: "_blank" } }])),
        p(),
        { type: "bulletList", content: [{ type: "listItem", content: [p(t("eins")), { type: "orderedList", attrs: { start: 3 }, content: [{ type: "listItem", content: [p(t("drei"))] }] }] }] },
        { type: "blockquote", content: [p(t("Zitat")), { type: "horizontalRule" }] },
        { type: "table", content: [{ type: "tableRow", content: [cell("tableHeader", "A"), cell("tableCell", "B")] }] },
        p(t("Zeile"), { type: "hardBreak" }, t("neue Zeile", [{ type: "strike" }, { type: "italic" }])),
      ],
    };
    const doc = new Y.Doc();
    prosemirrorJSONToYXmlFragment(getSchema(editorExtensions()), content, doc.getXmlFragment("content"));
    const ours = fragmentToProsemirrorJson(doc.getXmlFragment("content"));
    expect(ours).toEqual(reference(doc.getXmlFragment("content")));
    // Same key order too: automatic versions compare serialised JSON.
    expect(JSON.stringify(ours)).toBe(JSON.stringify(reference(doc.getXmlFragment("content"))));
  });

  it("gives y-tiptap's JSON for random trees up to 30 levels (property)", () => {
    type Tree = { kind: "el"; name: string; attrs: Record<string, unknown>; children: Tree[] } | { kind: "text"; ops: Array<{ insert: string; attributes?: Record<string, unknown> }> };
    const markAttrs = fc.oneof(fc.constant({}), fc.record({ href: fc.webUrl() }), fc.record({ id: fc.uuid(), n: fc.integer() }));
    const markKey = fc.oneof(
      fc.constantFrom("bold", "italic", "link", "code", "strike"),
      fc.tuple(fc.constantFrom("comment", "highlight"), fc.stringMatching(/^[a-zA-Z0-9+/=]{8}$/)).map(([n, h]) => `${n}--${h}`),
    );
    const text = fc.record({
      kind: fc.constant("text" as const),
      ops: fc.array(fc.record({ insert: fc.string({ minLength: 1, maxLength: 8 }), attributes: fc.option(fc.dictionary(markKey, markAttrs, { maxKeys: 3 }), { nil: undefined }) }), { minLength: 1, maxLength: 4 }),
    });
    const attrValue = fc.oneof(fc.string({ maxLength: 6 }), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }), fc.record({ x: fc.string({ maxLength: 3 }) }));
    const tree = fc.letrec<{ node: Tree }>((tie) => ({
      node: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        text,
        fc.record({
          kind: fc.constant("el" as const),
          name: fc.constantFrom("paragraph", "heading", "bulletList", "listItem", "blockquote", "table", "tableRow", "tableCell", "x-unknown"),
          attrs: fc.dictionary(fc.constantFrom("level", "start", "colspan", "colwidth", "data-x"), attrValue, { maxKeys: 3 }),
          children: fc.array(tie("node"), { maxLength: 4 }),
        }),
      ),
    })).node;
    const depthOf = (node: Tree): number => (node.kind === "text" ? 0 : 1 + Math.max(0, ...node.children.map(depthOf)));
    const build = (node: Tree): Y.XmlElement | Y.XmlText => {
      if (node.kind === "text") {
        const t = new Y.XmlText();
        t.applyDelta(JSON.parse(JSON.stringify(node.ops)));
        return t;
      }
      const el = new Y.XmlElement(node.name);
      // fast-check's dictionaries have no prototype; Yjs stores only plain objects.
      for (const [k, v] of Object.entries(node.attrs)) el.setAttribute(k, JSON.parse(JSON.stringify(v)) as string);
      el.insert(0, node.children.map(build));
      return el;
    };
    // Random trees are shallow; a chain of wrappers around them reaches the deeper levels.
    const wrapped = fc.tuple(fc.array(tree, { maxLength: 5 }), fc.array(fc.constantFrom("blockquote", "listItem", "bulletList", "x-wrap"), { maxLength: 25 })).map(
      ([nodes, wrappers]) => wrappers.reduce<Tree[]>((inner, name) => [{ kind: "el", name, attrs: {}, children: inner }], nodes),
    );
    fc.assert(
      fc.property(wrapped, (nodes) => {
        fc.pre(Math.max(0, ...nodes.map(depthOf)) <= 30);
        const doc = new Y.Doc();
        doc.getXmlFragment("content").insert(0, nodes.map(build));
        const fragment = doc.getXmlFragment("content");
        expect(fragmentToProsemirrorJson(fragment)).toEqual(reference(fragment));
      }),
      { numRuns: 300 },
    );
  });

  it("walks 8,000 nested paragraphs without a stack overflow, keeping their text within the depth limit", () => {
    const doc = nestedDocument(8000, "Die innersten Worte");
    const fragment = doc.getXmlFragment("content");
    // What the old derivation did.
    expect(() => yXmlFragmentToProsemirrorJSON(fragment)).toThrow(RangeError);
    const json = fragmentToProsemirrorJson(fragment);
    expect(jsonDepth(json)).toBe(MAX_DOCUMENT_DEPTH);
    const serialised = JSON.stringify(json);
    expect(serialised).toContain("Die innersten Worte");
    expect(serialised).toContain("level 1 ");
    expect(serialised).toContain("level 7999 ");
  });

  it("keeps documents up to the limit as they are and flattens only the level that holds deeper content", () => {
    // 99 paragraphs, the last one's text at level 100: exactly the limit.
    const within = nestedDocument(MAX_DOCUMENT_DEPTH - 1, "innen");
    expect(jsonDepth(fragmentToProsemirrorJson(within.getXmlFragment("content")))).toBe(MAX_DOCUMENT_DEPTH);
    expect(fragmentToProsemirrorJson(within.getXmlFragment("content"))).toEqual(reference(within.getXmlFragment("content")));
    // An empty element at the limit is within it too (what the ingestion check lets through).
    const leaf = nestedDocument(MAX_DOCUMENT_DEPTH - 1, "innen");
    let last = leaf.getXmlFragment("content").get(0) as Y.XmlElement;
    while (last.toArray().some((c) => c instanceof Y.XmlElement)) last = last.toArray().find((c): c is Y.XmlElement => c instanceof Y.XmlElement)!;
    last.insert(last.length, [new Y.XmlElement("hardBreak")]);
    expect(fragmentToProsemirrorJson(leaf.getXmlFragment("content"))).toEqual(reference(leaf.getXmlFragment("content")));

    const deeper = nestedDocument(MAX_DOCUMENT_DEPTH + 1, "ganz innen");
    let node = fragmentToProsemirrorJson(deeper.getXmlFragment("content")).content![0]!;
    for (let level = 1; level < MAX_DOCUMENT_DEPTH - 1; level++) node = node.content!.find((c) => c.type === "paragraph")!;
    // Level 99 held paragraphs at 100 and 101 with text: one paragraph with all three texts, a line each.
    expect(node).toEqual({ type: "paragraph", content: [{ type: "text", text: `level ${MAX_DOCUMENT_DEPTH - 1} \nlevel ${MAX_DOCUMENT_DEPTH} \nganz innen` }] });
  });

  it("skips what the editor never writes instead of failing: other Yjs types, embeds, unbounded attribute values", () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment("content");
    const p = new Y.XmlElement("paragraph");
    const text = new Y.XmlText("vor ");
    fragment.insert(0, [p]);
    p.insert(0, [text]);
    text.insertEmbed(4, { image: "x" });
    text.insert(5, "nach");
    p.setAttribute("ok", "ja");
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 100; i++) deep = { a: deep };
    p.setAttribute("deep", deep as unknown as string);
    p.setAttribute("ytype", new Y.Map() as unknown as string);
    // A Y.Map among the fragment's children: only a crafted update puts one there.
    (fragment as unknown as Y.Array<unknown>).insert(1, [new Y.Map()]);
    expect(() => yXmlFragmentToProsemirrorJSON(fragment)).toThrow();
    expect(fragmentToProsemirrorJson(fragment)).toEqual({
      type: "doc",
      content: [{ type: "paragraph", attrs: { ok: "ja" }, content: [{ type: "text", text: "vor " }, { type: "text", text: "nach" }] }],
    });
  });
});

describe("helpers", () => {
  it("markNameOf strips y-tiptap's mark hash exactly like its regular expression", () => {
    const regex = (name: string) => /(.*)(--[a-zA-Z0-9+/=]{8})$/.exec(name)?.[1] ?? name;
    const names = fc.oneof(
      fc.string(),
      fc.tuple(fc.string(), fc.constantFrom("--", "-", "---", "\n--"), fc.stringMatching(/^[a-zA-Z0-9+/=\n-]{6,10}$/)).map((parts) => parts.join("")),
    );
    fc.assert(
      fc.property(names, (name) => {
        expect(markNameOf(name)).toBe(regex(name));
      }),
      { numRuns: 2000 },
    );
    expect(markNameOf("comment--abcd1234")).toBe("comment");
    // Linear, where the regular expression takes seconds on a long crafted name.
    const long = "-".repeat(200_000);
    const started = performance.now();
    expect(markNameOf(long)).toBe(long);
    expect(performance.now() - started).toBeLessThan(50);
  });

  it("isBoundedValue refuses Yjs types and deep values, checked without recursion", () => {
    expect(isBoundedValue("x")).toBe(true);
    expect(isBoundedValue({ href: "https://example.org", list: [1, 2, { a: null }] })).toBe(true);
    expect(isBoundedValue(new Y.Map())).toBe(false);
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(isBoundedValue(deep)).toBe(false);
  });

  it("plainTextOf puts every element on its own line and drops empty lines", () => {
    const doc = new Y.Doc();
    const outer = new Y.XmlElement("blockquote");
    doc.getXmlFragment("content").insert(0, [outer]);
    const a = new Y.XmlElement("paragraph");
    const b = new Y.XmlElement("paragraph");
    outer.insert(0, [a, new Y.XmlElement("paragraph"), b]);
    a.insert(0, [new Y.XmlText("erste"), new Y.XmlElement("hardBreak"), new Y.XmlText("zweite")]);
    const bold = new Y.XmlText();
    bold.applyDelta([{ insert: "dritte", attributes: { bold: {} } }]);
    b.insert(0, [bold]);
    expect(plainTextOf(outer)).toBe("erste\nzweite\ndritte");
  });
});
