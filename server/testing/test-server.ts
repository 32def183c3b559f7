/**
 * Starts the real platform server in-process on a random port, on a fresh test database,
 * serving the production Remix build. Integration and browser tests talk to it over real
 * HTTP, WebSocket and socket.io connections.
 */
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { mkdtemp, rm } from "node:fs/promises";
import { createLibraryStorage } from "../library/storage/library-storage";
import { createPlatformServer, type PlatformServer } from "../app";
import type { Services } from "../services";
import { createMailer } from "../mail/mailer";
import { createLocalEvents } from "../events";
import { soloCluster } from "../cluster/cluster";
import { createLogger } from "../log";
import { testConfig } from "./test-config";
import { createTestDatabase, type TestDatabase } from "#db/testing/test-database";
import type { Config } from "../config";
import type { CollabOptions } from "../collab/collab-server";
import type { TranslationProvider } from "../translations/provider";

export interface TestServer {
  url: string;
  origin: string;
  services: Services;
  database: TestDatabase;
  server: PlatformServer;
  close(): Promise<void>;
}

export async function startTestServer(options: { config?: Partial<Config>; collab?: Partial<CollabOptions>; translator?: TranslationProvider } = {}): Promise<TestServer> {
  const database = await createTestDatabase();
  // Each server keeps its library's files in a directory of its own, removed on close.
  const dataDir = options.config?.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), "connactions-test-data-")));
  const log = createLogger("warn");
  const config = testConfig({ ...options.config, dataDir });
  const services: Services = {
    db: database.db,
    dialect: database.dialect,
    config,
    log,
    events: createLocalEvents(),
    cluster: soloCluster(),
    mailer: createMailer({ db: database.db, from: "test@connactions.test", log: createLogger("error") }),
    library: createLibraryStorage(dataDir, config.libraryStorage),
    translator: options.translator ?? null,
  };
  const server = await createPlatformServer({ services, remix: "build", ...(options.collab ? { collab: options.collab } : {}) });
  await new Promise<void>((resolve) => server.httpServer.listen(0, "127.0.0.1", resolve));
  const { port } = server.httpServer.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  // Links in mails must point at this server.
  services.config.publicUrl = url;
  return {
    url,
    origin: url,
    services,
    database,
    server,
    async close() {
      await server.close();
      await database.drop();
      if (!options.config?.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
