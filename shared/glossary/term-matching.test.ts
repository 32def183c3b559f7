import { describe, it, expect } from "vitest";
import { findTermOccurrences, type GlossaryHint } from "./term-matching";

function hint(id: string, term: string): GlossaryHint {
  return { id, term, equivalents: [{ language: "en", term: `${term} (en)` }], note: "" };
}

/** The matched text and hint id of every occurrence, in order. */
function found(text: string, hints: readonly GlossaryHint[]): Array<[string, string]> {
  return findTermOccurrences(text, hints).map(({ from, to, hint }) => [text.slice(from, to), hint.id]);
}

describe("findTermOccurrences", () => {
  it("matches case-insensitively and reports positions", () => {
    const hints = [hint("ihk", "IHK")];
    expect(findTermOccurrences("Die ihk prüft.", hints)).toEqual([{ from: 4, to: 7, hint: hints[0] }]);
    expect(found("IHK und Ihk", hints)).toEqual([
      ["IHK", "ihk"],
      ["Ihk", "ihk"],
    ]);
  });

  it("matches whole words only", () => {
    expect(found("Die IHKs und die Ausbildungsordnung", [hint("ihk", "IHK"), hint("a", "Ausbildung")])).toEqual([]);
    expect(found("Berufsausbildung", [hint("a", "Ausbildung")])).toEqual([]);
    expect(found("(IHK), IHK-Prüfung", [hint("ihk", "IHK")])).toEqual([
      ["IHK", "ihk"],
      ["IHK", "ihk"],
    ]);
  });

  it("treats umlauts, accents and ß as letters at word edges", () => {
    const hints = [hint("p", "Prüfung"), hint("u", "università"), hint("m", "Maß")];
    expect(found("die Prüfung.", hints)).toEqual([["Prüfung", "p"]]);
    expect(found("all'università!", hints)).toEqual([["università", "u"]]);
    expect(found("ÜPrüfung Prüfungü universitàx Maße", hints)).toEqual([]);
    expect(found("PRÜFUNG", hints)).toEqual([["PRÜFUNG", "p"]]);
  });

  it("lets the longest term win where terms overlap", () => {
    const hints = [hint("camera", "Camera"), hint("cdc", "Camera di commercio"), hint("ce", "commercio estero")];
    expect(found("La Camera di commercio estero e la Camera.", hints)).toEqual([
      ["Camera di commercio", "cdc"],
      ["Camera", "camera"],
    ]);
    // A longer term starting inside a shorter match still wins.
    const later = [hint("short", "duale Ausbildung"), hint("long", "Ausbildung im Betrieb vor Ort")];
    expect(found("die duale Ausbildung im Betrieb vor Ort", later)).toEqual([["Ausbildung im Betrieb vor Ort", "long"]]);
  });

  it("finds every occurrence, sorted and without overlaps", () => {
    const result = findTermOccurrences("Azubi, Azubi und noch ein Azubi", [hint("a", "Azubi")]);
    expect(result.map(({ from }) => from)).toEqual([0, 7, 26]);
  });

  it("takes regex metacharacters in a term literally", () => {
    const hints = [hint("dlgs", "D.Lgs. 81/2015"), hint("plus", "C++")];
    expect(found("ai sensi del D.Lgs. 81/2015, art. 43", hints)).toEqual([["D.Lgs. 81/2015", "dlgs"]]);
    expect(found("DxLgs. 81/2015 e D.Lgs. 81/20150", hints)).toEqual([]);
    expect(found("Kurs (C++) ", hints)).toEqual([["C++", "plus"]]);
  });

  it("matches any run of whitespace inside a term", () => {
    const hints = [hint("cdc", "Camera  di commercio")];
    expect(found("Camera\u00a0di\n  commercio", hints)).toEqual([["Camera\u00a0di\n  commercio", "cdc"]]);
  });

  it("ignores terms shorter than two characters and empty input", () => {
    expect(found("a e i", [hint("a", "a"), hint("blank", "  ")])).toEqual([]);
    expect(found("", [hint("ihk", "IHK")])).toEqual([]);
    expect(found("IHK", [])).toEqual([]);
  });

  it("compiles once per hints array and stays correct on repeated calls", () => {
    const hints = [hint("ihk", "IHK")];
    expect(found("IHK", hints)).toEqual([["IHK", "ihk"]]);
    expect(found("x IHK", hints)).toEqual([["IHK", "ihk"]]);
    // A new array (the glossary changed) is compiled afresh.
    expect(found("IHK", [hint("other", "IHK")])).toEqual([["IHK", "other"]]);
  });
});
