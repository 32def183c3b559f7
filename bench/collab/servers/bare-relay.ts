/**
 * (c) The floor: a bare ws relay that forwards every binary message to the other sockets
 * of the same room and knows nothing of Yjs (entry: bare-relay-main.ts).
 */
import { fileURLToPath } from "node:url";
import { cleanEnv, freePort, launchServer, type ServerUnderTest } from "./server-process";

export async function startBareRelay(): Promise<ServerUnderTest> {
  const port = await freePort();
  return launchServer({
    name: "relay",
    args: ["--import", "tsx", fileURLToPath(new URL("./bare-relay-main.ts", import.meta.url))],
    env: cleanEnv({ PORT: String(port), NODE_ENV: "production" }),
    port,
    readyPath: "/",
    speaksSync: false,
  });
}
