/**
 * Comment passages in the text: the anchor of a new comment, and the highlighting of every
 * open thread's passage.
 *
 * A passage is a pair of Yjs relative positions (shared/collab/anchors.ts): its start sticks
 * to the passage's first character, its end to its last one, so it moves with the edits of
 * everyone around it and grows with edits inside it. ProseMirror positions are only valid
 * for one version of the text; y-tiptap's binding translates between the two.
 *
 * The plugin re-reads every thread's relative positions whenever the text is rebuilt from
 * Yjs (remote edits) or the threads change. A local edit reaches Yjs only after ProseMirror
 * has applied it, so its transaction first maps the highlights along with the edit, and a
 * follow-up transaction re-reads them from Yjs once Yjs has the edit. A passage whose text is
 * gone (both ends met, or its paragraph was deleted) has no range: the thread is "detached".
 *
 * Highlights are decorations with classes only (the page's CSP refuses style attributes);
 * clicking one, or moving the caret into one, tells the sidebar which thread it belongs to.
 */
import * as Y from "yjs";
import { Extension } from "@tiptap/core";
import { Plugin, PluginKey, type EditorState } from "@tiptap/pm/state";
import type { Mapping } from "@tiptap/pm/transform";
import { Decoration, DecorationSet, type EditorView } from "@tiptap/pm/view";
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from "@tiptap/y-tiptap";
import { decodeRelative, encodeAnchor, type EncodedAnchor } from "#shared/collab/anchors";

export interface PassageRange {
  from: number;
  to: number;
}

export interface Passage {
  start: Y.RelativePosition;
  end: Y.RelativePosition;
}

export interface AnchoredThread extends Passage {
  id: string;
  open: boolean;
}

/** How the sidebar hears from the text; one per editor, handlers set by the sidebar. */
export class CommentsBridge {
  onActivate: ((threadId: string, source: "pointer" | "caret") => void) | null = null;
  onCompose: (() => void) | null = null;

  activate(threadId: string, source: "pointer" | "caret") {
    this.onActivate?.(threadId, source);
  }

  compose() {
    this.onCompose?.();
  }
}

interface HighlightState {
  threads: AnchoredThread[];
  /** The passage of a comment being written, highlighted until it is posted or cancelled. */
  draft: Passage | null;
  activeId: string | null;
  /** Current range of every thread (open and resolved); null when its passage is gone. */
  ranges: ReadonlyMap<string, PassageRange | null>;
  draftRange: PassageRange | null;
  decorations: DecorationSet;
  /** Ranges were mapped through a local edit and are re-read from Yjs next. */
  stale: boolean;
}

interface HighlightMeta {
  threads?: AnchoredThread[];
  draft?: Passage | null;
  activeId?: string | null;
  refresh?: true;
}

export const commentHighlightsKey = new PluginKey<HighlightState>("commentHighlights");

type NodeMapping = Parameters<typeof absolutePositionToRelativePosition>[2];

interface SyncState {
  doc: Y.Doc;
  type: Y.XmlFragment;
  mapping: NodeMapping;
}

/** y-tiptap's binding of this editor: the Y.Doc, the shared fragment and the node mapping. */
function syncOf(state: EditorState): SyncState | null {
  const sync = ySyncPluginKey.getState(state) as { doc?: Y.Doc; type?: Y.XmlFragment; binding?: { mapping?: NodeMapping } | null } | undefined;
  if (!sync?.doc || !sync.type || !sync.binding?.mapping) return null;
  return { doc: sync.doc, type: sync.type, mapping: sync.binding.mapping };
}

/**
 * The passage between two ProseMirror positions as Yjs relative positions. y-tiptap ties a
 * position inside text to the character before it (assoc -1): right for the end. The start
 * is re-tied to the character after it (assoc 0), so text typed just before the passage
 * stays outside it.
 */
export function passageOf(state: EditorState, from: number, to: number): (Passage & { encoded: EncodedAnchor }) | null {
  const sync = syncOf(state);
  if (!sync || to <= from) return null;
  try {
    const rawStart = absolutePositionToRelativePosition(from, sync.type, sync.mapping) as Y.RelativePosition;
    const end = absolutePositionToRelativePosition(to, sync.type, sync.mapping) as Y.RelativePosition;
    const at = Y.createAbsolutePositionFromRelativePosition(rawStart, sync.doc);
    const start = at && at.type instanceof Y.XmlText ? Y.createRelativePositionFromTypeIndex(at.type, at.index, 0) : rawStart;
    return { start, end, encoded: encodeAnchor(start, end) };
  } catch {
    return null;
  }
}

/** Decodes a thread's stored anchor; null when it is not a relative position at all. */
/** The passage a thread is about; null when it is about the whole document or no longer decodes. */
export function decodePassage(anchor: EncodedAnchor | null): Passage | null {
  if (!anchor) return null;
  const start = decodeRelative(anchor.start);
  const end = decodeRelative(anchor.end);
  return start && end ? { start, end } : null;
}

/**
 * The ProseMirror position of a relative position. y-tiptap's own translation gives up
 * (null) on a character-based position that lands on the document's first position, a guard
 * against blocks reordered by drag and drop; a passage starting with the document's first
 * word would then always look deleted. So for positions in text we translate the start of
 * that text (a position without a character, which the guard leaves alone) and add the index.
 */
function absoluteOf(sync: SyncState, position: Y.RelativePosition): number | null {
  const at = Y.createAbsolutePositionFromRelativePosition(position, sync.doc);
  if (!at) return null;
  if (!(at.type instanceof Y.XmlText)) return relativePositionToAbsolutePosition(sync.doc, sync.type, position, sync.mapping);
  const textStart = relativePositionToAbsolutePosition(sync.doc, sync.type, Y.createRelativePositionFromTypeIndex(at.type, 0, -1), sync.mapping);
  return textStart === null ? null : textStart + at.index;
}

/** Where a passage is in the current text, or null when its text is gone. */
export function rangeOf(state: EditorState, passage: Passage): PassageRange | null {
  const sync = syncOf(state);
  if (!sync) return null;
  let from: number | null;
  let to: number | null;
  try {
    from = absoluteOf(sync, passage.start);
    to = absoluteOf(sync, passage.end);
  } catch {
    return null;
  }
  if (from === null || to === null) return null;
  return checkedRange(state, from, to);
}

function checkedRange(state: EditorState, from: number, to: number): PassageRange | null {
  if (from < 0 || to > state.doc.content.size || to <= from) return null;
  // Only structure left (e.g. the boundary between two emptied paragraphs): the text is gone.
  if (state.doc.textBetween(from, to, "", "") === "") return null;
  return { from, to };
}

function mapRange(state: EditorState, range: PassageRange | null, mapping: Mapping): PassageRange | null {
  if (!range) return null;
  return checkedRange(state, mapping.map(range.from, 1), mapping.map(range.to, -1));
}

function decorationsFor(state: EditorState, threads: AnchoredThread[], ranges: ReadonlyMap<string, PassageRange | null>, draftRange: PassageRange | null, activeId: string | null) {
  const decorations: Decoration[] = [];
  for (const thread of threads) {
    const range = ranges.get(thread.id);
    if (!thread.open || !range) continue;
    const active = thread.id === activeId;
    decorations.push(
      Decoration.inline(range.from, range.to, { class: active ? "comment-mark comment-mark--active" : "comment-mark", "data-comment-thread": thread.id }, { threadId: thread.id }),
    );
  }
  if (draftRange) decorations.push(Decoration.inline(draftRange.from, draftRange.to, { class: "comment-mark comment-mark--draft" }, { threadId: null }));
  return DecorationSet.create(state.doc, decorations);
}

function computed(state: EditorState, threads: AnchoredThread[], draft: Passage | null, activeId: string | null): HighlightState {
  const ranges = new Map<string, PassageRange | null>();
  for (const thread of threads) ranges.set(thread.id, rangeOf(state, thread));
  const draftRange = draft ? rangeOf(state, draft) : null;
  return { threads, draft, activeId, ranges, draftRange, decorations: decorationsFor(state, threads, ranges, draftRange, activeId), stale: false };
}

/** The open thread whose passage contains `pos` (the shortest one where passages overlap). */
export function threadAt(state: EditorState, pos: number): string | null {
  const highlights = commentHighlightsKey.getState(state);
  if (!highlights) return null;
  let best: { id: string; length: number } | null = null;
  for (const thread of highlights.threads) {
    const range = highlights.ranges.get(thread.id);
    if (!thread.open || !range || pos < range.from || pos > range.to) continue;
    const length = range.to - range.from;
    if (!best || length < best.length) best = { id: thread.id, length };
  }
  return best?.id ?? null;
}

/** The current ranges of all threads (null: passage gone), as the sidebar reads them. */
export function threadRanges(state: EditorState): ReadonlyMap<string, PassageRange | null> {
  return commentHighlightsKey.getState(state)?.ranges ?? new Map();
}

export function setHighlights(view: EditorView, meta: HighlightMeta) {
  if (view.isDestroyed) return;
  view.dispatch(view.state.tr.setMeta(commentHighlightsKey, meta).setMeta("addToHistory", false));
}

function highlightPlugin(bridge: CommentsBridge) {
  return new Plugin<HighlightState>({
    key: commentHighlightsKey,
    state: {
      init: (_config, state) => computed(state, [], null, null),
      apply(tr, previous, _oldState, state) {
        const meta = tr.getMeta(commentHighlightsKey) as HighlightMeta | undefined;
        const sync = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
        if (meta || sync?.isChangeOrigin) {
          return computed(
            state,
            meta?.threads ?? previous.threads,
            meta && "draft" in meta ? (meta.draft ?? null) : previous.draft,
            meta && "activeId" in meta ? (meta.activeId ?? null) : previous.activeId,
          );
        }
        if (!tr.docChanged) return previous;
        // A local edit: Yjs does not have it yet. Move the passages along with it for now.
        const ranges = new Map<string, PassageRange | null>();
        for (const [id, range] of previous.ranges) ranges.set(id, mapRange(state, range, tr.mapping));
        const draftRange = mapRange(state, previous.draftRange, tr.mapping);
        return { ...previous, ranges, draftRange, decorations: decorationsFor(state, previous.threads, ranges, draftRange, previous.activeId), stale: true };
      },
    },
    props: {
      decorations: (state) => commentHighlightsKey.getState(state)?.decorations,
      handleClick(view, pos) {
        const id = threadAt(view.state, pos);
        if (id) bridge.activate(id, "pointer");
        return false;
      },
    },
    view() {
      let refresh: ReturnType<typeof setTimeout> | null = null;
      return {
        update(view, previousState) {
          // After y-tiptap's own view update (its plugin comes first) Yjs has the local edit.
          if (commentHighlightsKey.getState(view.state)?.stale && refresh === null) {
            refresh = setTimeout(() => {
              refresh = null;
              setHighlights(view, { refresh: true });
            }, 0);
          }
          if (!previousState.selection.eq(view.state.selection) && view.hasFocus()) {
            const id = threadAt(view.state, view.state.selection.head);
            if (id) bridge.activate(id, "caret");
          }
        },
        destroy() {
          if (refresh !== null) clearTimeout(refresh);
        },
      };
    },
  });
}

export const CommentHighlights = Extension.create<{ bridge: CommentsBridge | null }>({
  name: "commentHighlights",
  addOptions() {
    return { bridge: null };
  },
  addProseMirrorPlugins() {
    return [highlightPlugin(this.options.bridge ?? new CommentsBridge())];
  },
});
