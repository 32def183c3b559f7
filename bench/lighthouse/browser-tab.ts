/**
 * The tab Lighthouse drives, prepared over the DevTools protocol before the audit:
 *
 * - Logged in: the session cookies go into the browser's cookie jar. Lighthouse's
 *   extraHeaders reach page loads, fetches and XHRs, but not WebSocket handshakes: with the
 *   header alone the editor's collab socket was refused (401), so the editor never synced
 *   and the refusals counted as console errors. Lighthouse leaves cookies alone when it
 *   resets storage, so they last the whole audit.
 * - The service worker is bypassed. The page registers it on load and it takes control
 *   at once (clients.claim), so whether the editor's lazily loaded chunks went through it
 *   was a race. Lighthouse does not see what a worker fetches: in those runs the editor's
 *   200 KB chunk counted as 0 bytes and as free in the simulation. On a phone's first
 *   visit those bytes cross the network either way; with the bypass they are measured
 *   every time. The worker still registers and runs as it does for a visitor.
 */
import type { Browser, Page } from "puppeteer-core";
import type { Session } from "./login";

export async function prepareTab(browser: Browser, origin: string, session: Session | undefined): Promise<Page> {
  const page = await browser.newPage();
  const cdp = await page.createCDPSession();
  await cdp.send("Network.enable");
  await cdp.send("Network.setBypassServiceWorker", { bypass: true });
  if (session) {
    const cookies = session.cookies.map(({ expires, ...cookie }) => ({ ...cookie, url: origin, ...(expires > 0 ? { expires } : {}) }));
    await cdp.send("Network.setCookies", { cookies });
  }
  return page;
}
