/**
 * Pieces every structured part of a co-edited document uses: a list read from the Y.Doc
 * (through its sanitiser) that follows every change, local or remote; focus moved to a
 * freshly added row; a delete button that asks first.
 */
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import type * as Y from "yjs";

export function useList<T>(doc: Y.Doc, field: string, read: (doc: Y.Doc) => T[]): T[] {
  const [items, setItems] = useState<T[]>(() => read(doc));
  useEffect(() => {
    const array = doc.getArray<unknown>(field);
    const update = () => setItems(read(doc));
    array.observeDeep(update);
    update();
    return () => array.unobserveDeep(update);
  }, [doc, field, read]);
  return items;
}

/** Moves focus to a freshly added row's first field once it is rendered. */
export function useFocusOnAdd() {
  const pending = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (!pending.current) return;
    const el = document.getElementById(pending.current);
    if (el) {
      el.focus();
      pending.current = null;
    }
  });
  return (id: string) => {
    pending.current = id;
  };
}

/** Deletes one item after confirmation; the hidden subject names the row for screen readers. */
export function DeleteItemButton({ label, confirm, subject, onDelete }: { label: string; confirm: string; subject: string; onDelete: () => void }) {
  return (
    <button
      type="button"
      className="button button--small button--quiet"
      onClick={() => {
        if (window.confirm(confirm)) onDelete();
      }}
    >
      {label}
      <span className="visually-hidden"> – {subject}</span>
    </button>
  );
}
