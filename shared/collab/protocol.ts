/**
 * The collab wire protocol: standard y-websocket messages, plus one of ours that stock
 * clients never receive (only connections opened with `?ack=1` get it).
 */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;
/**
 * Sent after each batch of updates is committed to the database, and when an editor
 * (re)connects: a Yjs snapshot (state vector + delete set) of what is stored. An editor is
 * "saved" when it covers its own clock and its own deletions, so it never says saved for
 * changes that were merely sent (see shared/collab/saved-snapshot.ts).
 */
export const MESSAGE_SAVED = 100;

/** The query parameter an editor adds to its WebSocket URL to receive MESSAGE_SAVED. */
export const ACK_PARAM = "ack";

/** Close codes, so the editor can tell the user why the connection ended. */
export const COLLAB_CLOSE = {
  /** The person's rights on this document changed (e.g. it was archived): reconnect and reload. */
  accessChanged: 4001,
  malformed: 4400,
  sessionEnded: 4401,
  accessRevoked: 4403,
  // 40xx: y-websocket reconnects; 44xx: it gives up (its default shouldReconnect), which is what we want for these.
  handshakeTimeout: 4008,
  /**
   * Updates arrived whose predecessors never did (more than the pending limit allows). The
   * server dropped what it could not apply; reconnecting resyncs, so an honest editor loses nothing.
   */
  outOfOrder: 4009,
  /** More messages or bytes than a person may send in a short time: reconnect after a pause (with backoff). */
  tooFast: 4029,
  /** The document reached its size limit; this change was not stored. */
  documentTooLarge: 4413,
  /** A change the server refuses: nested deeper than the editor allows, or written under someone else's client id. */
  refused: 4422,
  tooManyConnections: 4429,
  tooLarge: 1009,
  shuttingDown: 1012,
} as const;

/** Codes after which reconnecting cannot help: the editor stops and explains. */
export const FINAL_CLOSE_CODES: ReadonlySet<number> = new Set([
  COLLAB_CLOSE.sessionEnded,
  COLLAB_CLOSE.accessRevoked,
  COLLAB_CLOSE.tooManyConnections,
  COLLAB_CLOSE.documentTooLarge,
  COLLAB_CLOSE.refused,
]);

export const COLLAB_LIMITS = {
  /** Largest WebSocket frame accepted (about 1 MiB); larger closes that socket. */
  maxMessageBytes: 1024 * 1024,
  /** A connection must complete its first sync step within this time. */
  handshakeMs: 10_000,
  /** Pending updates are committed at most this long after they arrived. */
  flushWindowMs: 75,
} as const;
