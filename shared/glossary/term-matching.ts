/**
 * Finding glossary terms in running text, so the editor can mark them and show their
 * equivalents in the other languages. Pure (no DOM): the editor plugin calls it per text
 * block on every change of the document, the tests call it directly.
 */

export interface GlossaryHint {
  id: string;
  /** The term in the document's language. */
  term: string;
  equivalents: Array<{ language: "de" | "it" | "en"; term: string }>;
  /** The note in the reader's language; "" when there is none. */
  note: string;
}

export interface TermOccurrence {
  from: number;
  to: number;
  hint: GlossaryHint;
}

interface CompiledTerms {
  regex: RegExp;
  /** The hint of each capture group, in the order of the alternatives. */
  hints: GlossaryHint[];
}

/**
 * Word characters: letters, digits and combining marks (a decomposed "ü" is "u" plus a mark,
 * and must not end a word). Everything else, apostrophes and hyphens included, separates
 * words, so "dell'apprendistato" still shows the term "apprendistato".
 */
const WORD = "[\\p{L}\\p{M}\\p{N}]";
const MIN_TERM_LENGTH = 2;

const cache = new WeakMap<readonly GlossaryHint[], CompiledTerms | null>();

/** Syntax characters only: with the `u` flag any other escaped character is an error. */
function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * One regex for all terms. Alternatives are ordered longest first, so at any one position
 * "Camera di commercio" is tried before "Camera"; each term is a capture group, so the
 * group that matched names the hint without comparing case-folded strings.
 */
function compile(hints: readonly GlossaryHint[]): CompiledTerms | null {
  const usable = hints
    .map((hint) => ({ hint, words: hint.term.trim().split(/\s+/u) }))
    .filter(({ words }) => words.join(" ").length >= MIN_TERM_LENGTH)
    .sort((a, b) => b.words.join(" ").length - a.words.join(" ").length);
  if (usable.length === 0) return null;
  const alternatives = usable.map(({ words }) => `(${words.map(escapeRegex).join("\\s+")})`);
  const regex = new RegExp(`(?<!${WORD})(?:${alternatives.join("|")})(?!${WORD})`, "giu");
  return { regex, hints: usable.map(({ hint }) => hint) };
}

function compiled(hints: readonly GlossaryHint[]): CompiledTerms | null {
  let entry = cache.get(hints);
  if (entry === undefined) {
    entry = compile(hints);
    cache.set(hints, entry);
  }
  return entry;
}

/**
 * Where the glossary's terms occur in `text`: whole words only, case-insensitive, sorted by
 * position and never overlapping. Where matches overlap, the longest wins (then the earlier).
 */
export function findTermOccurrences(text: string, hints: readonly GlossaryHint[]): TermOccurrence[] {
  const terms = compiled(hints);
  if (!terms || text.length === 0) return [];
  const { regex } = terms;
  // Every start position gets its longest match; a match does not hide a longer one starting
  // inside it, so the scan resumes one character on instead of after the match.
  const candidates: TermOccurrence[] = [];
  regex.lastIndex = 0;
  for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
    const group = match.findIndex((value, index) => index > 0 && value !== undefined);
    const hint = terms.hints[group - 1];
    if (hint) candidates.push({ from: match.index, to: match.index + match[0].length, hint });
    regex.lastIndex = match.index + 1;
  }
  if (candidates.length <= 1) return candidates;
  candidates.sort((a, b) => b.to - b.from - (a.to - a.from) || a.from - b.from);
  const chosen: TermOccurrence[] = [];
  for (const candidate of candidates) {
    if (chosen.every((other) => candidate.to <= other.from || candidate.from >= other.to)) chosen.push(candidate);
  }
  return chosen.sort((a, b) => a.from - b.from);
}
