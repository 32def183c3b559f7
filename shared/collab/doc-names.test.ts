import { describe, expect, it } from "vitest";
import { parseDocName } from "./doc-names";

describe("collab document names", () => {
  it("accepts type.id", () => {
    expect(parseDocName("workprogramme.3f2c9a1e-0000-4000-8000-000000000000")).toEqual({
      type: "workprogramme",
      id: "3f2c9a1e-0000-4000-8000-000000000000",
    });
  });

  it("refuses traversal, empty parts, odd characters and overlong ids", () => {
    for (const name of ["", "workprogramme", ".x", "workprogramme.", "../etc.passwd", "Work.x", "a.b/c", `w.${"x".repeat(65)}`, "workprogramme.a b"]) {
      expect(parseDocName(name), name).toBeNull();
    }
  });
});
