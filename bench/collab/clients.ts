/**
 * A lean y-websocket client: one Y.Doc and one WebSocket, the standard sync handshake
 * (send step 1, answer the server's step 1, apply its step 2) and received updates applied
 * to the doc — minus awareness, reconnects and timers, which would only load the one process
 * driving 200+ clients on a 2-core box. Once a room is set up, clients that only read stop
 * applying live updates (`applyRemote = false`) and just time them: applying is the
 * browser's work, not the server's, and doing it for hundreds of clients made the load
 * generator, not the server, decide the latency figures. The receipt time is taken before
 * any processing.
 */
import { performance } from "node:perf_hooks";
import WebSocket from "ws";
import * as Y from "yjs";
import * as encoding from "lib0/encoding";
import * as decoding from "lib0/decoding";
import * as syncProtocol from "y-protocols/sync";
import { scanTags } from "./tags";

const MESSAGE_SYNC = 0;
/** Origin of updates that came from the server, so they are not sent back. */
const REMOTE = Symbol("remote");

export type TagListener = (receiver: LeanClient, writer: number, seq: number, at: number) => void;

export interface ClientOptions {
  url: string;
  cookie?: string | undefined;
  /** False for the bare relay: it holds no state, so nobody would answer a sync step 1. */
  handshake: boolean;
  onTag?: TagListener;
}

export class LeanClient {
  readonly doc = new Y.Doc();
  readonly ws: WebSocket;
  /** Resolves once the server's sync step 2 is applied (relay: once the socket is open). */
  readonly synced: Promise<void>;
  /** Resolves with the close code. */
  readonly closed: Promise<number>;
  /** Highest sequence number received per writer: detects loss, duplicates and reordering. */
  readonly lastSeq = new Map<number, number>();
  /** Global writer id when this client writes, else -1 (its own echoes are not deliveries). */
  writerId = -1;
  /** False for readers once their room is set up: live updates are timed, not applied. */
  applyRemote = true;
  readonly startedAt = performance.now();
  syncedAt = 0;

  constructor(options: ClientOptions) {
    const onTag = options.onTag;
    this.ws = new WebSocket(options.url, {
      headers: options.cookie ? { Cookie: options.cookie } : {},
      perMessageDeflate: false,
    });
    this.ws.binaryType = "nodebuffer";
    let resolveSynced!: () => void;
    let rejectSynced!: (error: Error) => void;
    this.synced = new Promise<void>((resolve, reject) => {
      resolveSynced = () => {
        this.syncedAt = performance.now();
        resolve();
      };
      rejectSynced = reject;
    });
    this.closed = new Promise<number>((resolve) => {
      this.ws.on("close", (code) => {
        rejectSynced(new Error(`closed with ${code} before sync`));
        resolve(code);
      });
    });
    this.synced.catch(() => {}); // a failed sync is reported by whoever awaits it
    this.ws.on("error", (error) => rejectSynced(error));
    this.ws.on("unexpected-response", (_req, res) => rejectSynced(new Error(`upgrade refused: HTTP ${res.statusCode}`)));

    this.ws.on("open", () => {
      if (!options.handshake) return resolveSynced();
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeSyncStep1(encoder, this.doc);
      this.send(encoding.toUint8Array(encoder));
    });

    this.ws.on("message", (data: Buffer) => {
      const at = performance.now();
      const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      // Only live updates count as fan-out; a late joiner's step 2 is not a delivery.
      if (onTag && bytes[0] === MESSAGE_SYNC && bytes[1] === syncProtocol.messageYjsUpdate) {
        scanTags(bytes, (writer, seq) => onTag(this, writer, seq, at));
      }
      const decoder = decoding.createDecoder(bytes);
      if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return; // awareness etc.: not part of this workload
      // Hot path: a live update needs no reply, so no encoder is allocated for it (they showed up in the load generator's GC).
      if (bytes[1] === syncProtocol.messageYjsUpdate) {
        if (!this.applyRemote) return;
        decoding.readVarUint(decoder);
        syncProtocol.readUpdate(decoder, this.doc, REMOTE);
        return;
      }
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, MESSAGE_SYNC);
      const step = syncProtocol.readSyncMessage(decoder, reply, this.doc, REMOTE);
      if (encoding.length(reply) > 1) this.send(encoding.toUint8Array(reply));
      if (step === syncProtocol.messageYjsSyncStep2) resolveSynced();
    });

  }

  /**
   * Sends local edits as sync updates, like the stock provider. Only writers call this: an
   * "update" listener makes Yjs encode every applied update, which made each reader's
   * apply about 4x dearer and turned the load generator into the bottleneck.
   */
  enableSending(): void {
    this.doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE) return;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeUpdate(encoder, update);
      this.send(encoding.toUint8Array(encoder));
    });
  }

  send(message: Uint8Array) {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(message, { binary: true });
  }

  async close(): Promise<void> {
    // A getter, so the compiler does not assume the state cannot change across the await.
    const state = (): number => this.ws.readyState;
    if (state() === WebSocket.CLOSED) return;
    this.ws.close();
    await Promise.race([this.closed, new Promise((r) => setTimeout(r, 2_000))]);
    if (state() !== WebSocket.CLOSED) this.ws.terminate();
    this.doc.destroy();
  }
}

/** Opens clients a batch at a time (a burst of hundreds of upgrades would overflow the listen backlog) and waits until all are synced. */
export async function openClients(count: number, make: (index: number) => LeanClient, batch = 50): Promise<LeanClient[]> {
  const clients: LeanClient[] = [];
  for (let start = 0; start < count; start += batch) {
    const group: LeanClient[] = [];
    for (let i = start; i < Math.min(count, start + batch); i++) group.push(make(i));
    clients.push(...group);
    try {
      await Promise.all(group.map((c) => c.synced));
    } catch (error) {
      await closeClients(clients);
      throw error;
    }
  }
  return clients;
}

export async function closeClients(clients: LeanClient[]): Promise<void> {
  await Promise.all(clients.map((c) => c.close()));
}
