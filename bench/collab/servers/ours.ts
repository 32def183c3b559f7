/**
 * (a) Our server: the production bundle (`node $BUILD_DIR/platform-server.js`) with auth
 * and SQLite persistence, exactly as deployed, on a database prepared beforehand.
 */
import path from "node:path";
import { cleanEnv, freePort, launchServer, type ServerUnderTest } from "./server-process";
import type { OurDatabase } from "./our-database";

export const BUILD_DIR = process.env.BUILD_DIR || "build";

export async function startOurs(database: OurDatabase, limits: { perUser: number; perDocument: number }): Promise<ServerUnderTest> {
  return startOurInstance({ name: "ours", dataDir: database.dataDir, cookies: database.cookies, limits });
}

export interface OurInstanceOptions {
  /** Label in tables, stderr prefixes and profile directories. */
  name: string;
  dataDir: string;
  /** Cookie header per client index (cycled). */
  cookies: string[];
  limits: { perUser: number; perDocument: number };
  /** Added to (or overriding) the environment, e.g. DATABASE_URL and REDIS_URL for bench:cluster. */
  env?: Record<string, string>;
  /** More Node flags for the server (see LaunchOptions.nodeArgs). */
  nodeArgs?: string[];
}

/** One instance of our production bundle on its own free port. */
export async function startOurInstance(options: OurInstanceOptions): Promise<ServerUnderTest> {
  const port = await freePort();
  const { cookies, limits } = options;
  const server = await launchServer({
    name: options.name,
    args: [path.join(BUILD_DIR, "platform-server.js")],
    env: cleanEnv({
      NODE_ENV: "production",
      BUILD_DIR,
      HOST: "127.0.0.1",
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATA_DIR: options.dataDir,
      SEED_DEMO: "never",
      LOG_LEVEL: "warn",
      COLLAB_MAX_SOCKETS_PER_USER: String(limits.perUser),
      COLLAB_MAX_SOCKETS_PER_DOCUMENT: String(limits.perDocument),
      ...options.env,
    }),
    port,
    readyPath: "/healthz",
    nodeArgs: options.nodeArgs,
    cookieFor: (i) => cookies[i % cookies.length],
  });
  return server;
}
