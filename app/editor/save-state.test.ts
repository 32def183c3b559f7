import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import * as encoding from "lib0/encoding";
import * as decoding from "lib0/decoding";
import { SaveTracker } from "./save-state";
import { encodeStoredSnapshot } from "#shared/collab/saved-snapshot";

/** A MESSAGE_SAVED payload (after the type) for what `stored` holds. */
const ack = (stored: Y.Doc) => {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint8Array(encoder, encodeStoredSnapshot(stored));
  return decoding.createDecoder(encoding.toUint8Array(encoder));
};

function setup() {
  const doc = new Y.Doc();
  const server = new Y.Doc();
  const tracker = new SaveTracker(doc);
  doc.on("afterTransaction", (tr: Y.Transaction) => tr.local && tracker.noteLocalTransaction(tr));
  const deliver = () => Y.applyUpdate(server, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(server)));
  return { doc, server, tracker, deliver };
}

describe("save state", () => {
  it("is saved only once the stored vector covers this client's clock", () => {
    const { doc, server, tracker, deliver } = setup();
    expect(tracker.isSaved()).toBe(true);
    doc.getText("t").insert(0, "hello");
    expect(tracker.isSaved()).toBe(false);
    tracker.noteSaved(ack(server)); // an acknowledgement of an older batch
    expect(tracker.isSaved()).toBe(false);
    deliver();
    tracker.noteSaved(ack(server));
    expect(tracker.isSaved()).toBe(true);
  });

  it("keeps a deletion unsaved until the stored delete set contains it", () => {
    const { doc, server, tracker, deliver } = setup();
    doc.getText("t").insert(0, "hello");
    deliver();
    tracker.noteSaved(ack(server));
    doc.getText("t").delete(0, 2);
    expect(tracker.isSaved()).toBe(false);
    // An acknowledgement of a batch that did not contain the deletion does not count…
    tracker.noteSaved(ack(server));
    expect(tracker.isSaved()).toBe(false);
    // …only one that did.
    deliver();
    tracker.noteSaved(ack(server));
    expect(tracker.isSaved()).toBe(true);
  });

  it("confirms deleting someone else's text once stored", () => {
    const { doc, server, tracker, deliver } = setup();
    const other = new Y.Doc();
    other.getText("t").insert(0, "their words");
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    Y.applyUpdate(server, Y.encodeStateAsUpdate(other));
    doc.getText("t").delete(0, 6);
    tracker.noteSaved(ack(server));
    expect(tracker.isSaved()).toBe(false);
    deliver();
    tracker.noteSaved(ack(server));
    expect(tracker.isSaved()).toBe(true);
  });

  it("ignores other people's changes", () => {
    const { doc, tracker } = setup();
    const other = new Y.Doc();
    other.getText("t").insert(0, "theirs");
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    expect(tracker.isSaved()).toBe(true);
  });
});
