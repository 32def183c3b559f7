import { describe, expect, it } from "vitest";
import { MAX_SEARCH_TERMS, searchTerms } from "./search-terms";

describe("searchTerms", () => {
  it("keeps words in any script, lower-cased, once each", () => {
    expect(searchTerms("Prüfung  prüfung, Alternanza SCUOLA-lavoro")).toEqual(["prüfung", "alternanza", "scuola", "lavoro"]);
  });

  it("drops every character of both query languages", () => {
    expect(searchTerms(`"Ausbildung" OR x* NEAR(a b) & !c | d:* ' -- ;`)).toEqual(["ausbildung", "or", "near"]);
    for (const term of searchTerms(`a"b'c*d:e&f|g!h(i)j^k-l+m~n`)) expect(term).toMatch(/^[\p{L}\p{N}]+$/u);
  });

  it("keeps one-letter words only when nothing longer is there", () => {
    expect(searchTerms("a b")).toEqual(["a", "b"]);
    expect(searchTerms("a Lehrplan")).toEqual(["lehrplan"]);
  });

  it("bounds the number and length of terms, and composes decomposed accents", () => {
    expect(searchTerms(Array.from({ length: 20 }, (_, i) => `wort${i}`).join(" "))).toHaveLength(MAX_SEARCH_TERMS);
    expect(searchTerms("x".repeat(500))[0]).toHaveLength(64);
    expect(searchTerms("Pru\u0308fung")).toEqual(["prüfung"]);
    expect(searchTerms("  ")).toEqual([]);
  });
});
