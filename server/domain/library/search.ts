/**
 * Search inside one library: file names and metadata, and the text inside files (read off the
 * request path by the text indexer). A hit shows where the file lives and, for a text match,
 * the passage around the words. Every query is bound to the library's key, so a file of another
 * network cannot appear; files inside trashed folders are dropped here, as on every page.
 */
import type { Services } from "#server/services";
import { can, type Actor } from "#shared/policy";
import { libraryKey, type LibraryRef } from "#shared/library/library-ref";
import { searchTerms } from "#shared/library/search-terms";
import { filesByIds, filesMatchingMetadata } from "#db/queries/library";
import { MATCH_END, MATCH_START, searchFileTexts } from "#db/queries/library-text";
import { loadLibraryTree } from "./library-tree";
import { presentFile, type FileView } from "./presenter";

/** Results shown at most; a search that needs more is a search that needs more words. */
export const MAX_SEARCH_RESULTS = 50;

/** A piece of a passage: `match` pieces are the words searched for. */
export interface PassagePiece {
  text: string;
  match: boolean;
}

export interface SearchHit {
  file: FileView;
  /** Names of the folders from the top level down to the file's folder. */
  folderPath: Array<{ id: string; name: string }>;
  /** Where the words matched: in the name or metadata, in the text, or both. */
  matchedIn: { metadata: boolean; text: boolean };
  passage: PassagePiece[] | null;
}

export interface SearchPage {
  query: string;
  terms: string[];
  hits: SearchHit[];
  /** More matched than are shown. */
  capped: boolean;
}

export async function searchLibrary(services: Services, actor: Actor, lib: LibraryRef, query: string): Promise<SearchPage | null> {
  if (!can(actor, { type: "library.read", owner: lib.owner })) return null;
  const terms = searchTerms(query);
  if (terms.length === 0) return { query, terms, hits: [], capped: false };
  const key = libraryKey(lib);
  // One more than shown tells whether there are more.
  const [byMetadata, byText, tree] = await Promise.all([
    filesMatchingMetadata(services.db, key, terms, MAX_SEARCH_RESULTS + 1),
    searchFileTexts(services.db, key, terms, MAX_SEARCH_RESULTS + 1),
    loadLibraryTree(services.db, key),
  ]);
  const passages = new Map(byText.map((hit) => [hit.fileId, hit.passage]));
  const metadataIds = new Set(byMetadata.map((row) => row.id));
  const textOnly = await filesByIds(
    services.db,
    key,
    byText.map((hit) => hit.fileId).filter((id) => !metadataIds.has(id)),
  );
  const textOrder = new Map(byText.map((hit, i) => [hit.fileId, i]));
  textOnly.sort((a, b) => (textOrder.get(a.id) ?? 0) - (textOrder.get(b.id) ?? 0));

  const hits = [...byMetadata, ...textOnly]
    .filter((row) => tree.isLive(row.folder_id))
    .map((row): SearchHit => {
      const passage = passages.get(row.id);
      return {
        file: presentFile(row),
        folderPath: tree.path(row.folder_id).map((f) => ({ id: f.id, name: f.name })),
        matchedIn: { metadata: metadataIds.has(row.id), text: passage !== undefined },
        passage: passage === undefined ? null : passagePieces(passage),
      };
    });
  return { query, terms, hits: hits.slice(0, MAX_SEARCH_RESULTS), capped: hits.length > MAX_SEARCH_RESULTS };
}

/** Splits a marked passage into plain and matched pieces; line breaks become spaces. */
export function passagePieces(marked: string): PassagePiece[] {
  const pieces: PassagePiece[] = [];
  const flat = marked.replace(/\s+/g, " ");
  let at = 0;
  while (at < flat.length) {
    const start = flat.indexOf(MATCH_START, at);
    if (start === -1) {
      pieces.push({ text: flat.slice(at), match: false });
      break;
    }
    if (start > at) pieces.push({ text: flat.slice(at, start), match: false });
    const end = flat.indexOf(MATCH_END, start + 1);
    const stop = end === -1 ? flat.length : end;
    pieces.push({ text: flat.slice(start + 1, stop), match: true });
    at = stop + 1;
  }
  return pieces.filter((p) => p.text.length > 0);
}
