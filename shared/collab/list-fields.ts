/**
 * Structured items of a co-edited document: Y.Arrays of Y.Maps with an `id` and plain
 * values (a work programme's activities, the decisions of minutes). Reading goes through a
 * sanitiser per item, so odd values from a buggy or hostile client never reach the
 * database or another person's screen; writing is done by id.
 */
import * as Y from "yjs";

export const ITEM_ID = /^[A-Za-z0-9_-]{1,64}$/;
export const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A string value cut to `max` characters; anything else is the empty string. */
export const textValue = (value: unknown, max: number) => (typeof value === "string" ? value.slice(0, max) : "");

/** The items of one list, sanitised, the first of each id only. */
export function readList<T extends { id: string }>(doc: Y.Doc, field: string, sanitise: (m: Y.Map<unknown>) => T | null): T[] {
  const out: T[] = [];
  const seen = new Set<string>();
  for (const item of doc.getArray<unknown>(field).toArray()) {
    if (!(item instanceof Y.Map)) continue;
    const value = sanitise(item as Y.Map<unknown>);
    if (value && !seen.has(value.id)) {
      seen.add(value.id);
      out.push(value);
    }
  }
  return out;
}

/** The id of a list item, or null when it has none a reader would accept. */
export function itemId(map: Y.Map<unknown>): string | null {
  const id = map.get("id");
  return typeof id === "string" && ITEM_ID.test(id) ? id : null;
}

function indexOf(doc: Y.Doc, field: string, id: string): number {
  return doc
    .getArray<unknown>(field)
    .toArray()
    .findIndex((item) => item instanceof Y.Map && (item as Y.Map<unknown>).get("id") === id);
}

export function setItemField(doc: Y.Doc, field: string, id: string, key: string, value: unknown): void {
  doc.transact(() => {
    const index = indexOf(doc, field, id);
    if (index < 0) return;
    const map = doc.getArray<unknown>(field).get(index) as Y.Map<unknown>;
    if (map.get(key) !== value) map.set(key, value);
  });
}

export function removeItem(doc: Y.Doc, field: string, id: string): void {
  doc.transact(() => {
    const index = indexOf(doc, field, id);
    if (index >= 0) doc.getArray<unknown>(field).delete(index, 1);
  });
}

/** Appends an item (a fresh id unless `item` has one) and returns its id. */
export function addItem<T extends { id: string }>(doc: Y.Doc, field: string, item: Omit<T, "id"> & { id?: string }): string {
  const id = item.id ?? crypto.randomUUID();
  doc.getArray<unknown>(field).push([new Y.Map<unknown>(Object.entries({ ...item, id }))]);
  return id;
}
