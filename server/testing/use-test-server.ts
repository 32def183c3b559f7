/**
 * One real server per test file: started before the file's tests, closed (and its database
 * dropped) after them. Every integration test file used to repeat this set-up by hand.
 */
import { afterAll, beforeAll } from "vitest";
import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { startTestServer, type TestServer } from "./test-server";

export type TestServerOptions = Parameters<typeof startTestServer>[0];

/**
 * The file's server, read lazily: every property is the running server's, and reading one
 * before beforeAll has started it throws a clear error instead of "undefined".
 * Closing is the helper's job, so there is no close() here.
 */
export interface FileTestServer extends Omit<TestServer, "close"> {
  /** The server's database, which most factories and queries take. */
  db(): Kysely<Database>;
}

/**
 * Registers beforeAll/afterAll hooks for one server. Call it at the top of the file, before
 * any hooks that use the server: vitest runs beforeAll hooks in order and afterAll hooks in
 * reverse, so the file's own set-up sees a started server and its clean-up a running one.
 */
export function useTestServer(options?: TestServerOptions): FileTestServer {
  let started: TestServer | undefined;
  beforeAll(async () => {
    started = await startTestServer(options);
  });
  afterAll(async () => {
    await started?.close();
  });
  const current = (): TestServer => {
    if (!started) throw new Error("useTestServer: the test server was read before its beforeAll hook started it (read it in a hook or a test, not while the file is collected)");
    return started;
  };
  return {
    get url() {
      return current().url;
    },
    get origin() {
      return current().origin;
    },
    get services() {
      return current().services;
    },
    get database() {
      return current().database;
    },
    get server() {
      return current().server;
    },
    db: () => current().services.db,
  };
}
