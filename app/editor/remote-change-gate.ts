/**
 * Lets the editor catch up with the browser before a collaborator's change is applied.
 *
 * Caret moves the browser makes itself (a click, Ctrl+End, End, arrow keys) reach ProseMirror
 * only with the next `selectionchange` event, a task later. Anything a collaborator sends in
 * between makes the editor redraw: a document update (y-tiptap re-renders and restores the
 * selection ProseMirror still holds) and equally a moved caret (the carets are decorations,
 * and redrawing them writes ProseMirror's selection back into the page). Either way the
 * caret jumps back to where it was before the key, and what the person types next lands
 * there (seen in CI: a sentence typed after Ctrl+End arrived at the start of the document,
 * and after the sync-only gate, a phrase typed after End at the start of the line).
 * Running the listeners before both kinds of message, outside any Yjs transaction and any
 * ProseMirror update, lets the editor read the browser's selection (and pending typing) first.
 * This narrows the window but does not close it: in a stress loop (one person typing
 * non-stop, the other pressing Ctrl+Home, End and typing a marker, 60 markers) 21 landed in
 * the wrong place without it and 7 with it. The rest comes from a path not found yet.
 */
import type { WebsocketProvider } from "y-websocket";

/** y-websocket's message types that change what the editor shows: document and carets. */
const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;

export interface RemoteChangeGate {
  /** Runs `listener` before every incoming document or caret message; returns the unsubscribe. */
  beforeRemoteChange(listener: () => void): () => void;
}

type MessageHandler = (...args: never[]) => void;

export function installRemoteChangeGate(provider: WebsocketProvider): RemoteChangeGate {
  const listeners = new Set<() => void>();
  const handlers = provider.messageHandlers as unknown as MessageHandler[];
  for (const type of [MESSAGE_SYNC, MESSAGE_AWARENESS]) {
    const apply = handlers[type];
    if (!apply) throw new Error(`y-websocket has no handler for message type ${type}`);
    handlers[type] = (...args: never[]) => {
      for (const listener of listeners) listener();
      apply(...args);
    };
  }
  return {
    beforeRemoteChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
