/**
 * One live connection to a collaborative document: the Y.Doc, the y-websocket provider and
 * the truth about its state (connecting, live, offline, ended; saved or not). Created in an
 * effect, so React StrictMode's double run creates, destroys and creates again cleanly.
 *
 * - "saved" only after the server's MESSAGE_SAVED covers this client's own clock;
 * - offline (browser says so): the socket is closed on purpose; edits stay in this Y.Doc
 *   and in the device's IndexedDB copy (y-indexeddb), so a reload or a closed tab loses
 *   nothing, and are sent with the next sync once the browser is online again. "On this
 *   device" is only claimed once IndexedDB has committed the edit (see DeviceCopy);
 * - the server's final close codes (session ended, access revoked, too many connections,
 *   document too large, change refused) stop reconnecting and say why; the codes after
 *   which it reconnects on its own (too fast, out of order) are explained for a while;
 * - an upgrade the server refuses outright (HTTP 401/404 before the WebSocket opens) looks
 *   like a network error to the browser, so after a few failed attempts the page itself is
 *   asked whether the session or the access is gone.
 */
import { useEffect, useRef, useState } from "react";
import * as Y from "yjs";
import type * as decoding from "lib0/decoding";
import { WebsocketProvider } from "y-websocket";
import { ACK_PARAM, COLLAB_CLOSE, FINAL_CLOSE_CODES, MESSAGE_SAVED } from "#shared/collab/protocol";
import { SaveTracker } from "./save-state";
import { DeviceCopy } from "./device-copy";
import { installRemoteChangeGate, type RemoteChangeGate } from "./remote-change-gate";

export type ConnectionState = "connecting" | "live" | "offline" | "ended";

export interface CollabSnapshot {
  connection: ConnectionState;
  saved: boolean;
  /** Every local edit is committed to this device's copy (or there is no copy: false). */
  onDevice: boolean;
  /** Whether this device keeps a copy at all (IndexedDB can be missing or refused). */
  deviceCopy: boolean;
  /** The close code that ended the session for good, if any. */
  endedBy: number | null;
  /** A recent close code the editor recovers from by itself, worth telling the person about. */
  interruptedBy: number | null;
}

/** Close codes after which the provider reconnects by itself, but the person should know why it paused. */
const EXPLAINED_CLOSE_CODES: ReadonlySet<number> = new Set([COLLAB_CLOSE.tooFast, COLLAB_CLOSE.outOfOrder]);
/** How long such an explanation stays after the connection is live again. */
const INTERRUPTION_NOTICE_MS = 8_000;
/**
 * How long the editor waits for the server's copy before it opens on what the device has:
 * appearing with its text, not filling in under the reader's eyes (which moves everything
 * below it: Lighthouse counted a layout shift of 0.38 on a phone), but never stuck on a
 * slow line.
 */
const FIRST_TEXT_PATIENCE_MS = 2_000;

export interface CollabSession {
  doc: Y.Doc;
  provider: WebsocketProvider;
  gate: RemoteChangeGate;
}

export interface CollabUser {
  id: string;
  name: string;
  colour: string;
  readOnly: boolean;
}

const FAILURES_BEFORE_PROBE = 3;

function collabServerUrl(): string {
  return `${window.location.protocol === "https:" ? "wss" : "ws"}://${window.location.host}/collab`;
}

/** Asks the page whether the session or access is gone (the upgrade itself cannot say). */
async function probeAccess(): Promise<number | null> {
  try {
    const response = await fetch(window.location.pathname, { redirect: "manual", credentials: "same-origin", headers: { Accept: "text/html" } });
    if (response.type === "opaqueredirect" || response.status === 401) return COLLAB_CLOSE.sessionEnded;
    if (response.status === 404 || response.status === 403) return COLLAB_CLOSE.accessRevoked;
  } catch {
    // Network trouble: nothing to learn, keep trying.
  }
  return null;
}

export function useCollabSession(docName: string, user: CollabUser, onAccessChanged?: () => void) {
  // The latest callback, without re-creating the session when the page re-renders.
  const accessChanged = useRef(onAccessChanged);
  accessChanged.current = onAccessChanged;
  const [session, setSession] = useState<CollabSession | null>(null);
  const [snapshot, setSnapshot] = useState<CollabSnapshot>({ connection: "connecting", saved: true, onDevice: true, deviceCopy: false, endedBy: null, interruptedBy: null });

  useEffect(() => {
    const doc = new Y.Doc();
    const tracker = new SaveTracker(doc);
    const provider = new WebsocketProvider(collabServerUrl(), docName, doc, {
      params: { [ACK_PARAM]: "1" },
      // Connected one task later (below): StrictMode's throwaway first run never opens a socket.
      connect: false,
      // Another tab must never become a side channel around the server's access checks.
      disableBc: true,
      shouldReconnect: (event) => !FINAL_CLOSE_CODES.has(event.code),
    });
    const gate = installRemoteChangeGate(provider);
    const device = new DeviceCopy(docName, doc, tracker, () => publish());
    provider.awareness.setLocalStateField("user", { id: user.id, name: user.name, color: user.colour, readOnly: user.readOnly });

    let everLive = false;
    let endedBy: number | null = null;
    let interruptedBy: number | null = null;
    let interruptionTimer: number | undefined;
    let failures = 0;
    let opened = false;
    let disposed = false;

    // Coalesced and never synchronous: Yjs and awareness events can fire while React renders
    // (e.g. the editor binding its document), and a burst of keystrokes needs one update.
    let scheduled = false;
    // The editor opens once the device's copy is read and the server's copy is in, or once
    // there is no server copy to wait for (offline, ended) or FIRST_TEXT_PATIENCE_MS passed.
    let deviceRead = false;
    let editorOpen = false;
    let opensOnDevice: number | undefined;
    // Called on every publish (every keystroke publishes): once open, nothing to do.
    const openEditor = () => {
      if (disposed || !deviceRead || editorOpen) return;
      editorOpen = true;
      window.clearTimeout(opensOnDevice);
      setSession({ doc, provider, gate });
    };
    const publish = () => {
      if (scheduled) return;
      scheduled = true;
      queueMicrotask(() => {
        scheduled = false;
        publishNow();
      });
    };
    const publishNow = () => {
      if (disposed) return;
      let connection: ConnectionState;
      if (endedBy !== null) connection = "ended";
      else if (!navigator.onLine) connection = "offline";
      else if (provider.wsconnected && provider.synced) connection = "live";
      else connection = everLive ? "offline" : "connecting";
      if (connection === "live") everLive = true;
      if (connection === "live" && interruptedBy !== null && interruptionTimer === undefined) {
        interruptionTimer = window.setTimeout(() => {
          interruptedBy = null;
          interruptionTimer = undefined;
          publish();
        }, INTERRUPTION_NOTICE_MS);
      }
      setSnapshot({ connection, saved: tracker.isSaved(), onDevice: device.isCurrent(), deviceCopy: device.available, endedBy, interruptedBy });
      if (connection !== "connecting") openEditor();
    };

    const end = (code: number) => {
      if (endedBy !== null) return;
      endedBy = code;
      provider.shouldConnect = false;
      provider.disconnect();
      publish();
    };

    provider.messageHandlers[MESSAGE_SAVED] = (_encoder: unknown, decoder: decoding.Decoder) => {
      tracker.noteSaved(decoder);
      void device.recordUnsent();
      publish();
    };

    const onStatus = ({ status }: { status: string }) => {
      if (status === "connected") opened = true;
      publish();
    };
    const onClose = (event: CloseEvent | null) => {
      if (event && FINAL_CLOSE_CODES.has(event.code)) return end(event.code);
      // Rights changed (e.g. archived): the provider reconnects with the new rights; the page
      // reloads its data so the editor becomes read-only (or editable) to match.
      if (event?.code === COLLAB_CLOSE.accessChanged) accessChanged.current?.();
      if (event && EXPLAINED_CLOSE_CODES.has(event.code)) {
        interruptedBy = event.code;
        window.clearTimeout(interruptionTimer);
        interruptionTimer = undefined;
      }
      if (event) {
        failures = opened ? 0 : failures + 1;
        opened = false;
        if (failures > 0 && failures % FAILURES_BEFORE_PROBE === 0 && navigator.onLine) {
          void probeAccess().then((code) => code !== null && !disposed && end(code));
        }
      }
      publish();
    };
    const onAfterTransaction = (transaction: Y.Transaction) => {
      if (!transaction.local) return;
      tracker.noteLocalTransaction(transaction);
      device.noteLocalTransaction();
      publish();
    };
    const onOnline = () => {
      if (endedBy === null) provider.connect();
      publish();
    };
    const onOffline = () => {
      // Close on purpose: an emulated or flaky "offline" can leave a socket half alive,
      // and the edits are safe in the Y.Doc until the connection returns.
      provider.disconnect();
      publish();
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      // Stored by the server, or at least on this device: nothing is lost by leaving.
      if (tracker.isSaved() || device.isCurrent() || endedBy !== null) return;
      event.preventDefault();
    };

    provider.on("status", onStatus);
    provider.on("sync", publish);
    provider.on("connection-close", onClose);
    doc.on("afterTransaction", onAfterTransaction);
    window.addEventListener("online", onOnline);
    window.addEventListener("offline", onOffline);
    window.addEventListener("beforeunload", onBeforeUnload);
    const connectTimer = window.setTimeout(() => {
      if (navigator.onLine) provider.connect();
      publish();
    }, 0);
    void device.loaded.then(() => {
      deviceRead = true;
      opensOnDevice = window.setTimeout(openEditor, FIRST_TEXT_PATIENCE_MS);
      publish();
    });
    publish();

    return () => {
      disposed = true;
      window.clearTimeout(connectTimer);
      window.clearTimeout(opensOnDevice);
      window.clearTimeout(interruptionTimer);
      window.removeEventListener("online", onOnline);
      window.removeEventListener("offline", onOffline);
      window.removeEventListener("beforeunload", onBeforeUnload);
      doc.off("afterTransaction", onAfterTransaction);
      provider.off("status", onStatus);
      provider.off("sync", publish);
      provider.off("connection-close", onClose);
      provider.destroy();
      provider.awareness.destroy();
      device.destroy();
      doc.destroy();
      setSession(null);
    };
    // The user object is fixed for the page; only a different document means a new session.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [docName]);

  return { session, snapshot };
}
