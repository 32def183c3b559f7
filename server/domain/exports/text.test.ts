import { describe, expect, it } from "vitest";
import { cleanText, toAscii, toWinAnsi } from "./text";

describe("export text hygiene", () => {
  it("keeps everything WinAnsi has: German and Italian letters, typographic quotes, dashes, ellipsis, euro", () => {
    const text = "Äpfel, Öl, Übung, Straße – „Zitat“ “quote” ‘x’ «virgolette» … 5 € • perché città è già";
    expect(toWinAnsi(text)).toBe(text);
  });

  it("maps what the standard PDF fonts cannot draw instead of breaking", () => {
    expect(toWinAnsi("a ≤ b ≥ c → d ≠ e")).toBe("a <= b >= c -> d != e");
    expect(toWinAnsi("Łódź, Őrség, Timișoara, Dvořák")).toBe("Lódz, Orség, Timisoara, Dvorák");
    expect(toWinAnsi("ok ✓ 😀 👩‍💻 中文")).toBe("ok v ? ?? ??");
    expect(toWinAnsi("narrow\u202fno-break\u2009thin\u200bzero")).toBe("narrow no-break thinzero");
    expect(toWinAnsi("e\u0301 q\u0301")).toBe("é q");
  });

  it("spells out umlauts and drops accents for ASCII", () => {
    expect(toAscii("Größe Ärger Öl Übel ß ẞ")).toBe("Groesse Aerger Oel Uebel ss SS");
    expect(toAscii("città perché è già Ça Ñ")).toBe("citta perche e gia Ca N");
    expect(toAscii("„Zitat“ – …")).toBe('"Zitat" - ...');
  });

  it("removes control characters and lone surrogates, normalises line ends", () => {
    expect(cleanText("a\u0000b\u0008c\u000bd\u007fe\u0085f\ud800g\udc00h\r\ni\rj\tk")).toBe("abcdefgh\ni\nj\tk");
    expect(cleanText("😀")).toBe("😀");
  });
});
