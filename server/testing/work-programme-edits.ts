/**
 * Edits of a work-programme document as an editor makes them, for tests that need content
 * (and so versions) without driving the real editor.
 */
import * as Y from "yjs";
import { ACTIVITIES_FIELD, CONTENT_FIELD } from "#shared/collab/work-programme-doc";

/** Replaces the text with one paragraph, in one transaction: one update, as an editor sends it. */
export function writeParagraph(doc: Y.Doc, text: string) {
  doc.transact(() => {
    const fragment = doc.getXmlFragment(CONTENT_FIELD);
    fragment.delete(0, fragment.length);
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText(text)]);
    fragment.insert(0, [paragraph]);
  });
}

/** Appends a planned activity with the given id and title. */
export function addActivity(doc: Y.Doc, id: string, title: string) {
  const map = new Y.Map<unknown>();
  map.set("id", id);
  map.set("title", title);
  map.set("status", "planned");
  doc.getArray(ACTIVITIES_FIELD).push([map]);
}
