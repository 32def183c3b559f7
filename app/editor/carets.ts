/**
 * Other people's carets and selections inside the text. Built with the CSSOM
 * (`el.style.x = …`): the Content-Security-Policy (style-src 'self') refuses style
 * attributes written as strings, which is what tiptap's and y-tiptap's defaults do.
 */
import type { Awareness } from "y-protocols/awareness";

const COLOUR = /^#[0-9a-fA-F]{6}$/;
const safeColour = (value: unknown) => (typeof value === "string" && COLOUR.test(value) ? value : "#4a5364");

export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const colour = safeColour(user.color);
  const caret = document.createElement("span");
  caret.className = "collab-caret";
  caret.style.borderLeftColor = colour;
  const label = document.createElement("span");
  label.className = "collab-caret__label";
  label.style.backgroundColor = colour;
  label.textContent = typeof user.name === "string" ? user.name : "";
  caret.append(label);
  return caret;
}

/** Decoration attributes: ProseMirror applies `style` through style.cssText, i.e. the CSSOM. */
export function renderSelection(user: Record<string, unknown>): { class: string; style?: string } {
  const colour = safeColour(user.color);
  return { class: "collab-selection", style: `background-color: ${colour}33` };
}

/**
 * The awareness as the caret plugin sees it for a read-only editor: everything passes
 * through except publishing one's own caret, which would only be stripped by the server.
 */
export function withoutOwnCaret(awareness: Awareness): Awareness {
  return new Proxy(awareness, {
    get(target, property) {
      if (property === "setLocalStateField") {
        return (field: string, value: unknown) => {
          if (field !== "cursor") target.setLocalStateField(field, value);
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
