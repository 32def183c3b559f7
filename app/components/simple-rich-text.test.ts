/** Simple rich text: blank lines make paragraphs, "- " lines make lists, nothing becomes markup. */
import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import { parseSimpleRichText, SimpleRichText } from "./simple-rich-text";

describe("simple rich text", () => {
  it("splits paragraphs at blank lines and keeps line breaks inside one", () => {
    expect(parseSimpleRichText("Erster Absatz\nzweite Zeile\n\n\nZweiter Absatz\r\n")).toEqual([
      { kind: "paragraph", lines: ["Erster Absatz", "zweite Zeile"] },
      { kind: "paragraph", lines: ["Zweiter Absatz"] },
    ]);
  });

  it("turns runs of '- ' lines into lists, also right after a paragraph line", () => {
    expect(parseSimpleRichText("Ergebnisse:\n- eins\n-   zwei\nweiter\n\n- drei")).toEqual([
      { kind: "paragraph", lines: ["Ergebnisse:"] },
      { kind: "list", items: ["eins", "zwei"] },
      { kind: "paragraph", lines: ["weiter"] },
      { kind: "list", items: ["drei"] },
    ]);
    // A dash without a space is text, not a list item.
    expect(parseSimpleRichText("-5 % Abbrüche")).toEqual([{ kind: "paragraph", lines: ["-5 % Abbrüche"] }]);
  });

  it("renders text as text: tags are escaped, never interpreted", () => {
    const html = renderToStaticMarkup(createElement(SimpleRichText, { text: "<img src=x onerror=alert(1)>\n\n- <b>fett</b>" }));
    expect(html).toBe("<div><p>&lt;img src=x onerror=alert(1)&gt;</p><ul><li>&lt;b&gt;fett&lt;/b&gt;</li></ul></div>");
  });
});
