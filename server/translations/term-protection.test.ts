import { describe, expect, it } from "vitest";
import { createTermProtector, protectTerms } from "./term-protection";

const chamber = [
  { source: "Handelskammer", target: "camera di commercio" },
  { source: "Industrie- und Handelskammer", target: "Camera di Commercio, Industria" },
];

describe("protectTerms", () => {
  it("prefers the longer of two terms that start at the same place", () => {
    const pairs = [
      { source: "Industrie", target: "industria" },
      { source: "Industrie- und Handelskammer", target: "CCIAA" },
    ];
    for (const order of [pairs, [...pairs].reverse()]) {
      const protectedText = protectTerms("Die Industrie- und Handelskammer der Industrie", order);
      expect(protectedText.text).toBe("Die [T1] der [T2]");
      expect(protectedText.restore("La [T1] dell'[T2]")).toBe("La CCIAA dell'industria");
    }
  });

  it("replaces the longest term first, whichever order the glossary has", () => {
    for (const pairs of [chamber, [...chamber].reverse()]) {
      const protectedText = protectTerms("Die Industrie- und Handelskammer prüft. Die Handelskammer auch.", pairs);
      expect(protectedText.text).toBe("Die [T1] prüft. Die [T2] auch.");
      expect(protectedText.restore("La [T1] esamina. Anche la [T2].")).toBe(
        "La Camera di Commercio, Industria esamina. Anche la camera di commercio.",
      );
    }
  });

  it("matches without regard to case and gives the target term as the glossary writes it", () => {
    const protectedText = protectTerms("HANDELSKAMMER und handelskammer", chamber);
    expect(protectedText.text).toBe("[T1] und [T1]");
    expect(protectedText.termCount).toBe(1);
    expect(protectedText.restore("[T1] e [T1]")).toBe("camera di commercio e camera di commercio");
  });

  it("matches whole words only, with hyphens as word breaks", () => {
    const pairs = [{ source: "Kammer", target: "camera" }];
    expect(protectTerms("Das Handelskammergesetz und die Kammerwahl", pairs).text).toBe("Das Handelskammergesetz und die Kammerwahl");
    expect(protectTerms("Die Kammer-Präsidentin der Kammer.", pairs).text).toBe("Die [T1]-Präsidentin der [T1].");
    // Letters beyond ASCII are word characters: "Kammerübung" is another word.
    expect(protectTerms("Kammerübung, Überkammer", pairs).text).toBe("Kammerübung, Überkammer");
  });

  it("finds a term after an Italian elision and puts the apostrophe back against it", () => {
    const pairs = [{ source: "apprendistato", target: "apprendistato duale" }];
    const protectedText = protectTerms("Il contratto dell'apprendistato e l’apprendistato.", pairs);
    expect(protectedText.text).toBe("Il contratto dell'[T1] e l’[T1].");
    // An engine that put a space after the apostrophe: elision before a vowel takes it away again.
    expect(protectedText.restore("Il contratto dell' [T1] e l’ [T1].")).toBe("Il contratto dell'apprendistato duale e l’apprendistato duale.");
  });

  it("keeps the space after an English possessive apostrophe before a consonant", () => {
    const protectedText = protectTerms("Die Handelskammer der Schüler", chamber);
    expect(protectedText.restore("The students' [T1]")).toBe("The students' camera di commercio");
  });

  it("accepts the placeholder with spaces, another case or other brackets, and re-separates glued words", () => {
    const protectedText = protectTerms("Die Handelskammer hilft.", chamber);
    expect(protectedText.restore("La [ t1 ] aiuta.")).toBe("La camera di commercio aiuta.");
    expect(protectedText.restore("La [T 1] aiuta.")).toBe("La camera di commercio aiuta.");
    expect(protectedText.restore("La (T1) aiuta.")).toBe("La camera di commercio aiuta.");
    expect(protectedText.restore("La［T1］aiuta.")).toBe("La camera di commercio aiuta.");
    expect(protectedText.restore("La[T1]aiuta.")).toBe("La camera di commercio aiuta.");
  });

  it("survives an engine that dropped a placeholder or invented one", () => {
    const protectedText = protectTerms("Die Handelskammer und die Industrie- und Handelskammer.", chamber);
    expect(protectedText.text).toBe("Die [T1] und die [T2].");
    expect(protectedText.restore("E la [T2].")).toBe("E la Camera di Commercio, Industria.");
    expect(protectedText.restore("Niente.")).toBe("Niente.");
    expect(protectedText.restore("La [T9] e la [T1].")).toBe("La [T9] e la camera di commercio.");
  });

  it("treats regex special characters in terms literally", () => {
    const pairs = [
      { source: "C++ (Kurs)", target: "corso di C++" },
      { source: "a.b", target: "X" },
      { source: "$1", target: "$& money" },
    ];
    const protectedText = protectTerms("Der C++ (Kurs) und a.b, nicht axb; $1 bleibt.", pairs);
    expect(protectedText.text).toBe("Der [T1] und [T2], nicht axb; [T3] bleibt.");
    // "$&" in a target stays literal too (no replacement patterns).
    expect(protectedText.restore("Il [T1] e [T2], non axb; [T3] resta.")).toBe("Il corso di C++ e X, non axb; $& money resta.");
  });

  it("matches a term across a line break or double space", () => {
    const protectedText = protectTerms("Die Industrie-  und\nHandelskammer", chamber);
    expect(protectedText.text).toBe("Die [T1]");
  });

  it("leaves a text alone that already contains something reading like a placeholder", () => {
    const protectedText = protectTerms("Anhang [T1]: Handelskammer", chamber);
    expect(protectedText.text).toBe("Anhang [T1]: Handelskammer");
    expect(protectedText.restore("Allegato [T1]: camera")).toBe("Allegato [T1]: camera");
  });

  it("ignores empty terms and keeps the first of two with the same source", () => {
    const protect = createTermProtector([
      { source: "  ", target: "nothing" },
      { source: "Kammer", target: "camera" },
      { source: "kammer", target: "other" },
      { source: "Betrieb", target: " " },
    ]);
    const protectedText = protect("Kammer und Betrieb");
    expect(protectedText.text).toBe("[T1] und Betrieb");
    expect(protectedText.restore("[T1] e azienda")).toBe("camera e azienda");
  });

  it("does nothing without a glossary", () => {
    const protectedText = protectTerms("Handelskammer", []);
    expect(protectedText.text).toBe("Handelskammer");
    expect(protectedText.termCount).toBe(0);
    expect(protectedText.restore("x [T1]")).toBe("x [T1]");
  });
});
