/**
 * A fresh, migrated database per test file: a temp SQLite file, or a new PostgreSQL
 * database created on TEST_PG_URL's server and dropped afterwards. Tests isolate by
 * creating their own data (factories), never by truncating shared tables.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { openDatabase, type DbHandle } from "../connection";
import { migrateToLatest } from "../migrate";

export const DEFAULT_TEST_PG_URL = "postgres://postgres@127.0.0.1:5432/postgres";

export type TestDialect = "sqlite" | "postgres";

export function testDialect(): TestDialect {
  return process.env.TEST_DATABASE === "postgres" ? "postgres" : "sqlite";
}

export interface TestDatabase extends DbHandle {
  /** What DATABASE_URL / DATA_DIR a child process needs to open the same database. */
  databaseUrl: string | undefined;
  dataDir: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(
  dialect: TestDialect = testDialect(),
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  const migrate = options.migrate ?? true;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ca-test-"));
  if (dialect === "sqlite") {
    const handle = openDatabase({ sqlitePath: path.join(dataDir, "connactions.sqlite") });
    if (migrate) await migrateToLatest(handle.db);
    return {
      ...handle,
      databaseUrl: undefined,
      dataDir,
      async drop() {
        await handle.close().catch(() => undefined);
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const adminUrl = process.env.TEST_PG_URL ?? DEFAULT_TEST_PG_URL;
  const name = `ca_test_${process.pid}_${crypto.randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = openDatabase({ databaseUrl: url.toString(), poolSize: 5 });
  if (migrate) await migrateToLatest(handle.db);
  return {
    ...handle,
    databaseUrl: url.toString(),
    dataDir,
    async drop() {
      await handle.close().catch(() => undefined);
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
