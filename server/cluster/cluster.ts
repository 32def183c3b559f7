/**
 * What one instance needs from the others. Without REDIS_URL the platform is one process and
 * `soloCluster()` answers every question locally; with it, `redis-cluster.ts` carries the same
 * interface over Redis. Code above this line (collab rooms, events, limits, scheduled work)
 * never asks which one it has, so the single-process path stays exactly what it was.
 */

export type ClusterStatus = "solo" | "connected" | "disconnected";

export type ChannelHandler = (message: Buffer) => void;

export interface Cluster {
  /** This process, as the other instances know it. */
  readonly instanceId: string;
  /** Whether other instances may exist (REDIS_URL set), whatever Redis's state right now. */
  readonly shared: boolean;
  status(): ClusterStatus;
  /**
   * Fire-and-forget to every other instance subscribed to `channel` (never back to this one).
   * While Redis is away the message is dropped; subscribers catch up through `onReconnect`.
   */
  publish(channel: string, message: Uint8Array): void;
  subscribe(channel: string, handler: ChannelHandler): Promise<void>;
  unsubscribe(channel: string): Promise<void>;
  /**
   * Takes `key` for `ttlMs` if nobody else holds it: work that must run once across all
   * instances (compaction, derivation, automatic versions). True also when this instance
   * already holds it. While Redis is away it answers true: the work then may run twice, which
   * each caller is built to survive; never running it would lose derived text or versions.
   */
  claimOnce(key: string, ttlMs: number): Promise<boolean>;
  /**
   * Gives up a claim of this instance once its work is done, so the next change on any
   * instance may run the work again at once. The TTL only covers an instance that dies
   * holding the claim. (Releasing nothing, or another instance's claim, does nothing.)
   */
  release(key: string): Promise<void>;
  /**
   * Counts live entries of a set shared by all instances (open connections of one person, of
   * one document). Each entry expires unless refreshed by `refreshCounted`, so a killed
   * instance's entries vanish by themselves. Null while Redis is away: callers count locally.
   */
  addCounted(set: string, member: string, ttlMs: number): Promise<number | null>;
  removeCounted(set: string, member: string): Promise<void>;
  refreshCounted(entries: Array<{ set: string; member: string }>, ttlMs: number): Promise<void>;
  /** Called after Redis came back (subscriptions restored): time to exchange what was missed. */
  onReconnect(listener: () => void): () => void;
  /** Called when another instance stopped or stopped answering. */
  onPeerLost(listener: (instanceId: string) => void): () => void;
  /** socket.io's adapter for this cluster (Redis pub/sub), or null: the default in-memory one. */
  socketIoAdapter(): SocketIoAdapter | null;
  close(): Promise<void>;
}

/** What `io.adapter()` takes; kept loose so this file needs no socket.io import. */
export type SocketIoAdapter = (namespace: never) => unknown;

/** The one-process cluster: nothing to publish to, every claim is ours, counting is the caller's. */
export function soloCluster(instanceId = "solo"): Cluster {
  return {
    instanceId,
    shared: false,
    status: () => "solo",
    publish: () => undefined,
    subscribe: async () => undefined,
    unsubscribe: async () => undefined,
    claimOnce: async () => true,
    release: async () => undefined,
    addCounted: async () => null,
    removeCounted: async () => undefined,
    refreshCounted: async () => undefined,
    onReconnect: () => () => undefined,
    onPeerLost: () => () => undefined,
    socketIoAdapter: () => null,
    close: async () => undefined,
  };
}
