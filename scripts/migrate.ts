/** `npm run migrate`: brings the configured database to the latest schema. */
import { loadConfig } from "#server/config";
import { openDatabase } from "#db/connection";
import { migrateToLatest } from "#db/migrate";
import path from "node:path";

const config = loadConfig();
const handle = openDatabase({ databaseUrl: config.databaseUrl, sqlitePath: path.join(config.dataDir, "connactions.sqlite") });
try {
  const applied = await migrateToLatest(handle.db);
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
} finally {
  await handle.close();
}
