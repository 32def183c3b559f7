/**
 * Comment anchors: a passage is a pair of Yjs relative positions (start sticks to the
 * character after it, end to the character before it), so the passage moves with edits
 * around it and grows with edits inside it. When the passage is deleted, both ends meet:
 * the thread is "detached" and is shown as such, never lost.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types are invariant in their event type
import * as Y from "yjs";

export interface EncodedAnchor {
  start: string;
  end: string;
}

const toBase64 = (bytes: Uint8Array) => {
  let text = "";
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
};
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

export function encodeAnchor(start: Y.RelativePosition, end: Y.RelativePosition): EncodedAnchor {
  return { start: toBase64(Y.encodeRelativePosition(start)), end: toBase64(Y.encodeRelativePosition(end)) };
}

export function decodeRelative(encoded: string): Y.RelativePosition | null {
  try {
    return Y.decodeRelativePosition(fromBase64(encoded));
  } catch {
    return null;
  }
}

/** Anchors arrive from browsers: small base64 strings that Yjs can decode, nothing else. */
export function isValidAnchor(anchor: EncodedAnchor): boolean {
  return (
    typeof anchor.start === "string" &&
    typeof anchor.end === "string" &&
    anchor.start.length <= 200 &&
    anchor.end.length <= 200 &&
    decodeRelative(anchor.start) !== null &&
    decodeRelative(anchor.end) !== null
  );
}

/** Anchor on a range of one Y.Text / Y.XmlText (used by tests and server-side tools). */
export function anchorInText(type: Y.AbstractType<any>, from: number, to: number): EncodedAnchor {
  return encodeAnchor(Y.createRelativePositionFromTypeIndex(type, from, 0), Y.createRelativePositionFromTypeIndex(type, to, -1));
}

export type AnchorState = { attached: true; type: Y.AbstractType<any>; from: number; to: number } | { attached: false };

export function resolveAnchor(doc: Y.Doc, anchor: EncodedAnchor): AnchorState {
  const start = decodeRelative(anchor.start);
  const end = decodeRelative(anchor.end);
  if (!start || !end) return { attached: false };
  const from = Y.createAbsolutePositionFromRelativePosition(start, doc);
  const to = Y.createAbsolutePositionFromRelativePosition(end, doc);
  if (!from || !to || from.type !== to.type || to.index <= from.index) return { attached: false };
  return { attached: true, type: from.type, from: from.index, to: to.index };
}
