/**
 * (a) Our server: the production bundle (`node $BUILD_DIR/platform-server.js`) with auth
 * and SQLite persistence, exactly as deployed, on a database prepared beforehand.
 */
import path from "node:path";
import { cleanEnv, freePort, launchServer, type ServerUnderTest } from "./server-process";
import type { OurDatabase } from "./our-database";

export const BUILD_DIR = process.env.BUILD_DIR || "build";

export async function startOurs(database: OurDatabase, limits: { perUser: number; perDocument: number }): Promise<ServerUnderTest> {
  const port = await freePort();
  const server = await launchServer({
    name: "ours",
    args: [path.join(BUILD_DIR, "platform-server.js")],
    env: cleanEnv({
      NODE_ENV: "production",
      BUILD_DIR,
      HOST: "127.0.0.1",
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATA_DIR: database.dataDir,
      SEED_DEMO: "never",
      LOG_LEVEL: "warn",
      COLLAB_MAX_SOCKETS_PER_USER: String(limits.perUser),
      COLLAB_MAX_SOCKETS_PER_DOCUMENT: String(limits.perDocument),
    }),
    port,
    readyPath: "/healthz",
    cookieFor: (i) => database.cookies[i % database.cookies.length],
  });
  return server;
}
