/**
 * Looks at a client's Yjs update BEFORE it touches the room's document, because Yjs cannot
 * take an applied update back. It answers three questions:
 *  - which client ids does the update add new content for (so the server can check that
 *    they belong to the sender),
 *  - how deep does it nest types and JSON values (deeper than the editor's schema allows
 *    would break every recursive walk later: derivation, exports, other people's editors),
 *  - can the new nested types be placed at all (a type whose parent is missing would sit
 *    in Yjs's pending store, unchecked, until the missing piece arrives).
 *
 * Everything here is iterative and bounded by the update's size: no input can reach a
 * recursion limit, and the cost is one decode plus one short parent walk per new type.
 */
import * as Y from "yjs";

export type UpdateVerdict =
  | { ok: true; newContentBy: ReadonlySet<number> }
  | { ok: false; reason: "too-deep" | "unplaceable-type" | "subdocument" | "empty-struct" | "unknown-deletion" | "split-character" };

type Struct = Y.Item | Y.GC | Y.Skip;
type ItemId = { client: number; clock: number };

const isId = (value: unknown): value is ItemId =>
  typeof value === "object" && value !== null && typeof (value as ItemId).client === "number" && typeof (value as ItemId).clock === "number";

/** Structs of the update by client, sorted by clock, for finding the one that holds an id. */
class UpdateIndex {
  private readonly byClient = new Map<number, Struct[]>();

  constructor(structs: Struct[]) {
    for (const struct of structs) {
      const list = this.byClient.get(struct.id.client);
      if (list) list.push(struct);
      else this.byClient.set(struct.id.client, [struct]);
    }
    for (const list of this.byClient.values()) list.sort((a, b) => a.id.clock - b.id.clock);
  }

  find(id: ItemId): Struct | null {
    const list = this.byClient.get(id.client);
    if (!list) return null;
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const struct = list[mid]!;
      if (id.clock < struct.id.clock) high = mid - 1;
      else if (id.clock >= struct.id.clock + struct.length) low = mid + 1;
      else return struct;
    }
    return null;
  }
}

/** What an item's parent is: a root type (depth 0), a type already in the document, or an item of this update. */
type Parent = { kind: "depth"; depth: number } | { kind: "item"; item: Y.Item } | { kind: "unknown" };

export function inspectUpdate(doc: Y.Doc, update: Uint8Array, maxDepth: number): UpdateVerdict {
  const { structs, ds } = Y.decodeUpdate(update) as { structs: Struct[]; ds: { clients: Map<number, Array<{ clock: number; len: number }>> } };
  const store = doc.store;
  const newContentBy = new Set<number>();
  /** How far each client's clock reaches once this update is applied. */
  const reach = new Map<number, number>();
  const types: Y.Item[] = [];
  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue;
    // Yjs never writes empty structs; accepted, they later break deletions in everyone's Yjs.
    if (!(struct.length > 0)) return { ok: false, reason: "empty-struct" };
    const end = struct.id.clock + struct.length;
    if (end > Y.getState(store, struct.id.client)) newContentBy.add(struct.id.client);
    if (end > (reach.get(struct.id.client) ?? 0)) reach.set(struct.id.client, end);
    if (!(struct instanceof Y.Item)) continue;
    const content = struct.content;
    if (content instanceof Y.ContentDoc) return { ok: false, reason: "subdocument" };
    if (content instanceof Y.ContentType) types.push(struct);
    else if (content instanceof Y.ContentAny || content instanceof Y.ContentJSON) {
      for (const value of (content as unknown as { arr: unknown[] }).arr) if (jsonDepth(value, maxDepth) > maxDepth) return { ok: false, reason: "too-deep" };
    } else if (content instanceof Y.ContentEmbed) {
      if (jsonDepth((content as unknown as { embed: unknown }).embed, maxDepth) > maxDepth) return { ok: false, reason: "too-deep" };
    } else if (content instanceof Y.ContentFormat) {
      if (jsonDepth((content as unknown as { value: unknown }).value, maxDepth) > maxDepth) return { ok: false, reason: "too-deep" };
    }
  }
  // A neighbour or a deletion boundary inside a character written as two UTF-16 units
  // (emoji, many CJK characters) makes Yjs split it into two replacement characters, and
  // the document's peers can end up with different texts. No editor does it.
  const index = new UpdateIndex(structs);
  const splitsCharacter = (client: number, clockAfterSplit: number): boolean => {
    const id = { client, clock: clockAfterSplit - 1 };
    const holder = id.clock >= 0 && id.clock < Y.getState(store, client) ? Y.getItem(store, Y.createID(client, id.clock)) : index.find(id);
    if (!(holder instanceof Y.Item) || !(holder.content instanceof Y.ContentString)) return false;
    const offset = clockAfterSplit - holder.id.clock;
    if (offset <= 0 || offset >= holder.length) return false;
    const code = (holder.content as unknown as { str: string }).str.charCodeAt(offset - 1);
    return code >= 0xd800 && code <= 0xdbff;
  };
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    if (isId(struct.origin) && splitsCharacter(struct.origin.client, struct.origin.clock + 1)) return { ok: false, reason: "split-character" };
    if (isId(struct.rightOrigin) && splitsCharacter(struct.rightOrigin.client, struct.rightOrigin.clock)) return { ok: false, reason: "split-character" };
  }
  for (const [client, ranges] of ds.clients) {
    for (const range of ranges) {
      if (splitsCharacter(client, range.clock) || splitsCharacter(client, range.clock + range.len)) return { ok: false, reason: "split-character" };
    }
  }

  // Deletions must name content that exists (in the document or this update): a range
  // beyond it would wait in Yjs and delete whatever its owner writes next.
  for (const [client, ranges] of ds.clients) {
    const known = Math.max(Y.getState(store, client), reach.get(client) ?? 0);
    for (const range of ranges) {
      if (!(range.len > 0)) return { ok: false, reason: "empty-struct" };
      if (range.clock + range.len > known) return { ok: false, reason: "unknown-deletion" };
    }
  }
  if (types.length === 0) return { ok: true, newContentBy };

  /** Depth of the type an item of this update creates (root children are 1), memoised. */
  const depthOfType = new Map<Y.Item, number>();

  /** Where an item's parent is: given directly, or the parent of its left or right neighbour. */
  const parentOf = (item: Y.Item): Parent => {
    let current: Y.Item = item;
    // Neighbour chains can be long (a pasted paragraph is one item per run); each step moves
    // to a different struct, so the walk ends within the update's size.
    for (let steps = 0; steps <= structs.length; steps++) {
      const parent = current.parent as unknown;
      if (typeof parent === "string") return { kind: "depth", depth: 0 };
      const ref = isId(parent) ? parent : isId(current.origin) ? current.origin : isId(current.rightOrigin) ? current.rightOrigin : null;
      if (!ref) return { kind: "unknown" };
      const inDoc = ref.clock < Y.getState(store, ref.client) ? Y.getItem(store, Y.createID(ref.client, ref.clock)) : null;
      if (inDoc) {
        if (!(inDoc instanceof Y.Item)) return { kind: "depth", depth: 0 }; // garbage-collected: Yjs discards what goes inside
        if (isId(parent)) return inDoc.content instanceof Y.ContentType ? { kind: "depth", depth: depthInDocument(inDoc.content.type, maxDepth) } : { kind: "unknown" };
        return inDoc.parent instanceof Y.AbstractType ? { kind: "depth", depth: depthInDocument(inDoc.parent, maxDepth) } : { kind: "depth", depth: 0 };
      }
      const inUpdate = index.find(ref);
      if (!(inUpdate instanceof Y.Item)) return { kind: "unknown" };
      if (isId(parent)) return inUpdate.content instanceof Y.ContentType ? { kind: "item", item: inUpdate } : { kind: "unknown" };
      current = inUpdate;
    }
    return { kind: "unknown" };
  };

  for (const type of types) {
    // Walk up through this update's own types until a known depth, then fill in on the way down.
    const chain: Y.Item[] = [];
    let item: Y.Item = type;
    let base: number;
    for (;;) {
      const known = depthOfType.get(item);
      if (known !== undefined) {
        base = known;
        break;
      }
      chain.push(item);
      if (chain.length > maxDepth) return { ok: false, reason: "too-deep" };
      const parent = parentOf(item);
      if (parent.kind === "unknown") return { ok: false, reason: "unplaceable-type" };
      if (parent.kind === "depth") {
        base = parent.depth;
        break;
      }
      item = parent.item;
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      base += 1;
      if (base > maxDepth) return { ok: false, reason: "too-deep" };
      depthOfType.set(chain[i]!, base);
    }
  }
  return { ok: true, newContentBy };
}

/** How many types deep `type` sits in the document (a root type is 0); stops counting past the limit. */
export function depthInDocument(type: Y.AbstractType<unknown>, maxDepth: number): number {
  let depth = 0;
  let current: Y.AbstractType<unknown> | null = type;
  while (current?._item) {
    depth += 1;
    if (depth > maxDepth) return depth;
    current = current._item.parent instanceof Y.AbstractType ? current._item.parent : null;
  }
  return depth;
}

/** Nesting depth of a JSON-like value (a scalar is 0), counted without recursion and capped. */
export function jsonDepth(value: unknown, maxDepth: number): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== "object") continue;
    const inner = depth + 1;
    if (inner > deepest) deepest = inner;
    if (deepest > maxDepth) return deepest;
    for (const child of Array.isArray(current) ? current : Object.values(current as Record<string, unknown>)) {
      if (child !== null && typeof child === "object") stack.push([child, inner]);
    }
  }
  return deepest;
}
