/**
 * Lets the editor catch up with the browser before a collaborator's document change is applied.
 *
 * Caret moves the browser makes itself (a click, Ctrl+End, End, arrow keys) reach ProseMirror
 * only with the next `selectionchange` event, a task later. When a collaborator's update is
 * applied in between, y-tiptap redraws the text and puts back the selection ProseMirror still
 * holds: the caret jumps to where it was before the key, and what the person types next lands
 * there (seen in CI: a sentence typed after Ctrl+End arrived at the start of the document).
 * Running the listeners before each sync message, outside any Yjs transaction and any
 * ProseMirror update, lets the editor read the browser's selection (and pending typing) first.
 * Caret and highlight redraws take another path, handled in browser-selection-first.ts.
 * Measured with e2e/caret-during-typing.e2e.test.ts on a loaded machine, with that other
 * guard in place: without this gate 12 of 90 markers landed in the wrong place, with it none
 * of 120.
 * Why this and not a fork of y-tiptap: docs/decisions/0012.
 */
import type { WebsocketProvider } from "y-websocket";

/** y-websocket's message type that carries document updates. */
const MESSAGE_SYNC = 0;

export interface RemoteChangeGate {
  /** Runs `listener` before every incoming document message; returns the unsubscribe. */
  beforeRemoteChange(listener: () => void): () => void;
}

type MessageHandler = (...args: never[]) => void;

export function installRemoteChangeGate(provider: WebsocketProvider): RemoteChangeGate {
  const listeners = new Set<() => void>();
  const handlers = provider.messageHandlers as unknown as MessageHandler[];
  const apply = handlers[MESSAGE_SYNC];
  if (!apply) throw new Error(`y-websocket has no handler for message type ${MESSAGE_SYNC}`);
  handlers[MESSAGE_SYNC] = (...args: never[]) => {
    for (const listener of listeners) listener();
    apply(...args);
  };
  return {
    beforeRemoteChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
