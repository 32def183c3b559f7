/**
 * Runs fuzz cases against a live server: frame sequences on a (reused) WebSocket to one
 * document, and upgrade requests on raw TCP sockets. Shared by the short run in `npm test`
 * and the long run in bench/fuzz/. Nothing here decides pass or fail; it reports what
 * happened (close codes, answers, time to answer), and the caller judges.
 */
import net from "node:net";
import crypto from "node:crypto";
import WebSocket from "ws";
import * as Y from "yjs";
import * as decoding from "lib0/decoding";
import { COLLAB_CLOSE, MESSAGE_SYNC } from "#shared/collab/protocol";
import { encodeFrame, syncStep1Frame, describeMessage, type FrameContext, type FramePlan, type FrameSequence, type WireMessage } from "./arbitraries";

/** Close codes a hostile socket may get: ours (shared/collab/protocol.ts), 1006 (dropped) and 1009 (too big). */
export const ALLOWED_CLOSE_CODES: ReadonlySet<number> = new Set<number>([...Object.values(COLLAB_CLOSE), 1006, 1009]);
/** Codes the ws library sends on WebSocket protocol errors: expected only after frames written by hand. */
export const WIRE_CLOSE_CODES: ReadonlySet<number> = new Set<number>([1002, 1007, 1009]);

export interface SessionTarget {
  /** ws://host:port/collab/<doc> */
  url: string;
  /** Cookie header of the person whose socket this is. */
  cookie: string;
  origin?: string;
  /** Yjs client ids of the honest editors of the same document, read when a sequence starts. */
  honestClientIds?: () => readonly number[];
  /** How long the server may take to answer the barrier after a sequence (ms). */
  answerTimeoutMs?: number;
}

export interface SequenceOutcome {
  /** What was sent, in order (for reproducers). */
  sent: WireMessage[];
  /** HTTP status when the upgrade itself was refused, or "error" when it failed otherwise. */
  refused: number | "error" | null;
  /** Close code of a close the server started during the sequence. */
  closeCode: number | null;
  /** The sequence ended the socket itself (a close, a drop, a close frame by hand): the code is not the server's verdict. */
  closedByUs: boolean;
  /** Whether frames were written by hand (protocol-level close codes are then expected). */
  usedWire: boolean;
  /** "answered": the server answered the step 1 sent after the sequence, so it handled every frame. */
  barrier: "answered" | "closed" | "timeout" | "none";
  /** Time from the last frame to the answer or the close. */
  answerMs: number;
  /** Set when something is wrong: a close code outside the list, no answer in time, a refused upgrade. */
  problem: string | null;
}

interface Socket {
  ws: WebSocket;
  ownClientId: number;
  /** The server's state vector from its greeting (step 1), raw and decoded. */
  greeting: Uint8Array | null;
  clocks: Map<number, number>;
  /** Step 2 answers received so far (answers to step 1 messages we sent). */
  answers: number;
  closeCode: number | null;
  wake: () => void;
  changed: Promise<void>;
}

const SYNC_STEP1 = 0;
const SYNC_STEP2 = 1;

/** Whether the server will answer this message with a step 2 (a step 1 whose state vector it can read). */
export function isAnsweredStep1(message: WireMessage): boolean {
  if (message.kind !== "binary") return false;
  try {
    const decoder = decoding.createDecoder(message.bytes);
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC || decoding.readVarUint(decoder) !== SYNC_STEP1) return false;
    Y.decodeStateVector(decoding.readVarUint8Array(decoder));
    return true;
  } catch {
    return false;
  }
}

/**
 * One person's socket to one document, reused from sequence to sequence until the server
 * closes it (or a sequence ends it); then the next sequence opens a new one.
 */
export class HostileSession {
  private socket: Socket | null = null;
  opened = 0;
  /** What the current (or last) sequence sent so far: the suspect when the server dies meanwhile. */
  lastSent: WireMessage[] = [];

  constructor(readonly target: SessionTarget) {}

  private async open(): Promise<Socket | { refused: number | "error" }> {
    const ws = new WebSocket(this.target.url, {
      headers: { Cookie: this.target.cookie, ...(this.target.origin ? { Origin: this.target.origin } : {}) },
      perMessageDeflate: false,
      maxPayload: 256 * 1024 * 1024,
      handshakeTimeout: 15_000,
    });
    ws.binaryType = "nodebuffer";
    let wake = () => {};
    const socket: Socket = {
      ws,
      ownClientId: crypto.randomInt(1, 2 ** 32 - 1),
      greeting: null,
      clocks: new Map(),
      answers: 0,
      closeCode: null,
      wake: () => wake(),
      changed: Promise.resolve(),
    };
    const rearm = () => {
      socket.changed = new Promise<void>((resolve) => (wake = resolve));
    };
    rearm();
    const notify = () => {
      const w = wake;
      rearm();
      w();
    };
    ws.on("message", (data: Buffer, isBinary: boolean) => {
      if (!isBinary || data.length < 2 || data[0] !== MESSAGE_SYNC) return;
      if (data[1] === SYNC_STEP2) socket.answers++;
      else if (data[1] === SYNC_STEP1 && !socket.greeting) {
        try {
          const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset + 2, data.length - 2));
          socket.greeting = decoding.readVarUint8Array(decoder).slice();
          socket.clocks = Y.decodeStateVector(socket.greeting);
        } catch {
          socket.greeting = new Uint8Array([0]);
        }
      }
      notify();
    });
    ws.on("close", (code: number) => {
      socket.closeCode = code;
      notify();
    });
    ws.on("error", () => undefined);
    const result = await new Promise<number | "error" | null>((resolve) => {
      ws.once("open", () => resolve(null));
      ws.once("unexpected-response", (_req, res) => {
        resolve(res.statusCode ?? "error");
        res.resume();
        ws.terminate();
      });
      ws.once("close", () => resolve("error"));
    });
    if (result !== null) return { refused: result };
    this.opened++;
    // Like a real client, wait for the greeting (the room loads first); then sequences start from a known state.
    await this.until(socket, () => socket.greeting !== null || socket.closeCode !== null, 15_000);
    return socket;
  }

  private async until(socket: Socket, done: () => boolean, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([socket.changed, new Promise<void>((resolve) => (timer = setTimeout(resolve, left)))]);
      clearTimeout(timer);
    }
    return true;
  }

  /** Sends one sequence and waits until the server has handled it (it answered a final step 1) or closed the socket. */
  async run(sequence: FrameSequence): Promise<SequenceOutcome> {
    const outcome: SequenceOutcome = { sent: [], refused: null, closeCode: null, closedByUs: false, usedWire: false, barrier: "none", answerMs: 0, problem: null };
    this.lastSent = outcome.sent;
    if (!this.socket || this.socket.closeCode !== null || this.socket.ws.readyState !== WebSocket.OPEN) {
      this.socket = null;
      const opened = await this.open();
      if ("refused" in opened) {
        outcome.refused = opened.refused;
        outcome.problem = `upgrade refused (${opened.refused})`;
        return outcome;
      }
      this.socket = opened;
    }
    const socket = this.socket;
    const { ws } = socket;
    const ctx: FrameContext = {
      ownClientId: socket.ownClientId,
      honestClientIds: this.target.honestClientIds?.() ?? [],
      knownClock: (client) => socket.clocks.get(client) ?? 0,
    };
    const plans: FramePlan[] = sequence.handshake ? [{ type: "sync-step1", stateVector: socket.greeting ?? new Uint8Array([0]) }, ...sequence.frames] : sequence.frames;
    const answersBefore = socket.answers;
    let expectedAnswers = 0;
    sending: for (const plan of plans) {
      for (const message of encodeFrame(plan, ctx)) {
        if (ws.readyState !== WebSocket.OPEN) break sending;
        outcome.sent.push(message);
        if (isAnsweredStep1(message)) expectedAnswers++;
        switch (message.kind) {
          case "binary":
            ws.send(message.bytes, { binary: true }, () => undefined);
            break;
          case "text":
            ws.send(message.text, { binary: false }, () => undefined);
            break;
          case "ping":
            ws.ping(message.bytes, undefined, () => undefined);
            break;
          case "raw": {
            outcome.usedWire = true;
            if (((message.bytes[0] ?? 0) & 0x0f) === 0x8) outcome.closedByUs = true; // a close frame: the server echoes its code
            // ws keeps its socket in `_socket` (stable across ws 8): frames the library would never write.
            (ws as unknown as { _socket: net.Socket })._socket.write(message.bytes);
            break;
          }
        }
      }
    }
    const sentAt = performance.now();
    if (ws.readyState === WebSocket.OPEN) ws.send(syncStep1Frame(socket.greeting ?? new Uint8Array([0])), { binary: true }, () => undefined);
    const want = answersBefore + expectedAnswers + 1;
    const settled = await this.until(socket, () => socket.answers >= want || socket.closeCode !== null, this.target.answerTimeoutMs ?? 10_000);
    outcome.answerMs = performance.now() - sentAt;
    if (!settled) {
      outcome.barrier = "timeout";
      outcome.problem = `no answer and no close within ${Math.round(outcome.answerMs)} ms`;
      ws.terminate();
      this.socket = null;
      return outcome;
    }
    if (socket.closeCode !== null) {
      outcome.barrier = "closed";
      outcome.closeCode = socket.closeCode;
      this.socket = null;
      const allowed = ALLOWED_CLOSE_CODES.has(socket.closeCode) || (outcome.usedWire && WIRE_CLOSE_CODES.has(socket.closeCode));
      if (!allowed && !outcome.closedByUs) outcome.problem = `closed with unexpected code ${socket.closeCode}`;
      return outcome;
    }
    outcome.barrier = "answered";
    if (sequence.ending !== "keep") {
      outcome.closedByUs = true;
      if (sequence.ending === "close") {
        ws.close(1000);
        await this.until(socket, () => socket.closeCode !== null, 2_000);
        if (socket.closeCode === null) ws.terminate();
      } else ws.terminate();
      this.socket = null;
    }
    return outcome;
  }

  close() {
    this.socket?.ws.terminate();
    this.socket = null;
  }
}

/** A reproducer for a sequence: each message on one line. */
export function describeSequence(outcome: Pick<SequenceOutcome, "sent">, max = 40): string {
  const lines = outcome.sent.slice(0, max).map((m, i) => `  #${i} ${describeMessage(m)}`);
  if (outcome.sent.length > max) lines.push(`  … ${outcome.sent.length - max} more`);
  return lines.join("\n");
}

export type RequestOutcome =
  | { kind: "status"; status: number; ms: number }
  | { kind: "closed"; ms: number }
  | { kind: "timeout"; ms: number }
  | { kind: "abandoned"; ms: number };

/**
 * Writes a request on a fresh TCP connection. "wait": read the status line (then drop the
 * connection, also after a 101), or see the server close it; "end": half-close at once and
 * wait the same way; "destroy": reset right after writing. A request cut short is only
 * waited for briefly: a server rightly waits for the rest of the headers.
 */
export function sendRawRequest(port: number, bytes: Buffer, options: { ending: "wait" | "end" | "destroy"; complete: boolean; timeoutMs: number }): Promise<RequestOutcome> {
  return new Promise((resolve) => {
    const started = performance.now();
    const ms = () => performance.now() - started;
    let done = false;
    let received = Buffer.alloc(0);
    const socket = net.connect({ host: "127.0.0.1", port });
    const finish = (outcome: RequestOutcome) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(outcome);
    };
    const waitMs = options.complete || options.ending === "end" ? options.timeoutMs : 150;
    const timer = setTimeout(() => finish(options.complete ? { kind: "timeout", ms: ms() } : { kind: "abandoned", ms: ms() }), waitMs);
    socket.on("error", () => finish({ kind: "closed", ms: ms() }));
    socket.on("close", () => finish({ kind: "closed", ms: ms() }));
    socket.on("data", (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const eol = received.indexOf("\n");
      if (eol < 0 && received.length < 4096) return;
      const match = /^HTTP\/\d\.\d (\d{3})/.exec(received.subarray(0, Math.max(eol, 0)).toString("latin1"));
      finish(match ? { kind: "status", status: Number(match[1]), ms: ms() } : { kind: "closed", ms: ms() });
    });
    socket.on("connect", () => {
      socket.write(bytes, () => {
        if (options.ending === "destroy") finish({ kind: "abandoned", ms: ms() });
        else if (options.ending === "end") socket.end();
      });
    });
  });
}

/** Runs `worker` over `items` with at most `concurrency` at a time. */
export async function inParallel<T, R>(items: readonly T[], concurrency: number, worker: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await worker(items[i]!, i);
      }
    }),
  );
  return results;
}
