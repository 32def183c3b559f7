import { describe, expect, it } from "vitest";
import { breakLongWords, guessLanguage } from "./break-words";

/** One unit per letter: a word fits when it has at most `width` letters (plus the hyphen). */
const letters = (s: string) => s.length;

describe("breaking words too wide for their column", () => {
  it("leaves words that fit alone and breaks the others at hyphenation points, with a hyphen", () => {
    expect(breakLongWords("Der Plan ist Abgeschlossen", 8, letters, "de")).toBe("Der Plan ist Abge-\nschlos-\nsen");
    expect(breakLongWords("Programmazione", 8, letters, "it")).toBe("Program-\nmazione");
  });

  it("guesses the text's language from its short words, else keeps the export's", () => {
    expect(guessLanguage("Studienreise der Ausbilder nach Modena und Bologna", "it")).toBe("de");
    expect(guessLanguage("Tirocini estivi negli alberghi per gli apprendisti", "de")).toBe("it");
    expect(guessLanguage("Exchange of trainers for the summer", "de")).toBe("en");
    expect(guessLanguage("Abgeschlossen", "en")).toBe("en");
    expect(guessLanguage("Prüfung", "en")).toBe("de");
  });
});
