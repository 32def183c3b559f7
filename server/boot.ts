/**
 * Opens the database, migrates, seeds an empty database with the demo, and wires the
 * services. Shared by server/index.ts and the integration tests so both start the same way.
 */
import path from "node:path";
import type { Config } from "./config";
import type { Services } from "./services";
import { openDatabase, type DbHandle } from "#db/connection";
import { migrateToLatest } from "#db/migrate";
import { applyDemoSeed } from "#server/demo/apply-demo-seed";
import { countUsers } from "#db/queries/users";
import { seedGlossaryIfEmpty } from "#server/domain/glossary/glossary-seed";

const GLOSSARY_MIGRATION = "20261207_1200_language-versions-glossary";
import { createMailer } from "./mail/mailer";
import { createClusterEvents } from "./cluster/cluster-events";
import { soloCluster, type Cluster } from "./cluster/cluster";
import { createRedisCluster } from "./cluster/redis-cluster";
import { createLogger, type Logger } from "./log";
import { createLibraryStorage } from "./library/storage/library-storage";
import { translationProviderFromSettings } from "./translations/provider-from-env";

export async function bootServices(config: Config, log: Logger = createLogger(config.logLevel)): Promise<{ services: Services; handle: DbHandle }> {
  const handle = openDatabase({
    databaseUrl: config.databaseUrl,
    sqlitePath: path.join(config.dataDir, "connactions.sqlite"),
  });
  const applied = await migrateToLatest(handle.db);
  if (applied.length) log.info(`[db] applied migrations: ${applied.join(", ")}`);
  // The glossary starts with the VET vocabulary once, when its table is created (demo or not).
  if (applied.includes(GLOSSARY_MIGRATION)) {
    const terms = await seedGlossaryIfEmpty(handle.db, new Date().toISOString());
    if (terms) log.info(`[db] glossary started with ${terms} terms`);
  }
  if (config.seedDemo === "auto" && (await countUsers(handle.db)) === 0) {
    const summary = await applyDemoSeed(handle.db);
    log.info(`[db] empty database: demo seeded (${summary.networks} networks, ${summary.organisations} organisations, ${summary.people} people, ${summary.events} events, ${summary.minutes} minutes)`);
  }
  const translator = config.translation ? translationProviderFromSettings(config.translation) : null;
  // The host only, never the key: this line is for operators reading logs.
  if (config.translation) log.info(`[translation] machine translation by ${config.translation.provider} at ${new URL(config.translation.provider === "deepl" ? config.translation.apiUrl : config.translation.url).host}`);
  const cluster: Cluster = config.redisUrl ? await createRedisCluster(config.redisUrl, log) : soloCluster();
  const services: Services = {
    db: handle.db,
    dialect: handle.dialect,
    config,
    log,
    cluster,
    events: await createClusterEvents(cluster, log),
    mailer: createMailer({ db: handle.db, smtpUrl: config.smtpUrl, from: config.mailFrom, log }),
    library: createLibraryStorage(config.dataDir, config.libraryStorage),
    translator,
  };
  // Closing the database also leaves the cluster: the other instances see this one go at once.
  const closeDatabase = handle.close.bind(handle);
  return {
    services,
    handle: {
      ...handle,
      async close() {
        await cluster.close();
        await closeDatabase();
      },
    },
  };
}
