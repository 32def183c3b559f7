/**
 * The per-file fixture of the browser tests: one server on a fresh database and one Chromium,
 * shared by all tests of the file. Starting them is the slow part of a spec, so they are
 * started once, side by side, rather than per test.
 */
import { afterAll, beforeAll } from "vitest";
import type { Browser, BrowserContext } from "playwright-core";
import type { TestServer } from "#server/testing/test-server";
import type { TestServerOptions } from "#server/testing/use-test-server";
import { launchBrowser, newContext, type ContextOptions } from "./browser";
import { openSession, startApp, type Session } from "./app";

export interface AppAndBrowser {
  readonly server: TestServer;
  readonly browser: Browser;
  /** A fresh context (private window) on the test server; see newContext in ./browser. */
  newContext(options: Omit<ContextOptions, "baseURL">): Promise<BrowserContext>;
  /** A logged-in window for a demo account; see openSession in ./app. */
  openSession(email: string, options?: { bypassCSP?: boolean }): Promise<Session>;
}

/**
 * Registers beforeAll/afterAll for the calling test file and returns the handle the tests use.
 * Call it at the top level of the file. `server` and `browser` exist only once beforeAll has
 * run, so read them inside tests and hooks; reading them earlier (e.g. destructuring at the
 * top level) throws instead of handing out undefined.
 */
export function useAppAndBrowser(serverOptions?: TestServerOptions): AppAndBrowser {
  let server: TestServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startApp(serverOptions), launchBrowser()]);
  });
  // Browser first: its open pages hold live connections (editor, socket.io) that would keep the
  // server's close waiting for its 10 s cut-off. The guards cover a beforeAll that failed halfway.
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the ${what} is started in beforeAll; use it inside a test or hook`);
    return value;
  };

  return {
    get server() {
      return started(server, "test server");
    },
    get browser() {
      return started(browser, "browser");
    },
    newContext(options) {
      return newContext(started(browser, "browser"), { ...options, baseURL: started(server, "test server").url });
    },
    openSession(email, options = {}) {
      return openSession(started(browser, "browser"), started(server, "test server").url, email, options);
    },
  };
}
