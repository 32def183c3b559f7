/**
 * Read-only text that keyboard users can still move through and select. ProseMirror's own
 * read-only mode (contenteditable=false) has no caret, so without a mouse nobody could select
 * a passage to comment on (advisory-board observers comment, but must not edit). Instead the
 * view stays focusable and selectable while read-only, and this extension refuses every
 * change that does not come from the collaboration binding: transactions that change the
 * document are filtered out, and the browser's own input (typing, deleting, pasting,
 * dropping) is cancelled before it touches the DOM. The server drops a read-only
 * connection's updates anyway; this keeps the screen honest.
 */
import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { ySyncPluginKey } from "@tiptap/y-tiptap";

const key = new PluginKey("readOnlyText");

/** Keys that edit (or start editing, like dead keys for accents) when nothing else handles them. */
const EDITING_KEYS = new Set(["Enter", "Backspace", "Delete", "Dead", "Process"]);

function isEditingKey(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey) return /^[xvyzbiuXVYZBIU]$/.test(event.key) || event.key === "Enter";
  return event.key.length === 1 || EDITING_KEYS.has(event.key);
}

export function ReadOnlyText(isReadOnly: () => boolean) {
  return Extension.create({
    name: "readOnlyText",
    addProseMirrorPlugins() {
      return [
        new Plugin({
          key,
          // Remote changes arrive through the y-sync binding and must always apply.
          filterTransaction: (tr) => !isReadOnly() || !tr.docChanged || tr.getMeta(ySyncPluginKey) !== undefined,
          props: {
            // Everything that edits is refused; Tab is not among it, so it still leaves the text.
            handleKeyDown: (_view, event) => {
              if (!isReadOnly() || !isEditingKey(event)) return false;
              event.preventDefault();
              return true;
            },
            handleTextInput: () => isReadOnly(),
            handlePaste: () => isReadOnly(),
            handleDrop: () => isReadOnly(),
            handleDOMEvents: {
              beforeinput: (_view, event) => {
                if (!isReadOnly()) return false;
                event.preventDefault();
                return true;
              },
            },
            // No on-screen keyboard for a text one cannot change.
            attributes: (): Record<string, string> => (isReadOnly() ? { inputmode: "none" } : {}),
          },
        }),
      ];
    },
  });
}
