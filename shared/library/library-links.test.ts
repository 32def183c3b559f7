import { describe, expect, it } from "vitest";
import { splitLibraryLinks } from "./library-links";

describe("splitLibraryLinks", () => {
  it("links a library file's address, with or without the origin, to the path on our own origin", () => {
    expect(splitLibraryLinks("See https://connactions.example/networks/mech-bayern/library/files/ab12-cd34 for the draft.")).toEqual([
      { text: "See " },
      { text: "https://connactions.example/networks/mech-bayern/library/files/ab12-cd34", libraryPath: "/networks/mech-bayern/library/files/ab12-cd34" },
      { text: " for the draft." },
    ]);
    expect(splitLibraryLinks("/network-of-networks/library/files/x1 und /networks/a/library/files/y2")).toEqual([
      { text: "/network-of-networks/library/files/x1", libraryPath: "/network-of-networks/library/files/x1" },
      { text: " und " },
      { text: "/networks/a/library/files/y2", libraryPath: "/networks/a/library/files/y2" },
    ]);
  });

  it("never links anything else: other paths, other hosts' other paths, longer paths, script", () => {
    for (const text of ["https://evil.example/phish", "/networks/a/library", "/networks/a/library/files/x/versions/y/download", "/networks/A_B/library/files/x", "plain words"]) {
      expect(splitLibraryLinks(text), text).toEqual([{ text }]);
    }
    // Even behind a hostile prefix, only the library path itself is linked.
    const pieces = splitLibraryLinks("javascript:alert(1)//networks/a/library/files/x");
    expect(pieces.every((p) => p.libraryPath === undefined || p.libraryPath === "/networks/a/library/files/x")).toBe(true);
    expect(splitLibraryLinks("")).toEqual([]);
  });
});
