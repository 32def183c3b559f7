/**
 * Reads the browser's caret before the editor redraws for someone else's sake.
 *
 * Carets of collaborators and comment highlights are decorations. y-tiptap refreshes the
 * carets with a transaction that carries only plugin metadata, and it sends it a task after
 * the awareness message arrived (its `setMeta` batches them with a zero timeout), so a gate in
 * front of the message cannot help. Redrawing writes ProseMirror's selection back into the
 * page; when the person has just moved the caret with a key the browser handles itself (End,
 * Ctrl+End, a click) and ProseMirror has not read that move yet, the caret jumps back and the
 * next letters land in the old place.
 *
 * So every metadata-only transaction first lets ProseMirror read the browser's selection and
 * pending typing. If that changed the state, the transaction is rebuilt on the new state with
 * the same metadata; otherwise it would carry the stale selection along.
 * Measured with e2e/caret-during-typing.e2e.test.ts (one person types non-stop, the other
 * presses Ctrl+Home, Ctrl+End and types a marker): without this, 2 of 60 markers landed in the
 * wrong place on an idle machine; with it, none of 240, half of them on a loaded machine.
 * Why this and not a fork of y-tiptap: docs/decisions/0012.
 */
import { Extension } from "@tiptap/core";
import type { EditorState, Transaction } from "@tiptap/pm/state";
import { flushBrowserSelection } from "./flush-browser-selection";

/** Steps, a selection or stored marks mean the transaction says where the caret goes. */
export function carriesOnlyMetadata(tr: Transaction): boolean {
  return tr.steps.length === 0 && !tr.selectionSet && !tr.storedMarksSet;
}

/**
 * The same metadata (and scroll request) on the current state. `meta` is private in
 * prosemirror-state; without it the transaction goes out unchanged.
 */
export function rebuildOn(state: EditorState, tr: Transaction): Transaction | null {
  const meta = (tr as unknown as { meta?: Record<string, unknown> }).meta;
  if (!meta) return null;
  const rebuilt = state.tr;
  for (const [key, value] of Object.entries(meta)) rebuilt.setMeta(key, value);
  return tr.scrolledIntoView ? rebuilt.scrollIntoView() : rebuilt;
}

export const BrowserSelectionFirst = Extension.create({
  name: "browserSelectionFirst",

  dispatchTransaction({ transaction, next }) {
    // No view yet (plugins dispatch while ProseMirror builds it) or no more: no DOM to read.
    if (this.editor.isDestroyed) {
      next(transaction);
      return;
    }
    const view = this.editor.view;
    // A transaction built on an older document is the sender's business (y-tiptap retries).
    if (!carriesOnlyMetadata(transaction) || transaction.before !== view.state.doc) {
      next(transaction);
      return;
    }
    const before = view.state;
    flushBrowserSelection(view);
    if (view.state === before) {
      next(transaction);
      return;
    }
    next(rebuildOn(view.state, transaction) ?? transaction);
  },
});
