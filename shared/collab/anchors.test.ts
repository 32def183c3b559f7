import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { anchorInText, resolveAnchor } from "./anchors";

/** Two replicas exchanging updates, like two editors through the server. */
function pair() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on("update", (u: Uint8Array, origin: unknown) => origin !== "remote" && Y.applyUpdate(b, u, "remote"));
  b.on("update", (u: Uint8Array, origin: unknown) => origin !== "remote" && Y.applyUpdate(a, u, "remote"));
  return { a, b };
}

function paragraph(doc: Y.Doc, text: string): Y.XmlText {
  const p = new Y.XmlElement("paragraph");
  const t = new Y.XmlText(text);
  p.insert(0, [t]);
  doc.getXmlFragment("content").insert(0, [p]);
  return t;
}

const quoted = (doc: Y.Doc, anchor: ReturnType<typeof anchorInText>) => {
  const state = resolveAnchor(doc, anchor);
  return state.attached ? (state.type as Y.XmlText).toString().slice(state.from, state.to) : null;
};

describe("comment anchors", () => {
  it("stay on their passage while two editors insert and delete before and inside it", () => {
    const { a, b } = pair();
    const text = paragraph(a, "Die Studienreise nach Modena findet im März statt.");
    const start = text.toString().indexOf("Studienreise");
    const anchor = anchorInText(text, start, start + "Studienreise nach Modena".length);
    expect(quoted(b, anchor)).toBe("Studienreise nach Modena");

    const textB = (b.getXmlFragment("content").get(0) as Y.XmlElement).get(0) as Y.XmlText;
    textB.insert(0, "Wichtig: ");                     // before, by B
    text.delete(text.toString().indexOf("Die "), 4);  // before, by A
    textB.insert(textB.toString().indexOf("nach"), "gemeinsam "); // inside, by B
    text.delete(text.toString().indexOf("Modena"), 0); // no-op
    text.insert(text.toString().indexOf(" findet"), " und Bologna"); // right after the end: not part of it

    expect(quoted(a, anchor)).toBe("Studienreise gemeinsam nach Modena");
    expect(quoted(b, anchor)).toBe("Studienreise gemeinsam nach Modena");
  });

  it("detach when the passage is deleted, and stay detached", () => {
    const { a, b } = pair();
    const text = paragraph(a, "Erst A, dann der Abschnitt, dann B.");
    const s = text.toString().indexOf("der Abschnitt");
    const anchor = anchorInText(text, s, s + "der Abschnitt".length);
    const textB = (b.getXmlFragment("content").get(0) as Y.XmlElement).get(0) as Y.XmlText;
    textB.delete(s - 1, "der Abschnitt".length + 1);
    expect(resolveAnchor(a, anchor)).toEqual({ attached: false });
    text.insert(s - 1, " neu");
    expect(resolveAnchor(a, anchor).attached).toBe(false);
  });

  it("treats garbage as detached instead of failing", () => {
    expect(resolveAnchor(new Y.Doc(), { start: "!!!", end: "###" })).toEqual({ attached: false });
  });
});
