/**
 * Library documents named in plain text (comments, discussion posts): an address of a library
 * file page, typed or pasted with or without the platform's origin, becomes a link to that page.
 * Only that one shape of path is recognised and the link always goes to the path on our own
 * origin, so no text can make a link elsewhere; whether the reader may open it is for the page
 * to decide (an outsider gets its 404).
 */
const LIBRARY_FILE = /(?:https?:\/\/[^\s/]+)?(\/(?:networks\/[a-z0-9-]{1,80}|network-of-networks)\/library\/files\/[A-Za-z0-9-]{1,100})(?![A-Za-z0-9/-])/g;

export type TextPiece = { text: string; libraryPath?: undefined } | { text: string; libraryPath: string };

export function splitLibraryLinks(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const match of text.matchAll(LIBRARY_FILE)) {
    const start = match.index ?? 0;
    if (start > at) pieces.push({ text: text.slice(at, start) });
    pieces.push({ text: match[0], libraryPath: match[1]! });
    at = start + match[0].length;
  }
  if (at < text.length) pieces.push({ text: text.slice(at) });
  return pieces;
}
