import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { getSchema } from "@tiptap/core";
import { prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import { editorExtensions } from "#shared/editor/extensions";
import { MAX_DOCUMENT_DEPTH } from "#shared/collab/limits";
import { ACTIVITIES_FIELD, CONTENT_FIELD, readActivities, workProgrammeLayout } from "#shared/collab/work-programme-doc";
import { deriveContent } from "#server/collab/derive";
import { isDeeperThan } from "#server/collab/content-json";
import { contentFingerprint, replaceContent } from "./document-content";

const t = (text: string, marks?: unknown[]) => ({ type: "text", text, ...(marks ? { marks } : {}) });
const p = (...content: unknown[]) => ({ type: "paragraph", content });

function editorDoc(): Y.Doc {
  const doc = new Y.Doc();
  const content = {
    type: "doc",
    content: [
      { type: "heading", attrs: { level: 1 }, content: [t("Ziele")] },
      p(t("fett", [{ type: "bold" }]), t(" und "), t("Link", [{ type: "link", attrs: { href: "https://example.org" } }])),
      { type: "bulletList", content: [{ type: "listItem", content: [p(t("Punkt"))] }] },
      { type: "table", content: [{ type: "tableRow", content: [{ type: "tableHeader", attrs: { colspan: 2 }, content: [p(t("Kopf"))] }] }] },
    ],
  };
  prosemirrorJSONToYXmlFragment(getSchema(editorExtensions()), content, doc.getXmlFragment(CONTENT_FIELD));
  doc.getArray(ACTIVITIES_FIELD).push([new Y.Map<unknown>(Object.entries({ id: "a1", title: "Reise", responsible: ["o1"], start: "2026-03", end: "", status: "planned", note: "" }))]);
  return doc;
}

function nested(levels: number): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    let parent: Y.XmlFragment | Y.XmlElement = doc.getXmlFragment(CONTENT_FIELD);
    for (let level = 1; level <= levels; level++) {
      const paragraph = new Y.XmlElement("paragraph");
      parent.insert(0, [paragraph]);
      paragraph.insert(0, [new Y.XmlText(level === levels ? "Die innersten Worte" : `Ebene ${level}`)]);
      parent = paragraph;
    }
  });
  return doc;
}

const restoredFrom = (source: Y.Doc) => {
  const target = new Y.Doc();
  target.getXmlFragment(CONTENT_FIELD).insert(0, [new Y.XmlElement("paragraph")]);
  target.transact(() => replaceContent(target, source, workProgrammeLayout));
  // Through an update, as editors receive it.
  const received = new Y.Doc();
  Y.applyUpdate(received, Y.encodeStateAsUpdate(target));
  return received;
};

describe("restoring a version's content", () => {
  it("copies what the editor writes exactly (as Yjs's own clone did)", () => {
    const source = editorDoc();
    const restored = restoredFrom(source);
    expect(restored.getXmlFragment(CONTENT_FIELD).toJSON()).toBe(source.getXmlFragment(CONTENT_FIELD).toJSON());
    expect(deriveContent(restored)).toEqual(deriveContent(source));
    expect(readActivities(restored)).toEqual(readActivities(source));
    expect(contentFingerprint(restored, workProgrammeLayout)).toBe(contentFingerprint(source, workProgrammeLayout));
  });

  it("restores 8,000 nested paragraphs without a stack overflow, as deep as the editor allows, with every word", () => {
    const source = nested(8000);
    expect(() => source.getXmlFragment(CONTENT_FIELD).toJSON()).toThrow(RangeError);
    const restored = restoredFrom(source);
    // Levels as the ingestion check counts them: 99 paragraphs, then the last one's text.
    let depth = 0;
    let node: Y.XmlElement | Y.XmlText | undefined = restored.getXmlFragment(CONTENT_FIELD).get(0) as Y.XmlElement;
    while (node) {
      depth++;
      node = node instanceof Y.XmlElement ? (node.toArray().find((c) => c instanceof Y.XmlElement) ?? node.toArray().find((c) => c instanceof Y.XmlText)) as Y.XmlElement | Y.XmlText | undefined : undefined;
    }
    expect(depth).toBe(MAX_DOCUMENT_DEPTH);
    expect(isDeeperThan(restored.getXmlFragment(CONTENT_FIELD))).toBe(false);
    expect(isDeeperThan(source.getXmlFragment(CONTENT_FIELD))).toBe(true);
    expect(deriveContent(restored).text).toContain("Die innersten Worte");
    expect(deriveContent(restored).text).toContain("Ebene 7999");
  });
});

describe("contentFingerprint", () => {
  it("works on 8,000 nested paragraphs and tells changes apart", () => {
    const a = nested(8000);
    const b = nested(8000);
    expect(contentFingerprint(a, workProgrammeLayout)).toBe(contentFingerprint(b, workProgrammeLayout));
    const top = b.getXmlFragment(CONTENT_FIELD).get(0) as Y.XmlElement;
    top.toArray().find((c): c is Y.XmlText => c instanceof Y.XmlText)!.insert(0, "neu ");
    expect(contentFingerprint(a, workProgrammeLayout)).not.toBe(contentFingerprint(b, workProgrammeLayout));
  });

  it("changes with the text, its formatting and the activities, not with invisible details", () => {
    const base = contentFingerprint(editorDoc(), workProgrammeLayout);
    const formatted = editorDoc();
    ((formatted.getXmlFragment(CONTENT_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText).format(0, 2, { italic: {} });
    expect(contentFingerprint(formatted, workProgrammeLayout)).not.toBe(base);
    const activity = editorDoc();
    (activity.getArray(ACTIVITIES_FIELD).get(0) as Y.Map<unknown>).set("title", "Andere Reise");
    expect(contentFingerprint(activity, workProgrammeLayout)).not.toBe(base);
    const invisible = editorDoc();
    (invisible.getArray(ACTIVITIES_FIELD).get(0) as Y.Map<unknown>).set("x-unknown", 1);
    expect(contentFingerprint(invisible, workProgrammeLayout)).toBe(base);
  });
});
