import { describe, expect, it } from "vitest";
import { getSchema } from "@tiptap/core";
import { EditorState, PluginKey, TextSelection } from "@tiptap/pm/state";
import { editorExtensions } from "#shared/editor/extensions";
import { carriesOnlyMetadata, rebuildOn } from "./browser-selection-first";

const schema = getSchema(editorExtensions());
const caretsKey = new PluginKey("test-carets");

function stateWithCaretAt(pos: number): EditorState {
  const doc = schema.node("doc", null, [schema.node("paragraph", null, [schema.text("Ziele und Vorhaben")])]);
  const state = EditorState.create({ schema, doc });
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, pos)));
}

describe("metadata-only transactions rebuilt on the browser's newer selection", () => {
  it("tells redraw-only transactions from those that move the caret or change the text", () => {
    const state = stateWithCaretAt(1);
    expect(carriesOnlyMetadata(state.tr.setMeta(caretsKey, { awarenessUpdated: true }))).toBe(true);
    expect(carriesOnlyMetadata(state.tr.setSelection(TextSelection.create(state.doc, 3)))).toBe(false);
    expect(carriesOnlyMetadata(state.tr.insertText("x"))).toBe(false);
    expect(carriesOnlyMetadata(state.tr.setStoredMarks([]))).toBe(false);
  });

  it("keeps the metadata and the scroll request but takes the newer caret", () => {
    const stale = stateWithCaretAt(1);
    const redraw = stale.tr.setMeta(caretsKey, { awarenessUpdated: true }).setMeta("addToHistory", false).scrollIntoView();
    // Applied as it was, the redraw would carry the stale caret into the newer state.
    const newer = stateWithCaretAt(19);
    expect(newer.apply(redraw).selection.from).toBe(1);

    const rebuilt = rebuildOn(newer, redraw);
    expect(rebuilt).not.toBeNull();
    expect(rebuilt!.getMeta(caretsKey)).toEqual({ awarenessUpdated: true });
    expect(rebuilt!.getMeta("addToHistory")).toBe(false);
    expect(rebuilt!.scrolledIntoView).toBe(true);
    expect(newer.apply(rebuilt!).selection.from).toBe(19);
  });
});
