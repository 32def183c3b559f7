/**
 * Makes ProseMirror read what the browser changed but has not reported yet (the selection
 * after a click or a caret key, typed text). `domObserver` is internal to prosemirror-view,
 * so it is looked up defensively: without it the editor simply behaves as before.
 */
import type { EditorView } from "@tiptap/pm/view";

interface WithDomObserver {
  domObserver?: { flush?: () => void };
  composing?: boolean;
}

export function flushBrowserSelection(view: EditorView): void {
  const internal = view as unknown as WithDomObserver;
  // During IME composition ProseMirror reads the DOM itself when the composition ends.
  if (internal.composing || view.isDestroyed) return;
  internal.domObserver?.flush?.();
}
