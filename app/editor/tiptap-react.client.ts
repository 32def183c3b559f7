/**
 * The two things the editor needs from React, written on @tiptap/core directly instead of
 * @tiptap/react: create an editor inside an element once per session, and re-render the
 * toolbar when what it shows (bold on, inside a table…) changes. @tiptap/react also brings
 * React node views, portals, a deep-equality library and a useSyncExternalStore shim for
 * React 17; we use none of them, and they cost the editor page about 5 KiB of its
 * JavaScript budget (decision 0016).
 */
import { useCallback, useEffect, useRef, useState, useSyncExternalStore, type DependencyList, type RefObject } from "react";
import { Editor, type EditorOptions } from "@tiptap/core";

export type { Editor };

/**
 * An editor mounted in the element `mountRef` points to, created after the first render (the
 * server renders an empty element) and destroyed when `deps` change or the component leaves.
 * Null until then.
 */
export function useTiptapEditor(options: Partial<EditorOptions>, deps: DependencyList): { editor: Editor | null; mountRef: RefObject<HTMLDivElement> } {
  const mountRef = useRef<HTMLDivElement>(null);
  const [editor, setEditor] = useState<Editor | null>(null);
  const optionsRef = useRef(options);
  optionsRef.current = options;
  useEffect(() => {
    const element = mountRef.current;
    if (!element) return;
    const instance = new Editor({ ...optionsRef.current, element });
    // tiptap spreads editorProps.attributes into an object when it creates the view, which
    // loses attributes given as a function (ProseMirror re-reads those on every update, e.g.
    // aria-readonly); handing the props to the view as they are keeps the function.
    const { editorProps } = optionsRef.current;
    if (editorProps) instance.view.setProps(editorProps);
    setEditor(instance);
    return () => {
      setEditor(null);
      instance.destroy();
    };
    // The caller's deps decide when a new editor is due, as with @tiptap/react's useEditor.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return { editor, mountRef };
}

/**
 * What `select` reads from the editor (flat values, e.g. which marks are active), read again
 * after every transaction; the component re-renders only when one of the values changed.
 */
export function useEditorSnapshot<T extends Record<string, boolean | number | string | null>>(editor: Editor, select: (editor: Editor) => T): T {
  const selectRef = useRef(select);
  selectRef.current = select;
  const last = useRef<T | null>(null);
  const subscribe = useCallback(
    (onChange: () => void) => {
      editor.on("transaction", onChange);
      editor.on("update", onChange);
      return () => {
        editor.off("transaction", onChange);
        editor.off("update", onChange);
      };
    },
    [editor],
  );
  const read = () => {
    const next = selectRef.current(editor);
    if (last.current && sameValues(last.current, next)) return last.current;
    last.current = next;
    return next;
  };
  return useSyncExternalStore(subscribe, read, read);
}

/** Whether two flat records hold the same values under the same keys. */
function sameValues(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.is(a[key], b[key]));
}
