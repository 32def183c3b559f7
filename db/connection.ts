/**
 * Opens the database: embedded SQLite in DATA_DIR by default, PostgreSQL when
 * DATABASE_URL is a postgres:// URL. Everything above this file sees one Kysely<Database>.
 */
import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import pg from "pg";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import type { Database } from "./schema";
import { withStatementCache } from "./statement-cache";

export type Dialect = "sqlite" | "postgres";

export interface DbHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  close(): Promise<void>;
}

export interface DbOptions {
  databaseUrl?: string | undefined;
  /** SQLite file; ":memory:" is allowed for throwaway use. */
  sqlitePath?: string;
  poolSize?: number;
}

const PG_TIMESTAMPTZ_OID = 1184;
const PG_TIMESTAMP_OID = 1114;
const PG_INT8_OID = 20;

let pgParsersInstalled = false;
function installPgTypeParsers(): void {
  if (pgParsersInstalled) return;
  pgParsersInstalled = true;
  // Same shape as SQLite's text timestamps, so domain code compares and formats one way.
  const toIso = (value: string) => new Date(value).toISOString();
  pg.types.setTypeParser(PG_TIMESTAMPTZ_OID, toIso);
  pg.types.setTypeParser(PG_TIMESTAMP_OID, (value: string) => new Date(`${value}Z`).toISOString());
  // count(*) is int8; our counts stay far below 2^53.
  pg.types.setTypeParser(PG_INT8_OID, (value: string) => Number(value));
}

export function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//i.test(url);
}

export function openDatabase(options: DbOptions): DbHandle {
  if (isPostgresUrl(options.databaseUrl)) {
    installPgTypeParsers();
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // An idle client that errors (server restart) must not crash the process.
    pool.on("error", (error) => console.error("[db] idle PostgreSQL client error:", error.message));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: "postgres", close: () => db.destroy() };
  }
  const file = options.sqlitePath ?? ":memory:";
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: "sqlite", close: () => db.destroy() };
}
