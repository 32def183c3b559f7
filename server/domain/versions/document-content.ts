/**
 * What a version holds, compared and restored as a whole: the text fragment and the
 * structured arrays its document type's layout names. Restoring replaces each with copies
 * of the version's content in one transaction, so every editor receives it as a single
 * live change.
 *
 * Nothing here uses Yjs's toJSON() or clone(): both recurse once per nesting level, and a
 * document's nesting is chosen by whoever writes it (see server/collab/content-json.ts).
 */
import * as Y from "yjs";
import { MAX_DOCUMENT_DEPTH } from "#shared/collab/limits";
import type { DocumentLayout } from "#shared/collab/document-layout";
import { deriveContent } from "#server/collab/derive";
import { isBoundedValue, needsFlattening, plainTextOf } from "#server/collab/content-json";

export function docFromState(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}

/** A copy of a text's string runs and their formatting (embeds are not text the editor shows). */
function copyText(source: Y.XmlText): Y.XmlText {
  const ops: Array<{ insert: string; attributes?: Record<string, unknown> }> = [];
  for (const op of source.toDelta() as Array<{ insert?: unknown; attributes?: Record<string, unknown> }>) {
    if (typeof op.insert !== "string") continue;
    const attributes = op.attributes ? Object.fromEntries(Object.entries(op.attributes).filter(([, v]) => isBoundedValue(v))) : undefined;
    ops.push(attributes && Object.keys(attributes).length ? { insert: op.insert, attributes } : { insert: op.insert });
  }
  const copy = new Y.XmlText();
  copy.applyDelta(ops);
  return copy;
}

/** An element without its children: name and plain attributes (Yjs types as attribute values are not copied). */
function shallowElement(source: Y.XmlElement): Y.XmlElement {
  const copy = new Y.XmlElement(source.nodeName);
  for (const [key, value] of Object.entries(source.getAttributes() as Record<string, unknown>)) {
    if (value !== undefined && isBoundedValue(value)) copy.setAttribute(key, value as string);
  }
  return copy;
}

/** Like fragmentToProsemirrorJson: a level that holds deeper elements becomes a paragraph of its text. */
function flattenedParagraph(source: Y.XmlElement): Y.XmlElement {
  const paragraph = new Y.XmlElement("paragraph");
  const text = plainTextOf(source);
  if (text) paragraph.insert(0, [new Y.XmlText(text)]);
  return paragraph;
}

/**
 * Copies the children of `source` into the empty `target`, level by level with an explicit
 * stack. Each level is inserted as shallow nodes (integrating a prepared subtree would make
 * Yjs recurse again), then their children are copied into them. As in the derived JSON,
 * nesting beyond `maxDepth` keeps only its text, so a restore never brings back a document
 * deeper than the editor accepts. Call inside a transaction on the target's document.
 */
export function copyFragment(target: Y.XmlFragment, source: Y.XmlFragment, maxDepth: number = MAX_DOCUMENT_DEPTH): void {
  const stack: Array<{ into: Y.XmlFragment | Y.XmlElement; from: unknown[]; depth: number }> = [{ into: target, from: source.toArray(), depth: 1 }];
  while (stack.length) {
    const { into, from, depth } = stack.pop()!;
    const copies: Array<Y.XmlElement | Y.XmlText> = [];
    const next: Array<{ into: Y.XmlElement; from: unknown[] }> = [];
    for (const item of from) {
      if (item instanceof Y.XmlText) copies.push(copyText(item));
      else if (item instanceof Y.XmlElement) {
        const children = item.toArray();
        if (needsFlattening(children, depth, maxDepth)) copies.push(flattenedParagraph(item));
        else {
          const copy = shallowElement(item);
          copies.push(copy);
          if (children.length) next.push({ into: copy, from: children });
        }
      }
      // Anything else in a fragment (only a crafted update puts it there) is not content.
    }
    if (copies.length) into.insert(0, copies);
    for (const level of next) stack.push({ ...level, depth: depth + 1 });
  }
}

/** A Y.Map of plain values (e.g. activities, milestones) without Yjs's recursive clone(). */
function copyItem(item: unknown): unknown {
  if (!(item instanceof Y.AbstractType)) return isBoundedValue(item) ? item : null;
  if (!(item instanceof Y.Map)) return null;
  const copy = new Y.Map<unknown>();
  // The editor writes only plain values into these maps; nested Yjs types are not copied.
  for (const [key, value] of (item as Y.Map<unknown>).entries()) if (!(value instanceof Y.AbstractType) && isBoundedValue(value)) copy.set(key, value);
  return copy;
}

/**
 * Makes `target` show exactly what `source` shows. Call inside a transaction on `target`,
 * whose content must be at most MAX_DOCUMENT_DEPTH deep: Yjs deletes (and garbage-collects)
 * nested content recursively, so deleting thousands of levels overflows the stack and leaves
 * the transaction half-done (see restoreVersion).
 */
export function replaceContent(target: Y.Doc, source: Y.Doc, layout: DocumentLayout): void {
  const fragment = target.getXmlFragment(layout.contentField);
  fragment.delete(0, fragment.length);
  copyFragment(fragment, source.getXmlFragment(layout.contentField));
  for (const field of layout.listFields) {
    const array = target.getArray<unknown>(field);
    array.delete(0, array.length);
    array.insert(
      0,
      source
        .getArray<unknown>(field)
        .toArray()
        .map(copyItem)
        .filter((item) => item !== null),
    );
  }
}

/**
 * A comparable fingerprint of what people see, to skip versions identical to the previous
 * one: the derived JSON (bounded in depth, see derive.ts) and the structured items as the
 * type's sanitisers read them. Changes nobody can see (a stray field in an activity,
 * nesting beyond the depth limit with the same words) do not make a new version.
 */
export function contentFingerprint(doc: Y.Doc, layout: DocumentLayout): string {
  return JSON.stringify([deriveContent(doc, layout.contentField).json, layout.readStructured(doc)]);
}
