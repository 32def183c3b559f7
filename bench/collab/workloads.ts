/**
 * The workloads: rooms of clients with a few writers, driven open-loop at a fixed total
 * update rate (like people typing — the sender does not wait for the server), and the
 * idle-memory probe. All numbers about a step come from here; report.ts only formats.
 */
import { performance } from "node:perf_hooks";
import * as Y from "yjs";
import { CONTENT_FIELD } from "#shared/collab/work-programme-doc";
import { LeanClient, closeClients, openClients } from "./clients";
import type { DeliveryTracker, StepStats } from "./delivery";
import { SETTINGS } from "./settings";
import type { ServerUnderTest } from "./servers/server-process";
import { machineBusyMicros, ownCpuMicros } from "./proc-stats";
import { tagText } from "./tags";

export interface Writer {
  id: number;
  client: LeanClient;
  text: Y.XmlText;
}

export interface RoomSet {
  server: ServerUnderTest;
  clients: LeanClient[];
  /** Ordered so consecutive sends rotate over rooms, spreading load like independent people. */
  writers: Writer[];
}

export interface StepResult {
  server: string;
  rate: number;
  stats: StepStats;
  /** Achieved send rate over the sending period. */
  sendRate: number;
  /** Server CPU from step start until every delivery arrived (or the drain timed out). */
  serverCpuMicros: number;
  wallMs: number;
  /** CPU of this process (all clients) over the same window: shows when the load generator, not the server, is the bottleneck. */
  clientCpuMicros: number;
  /** CPU used by everything else on the machine over the window (other people's builds and tests). */
  othersCpuMicros: number;
  /** When this result pools several rounds of the same step: each round on its own. */
  rounds?: StepResult[];
}

/**
 * Pools rounds of one step on one server: counts, CPU and wall time add up, latencies are
 * pooled, so CPU per delivery is total CPU over total deliveries. One 4 s step on a shared
 * 2-core VM varies by a third from run to run; pooled rounds whose order rotates do not.
 */
export function poolRounds(rounds: StepResult[]): StepResult {
  const first = rounds[0]!;
  const sum = (pick: (r: StepResult) => number) => rounds.reduce((total, r) => total + pick(r), 0);
  const wallMs = sum((r) => r.wallMs);
  return {
    server: first.server,
    rate: first.rate,
    stats: {
      sent: sum((r) => r.stats.sent),
      expected: sum((r) => r.stats.expected),
      delivered: sum((r) => r.stats.delivered),
      duplicates: sum((r) => r.stats.duplicates),
      gaps: sum((r) => r.stats.gaps),
      echoes: sum((r) => r.stats.echoes),
      late: sum((r) => r.stats.late),
      latenciesMs: rounds.flatMap((r) => r.stats.latenciesMs),
      open: false,
    },
    sendRate: sum((r) => r.sendRate * r.wallMs) / wallMs,
    serverCpuMicros: sum((r) => r.serverCpuMicros),
    wallMs,
    clientCpuMicros: sum((r) => r.clientCpuMicros),
    othersCpuMicros: sum((r) => r.othersCpuMicros),
    rounds,
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

/** The paragraph every writer of a room types into, as tiptap lays out a work programme. */
/** The text of the first paragraph, which writers type into; null until it reached this client. */
export function paragraphText(doc: Y.Doc): Y.XmlText | null {
  const paragraph = doc.getXmlFragment(CONTENT_FIELD).get(0);
  const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null;
  return text instanceof Y.XmlText ? text : null;
}

export async function openRooms(
  server: ServerUnderTest,
  tracker: DeliveryTracker,
  docNames: string[],
  perDoc: number,
  writersPerDoc: number,
): Promise<RoomSet> {
  const clients = await openClients(docNames.length * perDoc, (i) =>
    new LeanClient({
      url: server.urlFor(docNames[Math.floor(i / perDoc)]!),
      cookie: server.cookieFor(i),
      handshake: server.speaksSync,
      onTag: tracker.onTag,
    }),
  );
  const rooms = docNames.map((_, r) => clients.slice(r * perDoc, (r + 1) * perDoc));
  // One client per room creates the paragraph; everyone must have it before writers type into it.
  createParagraphs(rooms);
  await until(() => clients.every((c) => paragraphText(c.doc) !== null), 15_000, `${server.name}: paragraph reaching every client`);
  return { server, clients, writers: assignWriters(rooms, clients, tracker, writersPerDoc) };
}

/** The first client of each room creates the paragraph writers type into (laid out as tiptap would). */
export function createParagraphs(rooms: LeanClient[][]): void {
  for (const room of rooms) {
    const first = room[0]!;
    first.enableSending();
    if (!paragraphText(first.doc)) {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText()]);
      first.doc.getXmlFragment(CONTENT_FIELD).insert(0, [paragraph]);
    }
  }
}

/**
 * The first `writersPerDoc` clients of each room write (ordered so consecutive sends rotate
 * over rooms); the others only read, and apply what they receive only if SETTINGS says so.
 */
export function assignWriters(rooms: LeanClient[][], clients: LeanClient[], tracker: DeliveryTracker, writersPerDoc: number): Writer[] {
  const writers: Writer[] = [];
  for (let w = 0; w < writersPerDoc; w++) {
    for (const room of rooms) {
      const client = room[w]!;
      if (w > 0) client.enableSending();
      writers.push({ id: tracker.addWriter(client, room.length - 1), client, text: paragraphText(client.doc)! });
    }
  }
  const writing = new Set(writers.map((w) => w.client));
  for (const client of clients) if (!writing.has(client)) client.applyRemote = SETTINGS.readersApply;
  return writers;
}

export async function closeRooms(set: RoomSet): Promise<void> {
  await closeClients(set.clients);
}

/**
 * Before clients close, lets deliveries that missed their step's drain window arrive, so
 * "lost" in the tables means never arrived, not cut off by our own close.
 */
export async function awaitStragglers(tracker: DeliveryTracker, timeoutMs: number): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  while (tracker.outstanding() > 0 && performance.now() < deadline) await sleep(20);
  return tracker.outstanding();
}

/** Sends `rate` updates per second in total, round-robin over the writers, for `durationMs`. */
async function drive(writers: Writer[], tracker: DeliveryTracker, rate: number, durationMs: number): Promise<number> {
  const start = performance.now();
  let sent = 0;
  let next = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const elapsed = Math.min(performance.now() - start, durationMs);
      // Open loop: catch up on everything due, even after a stall, so a slow server cannot lower the offered load.
      const due = Math.floor((rate * elapsed) / 1000);
      while (sent < due) {
        const writer = writers[next]!;
        next = (next + 1) % writers.length;
        const seq = tracker.nextSend(writer.id);
        writer.text.insert(writer.text.length, tagText(writer.id, seq));
        sent++;
      }
      if (elapsed >= durationMs) resolve();
      else setTimeout(tick, 1);
    };
    tick();
  });
  return sent / ((performance.now() - start) / 1000);
}

export async function measureStep(set: RoomSet, tracker: DeliveryTracker, rate: number, durationMs: number, drainMs: number): Promise<StepResult> {
  const stats = tracker.beginStep();
  const cpu0 = set.server.cpuMicros();
  const own0 = ownCpuMicros();
  const machine0 = machineBusyMicros();
  const t0 = performance.now();
  const sendRate = await drive(set.writers, tracker, rate, durationMs);
  const drainUntil = performance.now() + drainMs;
  while (stats.delivered < stats.expected && performance.now() < drainUntil) await sleep(5);
  const wallMs = performance.now() - t0;
  const serverCpuMicros = set.server.cpuMicros() - cpu0;
  const clientCpuMicros = ownCpuMicros() - own0;
  const result: StepResult = {
    server: set.server.name,
    rate,
    stats,
    sendRate,
    serverCpuMicros,
    wallMs,
    clientCpuMicros,
    othersCpuMicros: Math.max(0, machineBusyMicros() - machine0 - serverCpuMicros - clientCpuMicros),
  };
  tracker.endStep();
  return result;
}

export interface IdleRss {
  server: string;
  /** Connections at each sample, starting with 0. */
  counts: number[];
  /** RSS after a full GC at each sample. */
  rss: number[];
  /** V8 heap used + external after a full GC at each sample. */
  live: number[];
  /** (RSS(N) - RSS(0)) / N at the largest N: the figure the target is about. */
  perConnectionBytes: number;
  /** Least-squares slope of RSS over all samples: evens out V8's stepwise heap growth. */
  slopeBytes: number;
  /** Same for live JS memory: what the server really keeps per connection. */
  livePerConnectionBytes: number;
}

/** Least-squares slope of y over x. */
function slope(x: number[], y: number[]): number {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (x[i]! - mx) * (y[i]! - my);
    den += (x[i]! - mx) ** 2;
  }
  return num / den;
}

/**
 * Memory per idle, synced connection on one fresh document: RSS after a full GC with 0,
 * then N/3, 2N/3 and N connections. Before the baseline, N/3 clients connect and leave on
 * another document, so one-off costs (JIT, first database pages, first rooms) land in
 * RSS(0). RSS still moves in V8 page steps of ~10 MiB, hence N=600, the slope, and live JS
 * (heapUsed + external), which grows linearly.
 */
export async function measureIdleRss(server: ServerUnderTest, docName: string, warmupDoc: string, connections: number): Promise<IdleRss> {
  const make = (doc: string) => (i: number) =>
    new LeanClient({ url: server.urlFor(doc), cookie: server.cookieFor(i), handshake: server.speaksSync });
  await closeClients(await openClients(Math.round(connections / 3), make(warmupDoc)));
  await sleep(500);
  const counts = [0];
  const first = await server.memoryAfterGc();
  const rss = [first.rss];
  const live = [first.live];
  const clients: LeanClient[] = [];
  const steps = 3;
  for (let step = 1; step <= steps; step++) {
    const target = Math.round((connections * step) / steps);
    clients.push(...(await openClients(target - clients.length, (i) => make(docName)(clients.length + i))));
    await sleep(300);
    const memory = await server.memoryAfterGc();
    counts.push(clients.length);
    rss.push(memory.rss);
    live.push(memory.live);
  }
  await closeClients(clients);
  const n = counts[counts.length - 1]!;
  return {
    server: server.name,
    counts,
    rss,
    live,
    perConnectionBytes: (rss[rss.length - 1]! - rss[0]!) / n,
    slopeBytes: slope(counts, rss),
    livePerConnectionBytes: slope(counts, live),
  };
}
