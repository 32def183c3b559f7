/**
 * Glossary terms for engines without a glossary feature (LibreTranslate): before translating,
 * each accepted source term is swapped for a placeholder the engine tends to copy unchanged;
 * afterwards the placeholder is swapped for the accepted target term.
 *
 * Matching rules, each for a reason:
 *  - longest term first, so "Industrie- und Handelskammer" wins over "Handelskammer";
 *  - case-insensitive, since a term starts a sentence as often as not;
 *  - whole words only, with Unicode letters as word characters, so "Handelskammer" is left
 *    alone inside "Handelskammergesetz" but found in "Handelskammer-Präsident" and in the
 *    Italian elision "dell'apprendistato" (hyphen and apostrophe separate words);
 *  - whitespace inside a term matches any whitespace, since editors wrap lines.
 * Engines change placeholders a little ("[ t1 ]", a space lost or added), so restoring accepts
 * those variants; a placeholder the engine dropped only means that term is missing.
 */
import type { TermPair } from "./provider";

export interface ProtectedText {
  /** The text to send, each glossary term replaced by a placeholder such as [T1]. */
  text: string;
  /** How many distinct terms were replaced. */
  termCount: number;
  /** The engine's output with the placeholders replaced by the target terms. */
  restore(translated: string): string;
}

export type TermProtector = (text: string) => ProtectedText;

/** A letter, digit or combining mark: what continues a word (so a term must not touch one). */
const WORD_CHAR = String.raw`[\p{L}\p{N}\p{M}_]`;
const STARTS_WITH_WORD_CHAR = new RegExp(`^${WORD_CHAR}`, "u");
const ENDS_WITH_WORD_CHAR = new RegExp(`${WORD_CHAR}$`, "u");
const ENDS_WITH_LETTER_OR_DIGIT = /[\p{L}\p{N}]$/u;
const STARTS_WITH_LETTER_OR_DIGIT = /^[\p{L}\p{N}]/u;

/**
 * What comes back from an engine for a placeholder "[T<n>]": the same, or with spaces inside,
 * another case, or round/full-width brackets.
 */
const PLACEHOLDER_VARIANTS = /[[(［]\s*t\s*(\d{1,4})\s*[\])］]/giu;
/** An Italian (or French) elision right before a placeholder: "dell' [T1]" is put back to "dell'[T1]"… */
const ELISION_THEN_SPACE = /\p{L}['’]\s+$/u;
/** …but only when the term starts with a vowel or h, where elision happens; "students' Chamber" keeps its space. */
const STARTS_WITH_VOWEL = /^[aeiouhàáâäèéêëìíîïòóôöùúûü]/iu;

export function placeholder(index: number): string {
  return `[T${index}]`;
}

interface Term {
  source: string;
  target: string;
}

/** Prepares the matcher once for many texts of one request. */
export function createTermProtector(pairs: readonly TermPair[]): TermProtector {
  const terms = usableTerms(pairs);
  if (terms.length === 0) return unprotected;
  // One capture group per term, longest first: at any position the regex engine tries the
  // alternatives in order, so the longest term that matches there wins.
  const matcher = new RegExp(terms.map((term) => `(${termPattern(term.source)})`).join("|"), "giu");

  return (text) => {
    // A text that already contains something that reads as a placeholder would be "restored"
    // wrongly; it is sent as it is and its terms are left to the engine.
    if (hasPlaceholderLike(text)) return unprotected(text);

    const numberOfTerm = new Map<number, number>();
    const targets = new Map<number, string>();
    const replaced = text.replace(matcher, (...args: unknown[]) => {
      const termIndex = args.slice(1, terms.length + 1).findIndex((group) => group !== undefined);
      const term = terms[termIndex];
      if (!term) return String(args[0]);
      let number = numberOfTerm.get(termIndex);
      if (number === undefined) {
        number = numberOfTerm.size + 1;
        numberOfTerm.set(termIndex, number);
        targets.set(number, term.target);
      }
      return placeholder(number);
    });
    if (targets.size === 0) return unprotected(text);
    return { text: replaced, termCount: targets.size, restore: (translated) => restorePlaceholders(translated, targets) };
  };
}

/** One text at a time; createTermProtector is the same for many texts with one glossary. */
export function protectTerms(text: string, pairs: readonly TermPair[]): ProtectedText {
  return createTermProtector(pairs)(text);
}

export function restorePlaceholders(translated: string, targets: ReadonlyMap<number, string>): string {
  let out = "";
  let last = 0;
  for (const match of translated.matchAll(PLACEHOLDER_VARIANTS)) {
    const target = targets.get(Number(match[1]));
    if (target === undefined) continue; // not one of ours: leave it as the engine wrote it
    const start = match.index;
    const end = start + match[0].length;
    let before = translated.slice(last, start);
    if (ELISION_THEN_SPACE.test((out + before).slice(-32)) && STARTS_WITH_VOWEL.test(target)) before = before.trimEnd();
    out += before;
    // The placeholder stood for a whole word: if the engine glued it to a neighbouring word, part them again.
    if (ENDS_WITH_LETTER_OR_DIGIT.test(out)) out += " ";
    out += target;
    if (STARTS_WITH_LETTER_OR_DIGIT.test(translated.slice(end))) out += " ";
    last = end;
  }
  return out + translated.slice(last);
}

function hasPlaceholderLike(text: string): boolean {
  PLACEHOLDER_VARIANTS.lastIndex = 0;
  const found = PLACEHOLDER_VARIANTS.test(text);
  PLACEHOLDER_VARIANTS.lastIndex = 0;
  return found;
}

function unprotected(text: string): ProtectedText {
  return { text, termCount: 0, restore: (translated) => translated };
}

/** Trimmed, non-empty, one entry per source (compared without case), longest first. */
function usableTerms(pairs: readonly TermPair[]): Term[] {
  const seen = new Set<string>();
  const terms: Term[] = [];
  for (const pair of pairs) {
    const source = pair.source.replace(/\s+/gu, " ").trim();
    const target = pair.target.replace(/\s+/gu, " ").trim();
    if (source === "" || target === "") continue;
    const key = source.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    terms.push({ source, target });
  }
  return terms.sort((a, b) => [...b.source].length - [...a.source].length || a.source.localeCompare(b.source));
}

/** The term as a regex: its text literally, any whitespace for its spaces, word boundaries where it starts or ends with a letter. */
function termPattern(source: string): string {
  const body = source.split(" ").map(escapeRegExp).join(String.raw`\s+`);
  const before = STARTS_WITH_WORD_CHAR.test(source) ? `(?<!${WORD_CHAR})` : "";
  const after = ENDS_WITH_WORD_CHAR.test(source) ? `(?!${WORD_CHAR})` : "";
  return `${before}${body}${after}`;
}

function escapeRegExp(text: string): string {
  // Only syntax characters: under the u flag, escaping anything else ("-", say) is an error.
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
}
