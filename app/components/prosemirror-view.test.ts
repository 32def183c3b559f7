import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { ProseMirrorView, isEmptyDoc, safeHref, type PmNode } from "./prosemirror-view";

const render = (doc: PmNode, headingOffset = 0) => renderToStaticMarkup(createElement(ProseMirrorView, { doc, headingOffset }));
const t = (text: string, marks?: PmNode["marks"]) => ({ type: "text", text, ...(marks ? { marks } : {}) });
const doc = (...content: PmNode[]): PmNode => ({ type: "doc", content });
const p = (...content: PmNode[]): PmNode => ({ type: "paragraph", content });

describe("ProseMirrorView", () => {
  it("renders blocks and marks as semantic HTML", () => {
    const html = render(
      doc(
        { type: "heading", attrs: { level: 2 }, content: [t("Ziele")] },
        p(t("fett", [{ type: "bold" }]), t(" "), t("kursiv", [{ type: "italic" }]), t(" "), t("unter", [{ type: "underline" }]), t(" "), t("weg", [{ type: "strike" }]), t(" "), t("x", [{ type: "code" }])),
        p(t("eins"), { type: "hardBreak" }, t("zwei")),
        { type: "bulletList", content: [{ type: "listItem", content: [p(t("Punkt"))] }] },
        { type: "orderedList", attrs: { start: 3 }, content: [{ type: "listItem", content: [p(t("drei"))] }] },
        { type: "blockquote", content: [p(t("Zitat"))] },
        { type: "horizontalRule" },
      ),
    );
    expect(html).toContain("<h2>Ziele</h2>");
    expect(html).toContain("<strong>fett</strong> <em>kursiv</em> <u>unter</u> <s>weg</s> <code>x</code>");
    expect(html).toContain("<p>eins<br/>zwei</p>");
    expect(html).toContain("<ul><li><p>Punkt</p></li></ul>");
    expect(html).toContain('<ol start="3"><li><p>drei</p></li></ol>');
    expect(html).toContain("<blockquote><p>Zitat</p></blockquote>");
    expect(html).toContain("<hr/>");
  });

  it("nests marks in their order and shifts heading levels to fit the page", () => {
    expect(render(doc(p(t("beides", [{ type: "bold" }, { type: "italic" }]))))).toContain("<strong><em>beides</em></strong>");
    expect(render(doc({ type: "heading", attrs: { level: 1 }, content: [t("Titel")] }), 2)).toContain("<h3>Titel</h3>");
    expect(render(doc({ type: "heading", attrs: { level: 3 }, content: [t("Tief")] }), 5)).toContain("<h6>Tief</h6>");
  });

  it("renders tables with column and row headers and spans", () => {
    const cell = (type: string, text: string, attrs?: Record<string, unknown>) => ({ type, attrs, content: [p(t(text))] });
    const html = render(
      doc({
        type: "table",
        content: [
          { type: "tableRow", content: [cell("tableHeader", "Ort"), cell("tableHeader", "Datum")] },
          { type: "tableRow", content: [cell("tableHeader", "Augsburg"), cell("tableCell", "Mai", { colspan: 1, rowspan: 2 })] },
        ],
      }),
    );
    expect(html).toContain('<th scope="col"><p>Ort</p></th>');
    expect(html).toContain('<th scope="row"><p>Augsburg</p></th>');
    expect(html).toContain('<td rowspan="2"><p>Mai</p></td>');
  });

  it("makes links only of http, https and mailto addresses and escapes all text", () => {
    const link = (href: unknown) => render(doc(p(t("hier", [{ type: "link", attrs: { href } }]))));
    expect(link("https://example.org/a?b=1")).toContain('<a href="https://example.org/a?b=1" rel="noopener noreferrer nofollow">hier</a>');
    expect(link("mailto:info@example.org")).toContain('href="mailto:info@example.org"');
    for (const bad of ["javascript:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)", "data:text/html,x", "/relative", "//evil.example", "mailto:", 42, null]) {
      const html = link(bad);
      expect(html, String(bad)).not.toContain("<a");
      expect(html).toContain("hier");
    }
    expect(render(doc(p(t("<script>alert(1)</script>"))))).toContain("&lt;script&gt;");
  });

  it("shows the content of unknown nodes and ignores unknown marks", () => {
    expect(render(doc({ type: "mystery", content: [p(t("drin", [{ type: "glitter" }]))] }))).toContain("<p>drin</p>");
  });

  it("knows an empty document", () => {
    expect(isEmptyDoc(doc(p()))).toBe(true);
    expect(isEmptyDoc(doc(p(t("  "))))).toBe(true);
    expect(isEmptyDoc(doc(p(t("x"))))).toBe(false);
    expect(isEmptyDoc(doc({ type: "horizontalRule" }))).toBe(false);
  });

  it("safeHref refuses control characters and hosts-less addresses", () => {
    expect(safeHref("https://")).toBeNull();
    expect(safeHref("https://exa\u0000mple.org")).toBeNull();
    expect(safeHref("http://example.org")).toBe("http://example.org");
  });
});
