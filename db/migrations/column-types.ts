/**
 * Column types that differ between SQLite and PostgreSQL. Migrations use these and
 * nothing from the app, so they stay frozen in time.
 */
import { sql, type Kysely, type RawBuilder, PostgresAdapter } from "kysely";

export interface ColumnTypes {
  timestamp: RawBuilder<unknown>;
  binary: RawBuilder<unknown>;
  text: "text";
}

export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export function columnTypes(db: Kysely<any>): ColumnTypes {
  return {
    timestamp: isPostgres(db) ? sql`timestamptz` : sql`text`,
    binary: isPostgres(db) ? sql`bytea` : sql`blob`,
    text: "text",
  };
}
