/**
 * Prepares the SQLite database our server starts on: migrated, with one network, one
 * member (and one session with a known token) per benchmark client, and the work
 * programmes whose collab documents the workloads edit. Done before the server starts so
 * the measured process never does setup work.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type DbHandle } from "#db/connection";
import { migrateToLatest } from "#db/migrate";
import { insertSession } from "#db/queries/sessions";
import { buildNetwork, buildUser, buildWorkProgramme } from "#server/testing/factories";
import { hashToken, newToken } from "#server/domain/auth/tokens";
import { SESSION_COOKIE } from "#server/domain/auth/sessions";

export interface OurDatabase {
  dataDir: string;
  handle: DbHandle;
  /** Cookie header for client i; each client is a different person, as in real use. */
  cookies: string[];
  /** Document names, created as work programmes of the one network. */
  docs: { fanout: string[]; crowd: string; idle: string; warmup: string; cold: string };
  /** The one network, for benches that read its pages (bench:soak). */
  network: { id: string; slug: string };
  remove(): Promise<void>;
}

export async function prepareOurDatabase(options: { people: number; fanoutDocs: number }): Promise<OurDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ca-bench-collab-"));
  const handle = openDatabase({ sqlitePath: path.join(dataDir, "connactions.sqlite") });
  await migrateToLatest(handle.db);
  const { cookies, docs, network } = await fillOurDatabase(handle.db, options);
  return {
    dataDir,
    handle,
    cookies,
    docs,
    network,
    async remove() {
      await handle.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Fills a migrated database, SQLite or PostgreSQL (bench:cluster uses it on PostgreSQL):
 * one network, `people` members with a session each, and the work programmes.
 */
export async function fillOurDatabase(
  db: DbHandle["db"],
  options: { people: number; fanoutDocs: number },
): Promise<Pick<OurDatabase, "cookies" | "docs" | "network">> {
  const network = await buildNetwork(db);

  const cookies: string[] = [];
  const now = new Date();
  const inAWeek = new Date(now.getTime() + 7 * 24 * 3600_000).toISOString();
  for (let i = 0; i < options.people; i++) {
    const user = await buildUser(db, { memberships: [{ networkId: network.id, role: "member" }], name: `Bench person ${i}` });
    const token = newToken();
    // The sessions table keeps only the token's hash; the cookie carries the token itself.
    await insertSession(db, {
      id: hashToken(token),
      user_id: user.id,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: inAWeek,
      user_agent: "bench/collab",
      ip: "127.0.0.1",
    });
    cookies.push(`${SESSION_COOKIE}=${token}`);
  }

  const doc = async () => (await buildWorkProgramme(db, network.id)).docName;
  const fanout: string[] = [];
  for (let i = 0; i < options.fanoutDocs; i++) fanout.push(await doc());
  const docs = { fanout, crowd: await doc(), idle: await doc(), warmup: await doc(), cold: await doc() };
  return { cookies, docs, network: { id: network.id, slug: network.slug } };
}
