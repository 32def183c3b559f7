import { describe, expect, it } from "vitest";
import { compareTexts } from "./compare";

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
