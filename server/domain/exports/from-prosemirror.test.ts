import { describe, expect, it } from "vitest";
import { getSchema } from "@tiptap/core";
import * as Y from "yjs";
import { prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import { editorExtensions } from "#shared/editor/extensions";
import { deriveContent } from "#server/collab/derive";
import { CONTENT_FIELD } from "#shared/collab/work-programme-doc";
import { blocksFromProsemirror, MAX_DEPTH } from "./from-prosemirror";
import { blocksText, type Block } from "./model";

const text = (value: string, marks?: Array<{ type: string; attrs?: Record<string, unknown> }>) => ({ type: "text", text: value, ...(marks ? { marks } : {}) });
const p = (...content: unknown[]) => ({ type: "paragraph", content });
const doc = (...content: unknown[]) => ({ type: "doc", content });

describe("ProseMirror JSON → export blocks", () => {
  it("converts headings, paragraphs and every mark", () => {
    const blocks = blocksFromProsemirror(
      doc(
        { type: "heading", attrs: { level: 2 }, content: [text("Ziele")] },
        p(
          text("fett", [{ type: "bold" }]),
          text(" kursiv", [{ type: "italic" }]),
          text(" unter", [{ type: "underline" }]),
          text(" durch", [{ type: "strike" }]),
          text(" code", [{ type: "code" }]),
          text(" alles", [{ type: "bold" }, { type: "italic" }, { type: "underline" }]),
        ),
      ),
    );
    expect(blocks).toEqual([
      { kind: "heading", level: 2, inlines: [{ kind: "text", text: "Ziele" }] },
      {
        kind: "paragraph",
        inlines: [
          { kind: "text", text: "fett", bold: true },
          { kind: "text", text: " kursiv", italic: true },
          { kind: "text", text: " unter", underline: true },
          { kind: "text", text: " durch", strike: true },
          { kind: "text", text: " code", code: true },
          { kind: "text", text: " alles", bold: true, italic: true, underline: true },
        ],
      },
    ]);
  });

  it("keeps http, https and mailto links and turns every other link into plain text", () => {
    const link = (href: unknown) => [{ type: "link", attrs: { href } }];
    const [block] = blocksFromProsemirror(
      doc(
        p(
          text("a", link("https://example.org/pfad?x=1")),
          text("b", link("http://example.org")),
          text("c", link("mailto:info@example.org")),
          text("d", link("javascript:alert(1)")),
          text("e", link(" JaVaScRiPt:alert(1)")),
          text("f", link("data:text/html,<script>")),
          text("g", link("/relative/path")),
          text("h", link("ftp://example.org")),
          text("i", link(42)),
          text("j", link("https://example.org/straße")),
        ),
      ),
    );
    const inlines = block!.kind === "paragraph" ? block!.inlines : [];
    const hrefs = Object.fromEntries(inlines.flatMap((i) => (i.kind === "text" ? [...i.text].map((ch) => [ch, i.href]) : [])));
    expect(hrefs).toEqual({
      a: "https://example.org/pfad?x=1",
      b: "http://example.org/",
      c: "mailto:info@example.org",
      d: undefined,
      e: undefined,
      f: undefined,
      g: undefined,
      h: undefined,
      i: undefined,
      j: "https://example.org/stra%C3%9Fe",
    });
  });

  it("keeps hard breaks and nested lists with their kind and start number", () => {
    const blocks = blocksFromProsemirror(
      doc(
        p(text("Zeile 1"), { type: "hardBreak" }, text("Zeile 2")),
        {
          type: "bulletList",
          content: [
            {
              type: "listItem",
              content: [p(text("außen")), { type: "orderedList", attrs: { start: 4 }, content: [{ type: "listItem", content: [p(text("innen"))] }] }],
            },
          ],
        },
        { type: "orderedList", attrs: { start: "evil" }, content: [{ type: "listItem", content: [p(text("x"))] }] },
      ),
    );
    expect(blocks[0]).toEqual({ kind: "paragraph", inlines: [{ kind: "text", text: "Zeile 1" }, { kind: "break" }, { kind: "text", text: "Zeile 2" }] });
    expect(blocks[1]).toEqual({
      kind: "list",
      ordered: false,
      start: 1,
      items: [
        [
          { kind: "paragraph", inlines: [{ kind: "text", text: "außen" }] },
          { kind: "list", ordered: true, start: 4, items: [[{ kind: "paragraph", inlines: [{ kind: "text", text: "innen" }] }]] },
        ],
      ],
    });
    expect(blocks[2]).toMatchObject({ kind: "list", ordered: true, start: 1 });
  });

  it("converts tables with header cells and merged cells, quotes and rules", () => {
    const cell = (type: string, value: string, attrs?: Record<string, unknown>) => ({ type, ...(attrs ? { attrs } : {}), content: [p(text(value))] });
    const blocks = blocksFromProsemirror(
      doc(
        {
          type: "table",
          content: [
            { type: "tableRow", content: [cell("tableHeader", "A"), cell("tableHeader", "B")] },
            { type: "tableRow", content: [cell("tableCell", "Zelle-B2-Canary", { colspan: 2, rowspan: 999, colwidth: [100] })] },
            { type: "tableRow", content: [] },
          ],
        },
        { type: "blockquote", content: [p(text("zitiert"))] },
        { type: "horizontalRule" },
      ),
    );
    expect(blocks[0]).toEqual({
      kind: "table",
      rows: [
        {
          cells: [
            { header: true, colspan: 1, rowspan: 1, blocks: [{ kind: "paragraph", inlines: [{ kind: "text", text: "A" }] }] },
            { header: true, colspan: 1, rowspan: 1, blocks: [{ kind: "paragraph", inlines: [{ kind: "text", text: "B" }] }] },
          ],
        },
        // Spans are capped; the empty row is dropped.
        { cells: [{ header: false, colspan: 2, rowspan: 50, blocks: [{ kind: "paragraph", inlines: [{ kind: "text", text: "Zelle-B2-Canary" }] }] }] },
      ],
    });
    expect(blocks[1]).toEqual({ kind: "quote", blocks: [{ kind: "paragraph", inlines: [{ kind: "text", text: "zitiert" }] }] });
    expect(blocks[2]).toEqual({ kind: "rule" });
  });

  it("ignores unknown nodes and marks safely, keeping any text they hold", () => {
    const blocks = blocksFromProsemirror(
      doc(
        { type: "image", attrs: { src: "https://tracker.example/pixel.gif" } },
        { type: "callout", content: [p(text("im Kasten", [{ type: "highlight", attrs: { color: "red" } }]))] },
        { type: "details", content: [text("loser Text"), { type: "mention", content: [text("@Anna")] }] },
        { type: 42, content: "not an array" },
        null,
        "string",
        p(text("Ende")),
      ),
    );
    expect(blocksText(blocks)).toBe("im Kasten\nloser Text\n@Anna\nEnde");
  });

  it("accepts anything without throwing: garbage, nulls, cycles of depth", () => {
    for (const input of [null, undefined, 42, "doc", [], { type: "doc", content: [null, 1, { text: 5 }] }, { type: "doc", content: { length: 3 } }]) {
      expect(() => blocksFromProsemirror(input)).not.toThrow();
    }
    let deep: Record<string, unknown> = p(text("ganz tief"));
    for (let i = 0; i < 500; i++) deep = { type: "blockquote", content: [deep] };
    const blocks = blocksFromProsemirror(doc(deep));
    expect(blocksText(blocks)).toContain("ganz tief");
    const depth = (bs: Block[]): number => Math.max(0, ...bs.map((b) => (b.kind === "quote" ? 1 + depth(b.blocks) : 0)));
    expect(depth(blocks)).toBeLessThanOrEqual(MAX_DEPTH);
  });

  it("keeps the words of any depth, and of any number of flattened lines, without overflowing the stack", () => {
    // 5,000 levels: the old flattening stopped reading at 1,000 and lost the words below.
    let deep: Record<string, unknown> = p(text("ganz unten"));
    for (let i = 0; i < 5000; i++) deep = { type: i % 2 ? "blockquote" : "x-wrapper", content: [deep] };
    expect(blocksText(blocksFromProsemirror(doc(deep)))).toContain("ganz unten");

    // Below the cap, 200,000 paragraphs become 200,000 lines: push(...lines) overflowed.
    let wide: Record<string, unknown> = { type: "blockquote", content: Array.from({ length: 200_000 }, (_, i) => p(text(`Zeile ${i}`))) };
    for (let i = 0; i < MAX_DEPTH; i++) wide = { type: "blockquote", content: [wide] };
    const text200k = blocksText(blocksFromProsemirror(doc(wide)));
    expect(text200k).toContain("Zeile 0\n");
    expect(text200k).toContain("Zeile 199999");

    // Unknown inline wrappers nested beyond the cap still give their text.
    let inline: Record<string, unknown> = text("im Innersten");
    for (let i = 0; i < MAX_DEPTH + 10; i++) inline = { type: "x-inline", content: [inline] };
    const [para] = blocksFromProsemirror(doc(p(text("vorher "), inline)));
    expect(blocksText([para!])).toBe("vorher im Innersten");
  });

  it("removes control characters that would break the files", () => {
    const [block] = blocksFromProsemirror(doc(p(text("a\u0000b\u0007c\u001bd\ud800e"))));
    expect(blocksText([block!])).toBe("abcde");
  });

  it("reads what the editor's own schema writes into a Y.Doc", () => {
    const json = doc(
      { type: "heading", attrs: { level: 1 }, content: [text("Arbeitsprogramm Testnetz")] },
      p(text("Fett", [{ type: "bold" }]), text(" und "), text("Link", [{ type: "link", attrs: { href: "https://example.org" } }])),
      { type: "table", content: [{ type: "tableRow", content: [{ type: "tableCell", content: [p(text("Zelle-B2-Canary"))] }] }] },
    );
    const ydoc = new Y.Doc();
    prosemirrorJSONToYXmlFragment(getSchema(editorExtensions()), json, ydoc.getXmlFragment(CONTENT_FIELD));
    const blocks = blocksFromProsemirror(deriveContent(ydoc).json);
    expect(blocks.map((b) => b.kind)).toEqual(["heading", "paragraph", "table"]);
    expect(blocks[1]).toMatchObject({ inlines: [{ text: "Fett", bold: true }, { text: " und " }, { text: "Link", href: "https://example.org/" }] });
    expect(blocksText(blocks)).toContain("Zelle-B2-Canary");
  });
});
