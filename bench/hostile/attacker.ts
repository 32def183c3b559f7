/**
 * The hostile client, in a child process of its own: its bursts and floods must not stall
 * the event loop that times the legitimate clients, and a real attacker sits on another
 * machine anyway. It is one person (one session cookie) attacking its own documents, and it
 * behaves as an attacker would: when the server closes its socket, it connects again at
 * once and goes on.
 *
 * Two attacks, each run for a given time on command from the parent (IPC):
 *   pending: after a normal sync step 1, a burst of tiny updates (one character each, about
 *            13 bytes) from one Y.Doc, all but the first: every one of them waits for a
 *            predecessor that never arrives, so Yjs keeps them as pending structs. Once the
 *            server has read a burst (a ping is answered after the frames before it), the
 *            next burst follows on the same socket; after a close, on a new one. The
 *            sequence continues across connections, so nothing ever becomes applicable.
 *   valid:   a synced Y.Doc typing one character per update, as many as the server reads
 *            (at most 1 MiB waits in the socket) or at a fixed rate; after a close it
 *            resyncs (the stock handshake) and goes on.
 */
import { performance } from "node:perf_hooks";
import WebSocket from "ws";
import * as Y from "yjs";
import * as encoding from "lib0/encoding";
import * as decoding from "lib0/decoding";
import * as syncProtocol from "y-protocols/sync";
import { CONTENT_FIELD } from "#shared/collab/work-programme-doc";
import { MESSAGE_SYNC } from "#shared/collab/protocol";

export type AttackMode = "pending" | "valid";

export interface AttackCommand {
  cmd: "run";
  mode: AttackMode;
  url: string;
  cookie: string;
  seconds: number;
  /** pending: updates per burst. */
  burst: number;
  /** valid: updates per second aimed at; 0 = as many as the server reads. */
  rate: number;
}

export interface AttackStats {
  mode: AttackMode;
  /** Update frames handed to an open socket. */
  frames: number;
  bytes: number;
  /** From the first to the last frame sent. */
  sendingMs: number;
  /** pending: bursts started, and the duration of the first one (the issue's "sent in 150 ms"). */
  bursts: number;
  burstSize: number;
  firstBurstMs: number;
  /** pending: bursts the server had read entirely (ping answered) while the socket stayed open. */
  burstsRead: number;
  /** pending: for each of those, ms from its last frame until the server had read it (its stall). */
  burstReadMs: number[];
  connections: number;
  /** Upgrades that did not open: HTTP status or error code → count. */
  refused: Record<string, number>;
  /** Closes the server initiated: "code reason" → count. */
  closes: Record<string, number>;
}

const REMOTE = Symbol("remote");
const MAX_BUFFERED = 1024 * 1024;
/** Frames of a pending burst sent between two looks at the socket (a close arrives as an event). */
const BURST_SLICE = 250;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function syncFrame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** The paragraph the attacker types into, laid out as tiptap lays out a work programme. */
function paragraphText(doc: Y.Doc): Y.XmlText {
  const fragment = doc.getXmlFragment(CONTENT_FIELD);
  const first = fragment.get(0);
  const existing = first instanceof Y.XmlElement ? first.get(0) : null;
  if (existing instanceof Y.XmlText) return existing;
  const text = new Y.XmlText();
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [text]);
  fragment.insert(0, [paragraph]);
  return text;
}

/** Single-character inserts from one client; the first is withheld, so none of the rest can ever be applied. */
class PendingSequence {
  private readonly doc = new Y.Doc();
  private readonly text: Y.XmlText;
  private last: Uint8Array | null = null;
  /** Made ahead, so the first burst goes out as fast as the socket takes it (the attacker prepares offline). */
  private readonly ready: Uint8Array[] = [];

  constructor(prepare: number) {
    this.doc.on("update", (update: Uint8Array) => (this.last = update));
    this.text = paragraphText(this.doc);
    this.text.insert(0, "x"); // the withheld first update (paragraph and first character) is generated above and here, never sent
    this.last = null;
    for (let i = 0; i < prepare; i++) this.ready.push(this.make());
    this.ready.reverse();
  }

  next(): Uint8Array {
    return this.ready.pop() ?? this.make();
  }

  private make(): Uint8Array {
    this.text.insert(this.text.length, "x");
    const update = this.last!;
    this.last = null;
    return syncFrame((e) => syncProtocol.writeUpdate(e, update));
  }
}

class Attack {
  readonly stats: AttackStats;
  private readonly deadline: number;
  private started = 0;
  private lastSent = 0;

  private readonly pending: PendingSequence | null;

  constructor(private readonly command: AttackCommand) {
    this.stats = { mode: command.mode, frames: 0, bytes: 0, sendingMs: 0, bursts: 0, burstSize: command.burst, firstBurstMs: 0, burstsRead: 0, burstReadMs: [], connections: 0, refused: {}, closes: {} };
    this.pending = command.mode === "pending" ? (prepared.take() ?? new PendingSequence(command.burst)) : null;
    this.deadline = performance.now() + command.seconds * 1000;
  }

  private get over() {
    return performance.now() >= this.deadline;
  }

  private count(record: Record<string, number>, key: string) {
    record[key] = (record[key] ?? 0) + 1;
  }

  private sent(ws: WebSocket, frame: Uint8Array) {
    ws.send(frame, { binary: true });
    const now = performance.now();
    if (this.stats.frames === 0) this.started = now;
    this.lastSent = now;
    this.stats.frames++;
    this.stats.bytes += frame.byteLength;
  }

  /** Resolves with an open socket, or null when the upgrade failed (counted). */
  private connect(): Promise<WebSocket | null> {
    return new Promise((resolve) => {
      const ws = new WebSocket(this.command.url, { headers: { Cookie: this.command.cookie }, perMessageDeflate: false });
      ws.binaryType = "nodebuffer";
      let settled = false;
      const fail = (key: string) => {
        if (settled) return;
        settled = true;
        this.count(this.stats.refused, key);
        ws.terminate();
        resolve(null);
      };
      const timer = setTimeout(() => fail("no answer in 10 s"), 10_000);
      ws.on("unexpected-response", (_req, res) => fail(`HTTP ${res.statusCode}`));
      ws.on("error", (error: NodeJS.ErrnoException) => fail(error.code ?? error.message));
      ws.on("close", (code) => fail(`closed ${code} while opening`));
      ws.on("open", () => {
        clearTimeout(timer);
        if (settled) return;
        settled = true;
        this.stats.connections++;
        resolve(ws);
      });
    });
  }

  /** Resolves when the server closes the socket (counted) or, after the deadline, once we closed it. */
  private watchClose(ws: WebSocket): { closed: Promise<void>; isClosed: () => boolean } {
    let isClosed = false;
    const closed = new Promise<void>((resolve) => {
      ws.on("close", (code, reason) => {
        isClosed = true;
        if (!this.over) this.count(this.stats.closes, `${code}${reason.length ? ` ${reason.toString()}` : ""}`);
        resolve();
      });
    });
    ws.on("error", () => {}); // reported by "close"
    return { closed, isClosed: () => isClosed };
  }

  private async hangUp(ws: WebSocket, closed: Promise<void>) {
    if (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING) ws.close(1000, "bench over");
    // A stalled server never answers the close handshake.
    await Promise.race([closed, sleep(1_000)]);
    ws.terminate();
  }

  async run(): Promise<AttackStats> {
    const pending = this.pending;
    const valid = this.command.mode === "valid" ? new Y.Doc() : null;
    while (!this.over) {
      const ws = await this.connect();
      if (!ws) {
        await sleep(5); // a refused upgrade: again at once, but never a hot loop
        continue;
      }
      const { closed, isClosed } = this.watchClose(ws);
      if (pending) await this.pendingSession(ws, pending, closed, isClosed);
      else await this.validSession(ws, valid!, closed, isClosed);
      await this.hangUp(ws, closed);
    }
    valid?.destroy();
    this.stats.sendingMs = this.stats.frames > 0 ? this.lastSent - this.started : 0;
    return this.stats;
  }

  private async pendingSession(ws: WebSocket, sequence: PendingSequence, closed: Promise<void>, isClosed: () => boolean) {
    // Looks like any editor: sync step 1 first (an empty state vector).
    ws.send(syncFrame((e) => syncProtocol.writeSyncStep1(e, new Y.Doc())), { binary: true });
    while (!this.over && !isClosed()) {
      const began = performance.now();
      this.stats.bursts++;
      // In slices, so a close from the server is noticed at once instead of after the whole burst.
      for (let i = 0; i < this.command.burst && ws.readyState === WebSocket.OPEN && !isClosed(); ) {
        const end = Math.min(this.command.burst, i + BURST_SLICE);
        for (; i < end; i++) this.sent(ws, sequence.next());
        await new Promise((r) => setImmediate(r));
      }
      if (this.stats.bursts === 1) this.stats.firstBurstMs = performance.now() - began;
      if (ws.readyState !== WebSocket.OPEN || isClosed()) return;
      // The pong comes once the server has read every frame before the ping.
      const read = new Promise<boolean>((resolve) => ws.once("pong", () => resolve(true)));
      const pinged = performance.now();
      ws.ping();
      const remaining = Math.max(0, this.deadline - performance.now());
      const answered = await Promise.race([read, closed.then(() => false), sleep(remaining).then(() => false)]);
      if (answered) {
        this.stats.burstsRead++;
        this.stats.burstReadMs.push(performance.now() - pinged);
      }
    }
  }

  private async validSession(ws: WebSocket, doc: Y.Doc, closed: Promise<void>, isClosed: () => boolean) {
    let synced = false;
    ws.on("message", (data: Buffer) => {
      try {
        const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
        if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return;
        const reply = encoding.createEncoder();
        encoding.writeVarUint(reply, MESSAGE_SYNC);
        const step = syncProtocol.readSyncMessage(decoder, reply, doc, REMOTE);
        if (encoding.length(reply) > 1 && ws.readyState === WebSocket.OPEN) ws.send(encoding.toUint8Array(reply), { binary: true });
        if (step === syncProtocol.messageYjsSyncStep2) synced = true;
      } catch {
        // whatever the server sends, the attacker goes on
      }
    });
    ws.send(syncFrame((e) => syncProtocol.writeSyncStep1(e, doc)), { binary: true });
    // Typing starts once the server's answer (step 2) is in, like an editor; its step 1 came before and was answered.
    while (!synced && !isClosed() && !this.over) await sleep(2);
    if (isClosed() || this.over) return;

    const onUpdate = (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE || ws.readyState !== WebSocket.OPEN) return; // unsent edits go in the next handshake's step 2
      this.sent(ws, syncFrame((e) => syncProtocol.writeUpdate(e, update)));
    };
    doc.on("update", onUpdate);
    try {
      const text = paragraphText(doc);
      const start = performance.now();
      let typed = 0;
      while (!this.over && !isClosed()) {
        // Open loop at the aimed rate (0: no aim, as fast as the server reads); a socket the
        // server does not drain holds back (at most 1 MiB buffered).
        const due = this.command.rate > 0 ? Math.floor(((performance.now() - start) / 1000) * this.command.rate) - typed : 500;
        for (let i = 0; i < Math.min(due, 500) && ws.bufferedAmount < MAX_BUFFERED && ws.readyState === WebSocket.OPEN; i++) {
          text.insert(text.length, "x");
          typed++;
        }
        if (due > 1000) typed += due - 1000; // never catch up more than a moment's worth in one go
        await sleep(1);
      }
    } finally {
      doc.off("update", onUpdate);
    }
  }
}

/** A pending sequence made before the clock starts (the attacker prepares offline). */
const prepared = {
  sequence: null as PendingSequence | null,
  take(): PendingSequence | null {
    const taken = this.sequence;
    this.sequence = null;
    return taken;
  },
};

export type AttackerMessage = AttackCommand | { cmd: "prepare"; burst: number } | { cmd: "exit" };

process.on("message", (message: AttackerMessage) => {
  if (message.cmd === "exit") process.exit(0);
  if (message.cmd === "prepare") {
    prepared.sequence = new PendingSequence(message.burst);
    process.send!({ type: "prepared" });
    return;
  }
  void new Attack(message).run().then(
    (stats) => process.send!({ type: "result", stats }),
    (error: unknown) => process.send!({ type: "error", message: error instanceof Error ? error.stack : String(error) }),
  );
});
process.on("disconnect", () => process.exit(0));
