/**
 * The Cluster interface over Redis (ioredis): pub/sub for document relays and platform
 * events, short leases for once-only work, expiring sorted sets for counts shared by all
 * instances, and a heartbeat that tells the survivors when an instance died.
 *
 * Commands fail fast while Redis is away (no offline queue): a caller that cannot reach Redis
 * must fall back to serving its own people at once, not wait for a queue to drain. Subscriptions
 * are ours to restore: after a reconnect every channel is subscribed again and then the
 * `onReconnect` listeners exchange whatever was missed (see docs/decisions/0015).
 */
import crypto from "node:crypto";
import { Redis, type RedisOptions } from "ioredis";
import { createAdapter } from "@socket.io/redis-adapter";
import type { Logger } from "../log";
import type { ChannelHandler, Cluster, ClusterStatus, SocketIoAdapter } from "./cluster";

const PREFIX = "ca:";
const INSTANCES = `${PREFIX}instances`;
/** How often an instance says it is alive, and after how long without that it counts as gone. */
const HEARTBEAT_MS = 1_000;
const PEER_TIMEOUT_MS = 5_000;

/** Takes or extends a lease: free → ours; ours → extended; someone else's → refused. */
const CLAIM_SCRIPT = `
local holder = redis.call('GET', KEYS[1])
if not holder then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 end
if holder == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end
return 0`;

/** How long a goodbye to a slow Redis may hold up shutdown. */
const QUIT_TIMEOUT_MS = 2_000;

/** Deletes the claim only if this instance holds it: a lapsed claim taken over stays with its new holder. */
const RELEASE_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/** Adds a member that expires at ARGV[2] (ms), drops expired ones, answers how many are live. */
const COUNT_SCRIPT = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return redis.call('ZCARD', KEYS[1])`;

export async function createRedisCluster(url: string, log: Logger, options: { instanceId?: string; connectTimeoutMs?: number } = {}): Promise<Cluster> {
  const instanceId = options.instanceId ?? `${process.pid}-${crypto.randomBytes(4).toString("hex")}`;
  const base: RedisOptions = {
    // Retry forever, at most every 2 s: Redis coming back must be noticed without a restart.
    retryStrategy: (times) => Math.min(100 * times, 2_000),
    connectTimeout: 2_000,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    autoResubscribe: false,
    lazyConnect: true,
  };
  const command = new Redis(url, { ...base, connectionName: `ca-${instanceId}-cmd` });
  const subscriber = new Redis(url, { ...base, connectionName: `ca-${instanceId}-sub` });
  // The adapter queues while Redis is away (its publishes are small and few); ours never do.
  const adapterPub = new Redis(url, { ...base, enableOfflineQueue: true, maxRetriesPerRequest: null, connectionName: `ca-${instanceId}-io-pub` });
  const adapterSub = new Redis(url, { ...base, enableOfflineQueue: true, maxRetriesPerRequest: null, autoResubscribe: true, connectionName: `ca-${instanceId}-io-sub` });
  for (const client of [command, subscriber, adapterPub, adapterSub]) client.on("error", () => undefined); // reported through status below

  const handlers = new Map<string, ChannelHandler>();
  const reconnectListeners = new Set<() => void>();
  const peerLostListeners = new Set<(id: string) => void>();
  const idBytes = Buffer.from(instanceId);
  let status: ClusterStatus = "disconnected";
  let everConnected = false;
  let closing = false;

  const both = () => command.status === "ready" && subscriber.status === "ready";
  const noteStatus = () => {
    const now: ClusterStatus = both() ? "connected" : "disconnected";
    if (now === status || closing) return;
    status = now;
    if (now === "disconnected") log.warn("[cluster] Redis unreachable: serving connected people from this instance only; catching up when it returns");
    else {
      log.info(`[cluster] Redis ${everConnected ? "reachable again" : "connected"} (instance ${instanceId})`);
      everConnected = true;
      // Also on the first connection: rooms opened while Redis was unreachable at start subscribe now.
      void resubscribeAndCatchUp();
    }
  };
  for (const client of [command, subscriber]) {
    client.on("ready", noteStatus);
    client.on("close", noteStatus);
    client.on("end", noteStatus);
  }

  subscriber.on("messageBuffer", (channel: Buffer, message: Buffer) => {
    const handler = handlers.get(channel.toString());
    if (!handler || message.length < 1) return;
    const idLength = message[0]!;
    // Our own messages come back through Redis: we already acted on them.
    if (message.subarray(1, 1 + idLength).equals(idBytes)) return;
    try {
      handler(message.subarray(1 + idLength));
    } catch (error) {
      log.error(`[cluster] handling a message on ${channel.toString()} failed`, error);
    }
  });

  async function resubscribeAndCatchUp() {
    try {
      if (handlers.size > 0) await subscriber.subscribe(...handlers.keys());
    } catch (error) {
      log.warn("[cluster] re-subscribing failed; retrying on the next reconnect", error);
      return;
    }
    for (const listener of reconnectListeners) listener();
  }

  // Heartbeat: every instance notes itself; whoever sees a silent one removes it and tells its own listeners.
  let knownPeers = new Set<string>();
  const heartbeat = setInterval(() => {
    if (status !== "connected") return;
    void (async () => {
      const now = Date.now();
      await command.zadd(INSTANCES, now, instanceId);
      const entries = await command.zrange(INSTANCES, 0, -1, "WITHSCORES");
      const alive = new Set<string>();
      for (let i = 0; i + 1 < entries.length; i += 2) {
        const id = entries[i]!;
        if (Number(entries[i + 1]) < now - PEER_TIMEOUT_MS) await command.zrem(INSTANCES, id);
        else if (id !== instanceId) alive.add(id);
      }
      for (const id of knownPeers) {
        if (alive.has(id)) continue;
        log.warn(`[cluster] instance ${id} is gone`);
        for (const listener of peerLostListeners) listener(id);
      }
      knownPeers = alive;
    })().catch(() => undefined);
  }, HEARTBEAT_MS);
  heartbeat.unref();

  const frame = (message: Uint8Array) => {
    const out = Buffer.allocUnsafe(1 + idBytes.length + message.byteLength);
    out[0] = idBytes.length;
    idBytes.copy(out, 1);
    out.set(message, 1 + idBytes.length);
    return out;
  };

  // Start degraded rather than not at all: the instance serves its own people until Redis answers.
  const connectTimeout = options.connectTimeoutMs ?? 5_000;
  await Promise.race([
    Promise.all([command.connect(), subscriber.connect(), adapterPub.connect(), adapterSub.connect()]).catch(() => undefined),
    new Promise((resolve) => setTimeout(resolve, connectTimeout).unref()),
  ]);
  noteStatus();
  if (status === "disconnected") log.warn(`[cluster] Redis at ${redact(url)} not reachable at start; retrying in the background`);

  return {
    instanceId,
    shared: true,
    status: () => status,
    publish(channel, message) {
      if (status !== "connected") return;
      command.publish(`${PREFIX}${channel}`, frame(message)).catch(() => undefined);
    },
    async subscribe(channel, handler) {
      handlers.set(`${PREFIX}${channel}`, handler);
      if (status === "connected") await subscriber.subscribe(`${PREFIX}${channel}`).catch(() => undefined);
    },
    async unsubscribe(channel) {
      handlers.delete(`${PREFIX}${channel}`);
      if (status === "connected") await subscriber.unsubscribe(`${PREFIX}${channel}`).catch(() => undefined);
    },
    async claimOnce(key, ttlMs) {
      if (status !== "connected") return true;
      try {
        return (await command.eval(CLAIM_SCRIPT, 1, `${PREFIX}once:${key}`, instanceId, String(ttlMs))) === 1;
      } catch {
        return true;
      }
    },
    async release(key) {
      if (status !== "connected") return;
      await command.eval(RELEASE_SCRIPT, 1, `${PREFIX}once:${key}`, instanceId).catch(() => undefined);
    },
    async addCounted(set, member, ttlMs) {
      if (status !== "connected") return null;
      const now = Date.now();
      try {
        return Number(await command.eval(COUNT_SCRIPT, 1, `${PREFIX}count:${set}`, String(now), String(now + ttlMs), `${instanceId}:${member}`, String(ttlMs)));
      } catch {
        return null;
      }
    },
    async removeCounted(set, member) {
      if (status !== "connected") return;
      await command.zrem(`${PREFIX}count:${set}`, `${instanceId}:${member}`).catch(() => undefined);
    },
    async refreshCounted(entries, ttlMs) {
      if (status !== "connected" || entries.length === 0) return;
      const expires = Date.now() + ttlMs;
      const pipeline = command.pipeline();
      for (const { set, member } of entries) {
        pipeline.zadd(`${PREFIX}count:${set}`, expires, `${instanceId}:${member}`);
        pipeline.pexpire(`${PREFIX}count:${set}`, ttlMs);
      }
      await pipeline.exec().catch(() => undefined);
    },
    onReconnect(listener) {
      reconnectListeners.add(listener);
      return () => reconnectListeners.delete(listener);
    },
    onPeerLost(listener) {
      peerLostListeners.add(listener);
      return () => peerLostListeners.delete(listener);
    },
    // socket.io's own Redis adapter, on its own pair of connections; it asks the other
    // instances for their sockets (fetchSockets) and waits at most this long for answers.
    socketIoAdapter: () => createAdapter(adapterPub, adapterSub, { key: `${PREFIX}io`, requestsTimeout: 3_000 }) as SocketIoAdapter,
    async close() {
      closing = true;
      clearInterval(heartbeat);
      // Leaving on purpose: the others notice at once instead of after the timeout.
      if (status === "connected") await command.zrem(INSTANCES, instanceId).catch(() => undefined);
      // quit() waits for Redis to answer, and the adapter's connections queue it while Redis is
      // away: a SIGTERM during an outage then never finished. Without Redis there is nothing to
      // say goodbye to; with it, a slow answer gets QUIT_TIMEOUT_MS.
      const clients = [command, subscriber, adapterPub, adapterSub];
      if (status !== "connected") {
        for (const client of clients) client.disconnect();
        return;
      }
      await Promise.all(
        clients.map((client) => {
          let timer: NodeJS.Timeout | undefined;
          const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, QUIT_TIMEOUT_MS)));
          return Promise.race([client.quit().then(() => undefined), timeout])
            .catch(() => undefined)
            .finally(() => {
              clearTimeout(timer);
              client.disconnect();
            });
        }),
      );
    },
  };
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, "//$1:***@");
}
