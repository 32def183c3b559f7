/**
 * Compares two V8 heap snapshots of one process (e.g. bench:soak's at the end of the
 * warm-up and at the end):
 *
 *   npx tsx bench/soak/heap-diff.ts <before.heapsnapshot> <after.heapsnapshot> [--top 25] [--paths 3] [--class I18n …]
 *
 * 1. Per class (node type + constructor/function name): count and self size in each
 *    snapshot, and the difference.
 * 2. The objects of the second snapshot that the first did not have (V8 keeps a heap
 *    object's id across the snapshots of one process), i.e. allocated in between and still
 *    alive after a full GC, per class. A leak shows up here, growing with time. Native
 *    (embedder) nodes are left out: they get new ids in every snapshot.
 * 3. For the classes with the most such survivors: who holds them (retainer class and edge
 *    name, counted), and a few retaining paths up to a GC root. `--class X` (repeatable)
 *    adds longer paths for new objects of class X.
 *
 * It reads the whole snapshot with JSON.parse: give it memory for large heaps
 * (NODE_OPTIONS=--max-old-space-size=4096).
 */
import fs from "node:fs";

interface RawSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]]; edge_fields: string[]; edge_types: [string[], ...unknown[]] }; node_count: number };
  nodes: number[];
  edges: number[];
  strings: string[];
}

export class HeapSnapshot {
  readonly nodeCount: number;
  private readonly nf: number;
  private readonly ef: number;
  private readonly nodeTypes: string[];
  private readonly edgeTypes: string[];
  private readonly at: { type: number; name: number; id: number; self: number; edges: number; toNode: number; edgeType: number; edgeName: number };
  /** Index of each node's first edge in `edges` (in edge-field units). */
  private readonly firstEdge: Uint32Array;
  private retainersCache: { first: Uint32Array; list: Uint32Array } | null = null;

  constructor(private readonly raw: RawSnapshot) {
    const meta = raw.snapshot.meta;
    this.nf = meta.node_fields.length;
    this.ef = meta.edge_fields.length;
    this.nodeTypes = meta.node_types[0];
    this.edgeTypes = meta.edge_types[0];
    this.at = {
      type: meta.node_fields.indexOf("type"),
      name: meta.node_fields.indexOf("name"),
      id: meta.node_fields.indexOf("id"),
      self: meta.node_fields.indexOf("self_size"),
      edges: meta.node_fields.indexOf("edge_count"),
      edgeType: meta.edge_fields.indexOf("type"),
      edgeName: meta.edge_fields.indexOf("name_or_index"),
      toNode: meta.edge_fields.indexOf("to_node"),
    };
    this.nodeCount = raw.nodes.length / this.nf;
    this.firstEdge = new Uint32Array(this.nodeCount + 1);
    let e = 0;
    for (let n = 0; n < this.nodeCount; n++) {
      this.firstEdge[n] = e;
      e += raw.nodes[n * this.nf + this.at.edges]! * this.ef;
    }
    this.firstEdge[this.nodeCount] = e;
  }

  static read(file: string): HeapSnapshot {
    return new HeapSnapshot(JSON.parse(fs.readFileSync(file, "utf8")) as RawSnapshot);
  }

  id(n: number): number {
    return this.raw.nodes[n * this.nf + this.at.id]!;
  }
  selfSize(n: number): number {
    return this.raw.nodes[n * this.nf + this.at.self]!;
  }
  type(n: number): string {
    return this.nodeTypes[this.raw.nodes[n * this.nf + this.at.type]!] ?? "?";
  }
  name(n: number): string {
    return this.raw.strings[this.raw.nodes[n * this.nf + this.at.name]!] ?? "?";
  }

  /** Groups strings and code together: their "name" is their content. */
  className(n: number): string {
    const type = this.type(n);
    if (type === "object" || type === "closure" || type === "native" || type === "array" || type === "synthetic") {
      const name = this.name(n);
      return `${type === "object" ? "" : `(${type}) `}${name.length > 80 ? `${name.slice(0, 77)}…` : name}`;
    }
    return `(${type})`;
  }

  /** Edges of node n as [edge type, edge name, to node]. */
  *edgesOf(n: number): Generator<[string, string, number]> {
    for (let e = this.firstEdge[n]!; e < this.firstEdge[n + 1]!; e += this.ef) yield this.edge(e);
  }

  private edge(e: number): [string, string, number] {
    const type = this.edgeTypes[this.raw.edges[e + this.at.edgeType]!] ?? "?";
    const nameOrIndex = this.raw.edges[e + this.at.edgeName]!;
    const name = type === "element" || type === "hidden" ? `[${nameOrIndex}]` : (this.raw.strings[nameOrIndex] ?? "?");
    return [type, name, this.raw.edges[e + this.at.toNode]! / this.nf];
  }

  /** Edge positions that point at node n (built once). */
  retainerEdges(n: number): Array<{ from: number; type: string; name: string }> {
    if (!this.retainersCache) {
      const counts = new Uint32Array(this.nodeCount + 1);
      const total = this.raw.edges.length / this.ef;
      for (let e = 0; e < total; e++) counts[this.raw.edges[e * this.ef + this.at.toNode]! / this.nf]!++;
      const first = new Uint32Array(this.nodeCount + 1);
      for (let n = 0; n < this.nodeCount; n++) first[n + 1] = first[n]! + counts[n]!;
      const fill = first.slice(0, this.nodeCount);
      const list = new Uint32Array(total * 2);
      for (let n = 0; n < this.nodeCount; n++) {
        for (let e = this.firstEdge[n]!; e < this.firstEdge[n + 1]!; e += this.ef) {
          const to = this.raw.edges[e + this.at.toNode]! / this.nf;
          const slot = fill[to]!++;
          list[slot * 2] = n;
          list[slot * 2 + 1] = e;
        }
      }
      this.retainersCache = { first, list };
    }
    const { first, list } = this.retainersCache;
    const out: Array<{ from: number; type: string; name: string }> = [];
    for (let i = first[n]!; i < first[n + 1]!; i++) {
      const [type, name] = this.edge(list[i * 2 + 1]!);
      out.push({ from: list[i * 2]!, type, name });
    }
    return out;
  }
}

interface ClassStats {
  count: number;
  self: number;
}

function byClass(snapshot: HeapSnapshot, keep: (n: number) => boolean = () => true): Map<string, ClassStats> {
  const stats = new Map<string, ClassStats>();
  for (let n = 0; n < snapshot.nodeCount; n++) {
    if (!keep(n)) continue;
    const key = snapshot.className(n);
    const s = stats.get(key) ?? { count: 0, self: 0 };
    s.count++;
    s.self += snapshot.selfSize(n);
    stats.set(key, s);
  }
  return stats;
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/**
 * A retaining path from node n up to a synthetic root (GC roots, global handles, …): strong
 * edges only, the shortest one by breadth-first search over retainers.
 */
function pathToRoot(snapshot: HeapSnapshot, start: number, maxDepth = 16): string {
  /** For every node reached: the node it retains on the way back to `start`, and the edge's label. */
  const towardsStart = new Map<number, { child: number; label: string }>();
  towardsStart.set(start, { child: -1, label: "" });
  let frontier = [start];
  for (let depth = 0; depth < maxDepth && frontier.length; depth++) {
    const next: number[] = [];
    for (const n of frontier) {
      for (const r of snapshot.retainerEdges(n)) {
        if (r.type === "weak" || r.type === "shortcut" || towardsStart.has(r.from)) continue;
        towardsStart.set(r.from, { child: n, label: `${snapshot.className(r.from)} .${r.name}` });
        if (snapshot.type(r.from) === "synthetic") {
          const chain: string[] = [];
          for (let at = r.from; at !== start; at = towardsStart.get(at)!.child) chain.push(towardsStart.get(at)!.label);
          return `${chain.join(" → ")} → ${snapshot.className(start)}`;
        }
        next.push(r.from);
      }
    }
    frontier = next.slice(0, 50_000);
  }
  return `(no root within ${maxDepth} steps)`;
}

export function diff(before: HeapSnapshot, after: HeapSnapshot, options: { top: number; paths: number; classes?: string[] }): string[] {
  const lines: string[] = [];
  const a = byClass(before);
  const b = byClass(after);
  const keys = new Set([...a.keys(), ...b.keys()]);
  const rows = [...keys].map((key) => {
    const x = a.get(key) ?? { count: 0, self: 0 };
    const y = b.get(key) ?? { count: 0, self: 0 };
    return { key, x, y, dCount: y.count - x.count, dSelf: y.self - x.self };
  });
  const total = (m: Map<string, ClassStats>) => [...m.values()].reduce((s, v) => s + v.self, 0);
  lines.push(`nodes ${before.nodeCount} → ${after.nodeCount}; self size ${kib(total(a))} → ${kib(total(b))} (${kib(total(b) - total(a))})`, "");
  lines.push(`Top ${options.top} classes by growth of self size:`, "| class | count before | count after | Δ count | self before | self after | Δ self |", "|---|---:|---:|---:|---:|---:|---:|");
  for (const r of rows.sort((p, q) => q.dSelf - p.dSelf).slice(0, options.top)) {
    lines.push(`| ${r.key} | ${r.x.count} | ${r.y.count} | ${r.dCount >= 0 ? "+" : ""}${r.dCount} | ${kib(r.x.self)} | ${kib(r.y.self)} | ${r.dSelf >= 0 ? "+" : ""}${kib(r.dSelf)} |`);
  }

  const oldIds = new Set<number>();
  for (let n = 0; n < before.nodeCount; n++) oldIds.add(before.id(n));
  // Embedder (native, synthetic) nodes such as Node's ModuleWrap get a new id in every snapshot: not "new" objects.
  const isNew = (n: number) => !oldIds.has(after.id(n)) && after.type(n) !== "native" && after.type(n) !== "synthetic";
  const survivors = [...byClass(after, isNew).entries()].sort((p, q) => q[1].self - p[1].self);
  const newTotal = survivors.reduce((s, [, v]) => s + v.self, 0);
  lines.push("", `Objects in the second snapshot that the first did not have (allocated in between, alive after GC): ${survivors.reduce((s, [, v]) => s + v.count, 0)}, ${kib(newTotal)}`);
  lines.push("| class | new objects | self |", "|---|---:|---:|");
  for (const [key, s] of survivors.slice(0, options.top)) lines.push(`| ${key} | ${s.count} | ${kib(s.self)} |`);

  lines.push("", "Who holds the new objects of the top classes (retainer class . edge, counted over all new objects of the class):");
  for (const [key] of survivors.slice(0, Math.min(8, options.top))) {
    if (key === "(synthetic) (GC roots)") continue;
    const holders = new Map<string, number>();
    const examples: number[] = [];
    for (let n = 0; n < after.nodeCount; n++) {
      if (!isNew(n) || after.className(n) !== key) continue;
      if (examples.length < options.paths) examples.push(n);
      for (const r of after.retainerEdges(n)) {
        if (r.type === "weak") continue;
        const label = `${after.className(r.from)} .${r.name}${isNew(r.from) ? " (new)" : ""}`;
        holders.set(label, (holders.get(label) ?? 0) + 1);
      }
    }
    lines.push(`- ${key}:`);
    for (const [label, count] of [...holders.entries()].sort((p, q) => q[1] - p[1]).slice(0, 6)) lines.push(`    ${count} × ${label}`);
    for (const n of examples) lines.push(`    path: ${pathToRoot(after, n)}`);
  }
  for (const wanted of options.classes ?? []) {
    const found: number[] = [];
    for (let n = 0; n < after.nodeCount && found.length < options.paths; n++) if (isNew(n) && after.className(n) === wanted) found.push(n);
    lines.push("", `Retaining paths of new ${wanted} objects:`);
    for (const n of found) lines.push(`    path: ${pathToRoot(after, n, 40)}`);
    if (found.length === 0) lines.push("    (none)");
  }
  return lines;
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, ""));
if (isMain) {
  const args = process.argv.slice(2);
  const flag = (name: string, fallback: number) => {
    const i = args.indexOf(name);
    if (i === -1) return fallback;
    const value = Number(args[i + 1]);
    args.splice(i, 2);
    return value;
  };
  const top = flag("--top", 25);
  const paths = flag("--paths", 2);
  const classes: string[] = [];
  for (let i = args.indexOf("--class"); i !== -1; i = args.indexOf("--class")) classes.push(...args.splice(i, 2).slice(1));
  const [beforeFile, afterFile] = args;
  if (!beforeFile || !afterFile) {
    console.error("usage: npx tsx bench/soak/heap-diff.ts <before.heapsnapshot> <after.heapsnapshot> [--top 25] [--paths 2] [--class Name …]");
    process.exit(2);
  }
  const before = HeapSnapshot.read(beforeFile);
  const after = HeapSnapshot.read(afterFile);
  for (const line of diff(before, after, { top, paths, classes })) console.log(line);
}
