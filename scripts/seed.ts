/** `npm run seed`: applies the demo data (idempotent) after migrating. */
import path from "node:path";
import { loadConfig } from "#server/config";
import { openDatabase } from "#db/connection";
import { migrateToLatest } from "#db/migrate";
import { applyDemoSeed } from "#server/demo/apply-demo-seed";

const config = loadConfig();
const handle = openDatabase({ databaseUrl: config.databaseUrl, sqlitePath: path.join(config.dataDir, "connactions.sqlite") });
try {
  await migrateToLatest(handle.db);
  const summary = await applyDemoSeed(handle.db);
  console.log(`Demo seed: ${summary.networks} networks, ${summary.organisations} organisations, ${summary.people} people added.`);
} finally {
  await handle.close();
}
