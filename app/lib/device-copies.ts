/**
 * What this device keeps for working offline, and the one place that starts and ends it:
 * the service worker (public/sw.js: application shell and pages opened before) and the
 * documents' IndexedDB copies (y-indexeddb, named with DEVICE_DB_PREFIX).
 */
export const DEVICE_DB_PREFIX = "connactions:";

/** Registers the service worker and hands it what this page loaded before it was in control. */
export async function startOfflineShell(): Promise<void> {
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  try {
    // "none": the worker's own file is always checked with the server, never an old copy.
    await navigator.serviceWorker.register("/sw.js", { scope: "/", updateViaCache: "none" });
    const registration = await navigator.serviceWorker.ready;
    // What was fetched before the worker took control never passed through it: list it, once
    // the worker is ready and again when it takes over this page (a first visit).
    const handOver = () => {
      const urls = performance
        .getEntriesByType("resource")
        .map((entry) => entry.name)
        .filter((name) => name.startsWith(window.location.origin));
      const worker = navigator.serviceWorker.controller ?? registration.active;
      worker?.postMessage({ type: "keep", page: window.location.href, urls });
    };
    handOver();
    navigator.serviceWorker.addEventListener("controllerchange", handOver, { once: true });
  } catch (error) {
    // Private windows and some browsers refuse: the platform works online as before.
    console.warn("[offline] service worker not registered", error);
  }
}

/** Asks the worker to keep this page (reached by a client-side navigation, its HTML never fetched). */
export function keepPageOnDevice(page: string): void {
  navigator.serviceWorker?.controller?.postMessage({ type: "keep", page });
}

/**
 * Removes the caches and document databases this device keeps. The worker itself goes with
 * the server's Clear-Site-Data on logout; it keeps nothing once its caches are gone.
 */
export async function clearDeviceCopies(): Promise<void> {
  const work: Array<Promise<unknown>> = [];
  if ("caches" in window) work.push(caches.keys().then((keys) => Promise.all(keys.map((key) => caches.delete(key)))));
  if ("indexedDB" in window && typeof indexedDB.databases === "function") {
    work.push(
      indexedDB.databases().then((dbs) =>
        Promise.all(
          dbs
            .filter((db) => db.name?.startsWith(DEVICE_DB_PREFIX))
            .map(
              (db) =>
                new Promise<void>((resolve) => {
                  const request = indexedDB.deleteDatabase(db.name!);
                  request.onsuccess = request.onerror = request.onblocked = () => resolve();
                }),
            ),
        ),
      ),
    );
  }
  await Promise.allSettled(work);
}
