/**
 * Awareness (carets, names, colours) is client-sent, so the server rewrites it before it
 * reaches anyone: a connection may only speak for the one client id it claimed, the `user`
 * field is replaced by the authenticated person, and read-only connections lose `cursor`.
 * Parsing is done by hand on the raw update so nothing a client sends is trusted.
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";

export interface StampedUser {
  id: string;
  name: string;
  color: string;
}

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: string;
}

export function parseAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  if (count > 1000) throw new Error("too many awareness entries");
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    entries.push({ clientId: decoding.readVarUint(decoder), clock: decoding.readVarUint(decoder), state: decoding.readVarString(decoder) });
  }
  return entries;
}

export function encodeAwarenessUpdate(entries: AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(encoder, e.clientId);
    encoding.writeVarUint(encoder, e.clock);
    encoding.writeVarString(encoder, e.state);
  }
  return encoding.toUint8Array(encoder);
}

/** Rewrites one entry's state; "null" (the client left) passes through unchanged. */
export function stampState(state: string, user: StampedUser, readOnly: boolean): string {
  if (state === "null") return state;
  let parsed: unknown;
  try {
    parsed = JSON.parse(state);
  } catch {
    parsed = {};
  }
  const object: Record<string, unknown> = parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  object.user = { id: user.id, name: user.name, color: user.color, readOnly };
  if (readOnly) delete object.cursor;
  return JSON.stringify(object);
}
