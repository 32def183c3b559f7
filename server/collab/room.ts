/**
 * One loaded document and the connections editing it. Updates are applied to the
 * in-memory Y.Doc, relayed to the other connections at once, and appended to the database
 * by the process-wide FlushScheduler at most COLLAB_LIMITS.flushWindowMs later. After each
 * committed batch, editors that asked for it get the stored state vector, so "saved" means stored.
 */
import * as Y from "yjs";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import * as awarenessProtocol from "y-protocols/awareness";
import type { DocumentStore } from "./document-store";
import { LOAD_ORIGIN } from "./document-store";
import { MESSAGE_AWARENESS, MESSAGE_SAVED, MESSAGE_SYNC } from "#shared/collab/protocol";
import type { FlushableRoom, FlushScheduler } from "./flush-scheduler";
import { encodeStoredSnapshot } from "#shared/collab/saved-snapshot";
import type { Logger } from "../log";

export interface RoomMember {
  send(message: Uint8Array): void;
  readonly wantsAck: boolean;
  /** Awareness client ids this connection speaks for (at most one). */
  readonly awarenessIds: Set<number>;
}

export interface RoomHooks {
  /** Whole-document work (derived text, projections), debounced; never per keystroke. */
  derive(doc: Y.Doc): Promise<void>;
  /** Called once the document was changed and then left idle for `idleAfterMs` (automatic versions). */
  idle(doc: Y.Doc, contributors: ReadonlySet<string>): Promise<void>;
  idleAfterMs: number;
}

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

export function savedMessage(snapshot: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SAVED);
  encoding.writeVarUint8Array(encoder, snapshot);
  return encoding.toUint8Array(encoder);
}
/** Compact when a document's log grows past this many batches. */
const COMPACT_AFTER = 500;

export class Room implements FlushableRoom {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly members = new Set<RoomMember>();
  readonly ready: Promise<void>;
  private pending: Uint8Array[] = [];
  private deriveTimer: NodeJS.Timeout | null = null;
  private dirtySinceDerive = false;
  private logLength = 0;
  private failed = false;
  private lastStoredSnapshot: Uint8Array | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  /** People who changed the document since the last idle notification (for version history). */
  private contributors = new Set<string>();

  constructor(
    readonly name: string,
    readonly networkId: string,
    private readonly store: DocumentStore,
    private readonly hooks: RoomHooks,
    private readonly log: Logger,
    private readonly flusher: FlushScheduler,
  ) {
    // Awareness has no local client on the server.
    this.awareness.setLocalState(null);
    this.ready = store.loadInto(name, this.doc).then(({ logLength }) => {
      this.logLength = logLength;
      this.doc.on("update", this.onUpdate);
      this.awareness.on("update", this.onAwarenessUpdate);
    });
  }

  private onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === LOAD_ORIGIN) return;
    this.pending.push(update);
    this.dirtySinceDerive = true;
    const contributor = (origin as Partial<ChangeOrigin> | null)?.contributorId;
    if (contributor) this.contributors.add(contributor);
    this.scheduleIdle();
    this.flusher.markDirty(this);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeUpdate(encoder, update);
    const message = encoding.toUint8Array(encoder);
    for (const member of this.members) if (member !== origin) member.send(message);
  };

  private onAwarenessUpdate = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
    const changed = [...added, ...updated, ...removed];
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    const message = encoding.toUint8Array(encoder);
    for (const member of this.members) member.send(message);
  };

  /** Stores what is pending now (and whatever other rooms have pending: one transaction). */
  flush(): Promise<void> {
    return this.flusher.flushAll();
  }

  takePending() {
    if (this.pending.length === 0) return null;
    const updates = this.pending;
    this.pending = [];
    // Everything applied so far is in this batch or an earlier one: this snapshot is stored
    // once it commits. Only editors that asked for acknowledgements need it.
    return { updates, snapshot: this.wantsAcks() ? encodeStoredSnapshot(this.doc) : EMPTY };
  }

  private wantsAcks(): boolean {
    for (const member of this.members) if (member.wantsAck) return true;
    return false;
  }

  restorePending(updates: Uint8Array[]) {
    this.pending = updates.concat(this.pending);
    this.failed = true;
  }

  afterStored(snapshot: Uint8Array) {
    this.failed = false;
    this.logLength += 1;
    if (snapshot.byteLength > 0) this.lastStoredSnapshot = snapshot;
    this.announceSaved(snapshot);
    this.scheduleDerive();
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
    const message = savedMessage(snapshot);
    for (const member of this.members) if (member.wantsAck) member.send(message);
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
      await this.hooks.idle(this.doc, contributors);
    } catch (error) {
      this.log.error(`[collab] idle hook of ${this.name} failed`, error);
    }
  }

  async deriveNow(): Promise<void> {
    if (!this.dirtySinceDerive) return;
    this.dirtySinceDerive = false;
    try {
      await this.hooks.derive(this.doc);
    } catch (error) {
      this.dirtySinceDerive = true;
      this.log.error(`[collab] deriving ${this.name} failed`, error);
    }
  }

  /** Whether the log is long enough to fold into the snapshot. */
  get wantsCompaction(): boolean {
    return this.logLength >= COMPACT_AFTER;
  }

  get hasUnsavedUpdates(): boolean {
    return this.pending.length > 0 || this.failed;
  }

  /** Stores everything and stops; called when the last member left or at shutdown. */
  async settle(): Promise<void> {
    await this.flush();
    if (this.deriveTimer) {
      clearTimeout(this.deriveTimer);
      this.deriveTimer = null;
    }
    await this.deriveNow();
    // Leaving counts as going idle: the last editor's changes get their automatic version now.
    await this.idleNow();
  }

  destroy() {
    this.doc.off("update", this.onUpdate);
    this.awareness.off("update", this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }

  noteCompacted(remaining: number) {
    this.logLength = remaining;
  }
}
