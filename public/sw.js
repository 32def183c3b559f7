/*
 * ConnActions service worker: the application shell from our own origin, so a work
 * programme, recommendation or minutes opened before opens again with no connection (the
 * edits themselves are kept by the page in IndexedDB, app/editor/use-collab-session).
 *
 * - /assets/* (hashed, never change) and /translations/*.json?v=… : cache first.
 * - Pages and Remix data requests (GET): network first; the last good answer is kept and
 *   served when the network fails. Pages before login (login, invitation, password reset)
 *   are never kept.
 * - Everything else (POST, WebSockets, socket.io, downloads) goes to the network untouched.
 * - Logging out and logging in clear it all: the server answers with Clear-Site-Data, and
 *   the page also empties the caches itself (app/lib/device-copies.ts).
 *
 * Hand-written rather than Workbox: the rules above are the whole policy, and Workbox's
 * precaching needs a build step over Remix's output for files we cache on first use anyway
 * (docs/decisions/0016).
 */
const SHELL = "connactions-shell-v1";
const PAGES = "connactions-pages-v1";
const NEVER_KEPT = /^\/(login|logout|language|invite\/|reset-password\/|forgot-password|healthz|collab|socket\.io)/;

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const keep = new Set([SHELL, PAGES]);
      for (const key of await caches.keys()) if (!keep.has(key)) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

function isShell(url) {
  return url.pathname.startsWith("/assets/") || url.pathname.startsWith("/translations/") || url.pathname === "/favicon.svg" || url.pathname.startsWith("/icons/") || url.pathname === "/manifest.webmanifest";
}

async function cacheFirst(request) {
  const cache = await caches.open(SHELL);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok && response.type === "basic") await cache.put(request, response.clone());
  return response;
}

async function networkFirst(request) {
  const cache = await caches.open(PAGES);
  try {
    const response = await fetch(request);
    // Only whole, successful answers of our own: never a redirect to the login page.
    if (response.ok && response.type === "basic" && !response.redirected) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const hit = await cache.match(request, { ignoreVary: true });
    if (hit) return hit;
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || NEVER_KEPT.test(url.pathname)) return;
  if (url.pathname.includes("/export/")) return;
  if (isShell(url)) {
    event.respondWith(cacheFirst(request));
    return;
  }
  const isPage = request.mode === "navigate" || url.pathname.endsWith(".data") || url.pathname === "/__manifest";
  if (isPage) event.respondWith(networkFirst(request));
});

/*
 * The page hands over what it loaded before this worker controlled it (`urls`, kept if they
 * are shell files) and the page itself (`page`, fetched and kept like any page), e.g. an
 * editor page reached by a client-side navigation, whose HTML the browser never fetched.
 */
self.addEventListener("message", (event) => {
  const data = event.data;
  if (!data || data.type !== "keep") return;
  const urls = Array.isArray(data.urls) ? data.urls.slice(0, 200) : [];
  event.waitUntil(
    (async () => {
      for (const href of [...urls, ...(typeof data.page === "string" ? [data.page] : [])]) {
        try {
          const url = new URL(href, self.location.origin);
          if (url.origin !== self.location.origin || NEVER_KEPT.test(url.pathname)) continue;
          if (isShell(url)) await cacheFirst(new Request(url));
          else if (href === data.page) await networkFirst(new Request(url, { credentials: "same-origin" }));
        } catch {
          // Offline or gone: the next visit fills it in.
        }
      }
    })(),
  );
});
