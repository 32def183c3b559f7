/**
 * Structural limits of co-edited documents, shared by the server's ingestion check and
 * every walk over document content (derivation, exports, versions).
 */

/**
 * The deepest nesting of elements (paragraphs, lists, quotes, table cells…) a document may
 * have; top-level blocks are level 1. The editor's own documents stay far below it (a
 * quote in a list item in a table cell is level 5). Deeper content from before the limit
 * existed is still read: below this level it is reduced to its plain text, so no walk has
 * to follow nesting that an input chooses.
 */
export const MAX_DOCUMENT_DEPTH = 100;
