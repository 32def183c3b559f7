/**
 * One loaded document and the connections editing it. Updates are applied to the
 * in-memory Y.Doc, relayed to the other connections at once, and appended to the database
 * by the process-wide FlushScheduler at most COLLAB_LIMITS.flushWindowMs later. After each
 * committed batch, editors that asked for it get the stored state vector, so "saved" means stored.
 *
 * With several instances, every instance that holds the document has a Room for it and tells
 * the others (RoomPeers) each update, presence change and client-id claim. Each instance stores
 * everything its Room holds, its peers' updates included (they are idempotent): an instance
 * killed before its flush loses nothing that reached a peer, and "saved" stays true for every
 * editor, whichever instance relayed what (docs/decisions/0015).
 */
import type { DocumentOwner } from "#shared/policy";
import * as Y from "yjs";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import * as awarenessProtocol from "y-protocols/awareness";
import type { DocumentStore } from "./document-store";
import { LOAD_ORIGIN } from "./document-store";
import { COLLAB_CLOSE, MESSAGE_AWARENESS, MESSAGE_SAVED, MESSAGE_SYNC } from "#shared/collab/protocol";
import type { FlushableRoom, FlushScheduler, PendingBatch } from "./flush-scheduler";
import { encodeStoredSnapshot } from "#shared/collab/saved-snapshot";
import type { Logger } from "../log";
import { ClientIds, SERVER_AUTHOR } from "./client-ids";
import type { CollabLimits } from "./limits";
import { inspectUpdate } from "./inspect-update";
import { decodePeerMessage, encodePeerMessage, type PeerMessage } from "./peer-messages";
import { binaryFrame, type Frame } from "./frames";

export interface RoomMember {
  send(message: Uint8Array): void;
  /** Sends a message framed once for all its recipients (frames.ts). */
  sendFrame(frame: Frame): void;
  /** Ends this member's connection with a close code the editor explains. */
  close(code: number, reason: string): void;
  readonly wantsAck: boolean;
  /** The person behind the connection. */
  readonly contributorId: string;
  /** Awareness client ids this connection speaks for (at most one). */
  readonly awarenessIds: Set<number>;
}

/**
 * How an update reached the server: "live" for edits as they happen, "resync" for the one
 * answer to the server's first sync step, which carries whatever the server lacks, possibly
 * including other people's edits it had relayed but not stored before a crash.
 */
export type UpdateKind = "live" | "resync";

/** A refused update: the close code for its sender and a reason for the log. */
export interface Refusal {
  code: number;
  reason: string;
}

/**
 * Whole-document work runs once per document across instances: a hook answers "later" when
 * another instance holds that work right now; the room then keeps what it would have handed
 * over and asks again after the same delay.
 */
export const LATER = "later";

export interface RoomHooks {
  /** Whole-document work (derived text, projections), debounced; never per keystroke. */
  derive(doc: Y.Doc): Promise<void | typeof LATER>;
  /** Called once the document was changed and then left idle for `idleAfterMs` (automatic versions). */
  idle(doc: Y.Doc, contributors: ReadonlySet<string>): Promise<void | typeof LATER>;
  idleAfterMs: number;
  /** Folds the stored log into the snapshot (runs in the background while the room stays open). */
  compact(): Promise<{ foldedRows: number; foldedBytes: number; snapshotBytes: number } | typeof LATER>;
  /** Whether other people's unstored edits may be handed back by a reconnecting editor now. */
  inRecoveryWindow(): boolean;
  /**
   * Outside that window, whether such a hand-back may be tried again (close "out of order", the
   * editor reconnects) rather than refused: with several instances, the window opens when one
   * dies, which the others learn only a few seconds later.
   */
  retryHandBackLater: boolean;
}

/** The other instances that hold this document; in one process, nobody. */
export interface RoomPeers {
  readonly instanceId: string;
  readonly shared: boolean;
  subscribe(handler: (message: Uint8Array) => void): Promise<void>;
  publish(message: Uint8Array): void;
  unsubscribe(): Promise<void>;
}

/** An update or presence change that a peer instance applied first (and checked). */
class PeerOrigin implements ChangeOrigin {
  constructor(readonly contributorId: string) {}
}
const FROM_PEER_SYNC = new PeerOrigin("");

/** Who caused an update: a connection (its person) or a server-side change on someone's behalf. */
export interface ChangeOrigin {
  readonly contributorId: string;
}

/**
 * Derived text, JSON and projections are rewritten at most this often while a room changes
 * (and always when it unloads): they serve search, previews and overviews, which can be
 * seconds behind, and each derivation rewrites the whole document's JSON.
 */
const DERIVE_AFTER_MS = 5_000;
const EMPTY = new Uint8Array(0);

/** An update that carries nothing (no structs, no deletions): two zero varints. */
function isEmptyUpdate(update: Uint8Array): boolean {
  return update.byteLength <= 2 && update.every((byte) => byte === 0);
}

export function savedMessage(snapshot: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SAVED);
  encoding.writeVarUint8Array(encoder, snapshot);
  return encoding.toUint8Array(encoder);
}
export class Room implements FlushableRoom {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly members = new Set<RoomMember>();
  readonly ready: Promise<void>;
  clientIds = new ClientIds();
  private pending: Uint8Array[] = [];
  private deriveTimer: NodeJS.Timeout | null = null;
  private dirtySinceDerive = false;
  /** What is stored: log rows and bytes, snapshot bytes; plus bytes applied but not yet stored. */
  private logRows = 0;
  private logBytes = 0;
  private snapshotBytes = 0;
  private unstoredBytes = 0;
  private compacting: Promise<void> | null = null;
  private failed = false;
  private lastStoredSnapshot: Uint8Array | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  /** People who changed the document since the last idle notification (for version history). */
  private contributors = new Set<string>();
  /** Members whose updates left Yjs waiting for predecessors, and how much is waiting. */
  private pendingFrom = new Set<RoomMember>();
  private pendingUpdates = 0;
  private pendingTimer: NodeJS.Timeout | null = null;
  /** Set while applying an update that may release waiting ones (see receiveUpdate). */
  private echoToSender = false;
  private destroyed = false;
  /** Peer messages that arrived while the stored state was loading. */
  private peerQueue: Uint8Array[] | null = [];

  constructor(
    readonly name: string,
    readonly owner: DocumentOwner,
    private readonly store: DocumentStore,
    private readonly hooks: RoomHooks,
    private readonly log: Logger,
    private readonly flusher: FlushScheduler,
    private readonly limits: CollabLimits,
    private readonly peers: RoomPeers,
  ) {
    // Awareness has no local client on the server.
    this.awareness.setLocalState(null);
    // Listen to the peers before reading the store: nothing they relay meanwhile is missed.
    this.ready = peers.subscribe((message) => this.fromPeer(message)).then(() => store.loadInto(name, this.doc)).then((loaded) => {
      this.logRows = loaded.logLength;
      this.logBytes = loaded.logBytes;
      this.snapshotBytes = loaded.snapshotBytes;
      this.clientIds = new ClientIds(loaded.clientIds);
      if (this.hasPendingStructs()) {
        // Stored before pending updates were bounded: keep them in the store, not in memory.
        this.log.warn(`[collab] ${name}: stored updates wait for predecessors that never arrived; ignoring them in memory`);
        this.dropPendingStructs();
      }
      this.doc.on("update", this.onUpdate);
      this.awareness.on("update", this.onAwarenessUpdate);
      const queued = this.peerQueue ?? [];
      this.peerQueue = null;
      for (const message of queued) this.handlePeerMessage(message);
      // Peers may hold updates they have not stored yet: ask for them.
      this.syncWithPeers();
    });
  }

  /**
   * Whether a change goes to the peers: not one they sent us, and nothing at all in one
   * process, where encoding a peer message per keystroke would be work for nobody.
   */
  private tellsPeers(origin: unknown): boolean {
    return this.peers.shared && !(origin instanceof PeerOrigin);
  }

  /** Tells the peers this room's state vector; each answers with what this room lacks. */
  syncWithPeers() {
    if (this.peers.shared && this.peerQueue === null) this.peers.publish(encodePeerMessage({ type: "sync", from: this.peers.instanceId, stateVector: Y.encodeStateVector(this.doc) }));
  }

  private fromPeer(bytes: Uint8Array) {
    if (this.peerQueue) this.peerQueue.push(bytes);
    else this.handlePeerMessage(bytes);
  }

  private handlePeerMessage(bytes: Uint8Array) {
    let message: PeerMessage;
    try {
      message = decodePeerMessage(bytes);
    } catch (error) {
      this.log.error(`[collab] ${this.name}: unreadable message from a peer instance`, error);
      return;
    }
    switch (message.type) {
      case "update":
        Y.applyUpdate(this.doc, message.update, message.contributorId ? new PeerOrigin(message.contributorId) : FROM_PEER_SYNC);
        return;
      case "awareness":
        awarenessProtocol.applyAwarenessUpdate(this.awareness, message.update, FROM_PEER_SYNC);
        return;
      case "claim":
        if (this.clientIds.claim(message.clientId, message.userId) && this.clientIds.hasUnsaved) this.flusher.markDirty(this);
        return;
      case "sync": {
        const ours = [...this.members].flatMap((member) => [...member.awarenessIds]).filter((id) => this.awareness.getStates().has(id));
        const awareness = ours.length > 0 ? awarenessProtocol.encodeAwarenessUpdate(this.awareness, ours) : EMPTY;
        this.peers.publish(
          encodePeerMessage({ type: "syncReply", to: message.from, update: this.encodeStateAsUpdate(message.stateVector), awareness, stateVector: Y.encodeStateVector(this.doc) }),
        );
        return;
      }
      case "syncReply": {
        if (message.to !== this.peers.instanceId) return;
        Y.applyUpdate(this.doc, message.update, FROM_PEER_SYNC);
        if (message.awareness.byteLength > 0) awarenessProtocol.applyAwarenessUpdate(this.awareness, message.awareness, FROM_PEER_SYNC);
        // What the answering peer lacks (say, edits made here while Redis was away) goes back as an update.
        const missing = this.encodeStateAsUpdate(message.stateVector);
        if (!isEmptyUpdate(missing)) this.peers.publish(encodePeerMessage({ type: "update", contributorId: "", update: missing }));
        return;
      }
    }
  }

  /** Bytes the document takes: stored snapshot and log, plus what is applied but not yet stored. */
  get sizeBytes(): number {
    return this.snapshotBytes + this.logBytes + this.unstoredBytes;
  }

  /**
   * Applies a client's update, or refuses it before it touches the document: too large for
   * the document, nested too deeply, or new content under a client id that belongs to
   * someone else. Returns the refusal; the caller closes the connection with its code.
   */
  receiveUpdate(update: Uint8Array, from: RoomMember, kind: UpdateKind): Refusal | null {
    if (this.sizeBytes + update.byteLength > this.limits.maxDocumentBytes) {
      return { code: COLLAB_CLOSE.documentTooLarge, reason: "document size limit reached" };
    }
    const verdict = inspectUpdate(this.doc, update, this.limits.maxDepth);
    if (!verdict.ok) {
      if (verdict.reason === "unplaceable-type" || verdict.reason === "unknown-deletion") return { code: COLLAB_CLOSE.outOfOrder, reason: `update out of order (${verdict.reason})` };
      return { code: COLLAB_CLOSE.refused, reason: `update refused (${verdict.reason})` };
    }
    for (const clientId of verdict.newContentBy) {
      const owner = this.clientIds.ownerOf(clientId);
      if (owner === from.contributorId) continue;
      if (owner === undefined) {
        // A live edit is its sender's own; a resync may carry anybody's unstored edits, so it claims nothing.
        if (kind === "live") this.claim(clientId, from.contributorId);
        continue;
      }
      if (kind === "live") return { code: COLLAB_CLOSE.refused, reason: "content under another person's client id" };
      if (!this.hooks.inRecoveryWindow()) {
        if (this.hooks.retryHandBackLater) return { code: COLLAB_CLOSE.outOfOrder, reason: "another person's edits outside the recovery window" };
        return { code: COLLAB_CLOSE.refused, reason: "content under another person's client id" };
      }
      // Shortly after a restart, a resync may hand back a colleague's edits the server had
      // relayed but not stored; if that colleague is connected, they hand them back themselves.
      if (this.isConnected(owner)) return { code: COLLAB_CLOSE.outOfOrder, reason: "another person's edits while they are connected" };
    }
    // Updates that Yjs kept waiting may be applied along with this one: then the sender, too,
    // must receive the result, or it never learns of them.
    const pendingBefore = this.pendingBytes();
    this.echoToSender = pendingBefore > 0;
    try {
      Y.applyUpdate(this.doc, update, from);
    } finally {
      this.echoToSender = false;
    }
    return this.checkPending(from, pendingBefore);
  }

  /**
   * The document as an update for a client that sent `stateVector` (sync step 2), without
   * what waits for missing predecessors: Yjs would include it, and a client that can place
   * it would keep content the server may still drop.
   */
  encodeStateAsUpdate(stateVector: Uint8Array): Uint8Array {
    const { pendingStructs, pendingDs } = this.doc.store;
    this.dropPendingStructs();
    try {
      return Y.encodeStateAsUpdate(this.doc, stateVector);
    } finally {
      this.doc.store.pendingStructs = pendingStructs;
      this.doc.store.pendingDs = pendingDs;
    }
  }

  private isConnected(userId: string): boolean {
    for (const member of this.members) if (member.contributorId === userId) return true;
    return false;
  }

  /** Claims an awareness client id for `member`'s person; false when it belongs to someone else. */
  claimAwareness(clientId: number, member: RoomMember): boolean {
    if (member.awarenessIds.has(clientId)) return true;
    if (member.awarenessIds.size > 0) return false; // one id per connection
    if (!this.claim(clientId, member.contributorId)) return false;
    // The same person reconnected (their old socket may not have noticed yet): the id moves along.
    for (const other of this.members) if (other !== member) other.awarenessIds.delete(clientId);
    member.awarenessIds.add(clientId);
    return true;
  }

  /** The clock of an id's next awareness state, as this room numbers them. */
  nextAwarenessClock(clientId: number): number {
    return (this.awareness.meta.get(clientId)?.clock ?? 0) + 1;
  }

  private claim(clientId: number, userId: string): boolean {
    const isNew = this.clientIds.ownerOf(clientId) === undefined;
    const claimed = this.clientIds.claim(clientId, userId);
    // Before the update that uses it: peers check their own connections against the same owners.
    if (claimed && isNew && this.peers.shared) this.peers.publish(encodePeerMessage({ type: "claim", clientId, userId }));
    if (claimed && this.clientIds.hasUnsaved) this.flusher.markDirty(this);
    return claimed;
  }

  private hasPendingStructs(): boolean {
    return this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null;
  }

  private pendingBytes(): number {
    const { pendingStructs, pendingDs } = this.doc.store;
    return (pendingStructs?.update.byteLength ?? 0) + (pendingDs?.byteLength ?? 0);
  }

  /**
   * Yjs keeps updates whose predecessors are missing and re-merges them with every new one.
   * A few are normal for a moment; beyond the limits they are dropped and the members who
   * sent them are closed with a code that makes an honest editor resync (losing nothing).
   */
  private checkPending(from: RoomMember, pendingBefore: number): Refusal | null {
    if (!this.hasPendingStructs()) {
      if (this.pendingFrom.size > 0) this.clearPendingState();
      return null;
    }
    // Only those whose update added to what waits are answerable for it.
    if (this.pendingBytes() === pendingBefore) return null;
    this.pendingFrom.add(from);
    this.pendingUpdates += 1;
    if (this.pendingUpdates > this.limits.maxPendingUpdates || this.pendingBytes() > this.limits.maxPendingBytes) {
      this.dropPending(from);
      return { code: COLLAB_CLOSE.outOfOrder, reason: "too many updates out of order" };
    }
    if (!this.pendingTimer) {
      this.pendingTimer = setTimeout(() => {
        this.pendingTimer = null;
        if (this.hasPendingStructs()) this.dropPending(null);
      }, this.limits.pendingMs);
      this.pendingTimer.unref();
    }
    return null;
  }

  private dropPending(except: RoomMember | null) {
    const senders = [...this.pendingFrom];
    this.log.warn(`[collab] ${this.name}: dropping ${this.pendingUpdates} updates whose predecessors never arrived (${this.pendingBytes()} bytes)`);
    this.dropPendingStructs();
    this.clearPendingState();
    for (const member of senders) if (member !== except) member.close(COLLAB_CLOSE.outOfOrder, "updates out of order");
  }

  private dropPendingStructs() {
    this.doc.store.pendingStructs = null;
    this.doc.store.pendingDs = null;
  }

  private clearPendingState() {
    this.pendingFrom.clear();
    this.pendingUpdates = 0;
    if (this.pendingTimer) {
      clearTimeout(this.pendingTimer);
      this.pendingTimer = null;
    }
  }

  /** Forgets a member that left (it can no longer be closed for pending updates). */
  removeMember(member: RoomMember) {
    this.members.delete(member);
    this.pendingFrom.delete(member);
  }

  /** A server-side change (restore, programmatic edit) is written under the room's own client id. */
  claimForServer() {
    this.claim(this.doc.clientID, SERVER_AUTHOR);
  }

  private onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === LOAD_ORIGIN) return;
    const contributorId = (origin as Partial<ChangeOrigin> | null)?.contributorId;
    if (this.tellsPeers(origin)) this.peers.publish(encodePeerMessage({ type: "update", contributorId: contributorId ?? "", update }));
    this.pending.push(update);
    this.unstoredBytes += update.byteLength;
    this.dirtySinceDerive = true;
    if (contributorId) this.contributors.add(contributorId);
    this.scheduleIdle();
    this.flusher.markDirty(this);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeUpdate(encoder, update);
    // Framed once for the whole room, not once per member.
    const frame = binaryFrame(encoding.toUint8Array(encoder));
    for (const member of this.members) if (member !== origin || this.echoToSender) member.sendFrame(frame);
  };

  private onAwarenessUpdate = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
    const changed = [...added, ...updated, ...removed];
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(encoder, update);
    const frame = binaryFrame(encoding.toUint8Array(encoder));
    // Not back to its sender: the server numbers states itself (see Connection), and a stock
    // client that got its own state back with a newer number would send it again, forever.
    for (const member of this.members) if (member !== origin) member.sendFrame(frame);
    if (this.tellsPeers(origin)) this.peers.publish(encodePeerMessage({ type: "awareness", update }));
  };

  /** Stores what is pending now (and whatever other rooms have pending: one transaction). */
  flush(): Promise<void> {
    return this.flusher.flushAll();
  }

  takePending(): PendingBatch | null {
    if (this.pending.length === 0 && !this.clientIds.hasUnsaved) return null;
    const updates = this.pending;
    this.pending = [];
    // Everything applied so far is in this batch or an earlier one: this snapshot is stored
    // once it commits. Only editors that asked for acknowledgements need it.
    return { updates, claims: this.clientIds.takeUnsaved(), snapshot: this.wantsAcks() ? encodeStoredSnapshot(this.doc) : EMPTY };
  }

  private wantsAcks(): boolean {
    for (const member of this.members) if (member.wantsAck) return true;
    return false;
  }

  restorePending(batch: PendingBatch) {
    this.pending = batch.updates.concat(this.pending);
    this.clientIds.restoreUnsaved(batch.claims);
    this.failed = true;
  }

  afterStored(batch: PendingBatch) {
    this.failed = false;
    let bytes = 0;
    for (const update of batch.updates) bytes += update.byteLength;
    this.logRows += batch.updates.length;
    this.logBytes += bytes;
    this.unstoredBytes -= bytes;
    if (batch.snapshot.byteLength > 0) this.lastStoredSnapshot = batch.snapshot;
    this.announceSaved(batch.snapshot);
    if (batch.updates.length > 0) this.scheduleDerive();
    if (this.wantsCompaction) void this.compact();
  }

  /** Whether the stored log is long enough to fold into the snapshot: counted in rows and bytes, as stored. */
  get wantsCompaction(): boolean {
    return this.logRows >= this.limits.compactAfterRows || this.logBytes >= this.limits.compactAfterBytes;
  }

  /** Folds the log into the snapshot, once at a time; rows stored meanwhile stay counted. */
  compact(): Promise<void> {
    this.compacting ??= this.hooks
      .compact()
      .then((result) => {
        if (result === LATER) {
          // Another instance compacts this document now; its rows include ours. Count afresh.
          this.logRows = 0;
          this.logBytes = 0;
          return;
        }
        // Folded rows may include rows other instances stored, which this room never counted.
        this.logRows = Math.max(0, this.logRows - result.foldedRows);
        this.logBytes = Math.max(0, this.logBytes - result.foldedBytes);
        this.snapshotBytes = result.snapshotBytes;
      })
      .catch((error: unknown) => this.log.error(`[collab] compacting ${this.name} failed`, error))
      .finally(() => {
        this.compacting = null;
      });
    return this.compacting;
  }

  /**
   * What is stored right now, for an editor that (re)connects: without it, an
   * acknowledgement lost with a dropped connection would leave that editor "saving" forever.
   */
  storedSnapshot(): Uint8Array | null {
    if (this.pending.length === 0 && !this.failed) return encodeStoredSnapshot(this.doc);
    return this.lastStoredSnapshot;
  }

  private announceSaved(snapshot: Uint8Array) {
    if (snapshot.byteLength === 0) return;
    const frame = binaryFrame(savedMessage(snapshot));
    for (const member of this.members) if (member.wantsAck) member.sendFrame(frame);
  }

  private scheduleDerive() {
    if (this.deriveTimer) return;
    this.deriveTimer = setTimeout(() => {
      this.deriveTimer = null;
      void this.deriveNow();
    }, DERIVE_AFTER_MS);
    this.deriveTimer.unref();
  }

  private scheduleIdle() {
    // refresh() re-arms the same timer: no allocation per keystroke.
    if (this.idleTimer) this.idleTimer.refresh();
    else {
      this.idleTimer = setTimeout(() => void this.idleNow(), this.hooks.idleAfterMs);
      this.idleTimer.unref();
    }
  }

  takeContributors(): ReadonlySet<string> {
    const taken = this.contributors;
    this.contributors = new Set();
    return taken;
  }

  /** Tells the idle hook about changes since the last time, if there were any. */
  async idleNow(): Promise<void> {
    if (this.idleTimer) {
      clearTimeout(this.idleTimer);
      this.idleTimer = null;
    }
    if (this.contributors.size === 0) return;
    const contributors = this.contributors;
    this.contributors = new Set();
    await this.flush();
    try {
      if ((await this.hooks.idle(this.doc, contributors)) === LATER) {
        // Another instance records this version; if it goes away first, we still have the names.
        for (const contributor of contributors) this.contributors.add(contributor);
        this.scheduleIdle();
      }
    } catch (error) {
      this.log.error(`[collab] idle hook of ${this.name} failed`, error);
    }
  }

  async deriveNow(): Promise<void> {
    if (!this.dirtySinceDerive) return;
    this.dirtySinceDerive = false;
    try {
      if ((await this.hooks.derive(this.doc)) === LATER) {
        this.dirtySinceDerive = true;
        if (!this.destroyed) this.scheduleDerive();
      }
    } catch (error) {
      this.dirtySinceDerive = true;
      this.log.error(`[collab] deriving ${this.name} failed`, error);
    }
  }

  get hasUnsavedUpdates(): boolean {
    return this.pending.length > 0 || this.failed;
  }

  /** Stores everything and stops; called when the last member left or at shutdown. */
  async settle(): Promise<void> {
    await this.flush();
    await this.compacting;
    if (this.deriveTimer) {
      clearTimeout(this.deriveTimer);
      this.deriveTimer = null;
    }
    await this.deriveNow();
    // Leaving counts as going idle: the last editor's changes get their automatic version now.
    await this.idleNow();
  }

  destroy() {
    this.destroyed = true;
    if (this.deriveTimer) clearTimeout(this.deriveTimer);
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.peers.unsubscribe().catch((error: unknown) => this.log.error(`[collab] leaving the peers of ${this.name} failed`, error));
    this.clearPendingState();
    this.doc.off("update", this.onUpdate);
    this.awareness.off("update", this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }
}
