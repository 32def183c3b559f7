/**
 * Platform events for several instances: each event is handled here at once and published
 * for the others, which hand it to their own listeners marked as not local. A member removed
 * on instance A thereby closes that person's collab sockets on B too.
 *
 * While Redis is away, events for other instances are lost; nothing depends on them alone:
 * the collab server re-checks every connection's session and access periodically.
 */
import type { Logger } from "../log";
import { createLocalEvents, type PlatformEventMap, type PlatformEvents, type PlatformEventType } from "../events";
import type { Cluster } from "./cluster";

const CHANNEL = "events";
const REMOTE = { local: false };

export async function createClusterEvents(cluster: Cluster, log: Logger): Promise<PlatformEvents> {
  const local = createLocalEvents();
  if (!cluster.shared) return local;
  await cluster.subscribe(CHANNEL, (message) => {
    const { type, payload } = JSON.parse(message.toString("utf8")) as { type: PlatformEventType; payload: PlatformEventMap[PlatformEventType] };
    local.deliver(type, payload, REMOTE);
  });
  return {
    emit(type, payload) {
      local.emit(type, payload);
      try {
        cluster.publish(CHANNEL, Buffer.from(JSON.stringify({ type, payload })));
      } catch (error) {
        log.error(`[cluster] publishing ${type} failed`, error);
      }
    },
    on: local.on,
  };
}
