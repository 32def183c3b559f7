/**
 * The layout of a co-edited document's Y.Doc, declared once per document type and read by
 * the editor and by everything generic on the server (derivation, version fingerprints and
 * restore, exports): which fragment holds the text, which arrays hold structured items.
 */
import type * as Y from "yjs";

export interface DocumentLayout {
  /** The Y.XmlFragment the editor binds tiptap to. */
  contentField: string;
  /** Y.Arrays of Y.Maps holding plain values (a work programme's activities, milestones). */
  listFields: readonly string[];
  /**
   * The structured items as people see them (read through the type's sanitisers): versions
   * whose text and items read the same are the same version.
   */
  readStructured(doc: Y.Doc): unknown;
}

/** Where every type so far keeps its text; the default for helpers that read a document's text. */
export const DEFAULT_CONTENT_FIELD = "content";

/** A document that is only text: recommendations, minutes, language versions. */
export const TEXT_ONLY_LAYOUT: DocumentLayout = {
  contentField: DEFAULT_CONTENT_FIELD,
  listFields: [],
  readStructured: () => null,
};
