/**
 * What a version holds, compared and restored as a whole: the text fragment and the
 * structured arrays. Restoring replaces each with clones of the version's content in one
 * transaction, so every editor receives it as a single live change.
 */
import * as Y from "yjs";
import { ACTIVITIES_FIELD, CONTENT_FIELD, MILESTONES_FIELD } from "#shared/collab/work-programme-doc";

export function docFromState(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}

type Cloneable = Y.XmlElement | Y.XmlText | Y.Map<unknown> | Y.Array<unknown> | Y.Text;

function cloneItem(item: unknown): unknown {
  return item instanceof Y.AbstractType ? (item as Cloneable).clone() : item;
}

/** Makes `target` show exactly what `source` shows. Call inside a transaction on `target`. */
export function replaceContent(target: Y.Doc, source: Y.Doc): void {
  const fragment = target.getXmlFragment(CONTENT_FIELD);
  fragment.delete(0, fragment.length);
  fragment.insert(0, source.getXmlFragment(CONTENT_FIELD).toArray().map((node) => (node as Y.XmlElement | Y.XmlText).clone()));
  for (const field of [ACTIVITIES_FIELD, MILESTONES_FIELD]) {
    const array = target.getArray<unknown>(field);
    array.delete(0, array.length);
    array.insert(0, source.getArray<unknown>(field).toArray().map(cloneItem));
  }
}

/** A comparable fingerprint of what people see, to skip versions identical to the previous one. */
export function contentFingerprint(doc: Y.Doc): string {
  return JSON.stringify([
    doc.getXmlFragment(CONTENT_FIELD).toJSON(),
    doc.getArray(ACTIVITIES_FIELD).toJSON(),
    doc.getArray(MILESTONES_FIELD).toJSON(),
  ]);
}
