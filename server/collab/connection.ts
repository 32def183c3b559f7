/**
 * One editor's WebSocket in a room. Speaks the y-websocket protocol; everything read from
 * the socket is untrusted: a text frame, a truncated varint, an unknown message type or an
 * update Yjs cannot apply closes this socket only. Read-only connections may sync and
 * show presence, but their document updates are dropped unread.
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import * as awarenessProtocol from "y-protocols/awareness";
import type WebSocket from "ws";
import type { Socket } from "node:net";
import { batchWrites } from "./send-batching";
import { binaryFrame, type Frame } from "./frames";
import { savedMessage, type ChangeOrigin, type Room, type RoomMember } from "./room";
import type { SendAllowance } from "./token-bucket";
import type { Access } from "./gate";
import { parseAwarenessUpdate, encodeAwarenessUpdate, stampState, type StampedUser } from "./awareness-stamp";
import {
  COLLAB_CLOSE,
  COLLAB_LIMITS,
  MESSAGE_AUTH,
  MESSAGE_AWARENESS,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SYNC,
} from "#shared/collab/protocol";

const SYNC_STEP1 = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

export interface ConnectionInfo {
  userId: string;
  sessionId: string;
  user: StampedUser;
  access: Access;
  wantsAck: boolean;
  /** What this connection may send: its own allowance and its person's, both charged per message. */
  allowances: SendAllowance[];
}

export class Connection implements RoomMember, ChangeOrigin {
  readonly awarenessIds = new Set<number>();
  readonly wantsAck: boolean;
  readonly contributorId: string;
  private queue: Uint8Array[] | null = [];
  private handshakeTimer: NodeJS.Timeout | null;
  private alive = true;
  /** Whether the one answer to the server's first sync step has arrived (later step-2 messages count as live edits). */
  private resynced = false;
  closed = false;

  constructor(
    readonly ws: WebSocket,
    readonly room: Room,
    public info: ConnectionInfo,
    private readonly onClose: (connection: Connection) => void,
  ) {
    this.wantsAck = info.wantsAck;
    this.contributorId = info.userId;
    this.handshakeTimer = setTimeout(() => this.close(COLLAB_CLOSE.handshakeTimeout, "sync handshake timed out"), COLLAB_LIMITS.handshakeMs);
    ws.binaryType = "nodebuffer";
    ws.on("message", (data: Buffer, isBinary: boolean) => {
      if (this.closed) return;
      if (!this.charge(data.byteLength, 0)) return;
      if (!isBinary) return this.close(COLLAB_CLOSE.malformed, "binary frames only");
      const message = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      if (this.queue) this.queue.push(message);
      else this.handle(message);
    });
    ws.on("pong", () => (this.alive = true));
    ws.on("close", () => this.cleanup());
    ws.on("error", () => this.close(COLLAB_CLOSE.malformed, "socket error"));
  }

  /** Called once the room's stored state is loaded: greet, then process what arrived meanwhile. */
  start() {
    if (this.closed) return;
    this.room.members.add(this);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, this.room.doc);
    this.send(encoding.toUint8Array(encoder));
    const states = this.room.awareness.getStates();
    if (states.size > 0) {
      const awareness = encoding.createEncoder();
      encoding.writeVarUint(awareness, MESSAGE_AWARENESS);
      encoding.writeVarUint8Array(awareness, awarenessProtocol.encodeAwarenessUpdate(this.room.awareness, [...states.keys()]));
      this.send(encoding.toUint8Array(awareness));
    }
    if (this.wantsAck) {
      const stored = this.room.storedSnapshot();
      if (stored) this.send(savedMessage(stored));
    }
    const queued = this.queue ?? [];
    this.queue = null;
    for (const message of queued) this.handle(message);
  }

  private handle(message: Uint8Array) {
    if (this.closed) return;
    try {
      const decoder = decoding.createDecoder(message);
      const type = decoding.readVarUint(decoder);
      switch (type) {
        case MESSAGE_SYNC:
          if (!this.charge(0, 1)) return;
          return this.handleSync(decoder);
        case MESSAGE_AWARENESS:
          return this.handleAwareness(decoding.readVarUint8Array(decoder));
        case MESSAGE_QUERY_AWARENESS: {
          if (!this.charge(0, 1)) return;
          const encoder = encoding.createEncoder();
          encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
          encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.room.awareness, [...this.room.awareness.getStates().keys()]));
          return this.send(encoding.toUint8Array(encoder));
        }
        case MESSAGE_AUTH: // only servers send these; authentication happened at the upgrade
        default:
          return this.close(COLLAB_CLOSE.malformed, "unknown message type");
      }
    } catch {
      this.close(COLLAB_CLOSE.malformed, "malformed message");
    }
  }

  private handleSync(decoder: decoding.Decoder) {
    const step = decoding.readVarUint(decoder);
    if (step === SYNC_STEP1) {
      const stateVector = decoding.readVarUint8Array(decoder);
      this.finishHandshake();
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      encoding.writeVarUint(encoder, SYNC_STEP2);
      encoding.writeVarUint8Array(encoder, this.room.encodeStateAsUpdate(stateVector));
      this.send(encoding.toUint8Array(encoder));
      return;
    }
    if (step !== SYNC_STEP2 && step !== SYNC_UPDATE) return this.close(COLLAB_CLOSE.malformed, "unknown sync step");
    const update = decoding.readVarUint8Array(decoder);
    const kind = step === SYNC_STEP2 && !this.resynced ? "resync" : "live";
    if (step === SYNC_STEP2) this.resynced = true;
    // Readers' edits are dropped unread: the stored document stays byte-for-byte the same.
    if (this.info.access !== "write") return;
    const refusal = this.room.receiveUpdate(update, this, kind);
    if (refusal) this.close(refusal.code, refusal.reason);
  }

  private handleAwareness(update: Uint8Array) {
    const entries = parseAwarenessUpdate(update);
    const accepted = [];
    for (const entry of entries) {
      // Someone else's client id: ignored, not refused. Stock clients pass on the awareness
      // changes they see (e.g. a colleague timing out), so honest ones send these too.
      if (!this.room.claimAwareness(entry.clientId, this)) continue;
      // The server numbers each id's states itself: an editor that reconnects starts again at
      // the clock it had, which everyone (having seen it leave) would otherwise ignore as old.
      const clock = this.room.nextAwarenessClock(entry.clientId);
      accepted.push({ clientId: entry.clientId, clock, state: stampState(entry.state, this.info.user, this.info.access !== "write") });
    }
    if (accepted.length === 0 || !this.charge(0, 1)) return;
    awarenessProtocol.applyAwarenessUpdate(this.room.awareness, encodeAwarenessUpdate(accepted), this);
  }

  /**
   * Charges bytes (every frame) or a message against this connection's and its person's
   * allowances; closes the connection when either is spent. Awareness frames that only pass
   * on other people's carets cost bytes, not messages: every stock client echoes each
   * colleague's caret move back to the server, so in a meeting of 30 these are most frames.
   */
  private charge(bytes: number, messages: number): boolean {
    for (const allowance of this.info.allowances) {
      if (!allowance.take(bytes, messages)) {
        this.close(COLLAB_CLOSE.tooFast, "too many messages");
        return false;
      }
    }
    return true;
  }

  private finishHandshake() {
    if (this.handshakeTimer) {
      clearTimeout(this.handshakeTimer);
      this.handshakeTimer = null;
    }
  }

  send(message: Uint8Array) {
    this.sendFrame(binaryFrame(message));
  }

  /**
   * Writes a frame (frames.ts) to the socket, after whatever this turn wrote before it
   * (send-batching.ts). ws keeps its socket in `_socket` (stable across ws 8, not typed): the
   * one place we reach in. ws's own writes (pings, the close frame) go to the same socket in
   * order, and with compression off ws never holds a message back, so frames cannot overtake
   * each other. A write that fails errors the socket, which ws closes (and `cleanup` runs).
   */
  sendFrame(frame: Frame) {
    if (this.closed) return;
    const socket = (this.ws as unknown as { _socket?: Socket })._socket;
    if (this.ws.readyState !== this.ws.OPEN || !socket) return this.close(COLLAB_CLOSE.malformed, "not open");
    batchWrites(socket);
    socket.write(frame);
  }

  /** Keep-alive: a connection that missed the previous ping is dead. */
  ping(): boolean {
    if (!this.alive) {
      this.ws.terminate();
      return false;
    }
    this.alive = false;
    this.ws.ping();
    return true;
  }

  close(code: number, reason: string) {
    if (this.closed) return;
    try {
      this.ws.close(code, reason);
    } catch {
      this.ws.terminate();
    }
    this.cleanup();
  }

  private cleanup() {
    if (this.closed) return;
    this.closed = true;
    this.finishHandshake();
    this.room.removeMember(this);
    if (this.awarenessIds.size > 0) awarenessProtocol.removeAwarenessStates(this.room.awareness, [...this.awarenessIds], null);
    this.onClose(this);
  }
}
