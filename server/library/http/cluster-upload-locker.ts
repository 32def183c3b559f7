/**
 * Which request may change an upload, across instances. tus takes a lock per upload around
 * every request that reads or moves its offset, and asks the holder to let go when another
 * request wants it: a client that lost its connection and resumes must not wait for the old,
 * dying request, and must never write beside it. tus's own locker knows one process only; with
 * uploads in a shared bucket the resumed request may reach another instance, so the lock has to
 * be shared too. (@tus/server 2 ships no shared locker, hence this one.)
 *
 * Within the instance tus's memory locker decides, as before. Across instances a claim in the
 * cluster (Redis, with a lease renewed while held) decides, and a waiting instance publishes a
 * release request that the holding instance passes on to its request.
 */
import { ERRORS, MemoryLocker, type Lock, type Locker, type RequestRelease } from "@tus/server";
import type { Cluster } from "#server/cluster/cluster";

const RELEASE_CHANNEL = "library:upload-release";
/** A holder that dies keeps an upload locked this long at most. */
const LEASE_MS = 15_000;
/** How often a waiting request asks again (and asks the holder again to let go). */
const RETRY_MS = 50;

export interface ClusterUploadLocker extends Locker {
  close(): Promise<void>;
}

export async function createClusterUploadLocker(cluster: Cluster, options: { acquireTimeoutMs?: number } = {}): Promise<ClusterUploadLocker> {
  const timeoutMs = options.acquireTimeoutMs ?? 30_000;
  const local = new MemoryLocker({ acquireLockTimeout: timeoutMs });
  if (!cluster.shared) return Object.assign(local, { close: async () => undefined });

  /** Uploads this instance holds, with the way to ask their request to finish. */
  const held = new Map<string, RequestRelease>();
  await cluster.subscribe(RELEASE_CHANNEL, (message) => {
    const release = held.get(message.toString("utf8"));
    if (release) void Promise.resolve(release()).catch(() => undefined);
  });

  const newLock = (id: string): Lock => {
    const inProcess = local.newLock(id);
    const claim = `upload-lock:${id}`;
    let renewal: NodeJS.Timeout | undefined;
    return {
      async lock(signal, requestRelease) {
        await inProcess.lock(signal, requestRelease);
        try {
          const deadline = Date.now() + timeoutMs;
          while (!(await cluster.claimOnce(claim, LEASE_MS))) {
            if (signal.aborted || Date.now() > deadline) throw ERRORS.ERR_LOCK_TIMEOUT;
            cluster.publish(RELEASE_CHANNEL, Buffer.from(id, "utf8"));
            await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
          }
        } catch (error) {
          await inProcess.unlock();
          throw error;
        }
        held.set(id, requestRelease);
        // A request may run longer than the lease (a slow 5 MiB chunk): keep the claim alive.
        renewal = setInterval(() => void cluster.claimOnce(claim, LEASE_MS).catch(() => undefined), LEASE_MS / 3);
        renewal.unref();
      },
      async unlock() {
        clearInterval(renewal);
        held.delete(id);
        await cluster.release(claim);
        await inProcess.unlock();
      },
    };
  };

  return {
    newLock,
    async close() {
      await cluster.unsubscribe(RELEASE_CHANNEL);
    },
  };
}
