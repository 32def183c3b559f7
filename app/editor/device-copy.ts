import type * as Y from "yjs";
import { IndexeddbPersistence } from "y-indexeddb";
import { DEVICE_DB_PREFIX } from "~/lib/device-copies";
import type { SaveTracker, UnsentEdits } from "./save-state";

/** Where the record of edits not yet confirmed by the server lives in the copy's "custom" store. */
const UNSENT_KEY = "unsent";
/** IndexedDB can stall (a blocked upgrade in another tab): the editor then opens without the copy. */
const LOAD_PATIENCE_MS = 3000;

/** `promise`, or nothing once `ms` have passed. */
function settledWithin(promise: Promise<void>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const givenUp = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  return Promise.race([promise, givenUp]).finally(() => clearTimeout(timer));
}

/**
 * The document's copy in this browser's IndexedDB (y-indexeddb), so edits survive a reload,
 * a closed tab or a dead battery while offline. y-indexeddb writes each update in its own
 * readwrite transaction as the update happens; it does not say when a write is committed.
 * IndexedDB runs transactions on one store in order, so a readonly transaction begun after
 * an edit completes only after that edit's write: its completion is the proof we report.
 */
export class DeviceCopy {
  available = false;
  private readonly persistence: IndexeddbPersistence | null = null;
  private edits = 0;
  private confirmed = 0;
  private checkScheduled = false;
  private earlierRead: Promise<void> = Promise.resolve();
  /**
   * Settles once the copy kept on this device is in the document (or there is none, or it
   * cannot be read): the editor waits for it, so an offline page never shows, and lets
   * people type into, an empty document that the device's copy then fills in.
   */
  readonly loaded: Promise<void>;

  constructor(
    docName: string,
    doc: Y.Doc,
    private readonly tracker: SaveTracker,
    private readonly changed: () => void,
  ) {
    this.loaded = Promise.resolve();
    if (typeof indexedDB === "undefined") return;
    try {
      const persistence = new IndexeddbPersistence(`${DEVICE_DB_PREFIX}${docName}`, doc);
      this.persistence = persistence;
      this.available = true;
      this.earlierRead = persistence.whenSynced
        .then(() => persistence.get(UNSENT_KEY) as Promise<unknown>)
        .then((stored) => {
          const unsent = typeof stored === "string" ? (JSON.parse(stored) as UnsentEdits) : null;
          if (unsent?.clients && Array.isArray(unsent.deletions)) tracker.addEarlier(unsent);
          this.changed();
        })
        .catch(() => this.changed());
      this.loaded = settledWithin(this.earlierRead, LOAD_PATIENCE_MS);
    } catch {
      this.available = false;
    }
  }

  /** Keeps what the server has not confirmed beside the copy, or forgets it once all is confirmed. */
  recordUnsent(): Promise<unknown> {
    // Never before the earlier sessions' record has been read: the editor's first (local)
    // transaction would otherwise overwrite it with "nothing unsent".
    return this.earlierRead.then(() => {
      const persistence = this.persistence;
      if (!persistence?.db) return undefined;
      const unsent = this.tracker.unsent();
      const nothing = Object.keys(unsent.clients).length === 0 && unsent.deletions.length === 0;
      return (nothing ? persistence.del(UNSENT_KEY) : persistence.set(UNSENT_KEY, JSON.stringify(unsent))).catch(() => undefined);
    });
  }

  noteLocalTransaction(): void {
    if (!this.persistence) return;
    this.edits += 1;
    if (this.checkScheduled) return;
    this.checkScheduled = true;
    // A task later: y-indexeddb has then issued the write for every edit up to now.
    setTimeout(() => this.confirm(), 0);
  }

  isCurrent(): boolean {
    return this.available && this.confirmed >= this.edits;
  }

  private confirm(): void {
    this.checkScheduled = false;
    const upTo = this.edits;
    const db = this.persistence?.db;
    if (!db) {
      // Still opening: y-indexeddb writes what the document holds once it is open; ask again.
      void this.persistence?.whenSynced.then(() => this.confirm());
      return;
    }
    // The record of unsent edits is written first (y-indexeddb issues it a moment later);
    // the check then begins after both writes, so its completion covers the edit and the record.
    void this.recordUnsent().then(() => {
      try {
        const check = db.transaction(["updates", "custom"], "readonly");
        check.oncomplete = () => {
          this.confirmed = Math.max(this.confirmed, upTo);
          this.changed();
        };
        check.onerror = check.onabort = () => this.changed();
      } catch {
        // The database was closed (logout cleared it): nothing is on this device any more.
        this.available = false;
        this.changed();
      }
    });
  }

  destroy(): void {
    void this.persistence?.destroy();
  }
}
