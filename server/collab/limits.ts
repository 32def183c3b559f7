/**
 * What one client, one person and one document may cost the server. Every limit is
 * configurable (README, "Configuration"); the defaults sit far above what a meeting of 30
 * people typing produces (a fast typist sends about 15 updates and 15 caret moves a second,
 * a paste is one update) and far below what freezes the process.
 */
import { MAX_DOCUMENT_DEPTH } from "#shared/collab/limits";

export interface CollabLimits {
  /** Messages per second one connection may send, sustained; bursts of `burstSeconds` worth pass. */
  messagesPerSecondPerConnection: number;
  /** The same for all of a person's connections together (they may hold up to 20). */
  messagesPerSecondPerPerson: number;
  bytesPerSecondPerConnection: number;
  bytesPerSecondPerPerson: number;
  burstSeconds: number;
  /**
   * Updates Yjs cannot apply yet (their predecessors have not arrived) that a document may
   * hold, in count and bytes, and for how long. Each new one is merged with all held so far,
   * so without a bound their cost grows quadratically.
   */
  maxPendingUpdates: number;
  maxPendingBytes: number;
  pendingMs: number;
  /** A document's stored size (snapshot plus log) beyond which further changes are refused. */
  maxDocumentBytes: number;
  /** How deeply types (paragraphs in quotes in lists…) and JSON values may nest. */
  maxDepth: number;
  /** Fold the update log into the snapshot once this many rows or bytes are stored, even while the room stays open. */
  compactAfterRows: number;
  compactAfterBytes: number;
  /**
   * After the server starts, editors that reconnect may hand back other people's changes
   * that it relayed but had not stored when it stopped; only in this window are they accepted.
   */
  recoveryWindowMs: number;
}

export const DEFAULT_COLLAB_LIMITS: CollabLimits = {
  messagesPerSecondPerConnection: 100,
  messagesPerSecondPerPerson: 200,
  bytesPerSecondPerConnection: 1024 * 1024,
  bytesPerSecondPerPerson: 2 * 1024 * 1024,
  burstSeconds: 10,
  maxPendingUpdates: 50,
  maxPendingBytes: 64 * 1024,
  pendingMs: 10_000,
  maxDocumentBytes: 16 * 1024 * 1024,
  maxDepth: MAX_DOCUMENT_DEPTH,
  compactAfterRows: 1_000,
  compactAfterBytes: 1024 * 1024,
  recoveryWindowMs: 5 * 60_000,
};
