/**
 * Words too wide for their column (a status like "Abgeschlossen" in a narrow table column)
 * are broken where the language's hyphenation rules allow, with a hyphen at the end of the
 * line, instead of wherever pdfkit runs out of room ("Abgeschlo|ssen"). Words that fit are
 * left whole: pdfkit wraps between them. A syllable wider than the whole column (rare: a
 * column a few letters wide) is the only case still cut between letters.
 *
 * Which rules: the text's language, guessed from its common short words, else the export's.
 * Documents are written in German, Italian or English whatever the reader's interface says.
 */
import deHyphen from "hyphen/de/index.js";
import itHyphen from "hyphen/it/index.js";
import enHyphen from "hyphen/en-gb/index.js";
import type { Locale } from "#shared/i18n/config";

const PATTERNS: Record<Locale, { hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string }> = {
  de: deHyphen,
  it: itHyphen,
  en: enHyphen,
};

const MARK = "\u0001"; // never in our (WinAnsi) text

const COMMON: Record<Locale, RegExp> = {
  de: /^(der|die|das|und|mit|für|von|den|dem|ist|nicht|auf|ein|eine|zu|im)$/,
  it: /^(il|la|le|di|del|della|e|per|con|che|un|una|gli|nel|alla|sono)$/,
  en: /^(the|and|of|to|in|for|with|is|on|a|an|by|from|that|this)$/,
};

/** The language of a text by its common short words; `fallback` when none decides. */
export function guessLanguage(text: string, fallback: Locale): Locale {
  const words = text.toLowerCase().split(/[^a-zà-ÿß]+/);
  let best: Locale = fallback;
  let bestScore = 0;
  for (const locale of Object.keys(COMMON) as Locale[]) {
    const score = words.filter((w) => COMMON[locale].test(w)).length;
    if (score > bestScore) [best, bestScore] = [locale, score];
  }
  if (bestScore === 0 && /[äöüß]/i.test(text)) return "de";
  return best;
}

/**
 * `text` with every word wider than `width` split at hyphenation points into pieces that
 * fit, each ending in "-" and a line break. `measure` gives a string's width in the font
 * and size the text is drawn in.
 */
export function breakLongWords(text: string, width: number, measure: (s: string) => number, language: Locale): string {
  if (width <= 0) return text;
  const hyphenWidth = measure("-");
  return text.replace(/[^\s]+/g, (word) => {
    if (measure(word) <= width) return word;
    const syllables = PATTERNS[language].hyphenateSync(word, { hyphenChar: MARK, minWordLength: 4 }).split(MARK);
    const pieces: string[] = [];
    let current = "";
    for (const syllable of syllables) {
      if (current && measure(current + syllable) + hyphenWidth > width) {
        pieces.push(current);
        current = "";
      }
      current += syllable;
    }
    if (current) pieces.push(current);
    // A line break inside the word after each piece but the last; pdfkit keeps "\n" as a forced break.
    return pieces.map((piece, i) => (i < pieces.length - 1 && !piece.endsWith("-") ? `${piece}-` : piece)).join("\n");
  });
}
