/**
 * Structural limits of co-edited documents, shared by the server's ingestion check and
 * every walk over document content (derivation, exports, versions).
 */

/**
 * The deepest nesting a document may have. Every Yjs type is a level: a top-level paragraph
 * is level 1 and its text level 2; the text of a paragraph in a quote in a list item in a
 * table cell is level 8. Deeper content from before the limit existed is still read: below
 * this level it is reduced to its plain text, so no walk has to follow nesting that an
 * input chooses.
 */
export const MAX_DOCUMENT_DEPTH = 100;
