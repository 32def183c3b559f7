/**
 * (b) The reference: `@y/websocket-server` 0.1.1's setupWSConnection, no persistence, no
 * auth, in its own process (entry: y-websocket-server-main.ts).
 */
import { fileURLToPath } from "node:url";
import { cleanEnv, freePort, launchServer, type ServerUnderTest } from "./server-process";

export async function startYWebsocketServer(): Promise<ServerUnderTest> {
  const port = await freePort();
  return launchServer({
    name: "y-ws-server",
    // tsx only transpiles at load time; its hooks do no work once the server runs.
    args: ["--import", "tsx", fileURLToPath(new URL("./y-websocket-server-main.ts", import.meta.url))],
    env: cleanEnv({ PORT: String(port), NODE_ENV: "production" }),
    port,
    readyPath: "/",
  });
}
