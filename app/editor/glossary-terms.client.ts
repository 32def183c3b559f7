/**
 * Glossary terms in the text: every occurrence of a term of the shared VET glossary is
 * marked (a decoration with a class only: the page's CSP refuses style attributes), and the
 * page hears which term is active, under the mouse or around the caret, so it can show the
 * term's equivalents in the other languages. The caret counts as much as the mouse: keyboard
 * and screen-reader users move through the text with it.
 *
 * Decorations are rebuilt from scratch on every change of the document: documents are
 * small, the terms' regex is compiled once per hints array, and a rebuild cannot drift the
 * way mapped decorations can when a remote edit splits or joins a term.
 */
import { Extension } from "@tiptap/core";
import { Plugin, PluginKey, type EditorState } from "@tiptap/pm/state";
import type { Node as PMNode } from "@tiptap/pm/model";
import { Decoration, DecorationSet, type EditorView } from "@tiptap/pm/view";
import { findTermOccurrences, type GlossaryHint } from "#shared/glossary/term-matching";

export type { GlossaryHint };

export interface GlossaryActive {
  hint: GlossaryHint;
  rect: { left: number; top: number; bottom: number };
}

export type GlossaryCause = "hover" | "caret";

export interface GlossaryTermsOptions {
  hints: GlossaryHint[];
  onActive: (active: GlossaryActive | null, cause: GlossaryCause) => void;
}

interface TermsState {
  hints: readonly GlossaryHint[];
  decorations: DecorationSet;
}

interface TermSpec {
  hint: GlossaryHint;
}

export const glossaryTermsKey = new PluginKey<TermsState>("glossaryTerms");

/** Stands in for inline nodes that are not text (hard breaks…): never part of a word or a term. */
const NOT_TEXT = "\uFFFC";

/**
 * Text blocks are searched as a whole, not text node by text node, so a term stays one term
 * where part of it is bold or a link. Each inline node contributes exactly its size in
 * characters, so an index into the block's text plus the block's start is a position.
 */
function decorationsFor(doc: PMNode, hints: readonly GlossaryHint[]): DecorationSet {
  if (hints.length === 0) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    let text = "";
    node.forEach((child) => {
      text += child.isText ? (child.text ?? "") : NOT_TEXT.repeat(child.nodeSize);
    });
    const start = pos + 1;
    for (const { from, to, hint } of findTermOccurrences(text, hints)) {
      const spec: TermSpec = { hint };
      decorations.push(Decoration.inline(start + from, start + to, { class: "glossary-mark", "data-glossary": hint.id }, spec));
    }
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

/**
 * The occurrence around `pos`. For the caret both ends count (right after a term is still on
 * it); for a position inside the DOM of a term, one that starts at `pos` is preferred.
 */
function occurrenceAt(state: EditorState, pos: number, preferStart = false): Decoration | null {
  const found = glossaryTermsKey.getState(state)?.decorations.find(pos, pos) ?? [];
  return (preferStart ? found.find((decoration) => decoration.to > pos) : undefined) ?? found[0] ?? null;
}

function hintOf(decoration: Decoration): GlossaryHint {
  return (decoration.spec as TermSpec).hint;
}

function termElement(target: EventTarget | null): HTMLElement | null {
  return target instanceof Element ? target.closest<HTMLElement>(".glossary-mark") : null;
}

function termsPlugin(initialHints: readonly GlossaryHint[], onActive: GlossaryTermsOptions["onActive"]) {
  // What the page was last told, so it hears about changes only. Keys name an occurrence
  // (term and start), not only a term: moving to another place of the same term moves the card.
  let hoverKey: string | null = null;
  let hoverElement: HTMLElement | null = null;
  let caretKey: string | null = null;

  const tell = (active: GlossaryActive | null, cause: GlossaryCause) => {
    try {
      onActive(active, cause);
    } catch (error) {
      // A failing listener must not break typing.
      console.error(error);
    }
  };

  const keyOf = (occurrence: Decoration) => `${hintOf(occurrence).id}@${occurrence.from}`;

  const leaveHover = () => {
    if (hoverKey === null) return;
    hoverKey = hoverElement = null;
    tell(null, "hover");
  };

  const updateCaret = (view: EditorView, focused: boolean) => {
    const { selection } = view.state;
    const occurrence = focused && selection.empty ? occurrenceAt(view.state, selection.head) : null;
    const key = occurrence ? keyOf(occurrence) : null;
    if (key === caretKey) return;
    caretKey = key;
    if (!occurrence) return tell(null, "caret");
    let rect: GlossaryActive["rect"] | null = null;
    try {
      const coords = view.coordsAtPos(occurrence.from);
      rect = { left: coords.left, top: coords.top, bottom: coords.bottom };
    } catch {
      // The position is not rendered (yet): no card rather than an error in the editor.
    }
    tell(rect ? { hint: hintOf(occurrence), rect } : null, "caret");
  };

  return new Plugin<TermsState>({
    key: glossaryTermsKey,
    state: {
      init: (_config, state) => ({ hints: initialHints, decorations: decorationsFor(state.doc, initialHints) }),
      apply(tr, previous, _oldState, state) {
        const hints = tr.getMeta(glossaryTermsKey) as readonly GlossaryHint[] | undefined;
        if (hints) return { hints, decorations: decorationsFor(state.doc, hints) };
        if (!tr.docChanged) return previous;
        return { hints: previous.hints, decorations: decorationsFor(state.doc, previous.hints) };
      },
    },
    props: {
      decorations: (state) => glossaryTermsKey.getState(state)?.decorations,
      handleDOMEvents: {
        mouseover(view, event) {
          const element = termElement(event.target);
          if (!element) return false;
          let occurrence: Decoration | null = null;
          try {
            occurrence = occurrenceAt(view.state, view.posAtDOM(element, 0), true);
          } catch {
            // Not a node of this editor's document (it cannot be, but never throw here).
          }
          if (!occurrence) return false;
          hoverElement = element;
          // Another piece of the same term (part of it bold, say): the card stays where it is.
          if (keyOf(occurrence) === hoverKey) return false;
          hoverKey = keyOf(occurrence);
          const box = element.getBoundingClientRect();
          tell({ hint: hintOf(occurrence), rect: { left: box.left, top: box.top, bottom: box.bottom } }, "hover");
          return false;
        },
        mouseout(_view, event) {
          // Moving onto another term (or another piece of this one): mouseover takes it from here.
          if (!termElement(event.relatedTarget)) leaveHover();
          return false;
        },
        focus(view) {
          updateCaret(view, true);
          return false;
        },
        blur(view) {
          updateCaret(view, false);
          return false;
        },
      },
    },
    view(view) {
      updateCaret(view, view.hasFocus());
      return {
        update(view) {
          // The term under the mouse was edited away: browsers send no mouseout for removed nodes.
          if (hoverElement && !hoverElement.isConnected) leaveHover();
          updateCaret(view, view.hasFocus());
        },
        destroy() {
          // The card must not outlive its editor.
          leaveHover();
          if (caretKey !== null) tell(null, "caret");
          caretKey = null;
        },
      };
    },
  });
}

/** Gives the editor another glossary (e.g. once it has loaded) without recreating the editor. */
export function setGlossaryHints(view: EditorView, hints: readonly GlossaryHint[]) {
  if (view.isDestroyed) return;
  view.dispatch(view.state.tr.setMeta(glossaryTermsKey, hints).setMeta("addToHistory", false));
}

export const GlossaryTerms = Extension.create<GlossaryTermsOptions>({
  name: "glossaryTerms",
  addOptions() {
    return { hints: [], onActive: () => {} };
  },
  addProseMirrorPlugins() {
    return [termsPlugin(this.options.hints, this.options.onActive)];
  },
});
