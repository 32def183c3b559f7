import { describe, expect, it } from "vitest";
import { languageVersionName, parseDocName, sourceNameOf } from "./doc-names";

describe("collab document names", () => {
  it("accepts type.id", () => {
    expect(parseDocName("workprogramme.3f2c9a1e-0000-4000-8000-000000000000")).toEqual({
      type: "workprogramme",
      id: "3f2c9a1e-0000-4000-8000-000000000000",
    });
  });

  it("accepts a language version's name and refuses languages the platform does not have", () => {
    expect(parseDocName("recommendation.abc.it")).toEqual({ type: "recommendation", id: "abc", language: "it" });
    expect(languageVersionName("recommendation.abc", "en")).toBe("recommendation.abc.en");
    expect(sourceNameOf("recommendation.abc.en")).toBe("recommendation.abc");
    expect(sourceNameOf("recommendation.abc")).toBe("recommendation.abc");
    for (const name of ["recommendation.abc.fr", "recommendation.abc.IT", "recommendation.abc.it.de", "recommendation.abc."]) expect(parseDocName(name), name).toBeNull();
  });

  it("refuses traversal, empty parts, odd characters and overlong ids", () => {
    for (const name of ["", "workprogramme", ".x", "workprogramme.", "../etc.passwd", "Work.x", "a.b/c", `w.${"x".repeat(65)}`, "workprogramme.a b"]) {
      expect(parseDocName(name), name).toBeNull();
    }
  });
});
