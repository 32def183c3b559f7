/**
 * Prepared statements reused across queries. Kysely's SQLite driver calls
 * `database.prepare(sql)` for every query it runs; compiling the same SQL again was about
 * a tenth of a page's server time (docs/decisions/0017). Kysely builds the same SQL text
 * for the same query shape, so the text is the key.
 *
 * Bounded, least recently used first out: queries with `in (?, ?, …)` lists make a new text
 * per list length. A statement that is still being iterated (a streamed select) is busy
 * and cannot run again until it finishes; such a call gets a fresh statement of its own.
 * SQLite re-prepares a cached statement by itself after a schema change (migrations).
 */
import type SQLite from "better-sqlite3";
import type { SqliteDatabase, SqliteStatement } from "kysely";

export const STATEMENT_CACHE_SIZE = 500;

export function withStatementCache(database: SQLite.Database, size = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      statements.clear();
      database.close();
    },
    prepare(sql: string): SqliteStatement {
      const cached = statements.get(sql);
      if (cached && !cached.busy) {
        // Re-inserted so the Map's order is least recently used first.
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      const statement = database.prepare(sql);
      if (cached) return statement;
      statements.set(sql, statement);
      if (statements.size > size) statements.delete(statements.keys().next().value as string);
      return statement;
    },
  };
}
