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

type Block = { heading: string; level: number } | { paragraph: string } | { orderedList: string[] };

/** Replaces the text with headings, paragraphs and numbered lists, in one transaction. */
export function writeBlocks(doc: Y.Doc, blocks: Block[]) {
  const textElement = (type: string, text: string, attrs: Record<string, number> = {}) => {
    const element = new Y.XmlElement(type);
    for (const [key, value] of Object.entries(attrs)) element.setAttribute(key, value as unknown as string);
    element.insert(0, [new Y.XmlText(text)]);
    return element;
  };
  doc.transact(() => {
    const fragment = doc.getXmlFragment(CONTENT_FIELD);
    fragment.delete(0, fragment.length);
    const elements = blocks.map((block) => {
      if ("heading" in block) return textElement("heading", block.heading, { level: block.level });
      if ("paragraph" in block) return textElement("paragraph", block.paragraph);
      const list = new Y.XmlElement("orderedList");
      list.insert(
        0,
        block.orderedList.map((text) => {
          const item = new Y.XmlElement("listItem");
          item.insert(0, [textElement("paragraph", text)]);
          return item;
        }),
      );
      return list;
    });
    fragment.insert(0, elements);
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
