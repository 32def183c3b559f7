import { describe, expect, it } from "vitest";
import { getSchema } from "@tiptap/core";
import { EditorState } from "@tiptap/pm/state";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import type { Node as PmNode } from "@tiptap/pm/model";
import { editorExtensions } from "./extensions";
import { sectionIdsPlugin, type SectionIdMode } from "./section-ids";

const schema = getSchema(editorExtensions());

function stateWith(mode: Exclude<SectionIdMode, "off">, blocks: Array<{ text: string; sid?: string | null; type?: "paragraph" | "heading" }>) {
  let counter = 0;
  const doc = schema.nodeFromJSON({
    type: "doc",
    content: blocks.map((b) => ({
      type: b.type ?? "paragraph",
      attrs: b.type === "heading" ? { level: 2, sid: b.sid ?? null } : { sid: b.sid ?? null },
      content: [{ type: "text", text: b.text }],
    })),
  });
  return EditorState.create({ doc, plugins: [sectionIdsPlugin(mode, () => `new${++counter}`)] });
}

const ids = (doc: PmNode) => {
  const found: Array<[string, unknown]> = [];
  doc.forEach((node) => found.push([node.textContent, node.attrs.sid]));
  return found;
};

/** Position after the n-th top-level block. */
const after = (doc: PmNode, n: number) => {
  let pos = 0;
  for (let i = 0; i <= n; i++) pos += doc.child(i).nodeSize;
  return pos;
};

describe("section ids in the editor", () => {
  it("name a block typed in a source, and leave the others' ids alone", () => {
    const state = stateWith("assign", [{ text: "Ziele", sid: "a" }, { text: "Maßnahmen", sid: "b" }]);
    const result = state.applyTransaction(state.tr.insert(after(state.doc, 0), schema.nodes.paragraph!.create(null, schema.text("Neu"))));
    expect(ids(result.state.doc)).toEqual([["Ziele", "a"], ["Neu", "new1"], ["Maßnahmen", "b"]]);
  });

  it("keep the id with the first half of a split and give the second half a new one", () => {
    const state = stateWith("assign", [{ text: "Erster Satz. Zweiter Satz.", sid: "a" }]);
    // A plain split copies the attributes (unlike tiptap's Enter, which drops sid): the duplicate is resolved.
    const result = state.applyTransaction(state.tr.split(1 + "Erster Satz. ".length));
    expect(ids(result.state.doc)).toEqual([["Erster Satz. ", "a"], ["Zweiter Satz.", "new1"]]);
  });

  it("keep a block's id when it is moved", () => {
    const state = stateWith("assign", [{ text: "Eins", sid: "a" }, { text: "Zwei", sid: "b" }, { text: "Drei", sid: "c" }]);
    const moved = state.doc.child(0);
    const tr = state.tr.delete(0, moved.nodeSize);
    tr.insert(tr.doc.content.size, moved);
    const result = state.applyTransaction(tr);
    expect(ids(result.state.doc)).toEqual([["Zwei", "b"], ["Drei", "c"], ["Eins", "a"]]);
  });

  it("leave a collaborator's change as it arrived", () => {
    const state = stateWith("assign", [{ text: "Eins", sid: "a" }]);
    const tr = state.tr.insert(after(state.doc, 0), schema.nodes.paragraph!.create(null, schema.text("Von drüben")));
    tr.setMeta(ySyncPluginKey, { isChangeOrigin: true });
    const result = state.applyTransaction(tr);
    expect(ids(result.state.doc)).toEqual([["Eins", "a"], ["Von drüben", null]]);
  });

  it("in a language version, leave typed blocks without an id (they continue the section before) and clear a duplicate", () => {
    const state = stateWith("dedupe", [{ text: "Obiettivi", sid: "a" }, { text: "Misure", sid: "b" }]);
    const typed = state.applyTransaction(state.tr.insert(after(state.doc, 0), schema.nodes.paragraph!.create(null, schema.text("Aggiunta"))));
    expect(ids(typed.state.doc)).toEqual([["Obiettivi", "a"], ["Aggiunta", null], ["Misure", "b"]]);
    const copy = typed.state.doc.child(0);
    const pasted = typed.state.applyTransaction(typed.state.tr.insert(typed.state.doc.content.size, copy));
    expect(ids(pasted.state.doc)).toEqual([["Obiettivi", "a"], ["Aggiunta", null], ["Misure", "b"], ["Obiettivi", null]]);
  });

  it("is part of every top-level block type's schema, so stored ids survive a round trip", () => {
    for (const type of ["paragraph", "heading", "bulletList", "orderedList", "blockquote", "table", "horizontalRule"]) {
      expect(Object.keys(schema.nodes[type]!.spec.attrs ?? {}), type).toContain("sid");
    }
    expect(Object.keys(schema.nodes.listItem!.spec.attrs ?? {})).not.toContain("sid");
    const heading = schema.nodeFromJSON({ type: "heading", attrs: { level: 2, sid: "sabc" }, content: [{ type: "text", text: "Ziele" }] });
    expect(heading.toJSON().attrs).toEqual({ level: 2, sid: "sabc" });
  });
});
