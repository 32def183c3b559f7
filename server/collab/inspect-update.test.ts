import { describe, expect, it } from "vitest";
import fc from "fast-check";
import * as Y from "yjs";
import { inspectUpdate, jsonDepth } from "./inspect-update";

/** Records every update a doc emits. */
function recorder(doc: Y.Doc) {
  const updates: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => updates.push(u));
  return updates;
}

/** Nests `levels` elements below `parent` in one transaction (one update). */
function nest(parent: Y.XmlFragment | Y.XmlElement, levels: number): Y.XmlElement {
  let current = parent;
  parent.doc!.transact(() => {
    for (let i = 0; i < levels; i++) {
      const child: Y.XmlElement = new Y.XmlElement("blockquote");
      current.insert(0, [child]);
      current = child;
    }
  });
  return current as Y.XmlElement;
}

describe("inspectUpdate", () => {
  it("accepts ordinary editing and names the clients with new content", () => {
    const source = new Y.Doc();
    const updates = recorder(source);
    source.transact(() => {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText("Hallo")]);
      source.getXmlFragment("content").insert(0, [paragraph]);
      source.getMap("m").set("k", { a: [1, 2, { b: 3 }] });
    });
    const server = new Y.Doc();
    expect(inspectUpdate(server, updates[0]!, 100)).toEqual({ ok: true, newContentBy: new Set([source.clientID]) });
    Y.applyUpdate(server, updates[0]!);
    // The same update again adds nothing new.
    expect(inspectUpdate(server, updates[0]!, 100)).toEqual({ ok: true, newContentBy: new Set() });
  });

  it("refuses nesting past the limit, in one update or built up over many", () => {
    const source = new Y.Doc();
    const updates = recorder(source);
    nest(source.getXmlFragment("content"), 101);
    expect(inspectUpdate(new Y.Doc(), updates[0]!, 100)).toEqual({ ok: false, reason: "too-deep" });

    const stepwise = new Y.Doc();
    const steps = recorder(stepwise);
    let parent: Y.XmlFragment | Y.XmlElement = stepwise.getXmlFragment("content");
    for (let i = 0; i < 101; i++) parent = nest(parent, 1);
    const server = new Y.Doc();
    steps.slice(0, 100).forEach((u) => {
      expect(inspectUpdate(server, u, 100).ok).toBe(true);
      Y.applyUpdate(server, u);
    });
    expect(inspectUpdate(server, steps[100]!, 100)).toEqual({ ok: false, reason: "too-deep" });
  });

  it("finds the parent of a new element through its left neighbour, in the document or in the update", () => {
    const source = new Y.Doc();
    const updates = recorder(source);
    const deep = nest(source.getXmlFragment("content"), 99);
    deep.insert(0, [new Y.XmlElement("paragraph")]); // level 100, first child
    const server = new Y.Doc();
    Y.applyUpdate(server, updates[0]!);
    Y.applyUpdate(server, updates[1]!);
    // A sibling to its right (its parent known only through the origin) is still level 100…
    deep.insert(1, [new Y.XmlElement("paragraph")]);
    expect(inspectUpdate(server, updates[2]!, 100).ok).toBe(true);
    Y.applyUpdate(server, updates[2]!);
    // …and a child of that sibling would be 101.
    (deep.get(1) as Y.XmlElement).insert(0, [new Y.XmlElement("paragraph")]);
    expect(inspectUpdate(server, updates[3]!, 100)).toEqual({ ok: false, reason: "too-deep" });
  });

  it("refuses a new element whose parent never arrived (it would wait unchecked)", () => {
    const source = new Y.Doc();
    const updates = recorder(source);
    const outer = nest(source.getXmlFragment("content"), 1);
    nest(outer, 1);
    expect(inspectUpdate(new Y.Doc(), updates[1]!, 100)).toEqual({ ok: false, reason: "unplaceable-type" });
  });

  it("refuses deeply nested JSON values and subdocuments", () => {
    const source = new Y.Doc();
    const updates = recorder(source);
    let value: unknown = 1;
    for (let i = 0; i < 150; i++) value = [value];
    source.getMap("m").set("deep", value);
    source.getMap("m").set("doc", new Y.Doc());
    expect(inspectUpdate(new Y.Doc(), updates[0]!, 100)).toEqual({ ok: false, reason: "too-deep" });
    expect(inspectUpdate(new Y.Doc(), updates[1]!, 100)).toEqual({ ok: false, reason: "subdocument" });
  });

  it("throws (and never hangs) on bytes that are no update", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        try {
          inspectUpdate(new Y.Doc(), bytes, 100);
        } catch {
          // Malformed: the connection is closed by its caller.
        }
      }),
      { numRuns: 2_000 },
    );
  });
});

describe("jsonDepth", () => {
  it("counts nesting without recursion and stops past the cap", () => {
    expect(jsonDepth(5, 10)).toBe(0);
    expect(jsonDepth({ a: [1, { b: null }] }, 10)).toBe(3);
    let deep: unknown = null;
    for (let i = 0; i < 1_000_000; i++) deep = [deep];
    expect(jsonDepth(deep, 100)).toBe(101);
  });
});

describe("inspectUpdate, hand-written hostile updates", () => {
  it("refuses empty structs and deletions of content that does not exist yet", () => {
    // A ContentAny with no elements (found by the fuzzer): empty structs later break deletions in every Yjs.
    expect(inspectUpdate(new Y.Doc(), Uint8Array.from(Buffer.from("01014d008809010000", "hex")), 100)).toMatchObject({ ok: false });
    // A delete set only: client 7's clocks 0 to 2^31-1, nothing of which exists yet.
    const encoder = [0, 1, 7, 1, 0, 0xff, 0xff, 0xff, 0xff, 0x07];
    expect(inspectUpdate(new Y.Doc(), Uint8Array.from(encoder), 100)).toEqual({ ok: false, reason: "unknown-deletion" });
    // Deleting what exists is ordinary editing.
    const source = new Y.Doc();
    const updates = recorder(source);
    source.getText("t").insert(0, "abc");
    source.getText("t").delete(0, 2);
    const server = new Y.Doc();
    Y.applyUpdate(server, updates[0]!);
    expect(inspectUpdate(server, updates[1]!, 100)).toEqual({ ok: true, newContentBy: new Set() });
    // So is deleting, in one update, what that update inserts.
    const both = new Y.Doc();
    const single = recorder(both);
    both.transact(() => {
      both.getText("t").insert(0, "xyz");
      both.getText("t").delete(1, 1);
    });
    expect(inspectUpdate(new Y.Doc(), single[0]!, 100).ok).toBe(true);
  });
});

describe("inspectUpdate, characters of two UTF-16 units", () => {
  it("refuses an insertion or a deletion that would cut one in half (the fuzzer's divergence)", () => {
    const source = new Y.Doc();
    const updates = recorder(source);
    const text = source.getText("t");
    text.insert(0, "Grüße 😀😀");
    text.insert(7, "x"); // inside the first emoji
    text.delete(10, 1); // half of the second
    const server = new Y.Doc();
    Y.applyUpdate(server, updates[0]!);
    expect(inspectUpdate(server, updates[1]!, 100)).toEqual({ ok: false, reason: "split-character" });
    expect(inspectUpdate(server, updates[2]!, 100)).toEqual({ ok: false, reason: "split-character" });
    // Whole characters are fine.
    const whole = new Y.Doc();
    const fine = recorder(whole);
    whole.getText("t").insert(0, "😀😀");
    whole.getText("t").insert(2, "x");
    whole.getText("t").delete(0, 2);
    const other = new Y.Doc();
    Y.applyUpdate(other, fine[0]!);
    expect(inspectUpdate(other, fine[1]!, 100).ok).toBe(true);
    Y.applyUpdate(other, fine[1]!);
    expect(inspectUpdate(other, fine[2]!, 100).ok).toBe(true);
  });
});
