import { describe, expect, it } from "vitest";
import { compareDocuments, compareTexts } from "./compare";

describe("comparing a version with the current text", () => {
  it("marks inserted and deleted words", () => {
    const segments = compareTexts("Studienreise nach Modena im März", "Studienreise nach Bologna im März 2026");
    expect(segments.filter((s) => s.kind === "removed").map((s) => s.text.trim())).toEqual(["Modena"]);
    expect(segments.filter((s) => s.kind === "added").map((s) => s.text.trim())).toEqual(["Bologna", "2026"]);
    expect(segments.map((s) => (s.kind === "removed" ? "" : s.text)).join("")).toBe("Studienreise nach Bologna im März 2026");
  });

  it("reports identical texts as one unchanged segment", () => {
    expect(compareTexts("gleich", "gleich")).toEqual([{ kind: "same", text: "gleich" }]);
  });
});

const heading = (level: number, text: string) => ({ type: "heading", attrs: { level }, content: [{ type: "text", text }] });
const paragraph = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });
const orderedList = (...items: string[]) => ({ type: "orderedList", content: items.map((text) => ({ type: "listItem", content: [paragraph(text)] })) });
const doc = (...content: object[]) => ({ type: "doc", content });

describe("comparing a version with the current document, structure kept", () => {
  const version = doc(heading(2, "Ziele"), paragraph("Wir treffen uns im März."), orderedList("Lernaufgaben", "Studienreise nach Modena"));
  const current = doc(heading(2, "Ziele 2026"), paragraph("Wir treffen uns im März."), orderedList("Lernaufgaben", "Studienreise nach Bologna", "Abschlussbericht"));

  it("keeps a heading a heading and a numbered list a numbered list, with word changes inside", () => {
    const blocks = compareDocuments(version, current);
    expect(blocks.map((b) => [b.shape, b.status])).toEqual([
      [{ type: "heading", level: 2 }, "changed"],
      [{ type: "paragraph" }, "same"],
      [{ type: "listItem", ordered: true, depth: 0 }, "same"],
      [{ type: "listItem", ordered: true, depth: 0 }, "changed"],
      [{ type: "listItem", ordered: true, depth: 0 }, "added"],
    ]);
    expect(blocks[0]!.segments.filter((s) => s.kind === "added").map((s) => s.text.trim())).toEqual(["2026"]);
    expect(blocks[3]!.segments.filter((s) => s.kind === "removed").map((s) => s.text.trim())).toEqual(["Modena"]);
    expect(blocks[4]!.segments).toEqual([{ kind: "added", text: "Abschlussbericht" }]);
  });

  it("marks a removed block removed, where it was", () => {
    const blocks = compareDocuments(current, doc(heading(2, "Ziele 2026"), orderedList("Lernaufgaben", "Studienreise nach Bologna", "Abschlussbericht")));
    expect(blocks.map((b) => b.status)).toEqual(["same", "removed", "same", "same", "same"]);
    expect(blocks[1]).toEqual({ shape: { type: "paragraph" }, status: "removed", segments: [{ kind: "removed", text: "Wir treffen uns im März." }] });
  });

  it("nested bullet lists keep their depth", () => {
    const nested = doc({ type: "bulletList", content: [{ type: "listItem", content: [paragraph("oben"), { type: "bulletList", content: [{ type: "listItem", content: [paragraph("unten")] }] }] }] });
    expect(compareDocuments(nested, nested).map((b) => b.shape)).toEqual([
      { type: "listItem", ordered: false, depth: 0 },
      { type: "listItem", ordered: false, depth: 1 },
    ]);
  });
});
