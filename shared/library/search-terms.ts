/**
 * What a library search box's text becomes: the words to look for. Only letters and digits
 * survive (in any script, after Unicode normalisation), so no character of the query language
 * of either database (FTS5's quotes and operators, tsquery's & | ! : *) ever reaches it, and a
 * query such as `"Prüfung" OR x*` simply means the words Prüfung, or, x.
 */
export const MAX_SEARCH_TERMS = 8;
export const MAX_TERM_LENGTH = 64;
export const MAX_QUERY_LENGTH = 200;

export function searchTerms(query: string): string[] {
  const words = query
    .slice(0, MAX_QUERY_LENGTH)
    .normalize("NFC")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .map((word) => word.slice(0, MAX_TERM_LENGTH).toLocaleLowerCase("und"));
  // One-letter words match too much to be useful; keep them only when they are all there is.
  const useful = words.filter((word) => word.length > 1);
  const chosen = useful.length > 0 ? useful : words;
  return [...new Set(chosen)].slice(0, MAX_SEARCH_TERMS);
}
