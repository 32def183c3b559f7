/**
 * Text hygiene for exports. Everything that ends up in a file passes `cleanText` (no control
 * characters, which make DOCX XML invalid, no lone surrogates). The PDF renderer uses the
 * standard Helvetica fonts, which know only Windows-1252 ("WinAnsi"): `toWinAnsi` keeps
 * everything those fonts can draw (German and Italian letters, „ “ ” – — … € •) and maps or
 * replaces the rest. `toAscii` is for file names.
 */

/** Control characters (except tab and newline, handled by the caller), lone surrogates, non-characters. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function cleanText(value: string): string {
  return value.replace(/\r\n?/g, "\n").replace(UNSAFE, "");
}

/** One line: newlines and tabs become spaces, runs of whitespace collapse. */
export function cleanLine(value: string): string {
  return cleanText(value).replace(/\s+/g, " ").trim();
}

/** Letters that Unicode decomposition does not reduce to ASCII, and German/Nordic conventions. */
const LETTERS: Record<string, string> = {
  ä: "ae", ö: "oe", ü: "ue", Ä: "Ae", Ö: "Oe", Ü: "Ue", ß: "ss", ẞ: "SS",
  æ: "ae", Æ: "AE", œ: "oe", Œ: "OE", ø: "o", Ø: "O", å: "a", Å: "A",
  ł: "l", Ł: "L", đ: "d", Đ: "D", ð: "d", Ð: "D", þ: "th", Þ: "Th", ı: "i", ħ: "h", Ħ: "H", ŧ: "t", Ŧ: "T",
};

/** Punctuation and symbols outside WinAnsi (and, for ASCII, outside ASCII) with a sensible stand-in. */
const SYMBOLS: Record<string, string> = {
  "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2212": "-", "\u2043": "-",
  "\u2032": "'", "\u2033": '"', "\u201b": "'", "\u201f": '"', "\u2039": "<", "\u203a": ">",
  "\u2190": "<-", "\u2192": "->", "\u2194": "<->", "\u21d2": "=>", "\u21d0": "<=",
  "\u2264": "<=", "\u2265": ">=", "\u2260": "!=", "\u2248": "~", "\u2026": "...",
  "\u2713": "v", "\u2714": "v", "\u2717": "x", "\u2718": "x", "\u25cf": "*", "\u25e6": "o", "\u2023": ">",
  "\u2122": "(TM)", "\u00a9": "(c)", "\u00ae": "(R)", "\u20ac": "EUR", "\u00b0": "deg",
  "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"',
  "\u00ab": '"', "\u00bb": '"', "\u2013": "-", "\u2014": "-", "\u2022": "*", "\u00b7": "-",
};

/** The 27 characters Windows-1252 has at 0x80–0x9F instead of control codes. */
const WIN_ANSI_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");

const SPACES = /[\u2000-\u200a\u202f\u205f\u3000\u1680]/g;
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff\ufe00-\ufe0f\u2028\u2029]/g;

function isWinAnsi(ch: string): boolean {
  const code = ch.codePointAt(0)!;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch) || ch === "\n";
}

/** Reduces one character to something drawable: a decomposed base letter, a symbol stand-in, or "?". */
function fallback(ch: string, allowed: (c: string) => boolean): string {
  if (/^\p{M}$/u.test(ch)) return ""; // a combining mark NFC could not attach
  const letter = LETTERS[ch];
  if (letter !== undefined) return letter;
  const symbol = SYMBOLS[ch];
  if (symbol !== undefined && [...symbol].every(allowed)) return symbol;
  const decomposed = ch.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  if (decomposed && decomposed !== ch && [...decomposed].every(allowed)) return decomposed;
  return "?";
}

/** Text the standard PDF fonts can draw without breaking: WinAnsi kept, the rest mapped. */
export function toWinAnsi(value: string): string {
  const text = cleanText(value).normalize("NFC").replace(SPACES, " ").replace(INVISIBLE, "").replace(/\t/g, " ");
  let out = "";
  for (const ch of text) out += isWinAnsi(ch) ? ch : fallback(ch, isWinAnsi);
  return out;
}

const isAscii = (ch: string) => {
  const code = ch.codePointAt(0)!;
  return code >= 0x20 && code <= 0x7e;
};

/** Printable ASCII: umlauts spelled out (ä → ae, ß → ss), accents dropped (è → e), the rest "?". */
export function toAscii(value: string): string {
  const text = cleanText(value).normalize("NFC").replace(SPACES, " ").replace(INVISIBLE, "").replace(/[\t\n]/g, " ");
  let out = "";
  for (const ch of text) out += isAscii(ch) ? ch : fallback(ch, isAscii);
  return out;
}
