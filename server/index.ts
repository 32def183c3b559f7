/**
 * The platform's process: config → database → one HTTP server for Remix, socket.io and
 * collab → graceful shutdown on SIGTERM/SIGINT.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ConfigError, loadConfig } from "./config";
import { bootServices } from "./boot";
import { createPlatformServer } from "./app";
import { createLogger } from "./log";

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const log = createLogger(config.logLevel);
  const { services, handle } = await bootServices(config, log);
  // The bundled server (build/platform-server.js) serves the Remix build that sits beside it,
  // whatever the working directory.
  const here = path.dirname(fileURLToPath(import.meta.url));
  const buildDir = fs.existsSync(path.join(here, "server", "index.js")) ? here : undefined;
  const server = await createPlatformServer({ services, remix: config.mode === "development" ? "vite" : "build", buildDir });

  try {
    await listen(server.httpServer, config.port, config.host);
  } catch (error) {
    // A port in use or not ours to take is a configuration problem: say which variable, exit 2.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE" || code === "EACCES" || code === "EADDRNOTAVAIL") {
      const why = code === "EADDRINUSE" ? "is already in use" : code === "EACCES" ? "may not be used by this user" : "is not an address of this machine";
      console.error(new ConfigError([`PORT ${config.port} on HOST ${config.host} ${why}; set PORT (or HOST) to a free one.`]).message);
      await handle.close().catch(() => undefined);
      process.exit(2);
    }
    throw error;
  }
  log.info(`ConnActions listening on ${config.publicUrl} (database: ${services.dialect}, mode: ${config.mode})`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`[shutdown] ${signal}: closing connections`);
    try {
      await server.close();
      await services.mailer.drain();
      await handle.close();
      log.info("[shutdown] done");
      process.exit(0);
    } catch (error) {
      log.error("[shutdown] failed", error);
      process.exit(1);
    }
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

function listen(httpServer: import("node:http").Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(port, host, () => {
      httpServer.off("error", reject);
      resolve();
    });
  });
}

main().catch((error) => {
  console.error("ConnActions failed to start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
