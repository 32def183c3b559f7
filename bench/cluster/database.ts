/**
 * The PostgreSQL databases of bench:cluster, one per setup on the same server (TEST_PG_URL,
 * default postgres://postgres@127.0.0.1:5432/postgres): created and migrated as the
 * PostgreSQL tests do (db/testing/test-database.ts), then filled as bench:collab fills its
 * SQLite file (one network, one person with a session per client, work programmes). A
 * database of its own per setup keeps setups from ever holding the same document, and lets
 * the bench tell which PostgreSQL backends work for which setup (pg_stat_activity.datname).
 */
import pg from "pg";
import { DEFAULT_TEST_PG_URL, createTestDatabase } from "#db/testing/test-database";
import { fillOurDatabase } from "../collab/servers/our-database";
import { cpuMicros } from "../collab/proc-stats";

export interface ClusterDatabase {
  databaseUrl: string;
  /** The database's name, as pg_stat_activity shows it. */
  name: string;
  /** DATA_DIR for the instances (nothing of the database lives there on PostgreSQL). */
  dataDir: string;
  cookies: string[];
  /** Fresh work-programme documents. */
  docs: string[];
  /** Drops the database (with force, should a server still hold it). */
  remove(): Promise<void>;
}

export async function prepareClusterDatabase(options: { people: number; docs: number }): Promise<ClusterDatabase> {
  const database = await createTestDatabase("postgres");
  try {
    const { cookies, docs } = await fillOurDatabase(database.db, { people: options.people, fanoutDocs: options.docs });
    if (!database.databaseUrl) throw new Error('createTestDatabase("postgres") gave no DATABASE_URL');
    // The bench's own pool closes, so every backend on this database is a server's.
    await database.close();
    const name = decodeURIComponent(new URL(database.databaseUrl).pathname.slice(1));
    return { databaseUrl: database.databaseUrl, name, dataDir: database.dataDir, cookies, docs: docs.fanout, remove: () => database.drop() };
  } catch (error) {
    await database.drop();
    throw error;
  }
}

/**
 * CPU of the PostgreSQL backends serving one database, from /proc like the servers' own.
 * Backends come and go with the servers' pools: a snapshot lists the live ones, and the
 * difference of two snapshots counts each backend alive at the end from the start (or from
 * its birth). A backend that ended within the window is missed; the pools keep theirs while
 * in use, so that is rare. Only client backends count: autovacuum workers also name the
 * database, but run when PostgreSQL decides, which made single rounds jump; they stay among
 * "others" with PostgreSQL's shared processes (WAL writer, checkpointer).
 */
export class BackendCpu {
  private constructor(private readonly admin: pg.Client) {}

  static async connect(): Promise<BackendCpu> {
    const admin = new pg.Client({ connectionString: process.env.TEST_PG_URL ?? DEFAULT_TEST_PG_URL });
    await admin.connect();
    return new BackendCpu(admin);
  }

  async snapshot(database: string): Promise<Map<number, number>> {
    const { rows } = await this.admin.query<{ pid: number }>("select pid from pg_stat_activity where datname = $1 and backend_type = 'client backend'", [database]);
    const cpu = new Map<number, number>();
    for (const { pid } of rows) {
      try {
        cpu.set(pid, cpuMicros(pid));
      } catch {
        // ended since the query
      }
    }
    return cpu;
  }

  static between(start: Map<number, number>, end: Map<number, number>): number {
    let total = 0;
    for (const [pid, micros] of end) total += micros - (start.get(pid) ?? 0);
    return total;
  }

  close(): Promise<void> {
    return this.admin.end();
  }
}
