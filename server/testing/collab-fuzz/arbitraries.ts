/**
 * fast-check arbitraries for fuzzing the `/collab/<doc>` endpoint, shared by the short run
 * in `npm test` (server/collab/collab-fuzz.integration.test.ts) and the long run in
 * bench/fuzz/.
 *
 * Two families:
 *  - **frame sequences** for one WebSocket: y-websocket messages (sync step 1/2/update,
 *    awareness, query awareness, auth, our SAVED type, unknown types), random bytes, text,
 *    empty and ping frames, and hand-made WebSocket frames (bad opcodes, RSV bits, unmasked,
 *    fragments, lengths that lie). Structure-aware: Yjs updates come from real `Y.Doc` edits
 *    (text, nested XmlElements, maps with big values, deletes), are delivered in order, merged,
 *    reversed, with their predecessors missing (so they stay pending), or mutated (bit
 *    flips, truncation, huge varints, another client id or clock in the header);
 *  - **upgrade requests** written to a raw TCP socket: `/collab/` paths with broken
 *    percent-encodings, overlong UTF-8, NUL, `..`, long names and query strings, other paths,
 *    missing/duplicated/odd headers, odd HTTP versions and methods, and requests cut short.
 *
 * Values are plain data (printable, shrinkable). Whatever depends on the running server
 * (the honest clients' Yjs client ids, a valid session cookie, the document name) is
 * symbolic here and resolved by `encodeFrame`/`renderUpgradeRequest` with a context.
 */
import fc from "fast-check";
import * as Y from "yjs";
import * as encoding from "lib0/encoding";
import * as decoding from "lib0/decoding";
import {
  MESSAGE_AUTH,
  MESSAGE_AWARENESS,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SAVED,
  MESSAGE_SYNC,
} from "#shared/collab/protocol";
import { ACTIVITIES_FIELD, CONTENT_FIELD, MILESTONES_FIELD } from "#shared/collab/work-programme-doc";

/** Sizes of the generated material: the short run keeps them small, the long run goes further. */
export interface FuzzSizes {
  /** Chunks (single frames or scenarios such as a pending flood) per sequence. */
  maxChunks: number;
  /** Edits in one generated Yjs history. */
  maxOps: number;
  /** Updates in a "many tiny updates" scenario (the pending-flood pattern of issue 8, finding 2). */
  maxTinyUpdates: number;
  /** Largest string value written into a Y.Map (bytes). */
  maxBigValue: number;
  /** Deepest XmlElement nesting in a generated edit. */
  maxDepth: number;
  /** Longest random byte string. */
  maxRandomBytes: number;
  /** Longest awareness state string. */
  maxStateLength: number;
}

export const SHORT_RUN_SIZES: FuzzSizes = {
  maxChunks: 6,
  maxOps: 8,
  maxTinyUpdates: 60,
  maxBigValue: 64 * 1024,
  maxDepth: 400,
  maxRandomBytes: 512,
  maxStateLength: 32 * 1024,
};

export const LONG_RUN_SIZES: FuzzSizes = {
  maxChunks: 8,
  maxOps: 12,
  maxTinyUpdates: 120,
  maxBigValue: 128 * 1024,
  maxDepth: 3000,
  maxRandomBytes: 2048,
  maxStateLength: 200 * 1024,
};

// ─── Symbolic references resolved at send time ─────────────────────────────────────────────

/** A Yjs / awareness client id: a literal, the sending socket's own one, or an honest client's. */
export type ClientRef = { ref: "literal"; id: number } | { ref: "own" } | { ref: "honest"; index: number };

/** A clock: literal, or relative to what the server last reported for that client (its greeting). */
export type ClockRef = { ref: "literal"; clock: number } | { ref: "known"; delta: number };

export interface FrameContext {
  /** The awareness client id this socket uses for "own". */
  ownClientId: number;
  /** Yjs client ids of the honest editors of the same document (may be empty). */
  honestClientIds: readonly number[];
  /** The clock the server last reported for a client (0 when unknown). */
  knownClock(client: number): number;
}

export function resolveClient(ref: ClientRef, ctx: FrameContext): number {
  if (ref.ref === "literal") return ref.id;
  if (ref.ref === "own") return ctx.ownClientId;
  return ctx.honestClientIds.length ? ctx.honestClientIds[ref.index % ctx.honestClientIds.length]! : ctx.ownClientId;
}

function resolveClock(ref: ClockRef, client: number, ctx: FrameContext): number {
  if (ref.ref === "literal") return ref.clock;
  return Math.max(0, ctx.knownClock(client) + ref.delta);
}

/** null most of the time (5 in 6), otherwise a value (fc.option's `freq` is the other way round). */
const rarely = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.oneof({ weight: 5, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arb });

// ─── Byte-level mutations ──────────────────────────────────────────────────────────────────

export type ByteMutation =
  | { m: "flip"; at: number; bit: number }
  | { m: "set"; at: number; byte: number }
  | { m: "truncate"; keepPermille: number }
  | { m: "huge-varint"; at: number; value: number }
  | { m: "insert"; at: number; bytes: Uint8Array }
  | { m: "delete"; at: number; length: number }
  | { m: "duplicate"; at: number; length: number };

export function applyMutation(bytes: Uint8Array, mutation: ByteMutation): Uint8Array {
  const n = bytes.length;
  const pos = (at: number) => (n === 0 ? 0 : at % n);
  switch (mutation.m) {
    case "flip": {
      if (n === 0) return bytes;
      const out = bytes.slice();
      out[pos(mutation.at)]! ^= 1 << (mutation.bit & 7);
      return out;
    }
    case "set": {
      if (n === 0) return Uint8Array.of(mutation.byte);
      const out = bytes.slice();
      out[pos(mutation.at)] = mutation.byte;
      return out;
    }
    case "truncate":
      return bytes.slice(0, Math.floor((n * mutation.keepPermille) / 1000));
    case "huge-varint": {
      // Overwrites whatever is at `at` with a varint (a length field, a count, a clock...).
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, mutation.value);
      const varint = encoding.toUint8Array(encoder);
      const at = pos(mutation.at);
      return concat([bytes.subarray(0, at), varint, bytes.subarray(Math.min(n, at + varint.length))]);
    }
    case "insert": {
      const at = n === 0 ? 0 : mutation.at % (n + 1);
      return concat([bytes.subarray(0, at), mutation.bytes, bytes.subarray(at)]);
    }
    case "delete": {
      const at = pos(mutation.at);
      return concat([bytes.subarray(0, at), bytes.subarray(Math.min(n, at + mutation.length))]);
    }
    case "duplicate": {
      const at = pos(mutation.at);
      const chunk = bytes.subarray(at, Math.min(n, at + mutation.length));
      return concat([bytes.subarray(0, at), chunk, chunk, bytes.subarray(at + chunk.length)]);
    }
  }
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

const HUGE_VALUES = [0x7f, 0x80, 0xffff, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 1, 2 ** 32, 2 ** 40, Number.MAX_SAFE_INTEGER] as const;

const byteMutationArb = (sizes: FuzzSizes): fc.Arbitrary<ByteMutation> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.record({ m: fc.constant("flip" as const), at: fc.nat(), bit: fc.nat(7) }) },
    { weight: 2, arbitrary: fc.record({ m: fc.constant("set" as const), at: fc.nat(), byte: fc.constantFrom(0, 0x7f, 0x80, 0xff, 1, 2, 3, 4, 8) }) },
    { weight: 3, arbitrary: fc.record({ m: fc.constant("truncate" as const), keepPermille: fc.nat(999) }) },
    { weight: 3, arbitrary: fc.record({ m: fc.constant("huge-varint" as const), at: fc.nat(), value: fc.constantFrom(...HUGE_VALUES) }) },
    { weight: 1, arbitrary: fc.record({ m: fc.constant("insert" as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: Math.min(64, sizes.maxRandomBytes) }) }) },
    { weight: 1, arbitrary: fc.record({ m: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 32 }) }) },
    { weight: 1, arbitrary: fc.record({ m: fc.constant("duplicate" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) }) },
  );

// ─── Real Yjs edits ────────────────────────────────────────────────────────────────────────

/** One edit on a document laid out like a work programme (plus a plain Y.Text `t`, which the honest test clients use). */
export type EditOp =
  | { op: "text"; at: number; text: string }
  | { op: "text-delete"; at: number; length: number }
  | { op: "format"; at: number; length: number; attribute: string }
  | { op: "paragraph"; at: number; text: string; depth: number; node: string }
  | { op: "xml-delete"; at: number; length: number }
  | { op: "map-set"; key: string; size: number; fill: string }
  | { op: "map-json"; key: string; value: unknown }
  | { op: "activity"; title: string; status: string; responsible: unknown[] }
  | { op: "milestone"; due: string };

const opArb = (sizes: FuzzSizes): fc.Arbitrary<EditOp> =>
  fc.oneof(
    { weight: 5, arbitrary: fc.record({ op: fc.constant("text" as const), at: fc.nat(), text: fc.string({ unit: "binary", maxLength: 40 }) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant("text-delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 20 }) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant("format" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 20 }), attribute: fc.constantFrom("bold", "italic", "link", "__proto__") }) },
    {
      weight: 3,
      arbitrary: fc.record({
        op: fc.constant("paragraph" as const),
        at: fc.nat(),
        text: fc.string({ maxLength: 30 }),
        // Mostly what the editor makes; sometimes around the server's depth limit (100); rarely far beyond.
        depth: fc.oneof(
          { weight: 20, arbitrary: fc.integer({ min: 1, max: 4 }) },
          { weight: 3, arbitrary: fc.integer({ min: 90, max: 110 }) },
          { weight: 1, arbitrary: fc.integer({ min: 5, max: sizes.maxDepth }) },
        ),
        node: fc.constantFrom("paragraph", "heading", "bulletList", "listItem", "table", "tableRow", "blockquote", "unknownNode", ""),
      }),
    },
    { weight: 1, arbitrary: fc.record({ op: fc.constant("xml-delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 5 }) }) },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant("map-set" as const),
        key: fc.constantFrom("big", "notes", "title", "__proto__", ""),
        size: fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 1, max: 1024 }) }, { weight: 1, arbitrary: fc.integer({ min: 1024, max: sizes.maxBigValue }) }),
        fill: fc.constantFrom("x", "ä", "😀", "\u0000"),
      }),
    },
    { weight: 1, arbitrary: fc.record({ op: fc.constant("map-json" as const), key: fc.string({ maxLength: 10 }), value: fc.jsonValue({ maxDepth: 3 }) }) },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant("activity" as const),
        title: fc.string({ maxLength: 40 }),
        status: fc.constantFrom("planned", "in_progress", "done", "bogus", ""),
        responsible: fc.array(fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.constant(null)), { maxLength: 4 }),
      }),
    },
    { weight: 1, arbitrary: fc.record({ op: fc.constant("milestone" as const), due: fc.constantFrom("2026-06-30", "2026-13-40", "", "not a date") }) },
  );

function applyOp(doc: Y.Doc, op: EditOp): void {
  const text = doc.getText("t");
  const content = doc.getXmlFragment(CONTENT_FIELD);
  switch (op.op) {
    case "text":
      return text.insert(op.at % (text.length + 1), op.text);
    case "text-delete": {
      if (text.length === 0) return;
      const at = op.at % text.length;
      return text.delete(at, Math.min(op.length, text.length - at));
    }
    case "format": {
      if (text.length === 0) return;
      const at = op.at % text.length;
      return text.format(at, Math.min(op.length, text.length - at), { [op.attribute]: true });
    }
    case "paragraph": {
      // Nested one level at a time into integrated elements: no recursion here, however deep.
      const outer = new Y.XmlElement(op.node || "paragraph");
      content.insert(op.at % (content.length + 1), [outer]);
      let current = outer;
      for (let d = 1; d < op.depth; d++) {
        const inner = new Y.XmlElement(op.node || "paragraph");
        current.insert(0, [inner]);
        current = inner;
      }
      current.insert(0, [new Y.XmlText(op.text)]);
      return;
    }
    case "xml-delete": {
      if (content.length === 0) return;
      const at = op.at % content.length;
      return content.delete(at, Math.min(op.length, content.length - at));
    }
    case "map-set":
      return void doc.getMap("m").set(op.key, op.fill.repeat(Math.max(1, Math.floor(op.size / Math.max(1, Buffer.byteLength(op.fill))))));
    case "map-json":
      return void doc.getMap("m").set(op.key, op.value as never);
    case "activity": {
      const activity = new Y.Map<unknown>();
      activity.set("id", `a${doc.getArray(ACTIVITIES_FIELD).length}`);
      activity.set("title", op.title);
      activity.set("status", op.status);
      activity.set("responsible", op.responsible);
      doc.getArray(ACTIVITIES_FIELD).push([activity]);
      return;
    }
    case "milestone": {
      const milestone = new Y.Map<unknown>();
      milestone.set("id", `m${doc.getArray(MILESTONES_FIELD).length}`);
      milestone.set("due", op.due);
      doc.getArray(MILESTONES_FIELD).push([milestone]);
      return;
    }
  }
}

/** Runs the edits on a fresh Y.Doc with this client id; one update per edit (edits that change nothing give none). */
export function updatesFromEdits(clientId: number, ops: readonly EditOp[]): { updates: Uint8Array[]; doc: Y.Doc } {
  const doc = new Y.Doc({ gc: true });
  doc.clientID = clientId;
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  for (const op of ops) doc.transact(() => applyOp(doc, op));
  return { updates, doc };
}

/** How a history's updates reach the server. */
export type Delivery =
  | { how: "in-order" }
  | { how: "merged" }
  | { how: "drop-first"; count: number }
  | { how: "reverse" }
  | { how: "shuffle"; seed: number }
  | { how: "v2" }
  | { how: "repeat"; times: number };

const deliveryArb: fc.Arbitrary<Delivery> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ how: "in-order" as const }) },
  { weight: 2, arbitrary: fc.constant({ how: "merged" as const }) },
  { weight: 2, arbitrary: fc.record({ how: fc.constant("drop-first" as const), count: fc.integer({ min: 1, max: 4 }) }) },
  { weight: 1, arbitrary: fc.constant({ how: "reverse" as const }) },
  { weight: 1, arbitrary: fc.record({ how: fc.constant("shuffle" as const), seed: fc.nat() }) },
  { weight: 1, arbitrary: fc.constant({ how: "v2" as const }) },
  { weight: 1, arbitrary: fc.record({ how: fc.constant("repeat" as const), times: fc.integer({ min: 2, max: 3 }) }) },
);

function deliver(updates: Uint8Array[], delivery: Delivery): Uint8Array[] {
  switch (delivery.how) {
    case "in-order":
      return updates;
    case "merged":
      return updates.length ? [Y.mergeUpdates(updates)] : [];
    case "drop-first":
      return updates.slice(Math.min(delivery.count, Math.max(0, updates.length - 1)));
    case "reverse":
      return [...updates].reverse();
    case "shuffle": {
      const out = [...updates];
      let s = delivery.seed | 0 || 1;
      for (let i = out.length - 1; i > 0; i--) {
        s = (Math.imul(s, 1103515245) + 12345) | 0;
        const j = (s >>> 8) % (i + 1);
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    }
    case "v2": // the V2 encoding where V1 is expected: well-formed bytes of the wrong format
      return updates.map((u) => Y.convertUpdateFormatV1ToV2(u));
    case "repeat":
      return Array.from({ length: delivery.times }, () => updates).flat();
  }
}

/**
 * Rewrites the client id and clock of the first struct group in a V1 update (the header
 * `numClients, numStructs, client, clock`). Items keep their origins, so a moved update
 * usually misses its predecessors and stays pending, or lands under someone else's id.
 */
export function retargetUpdate(update: Uint8Array, client: number, clock: number | null): Uint8Array {
  try {
    const decoder = decoding.createDecoder(update);
    const groups = decoding.readVarUint(decoder);
    if (groups === 0) return update;
    const structs = decoding.readVarUint(decoder);
    decoding.readVarUint(decoder); // old client
    const oldClock = decoding.readVarUint(decoder);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, groups);
    encoding.writeVarUint(encoder, structs);
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, clock ?? oldClock);
    encoding.writeUint8Array(encoder, update.subarray(decoder.pos));
    return encoding.toUint8Array(encoder);
  } catch {
    return update; // not a readable header (already mutated): leave it
  }
}

const literalClientArb: fc.Arbitrary<number> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 2 ** 32 - 1 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, 1, 2 ** 31, 2 ** 32 - 1, 2 ** 32, Number.MAX_SAFE_INTEGER) },
);

export const clientRefArb: fc.Arbitrary<ClientRef> = fc.oneof(
  { weight: 3, arbitrary: literalClientArb.map((id) => ({ ref: "literal" as const, id })) },
  { weight: 3, arbitrary: fc.constant({ ref: "own" as const }) },
  { weight: 2, arbitrary: fc.nat(3).map((index) => ({ ref: "honest" as const, index })) },
);

const clockRefArb: fc.Arbitrary<ClockRef> = fc.oneof(
  { weight: 2, arbitrary: fc.integer({ min: -2, max: 5 }).map((delta) => ({ ref: "known" as const, delta })) },
  { weight: 1, arbitrary: fc.oneof(fc.nat(1000), fc.constantFrom(...HUGE_VALUES)).map((clock) => ({ ref: "literal" as const, clock })) },
);

/** A sequence of Yjs updates from one real editing history, delivered and maybe damaged. */
export interface YjsHistory {
  clientId: number;
  ops: EditOp[];
  delivery: Delivery;
  /** Which sync step carries them: 1 = step 2 (the handshake answer), 2 = update. */
  step: 1 | 2;
  retarget: { client: ClientRef; clock: ClockRef | null } | null;
  /** Mutations applied to the update at index `target % count`. */
  damage: Array<{ target: number; mutation: ByteMutation }>;
}

const yjsHistoryArb = (sizes: FuzzSizes): fc.Arbitrary<YjsHistory> =>
  fc.record({
    clientId: literalClientArb.filter((id) => id > 0 && id < 2 ** 32),
    ops: fc.array(opArb(sizes), { minLength: 1, maxLength: sizes.maxOps }),
    delivery: deliveryArb,
    step: fc.constantFrom(1 as const, 2 as const, 2 as const),
    retarget: rarely(fc.record({ client: clientRefArb, clock: fc.option(clockRefArb, { nil: null }) })),
    damage: fc.oneof(
      { weight: 3, arbitrary: fc.constant<YjsHistory["damage"]>([]) },
      { weight: 2, arbitrary: fc.array(fc.record({ target: fc.nat(), mutation: byteMutationArb(sizes) }), { minLength: 1, maxLength: 3 }) },
    ),
  });

/** Many one-character updates, each after the previous one: with the first missing, all of them stay pending. */
export interface TinyUpdates {
  clientId: number;
  count: number;
  /** Drop the first update, so every later one misses its predecessor. */
  dropFirst: boolean;
  step: 1 | 2;
  retarget: { client: ClientRef; clock: ClockRef | null } | null;
}

export function tinyUpdates(plan: TinyUpdates): Uint8Array[] {
  const doc = new Y.Doc();
  doc.clientID = plan.clientId;
  const updates: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => updates.push(u));
  const text = doc.getText("t");
  for (let i = 0; i < plan.count; i++) text.insert(i, String.fromCharCode(97 + (i % 26)));
  doc.destroy();
  return plan.dropFirst ? updates.slice(1) : updates;
}

// ─── Single structs written by hand ────────────────────────────────────────────────────────

/**
 * One struct in the V1 update format, written field by field: every content kind Yjs knows
 * (0 GC, 1 Deleted, 2 JSON, 3 Binary, 4 String, 5 Embed, 6 Format, 7 Type, 8 Any, 9 Doc,
 * 10 Skip) and some it does not, with lengths of 0, 1 or far too many, origins that may
 * point at other clients, and a delete set of any ranges (zero-length, huge, in the future).
 */
export interface CraftedStruct {
  client: ClientRef;
  clock: ClockRef;
  contentRef: number;
  /** Origin and right origin (client, clock), or null. */
  origin: [ClientRef, number] | null;
  rightOrigin: [ClientRef, number] | null;
  /** Root type name when the struct has no origins ("t", "content", "m", or odd). */
  parent: string;
  /** Key in a map parent. */
  parentSub: string | null;
  /** Length or count for Deleted, GC, Skip, JSON and Any; string for String/Embed/Format/Doc. */
  length: number;
  text: string;
  typeRef: number;
  deletes: Array<[ClientRef, number, number]>;
}

const craftedStructArb: fc.Arbitrary<CraftedStruct> = fc.record({
  client: clientRefArb,
  clock: clockRefArb,
  contentRef: fc.oneof({ weight: 10, arbitrary: fc.nat(10) }, { weight: 1, arbitrary: fc.integer({ min: 11, max: 31 }) }),
  origin: fc.option(fc.tuple(clientRefArb, fc.oneof(fc.nat(20), fc.constantFrom(...HUGE_VALUES))), { nil: null }),
  rightOrigin: rarely(fc.tuple(clientRefArb, fc.nat(20))),
  parent: fc.constantFrom("t", "t", CONTENT_FIELD, ACTIVITIES_FIELD, "m", "", "__proto__"),
  parentSub: rarely(fc.constantFrom("k", "", "__proto__")),
  length: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(0, 1, 2) }, { weight: 1, arbitrary: fc.nat(100) }, { weight: 1, arbitrary: fc.constantFrom(...HUGE_VALUES) }),
  text: fc.oneof(fc.constant(""), fc.string({ maxLength: 8 }), fc.constantFrom("{", "null", "[]", "\ud800")),
  typeRef: fc.oneof(fc.nat(6), fc.integer({ min: 7, max: 300 })),
  deletes: fc.array(fc.tuple(clientRefArb, fc.oneof(fc.nat(20), fc.constantFrom(...HUGE_VALUES)), fc.oneof(fc.constantFrom(0, 1, 2), fc.constantFrom(...HUGE_VALUES))), { maxLength: 3 }),
});

export function encodeCraftedStruct(plan: CraftedStruct, ctx: FrameContext): Uint8Array {
  const e = encoding.createEncoder();
  const client = resolveClient(plan.client, ctx);
  encoding.writeVarUint(e, 1); // one client
  encoding.writeVarUint(e, 1); // one struct
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, resolveClock(plan.clock, client, ctx));
  const ref = plan.contentRef & 0x1f;
  if (ref === 0 || ref === 10) {
    encoding.writeUint8(e, ref); // GC / Skip: just a length
    encoding.writeVarUint(e, plan.length);
  } else {
    const info = ref | (plan.origin ? 0x80 : 0) | (plan.rightOrigin ? 0x40 : 0) | (plan.parentSub !== null ? 0x20 : 0);
    encoding.writeUint8(e, info);
    if (plan.origin) {
      encoding.writeVarUint(e, resolveClient(plan.origin[0], ctx));
      encoding.writeVarUint(e, plan.origin[1]);
    }
    if (plan.rightOrigin) {
      encoding.writeVarUint(e, resolveClient(plan.rightOrigin[0], ctx));
      encoding.writeVarUint(e, plan.rightOrigin[1]);
    }
    if (!plan.origin && !plan.rightOrigin) {
      encoding.writeVarUint(e, 1); // parent is a root type, by name
      encoding.writeVarString(e, plan.parent);
      if (plan.parentSub !== null) encoding.writeVarString(e, plan.parentSub);
    }
    const count = Math.min(plan.length, 4); // element counts beyond this are announced, not written
    switch (ref) {
      case 1: // Deleted
        encoding.writeVarUint(e, plan.length);
        break;
      case 2: // JSON
        encoding.writeVarUint(e, plan.length);
        for (let i = 0; i < count; i++) encoding.writeVarString(e, plan.text);
        break;
      case 3: // Binary
        encoding.writeVarUint8Array(e, new Uint8Array(Math.min(plan.length, 64)));
        break;
      case 4: // String
      case 5: // Embed
      case 9: // Doc (guid), options follow as "any"
        encoding.writeVarString(e, plan.text);
        if (ref === 9) encoding.writeAny(e, {});
        break;
      case 6: // Format: key, value
        encoding.writeVarString(e, plan.text);
        encoding.writeVarString(e, plan.text);
        break;
      case 7: // Type
        encoding.writeVarUint(e, plan.typeRef);
        if (plan.typeRef === 3 || plan.typeRef === 5) encoding.writeVarString(e, plan.text || "paragraph");
        break;
      case 8: // Any
        encoding.writeVarUint(e, plan.length);
        for (let i = 0; i < count; i++) encoding.writeAny(e, plan.text);
        break;
      default:
        encoding.writeVarUint(e, plan.length);
    }
  }
  const byClient = new Map<number, Array<[number, number]>>();
  for (const [ref, clock, length] of plan.deletes) {
    const id = resolveClient(ref, ctx);
    byClient.set(id, [...(byClient.get(id) ?? []), [clock, length]]);
  }
  encoding.writeVarUint(e, byClient.size);
  for (const [id, ranges] of byClient) {
    encoding.writeVarUint(e, id);
    encoding.writeVarUint(e, ranges.length);
    for (const [clock, length] of ranges) {
      encoding.writeVarUint(e, clock);
      encoding.writeVarUint(e, length);
    }
  }
  return encoding.toUint8Array(e);
}

// ─── State vectors and awareness ───────────────────────────────────────────────────────────

const stateVectorArb = (sizes: FuzzSizes): fc.Arbitrary<Uint8Array> =>
  fc.oneof(
    { weight: 2, arbitrary: fc.constant(new Uint8Array([0])) },
    {
      weight: 2,
      arbitrary: fc.array(fc.tuple(literalClientArb, fc.oneof(fc.nat(100), fc.constantFrom(...HUGE_VALUES))), { maxLength: 6 }).map((entries) => {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, entries.length);
        for (const [client, clock] of entries) {
          encoding.writeVarUint(encoder, client);
          encoding.writeVarUint(encoder, clock);
        }
        return encoding.toUint8Array(encoder);
      }),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...HUGE_VALUES).map((count) => {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, count); // claims far more entries than follow
        encoding.writeVarUint(encoder, 1);
        encoding.writeVarUint(encoder, 1);
        return encoding.toUint8Array(encoder);
      }),
    },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: sizes.maxRandomBytes }) },
    {
      weight: 1,
      arbitrary: fc
        .array(opArb(sizes), { minLength: 1, maxLength: 3 })
        .chain((ops) => literalClientArb.filter((id) => id > 0 && id < 2 ** 32).map((clientId) => ({ clientId, ops })))
        .map(({ clientId, ops }) => {
          const { doc } = updatesFromEdits(clientId, ops);
          const sv = Y.encodeStateVector(doc);
          doc.destroy();
          return sv;
        }),
    },
  );

/** An awareness state string: what y-protocols sends, and what it never would. */
const stateStringArb = (sizes: FuzzSizes): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.record({ cursor: fc.option(fc.record({ anchor: fc.jsonValue({ maxDepth: 2 }), head: fc.jsonValue({ maxDepth: 2 }) })), user: fc.option(fc.record({ name: fc.string({ maxLength: 20 }), color: fc.string({ maxLength: 10 }) })) }).map((s) => JSON.stringify(s)) },
    { weight: 2, arbitrary: fc.constant("null") },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? "null") },
    { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 64 }) }, // mostly not JSON
    { weight: 1, arbitrary: fc.constantFrom("{", "{\"user\":", "[1,2", "\"\\ud800\"", "{\"__proto__\":{\"polluted\":1}}", "{\"constructor\":{\"prototype\":{}}}", "") },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: sizes.maxStateLength }).map((n) => JSON.stringify({ user: { name: "x".repeat(n) } })) },
    // Deep nesting: JSON.parse copes, recursive walks (JSON.stringify) may not.
    { weight: 1, arbitrary: fc.integer({ min: 100, max: 20_000 }).map((depth) => `{"a":${"[".repeat(depth)}${"]".repeat(depth)}}`) },
  );

export interface AwarenessEntryPlan {
  client: ClientRef;
  clock: number;
  state: string;
}

export interface AwarenessPlan {
  entries: AwarenessEntryPlan[];
  /** Written instead of the true entry count. */
  countOverride: number | null;
  /** Bytes cut off the end of the encoded update. */
  cut: number;
}

const awarenessArb = (sizes: FuzzSizes): fc.Arbitrary<AwarenessPlan> =>
  fc.record({
    entries: fc.array(
      fc.record({
        client: clientRefArb,
        clock: fc.oneof({ weight: 4, arbitrary: fc.nat(50) }, { weight: 1, arbitrary: fc.constantFrom(...HUGE_VALUES) }),
        state: stateStringArb(sizes),
      }),
      { maxLength: 4 },
    ),
    countOverride: rarely(fc.oneof(fc.nat(8), fc.constantFrom(1000, 1001, 2 ** 32, Number.MAX_SAFE_INTEGER))),
    cut: fc.oneof({ weight: 6, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 8 }) }),
  });

export function encodeAwarenessPlan(plan: AwarenessPlan, ctx: FrameContext): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, plan.countOverride ?? plan.entries.length);
  for (const entry of plan.entries) {
    encoding.writeVarUint(encoder, resolveClient(entry.client, ctx));
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.state);
  }
  const bytes = encoding.toUint8Array(encoder);
  return bytes.subarray(0, Math.max(0, bytes.length - plan.cut));
}

// ─── WebSocket frames written by hand ──────────────────────────────────────────────────────

export interface WireFrame {
  fin: boolean;
  rsv: number;
  opcode: number;
  masked: boolean;
  /** How the payload length is written: minimal, needlessly long, or claiming more than the server accepts. */
  length: "natural" | "ext16" | "ext64" | "huge";
  payload: Uint8Array;
  maskKey: number;
}

const wireFrameArb = (sizes: FuzzSizes): fc.Arbitrary<WireFrame> =>
  fc.record({
    fin: fc.boolean(),
    rsv: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.nat(7) }),
    opcode: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(0x0, 0x1, 0x2, 0x8, 0x9, 0xa) }, { weight: 1, arbitrary: fc.nat(15) }),
    masked: fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    length: fc.constantFrom("natural" as const, "natural" as const, "ext16" as const, "ext64" as const, "huge" as const),
    payload: fc.oneof(fc.uint8Array({ maxLength: 140 }), fc.uint8Array({ maxLength: sizes.maxRandomBytes })),
    maskKey: fc.nat(),
  });

/** Encodes a client-to-server WebSocket frame (RFC 6455 §5.2), faithfully or not. */
export function encodeWireFrame(frame: WireFrame): Uint8Array {
  const head: number[] = [(frame.fin ? 0x80 : 0) | ((frame.rsv & 7) << 4) | (frame.opcode & 0xf)];
  const maskBit = frame.masked ? 0x80 : 0;
  const n = frame.payload.length;
  if (frame.length === "huge") {
    head.push(maskBit | 127, 0, 0, 0, 1, 0, 0, 0, 0); // 2^32 bytes announced
  } else if (frame.length === "ext64" || (frame.length === "natural" && n > 0xffff)) {
    head.push(maskBit | 127, 0, 0, 0, 0, (n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
  } else if (frame.length === "ext16" || n > 125) {
    head.push(maskBit | 126, (n >>> 8) & 0xff, n & 0xff);
  } else head.push(maskBit | n);
  const mask = [(frame.maskKey >>> 24) & 0xff, (frame.maskKey >>> 16) & 0xff, (frame.maskKey >>> 8) & 0xff, frame.maskKey & 0xff];
  if (frame.masked) head.push(...mask);
  const payload = frame.masked ? frame.payload.map((b, i) => b ^ mask[i % 4]!) : frame.payload;
  return concat([Uint8Array.from(head), payload]);
}

// ─── Frames and sequences ──────────────────────────────────────────────────────────────────

export type FramePlan =
  | { type: "sync-step1"; stateVector: Uint8Array }
  | { type: "yjs"; history: YjsHistory }
  | { type: "tiny"; plan: TinyUpdates }
  | { type: "struct"; plan: CraftedStruct; step: 1 | 2 }
  | { type: "sync-raw"; step: number; payload: Uint8Array; prefixed: boolean }
  | { type: "awareness"; plan: AwarenessPlan }
  | { type: "query-awareness"; trailing: Uint8Array }
  | { type: "message"; messageType: number; payload: Uint8Array }
  | { type: "random"; bytes: Uint8Array }
  | { type: "text"; text: string }
  | { type: "empty" }
  | { type: "ping"; payload: Uint8Array }
  | { type: "wire"; frame: WireFrame }
  | { type: "mutated"; base: FramePlan; mutations: ByteMutation[] }
  /** A message exactly as sent before (never generated: used to replay a failing batch). */
  | { type: "recorded"; message: WireMessage };

/** What actually goes on the socket, in order. */
export type WireMessage = { kind: "binary"; bytes: Uint8Array } | { kind: "text"; text: string } | { kind: "ping"; bytes: Uint8Array } | { kind: "raw"; bytes: Uint8Array };

const envelope = (type: number, write: (encoder: encoding.Encoder) => void) => {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
};

export const syncStep1Frame = (stateVector: Uint8Array) =>
  envelope(MESSAGE_SYNC, (e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint8Array(e, stateVector);
  });

const syncUpdateFrame = (step: number, update: Uint8Array) =>
  envelope(MESSAGE_SYNC, (e) => {
    encoding.writeVarUint(e, step);
    encoding.writeVarUint8Array(e, update);
  });

/** Cache of generated histories: a value is encoded more than once when fast-check reports or shrinks it. */
const historyCache = new WeakMap<object, Uint8Array[]>();

function historyUpdates(history: YjsHistory): Uint8Array[] {
  let updates = historyCache.get(history);
  if (!updates) {
    const edited = updatesFromEdits(history.clientId, history.ops);
    edited.doc.destroy();
    updates = deliver(edited.updates, history.delivery);
    historyCache.set(history, updates);
  }
  return updates;
}

function retargeted(update: Uint8Array, retarget: YjsHistory["retarget"], ctx: FrameContext): Uint8Array {
  if (!retarget) return update;
  const client = resolveClient(retarget.client, ctx);
  return retargetUpdate(update, client, retarget.clock ? resolveClock(retarget.clock, client, ctx) : null);
}

/** Turns a frame plan into the messages to send, resolving symbolic ids with `ctx`. */
export function encodeFrame(plan: FramePlan, ctx: FrameContext): WireMessage[] {
  switch (plan.type) {
    case "sync-step1":
      return [{ kind: "binary", bytes: syncStep1Frame(plan.stateVector) }];
    case "yjs": {
      const { history } = plan;
      const updates = historyUpdates(history);
      return updates.map((update, i) => {
        let bytes = retargeted(update, history.retarget, ctx);
        for (const d of history.damage) if (d.target % updates.length === i) bytes = applyMutation(bytes, d.mutation);
        return { kind: "binary" as const, bytes: syncUpdateFrame(history.step, bytes) };
      });
    }
    case "struct":
      return [{ kind: "binary", bytes: syncUpdateFrame(plan.step, encodeCraftedStruct(plan.plan, ctx)) }];
    case "tiny":
      return tinyUpdates(plan.plan).map((update) => ({ kind: "binary" as const, bytes: syncUpdateFrame(plan.plan.step, retargeted(update, plan.plan.retarget, ctx)) }));
    case "sync-raw":
      return [
        {
          kind: "binary",
          bytes: envelope(MESSAGE_SYNC, (e) => {
            encoding.writeVarUint(e, plan.step);
            if (plan.prefixed) encoding.writeVarUint8Array(e, plan.payload);
            else encoding.writeUint8Array(e, plan.payload);
          }),
        },
      ];
    case "awareness":
      return [{ kind: "binary", bytes: envelope(MESSAGE_AWARENESS, (e) => encoding.writeVarUint8Array(e, encodeAwarenessPlan(plan.plan, ctx))) }];
    case "query-awareness":
      return [{ kind: "binary", bytes: envelope(MESSAGE_QUERY_AWARENESS, (e) => encoding.writeUint8Array(e, plan.trailing)) }];
    case "message":
      return [{ kind: "binary", bytes: envelope(plan.messageType, (e) => encoding.writeUint8Array(e, plan.payload)) }];
    case "random":
      return [{ kind: "binary", bytes: plan.bytes }];
    case "text":
      return [{ kind: "text", text: plan.text }];
    case "empty":
      return [{ kind: "binary", bytes: new Uint8Array(0) }];
    case "ping":
      return [{ kind: "ping", bytes: plan.payload }];
    case "wire":
      return [{ kind: "raw", bytes: encodeWireFrame(plan.frame) }];
    case "recorded":
      return [plan.message];
    case "mutated":
      return encodeFrame(plan.base, ctx).map((message) => {
        if (message.kind !== "binary") return message;
        let bytes = message.bytes;
        for (const mutation of plan.mutations) bytes = applyMutation(bytes, mutation);
        return { kind: "binary" as const, bytes };
      });
  }
}

const tinyArb = (sizes: FuzzSizes): fc.Arbitrary<TinyUpdates> =>
  fc.record({
    clientId: literalClientArb.filter((id) => id > 0 && id < 2 ** 32),
    count: fc.integer({ min: 2, max: sizes.maxTinyUpdates }),
    dropFirst: fc.boolean(),
    step: fc.constantFrom(1 as const, 2 as const),
    retarget: rarely(fc.record({ client: clientRefArb, clock: fc.option(clockRefArb, { nil: null }) })),
  });

/** One frame (or one scenario of several frames, such as a history or a pending flood). */
export const framePlanArb = (sizes: FuzzSizes): fc.Arbitrary<FramePlan> => {
  const base: fc.Arbitrary<FramePlan> = fc.oneof(
    { weight: 3, arbitrary: stateVectorArb(sizes).map((stateVector) => ({ type: "sync-step1" as const, stateVector })) },
    { weight: 8, arbitrary: yjsHistoryArb(sizes).map((history) => ({ type: "yjs" as const, history })) },
    { weight: 1, arbitrary: tinyArb(sizes).map((plan) => ({ type: "tiny" as const, plan })) },
    { weight: 3, arbitrary: fc.record({ type: fc.constant("struct" as const), plan: craftedStructArb, step: fc.constantFrom(1 as const, 2 as const) }) },
    {
      weight: 2,
      arbitrary: fc.record({
        type: fc.constant("sync-raw" as const),
        step: fc.oneof(fc.constantFrom(0, 1, 2), fc.integer({ min: 3, max: 300 }), fc.constantFrom(...HUGE_VALUES)),
        payload: fc.uint8Array({ maxLength: sizes.maxRandomBytes }),
        prefixed: fc.boolean(),
      }),
    },
    { weight: 5, arbitrary: awarenessArb(sizes).map((plan) => ({ type: "awareness" as const, plan })) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 8 }).map((trailing) => ({ type: "query-awareness" as const, trailing })) },
    {
      weight: 2,
      arbitrary: fc.record({
        type: fc.constant("message" as const),
        messageType: fc.oneof(fc.constantFrom(MESSAGE_AUTH, MESSAGE_SAVED, 4, 99, 101, 127, 128), fc.nat(1000), fc.constantFrom(...HUGE_VALUES)),
        payload: fc.uint8Array({ maxLength: 64 }),
      }),
    },
    { weight: 2, arbitrary: fc.uint8Array({ maxLength: sizes.maxRandomBytes }).map((bytes) => ({ type: "random" as const, bytes })) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 64 }).map((text) => ({ type: "text" as const, text })) },
    { weight: 1, arbitrary: fc.constant({ type: "empty" as const }) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 125 }).map((payload) => ({ type: "ping" as const, payload })) },
    { weight: 1, arbitrary: wireFrameArb(sizes).map((frame) => ({ type: "wire" as const, frame })) },
  );
  return fc.oneof(
    { weight: 5, arbitrary: base },
    { weight: 1, arbitrary: fc.record({ type: fc.constant("mutated" as const), base, mutations: fc.array(byteMutationArb(sizes), { minLength: 1, maxLength: 3 }) }) },
  );
};

export interface FrameSequence {
  /** A well-behaved first step 1 (as every real client sends) before the rest. */
  handshake: boolean;
  frames: FramePlan[];
  /** Afterwards: keep the socket for the next sequence, close it properly, or drop it. */
  ending: "keep" | "close" | "terminate";
  /** Sent by a member (write access) or an observer (read-only). */
  role: "writer" | "reader";
}

export const frameSequenceArb = (sizes: FuzzSizes): fc.Arbitrary<FrameSequence> =>
  fc.record({
    handshake: fc.boolean(),
    frames: fc.array(framePlanArb(sizes), { minLength: 1, maxLength: sizes.maxChunks }),
    ending: fc.constantFrom("keep" as const, "keep" as const, "keep" as const, "close" as const, "terminate" as const),
    role: fc.constantFrom("writer" as const, "writer" as const, "writer" as const, "reader" as const),
  });

// ─── Upgrade requests on a raw TCP socket ──────────────────────────────────────────────────

/** Values that depend on the running server. */
export interface UpgradeContext {
  /** host:port the server listens on. */
  host: string;
  /** The server's own origin, e.g. http://127.0.0.1:1234 */
  origin: string;
  /** A valid session cookie value (of a member of `docName`'s network). */
  sessionCookie: string;
  /** A document the session may edit. */
  docName: string;
}

export type Piece = { lit: string } | { ref: "host" | "origin" | "session" | "doc" | "wskey" };

/** An upgrade request as data: a request line, header lines (duplicates allowed), and how it ends. */
export interface UpgradeRequestPlan {
  method: string;
  target: Piece[];
  version: string;
  headers: Array<[string, Piece[]]>;
  body: string;
  /** null: send everything; otherwise send only this share (‰) of the bytes. */
  cutPermille: number | null;
  /** After sending: wait for the answer, half-close (FIN) at once, or reset. */
  ending: "wait" | "end" | "destroy";
  lineEnd: "\r\n" | "\n";
}

const lit = (s: string): Piece => ({ lit: s });

const MALFORMED_ESCAPES = [
  "%E0%A4%A",
  "%",
  "%%",
  "%Z",
  "%ZZ",
  "%G0",
  "%E0%A4",
  "%C0%AF", // overlong "/"
  "%C0%AE%C0%AE", // overlong ".."
  "%E0%80%AF",
  "%ED%A0%80", // a UTF-16 surrogate
  "%F4%90%80%80", // beyond U+10FFFF
  "%FF",
  "%FE%FF",
  "%00",
  "%0D%0A",
  "%2F",
  "%2e%2e",
  "%252e",
  "%u2215",
  "..",
  "../",
  "./",
  "\u0000",
  "%C3%A4",
] as const;

const docNamePieceArb: fc.Arbitrary<Piece[]> = fc.oneof(
  { weight: 4, arbitrary: fc.constant<Piece[]>([{ ref: "doc" as const }]) },
  {
    weight: 4,
    arbitrary: fc.array(fc.oneof(fc.constantFrom(...MALFORMED_ESCAPES), fc.string({ unit: "grapheme-ascii", maxLength: 8 })), { minLength: 1, maxLength: 6 }).map((parts) => [lit(parts.join(""))]),
  },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...MALFORMED_ESCAPES), fc.boolean()).map(([escape, before]) => (before ? [lit(escape), { ref: "doc" as const }] : [{ ref: "doc" as const }, lit(escape)])) },
  { weight: 1, arbitrary: fc.string({ unit: "binary-ascii", maxLength: 40 }).map((s) => [lit(s)]) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 20 }).map((s) => [lit(s)]) },
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 20_000 }).map((n) => [lit("workprogramme." + "a".repeat(n))]) },
  { weight: 1, arbitrary: fc.constantFrom("workprogramme.", "workprogramme", ".x", "WORKPROGRAMME.x", "unknowntype.abc", "workprogramme.00000000-0000-0000-0000-000000000000", "workprogramme.a.b").map((s) => [lit(s)]) },
);

const queryArb: fc.Arbitrary<Piece[]> = fc.oneof(
  { weight: 6, arbitrary: fc.constant<Piece[]>([]) },
  { weight: 1, arbitrary: fc.constantFrom("?ack=1", "?ack=0", "?ack=1&ack=1", "?ack", "?=&&=", "?ack=%E0%A4%A", "?%", "#frag", "?a=" + "b".repeat(3000)).map((q) => [lit(q)]) },
  { weight: 1, arbitrary: fc.string({ unit: "binary-ascii", maxLength: 30 }).map((q) => [lit(`?${q}`)]) },
);

const targetArb: fc.Arbitrary<Piece[]> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.constantFrom("/collab/", "/collab/", "/collab//", "/collab/../collab/"), docNamePieceArb, queryArb).map(([prefix, name, query]) => [lit(prefix), ...name, ...query]) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom("/", "/healthz", "/collab", "/collab%2F", "/collabx/a.b", "//collab/x", "/COLLAB/workprogramme.x", "/socket.io/?EIO=4&transport=websocket", "/socket.io/", "*", "", "/login", "/%", "/%E0%A4%A", "/collab/%E0%A4%A/../x")
      .map((s) => [lit(s)]),
  },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom("http://", "ws://", "https://"), fc.constantFrom("evil.example", "127.0.0.1", "[::1]")).map(([scheme, host]) => [lit(`${scheme}${host}/collab/`), { ref: "doc" as const }]) },
  { weight: 1, arbitrary: fc.string({ unit: "binary-ascii", maxLength: 60 }).map((s) => [lit(s)]) },
);

/** Header values: valid, empty, junk, odd bytes (control characters, Latin-1, obs-fold). */
const oddValueArb: fc.Arbitrary<string> = fc.oneof(
  fc.constant(""),
  fc.string({ unit: "binary-ascii", maxLength: 40 }),
  fc.constantFrom("\u0000", "\u007f", "\u00ff\u00fe", "a\rb", "a\nb", "a\r\n b", " ", "\t", "%E0%A4%A", "x".repeat(9000)),
);

const wsKeyArb: fc.Arbitrary<Piece[]> = fc.oneof(
  { weight: 6, arbitrary: fc.constant<Piece[]>([{ ref: "wskey" as const }]) },
  { weight: 1, arbitrary: fc.constantFrom("", "dGhlIHNhbXBsZSBub25jZQ", "not base64 !!", "AAAAAAAAAAAAAAAAAAAAAA==", "A".repeat(200)).map((s) => [lit(s)]) },
  { weight: 1, arbitrary: oddValueArb.map((s) => [lit(s)]) },
);

type HeaderChoice = Array<[string, Piece[]]>;

/** One header: usually present with a sensible value, sometimes missing, odd or duplicated. */
function headerArb(name: string, good: fc.Arbitrary<Piece[]>, odd: fc.Arbitrary<Piece[]>): fc.Arbitrary<HeaderChoice> {
  return fc.oneof(
    { weight: 12, arbitrary: good.map((v): HeaderChoice => [[name, v]]) },
    { weight: 1, arbitrary: fc.constant([] as HeaderChoice) },
    { weight: 1, arbitrary: odd.map((v): HeaderChoice => [[name, v]]) },
    { weight: 1, arbitrary: fc.tuple(fc.oneof(good, odd), fc.oneof(good, odd)).map(([a, b]): HeaderChoice => [[name, a], [name, b]]) },
  );
}

const cookieArb: fc.Arbitrary<Piece[]> = fc.oneof(
  { weight: 2, arbitrary: fc.constant<Piece[]>([lit("ca_session="), { ref: "session" as const }]) },
  { weight: 1, arbitrary: fc.constantFrom("ca_session=", "ca_session=%E0%A4%A", "ca_session=x; ca_session=y", "ca_session", "=;;=", "ca_session=" + "A".repeat(5000), "ca_session=\"quoted\"").map((s) => [lit(s)]) },
  { weight: 1, arbitrary: fc.constant<Piece[]>([lit("ca_session=junk; ca_session="), { ref: "session" as const }]) },
);

const originValueArb: fc.Arbitrary<Piece[]> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<Piece[]>([{ ref: "origin" as const }]) },
  { weight: 1, arbitrary: fc.constantFrom("http://evil.example", "null", "http://127.0.0.1:1", "file://", "http://[::1", "https://127.0.0.1").map((s) => [lit(s)]) },
  { weight: 1, arbitrary: fc.constant<Piece[]>([lit("http://"), { ref: "host" as const }]) },
);

const hostValueArb: fc.Arbitrary<Piece[]> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<Piece[]>([{ ref: "host" as const }]) },
  { weight: 1, arbitrary: fc.constantFrom("evil.example", "[::1]:99999", "127.0.0.1:0", "a b", "", "localhost").map((s) => [lit(s)]) },
);

const extraHeaderArb: fc.Arbitrary<HeaderChoice> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<HeaderChoice>(
    [["Sec-WebSocket-Protocol", [lit("vite-hmr")]]],
    [["Sec-WebSocket-Protocol", [lit("a, b, , c")]]],
    [["Sec-WebSocket-Extensions", [lit("permessage-deflate; client_max_window_bits; server_max_window_bits=8")]]],
    [["Sec-WebSocket-Extensions", [lit("permessage-deflate; x=\"")]]],
    [["Content-Length", [lit("0")]]],
    [["Content-Length", [lit("-1")]]],
    [["Content-Length", [lit("abc")]]],
    [["Transfer-Encoding", [lit("chunked")]]],
    [["Content-Length", [lit("5")]], ["Transfer-Encoding", [lit("chunked")]]],
    [["X-Forwarded-For", [lit("1.2.3.4, ::1, junk")]]],
    [["Expect", [lit("100-continue")]]],
    [["Accept-Language", [lit("de;q=x, *;q=1.5")]]],
  ) },
  { weight: 2, arbitrary: fc.tuple(fc.string({ unit: "binary-ascii", minLength: 1, maxLength: 12 }), oddValueArb).map(([name, value]): HeaderChoice => [[name, [lit(value)]]]) },
  { weight: 1, arbitrary: fc.integer({ min: 50, max: 300 }).map((n): HeaderChoice => Array.from({ length: n }, (_, i): [string, Piece[]] => [`X-Many-${i}`, [lit("1")]])) },
);

const upgradeFieldsArb = fc.record({
    method: fc.oneof({ weight: 12, arbitrary: fc.constant("GET") }, { weight: 1, arbitrary: fc.constantFrom("POST", "HEAD", "OPTIONS", "CONNECT", "get", "G ET", "") }, { weight: 1, arbitrary: fc.string({ unit: "binary-ascii", maxLength: 8 }) }),
    target: targetArb,
    version: fc.oneof({ weight: 12, arbitrary: fc.constant("HTTP/1.1") }, { weight: 2, arbitrary: fc.constantFrom("HTTP/1.0", "HTTP/2.0", "HTTP/0.9", "HTTP/1.1x", "http/1.1", "HTTP/", "") }),
    host: headerArb("Host", hostValueArb, oddValueArb.map((s) => [lit(s)])),
    upgrade: headerArb("Upgrade", fc.constant([lit("websocket")]), fc.constantFrom("WebSocket", "h2c", "websocket, h2c", "").map((s) => [lit(s)])),
    connection: headerArb("Connection", fc.constant([lit("Upgrade")]), fc.constantFrom("keep-alive", "close", "upgrade, keep-alive", "Upgrade, close", "").map((s) => [lit(s)])),
    key: headerArb("Sec-WebSocket-Key", wsKeyArb, wsKeyArb),
    version13: headerArb("Sec-WebSocket-Version", fc.constant([lit("13")]), fc.constantFrom("8", "", "13, 13", "14", "abc", "-1", "1".repeat(400)).map((s) => [lit(s)])),
    origin: fc.oneof({ weight: 2, arbitrary: headerArb("Origin", originValueArb, oddValueArb.map((s) => [lit(s)])) }, { weight: 1, arbitrary: fc.constant([] as HeaderChoice) }),
    cookie: fc.oneof({ weight: 3, arbitrary: headerArb("Cookie", cookieArb, oddValueArb.map((s) => [lit(s)])) }, { weight: 1, arbitrary: fc.constant([] as HeaderChoice) }),
    extras: fc.oneof({ weight: 3, arbitrary: fc.constant<HeaderChoice[]>([]) }, { weight: 1, arbitrary: fc.array(extraHeaderArb, { minLength: 1, maxLength: 3 }) }),
    shuffle: fc.nat(),
    caseMangle: fc.oneof({ weight: 7, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    body: fc.oneof({ weight: 8, arbitrary: fc.constant("") }, { weight: 1, arbitrary: fc.string({ unit: "binary-ascii", maxLength: 64 }) }),
    cutPermille: rarely(fc.nat(999)),
    ending: fc.oneof({ weight: 6, arbitrary: fc.constant("wait" as const) }, { weight: 1, arbitrary: fc.constantFrom("end" as const, "destroy" as const) }),
    lineEnd: fc.oneof({ weight: 12, arbitrary: fc.constant("\r\n" as const) }, { weight: 1, arbitrary: fc.constant("\n" as const) }),
  });
type UpgradeFields = typeof upgradeFieldsArb extends fc.Arbitrary<infer F> ? F : never;

/** A request an honest browser would send (for the one-defect mode). */
const WELL_FORMED: UpgradeFields = {
  method: "GET",
  target: [lit("/collab/"), { ref: "doc" }],
  version: "HTTP/1.1",
  host: [["Host", [{ ref: "host" }]]],
  upgrade: [["Upgrade", [lit("websocket")]]],
  connection: [["Connection", [lit("Upgrade")]]],
  key: [["Sec-WebSocket-Key", [{ ref: "wskey" }]]],
  version13: [["Sec-WebSocket-Version", [lit("13")]]],
  origin: [["Origin", [{ ref: "origin" }]]],
  cookie: [["Cookie", [lit("ca_session="), { ref: "session" }]]],
  extras: [],
  shuffle: 1,
  caseMangle: false,
  body: "",
  cutPermille: null,
  ending: "wait",
  lineEnd: "\r\n",
};
const FIELDS = Object.keys(WELL_FORMED) as Array<keyof UpgradeFields>;

/**
 * Upgrade requests in three modes: chaos (every part drawn independently: most die in the
 * HTTP parser or the router), one defect (a browser's request with one part replaced: these
 * reach the gate and the collab server), and well-formed (they get a WebSocket).
 */
export const upgradeRequestArb: fc.Arbitrary<UpgradeRequestPlan> = fc
  .record({
    fields: upgradeFieldsArb,
    mode: fc.oneof({ weight: 5, arbitrary: fc.constant("chaos" as const) }, { weight: 4, arbitrary: fc.constant("one-defect" as const) }, { weight: 1, arbitrary: fc.constant("well-formed" as const) }),
    defect: fc.nat(FIELDS.length - 1),
  })
  .map(({ fields, mode, defect }) => {
    if (mode === "chaos") return fields;
    if (mode === "well-formed") return WELL_FORMED;
    const key = FIELDS[defect]!;
    return { ...WELL_FORMED, [key]: fields[key] } as UpgradeFields;
  })
  .map((r) => {
    const headers = [...r.host, ...r.upgrade, ...r.connection, ...r.key, ...r.version13, ...r.origin, ...r.cookie, ...r.extras.flat()];
    // A little reordering and case mangling: header order and case must not matter.
    if (headers.length > 1 && r.shuffle % 3 === 0) {
      const i = r.shuffle % headers.length;
      const j = (r.shuffle >>> 4) % headers.length;
      [headers[i], headers[j]] = [headers[j]!, headers[i]!];
    }
    const mangled = r.caseMangle ? headers.map(([name, value]): [string, Piece[]] => [name.toUpperCase(), value]) : headers;
    return { method: r.method, target: r.target, version: r.version, headers: mangled, body: r.body, cutPermille: r.cutPermille, ending: r.ending, lineEnd: r.lineEnd } satisfies UpgradeRequestPlan;
  });

function resolvePiece(piece: Piece, ctx: UpgradeContext, key: string): string {
  if ("lit" in piece) return piece.lit;
  switch (piece.ref) {
    case "host":
      return ctx.host;
    case "origin":
      return ctx.origin;
    case "session":
      return ctx.sessionCookie;
    case "doc":
      return ctx.docName;
    case "wskey":
      return key;
  }
}

/** The request's bytes (Latin-1: every char code below 256 becomes one byte, others are UTF-8 encoded). */
export function renderUpgradeRequest(plan: UpgradeRequestPlan, ctx: UpgradeContext, wsKey = "dGhlIHNhbXBsZSBub25jZQ=="): Buffer {
  const join = (pieces: Piece[]) => pieces.map((p) => resolvePiece(p, ctx, wsKey)).join("");
  const eol = plan.lineEnd;
  let text = `${plan.method} ${join(plan.target)} ${plan.version}${eol}`;
  for (const [name, value] of plan.headers) text += `${name}: ${join(value)}${eol}`;
  text += eol + plan.body;
  const bytes = Buffer.from(
    Array.from(text).flatMap((ch) => {
      const code = ch.codePointAt(0)!;
      return code < 256 ? [code] : [...Buffer.from(ch, "utf8")];
    }),
  );
  return plan.cutPermille === null ? bytes : bytes.subarray(0, Math.floor((bytes.length * plan.cutPermille) / 1000));
}

// ─── Reporting ─────────────────────────────────────────────────────────────────────────────

/** A short, pasteable description of a message: kind, length and the first bytes in hex. */
export function describeMessage(message: WireMessage, max = 48): string {
  if (message.kind === "text") return `text ${JSON.stringify(message.text.slice(0, max))}${message.text.length > max ? "…" : ""} (${message.text.length} chars)`;
  const hex = Buffer.from(message.bytes.subarray(0, max)).toString("hex");
  return `${message.kind} ${message.bytes.length} B ${hex}${message.bytes.length > max ? "…" : ""}`;
}

/** The request as a JS string literal, shortened. */
export function describeRequest(bytes: Buffer, max = 400): string {
  const text = bytes.toString("latin1");
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…(${text.length} bytes)` : text);
}
