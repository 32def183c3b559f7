/**
 * Migrations as an existing installation meets them: each one applies on top of the data
 * the previous ones left (rows survive renames), and every one can be rolled back and
 * applied again. Runs on SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Migrator, NO_MIGRATIONS, type Kysely } from "kysely";
import { createTestDatabase, type TestDatabase } from "#db/testing/test-database";
import { migrations } from "./index";

let database: TestDatabase;
let migrator: Migrator;
beforeAll(async () => {
  database = await createTestDatabase(undefined, { migrate: false });
  migrator = new Migrator({ db: database.db, provider: { getMigrations: async () => migrations } });
});
afterAll(async () => {
  await database?.drop();
});

const names = Object.keys(migrations);
const db = () => database.db as unknown as Kysely<any>;

async function expectOk(result: Awaited<ReturnType<Migrator["migrateToLatest"]>>) {
  expect(result.error).toBeUndefined();
  return (result.results ?? []).map((r) => r.migrationName);
}

describe(`migrations (${process.env.TEST_DATABASE})`, () => {
  it("are listed in time order", () => {
    expect(names).toEqual([...names].sort());
  });

  it("keep login failures counted before throttle_events existed", async () => {
    await expectOk(await migrator.migrateTo("20261121_1000_comments_versions_notifications"));
    await db().insertInto("login_failures").values({ id: "f1", key: "account:someone@example.test", at: new Date().toISOString() }).execute();
    expect(await expectOk(await migrator.migrateTo("20261121_1100_throttle_events"))).toEqual(["20261121_1100_throttle_events"]);
    expect(await db().selectFrom("throttle_events").select(["id", "key"]).execute()).toEqual([{ id: "f1", key: "account:someone@example.test" }]);
  });

  it("give existing documents derivation-failure columns and an empty client-id table", async () => {
    await expectOk(await migrator.migrateTo("20261121_1100_throttle_events"));
    const at = new Date().toISOString();
    await db().insertInto("collab_documents").values({ name: "workprogramme.old", state: Buffer.from([0, 0]), text: "alt", json: "{}", compacted_at: at, derived_at: at }).execute();
    await expectOk(await migrator.migrateTo("20261204_1000_collab_hardening"));
    expect(await db().selectFrom("collab_documents").select(["name", "text", "derive_error", "derive_failed_at"]).execute()).toEqual([
      { name: "workprogramme.old", text: "alt", derive_error: null, derive_failed_at: null },
    ]);
    await db().insertInto("collab_client_ids").values({ name: "workprogramme.old", client_id: 2 ** 32 - 1, user_id: "u1", claimed_at: at }).execute();
    const rows = await db().selectFrom("collab_client_ids").select(["client_id"]).execute();
    expect(rows.map((r) => Number(r.client_id))).toEqual([2 ** 32 - 1]);
    await db().deleteFrom("collab_client_ids").execute();
    await db().deleteFrom("collab_documents").execute();
  });

  it("keep comment threads, their comments and versions when they may belong to no network (commons documents)", async () => {
    await expectOk(await migrator.migrateTo("20261204_1000_collab_hardening"));
    const at = new Date().toISOString();
    await db().insertInto("networks").values({ id: "n1", slug: "n1", name: "Netz", description: "", occupational_field: "logistics", themes: "[]", created_at: at, updated_at: at }).execute();
    await db().insertInto("users").values({ id: "u9", email: "u9@example.test", name: "U", password_hash: "x", locale: "de", created_at: at, updated_at: at }).execute();
    const thread = { doc_name: "workprogramme.w1", network_id: "n1", anchor_start: "a", anchor_end: "b", quote: "q", status: "open", created_by: "u9", created_at: at, updated_at: at };
    await db().insertInto("comment_threads").values({ id: "t1", ...thread }).execute();
    await db().insertInto("comments").values({ id: "c1", thread_id: "t1", author_id: "u9", body: "Hallo", created_at: at }).execute();
    const version = { doc_name: "workprogramme.w1", kind: "auto", created_at: at, state: Buffer.from([0, 0]), text: "t", contributors: "[]" };
    await db().insertInto("document_versions").values({ id: "v1", network_id: "n1", ...version }).execute();

    await expectOk(await migrator.migrateTo("20261204_1100_commons_owner"));
    // Rebuilding the tables (SQLite) kept every row, and comments still belong to their thread.
    expect(await db().selectFrom("comments").select(["id", "thread_id", "body"]).execute()).toEqual([{ id: "c1", thread_id: "t1", body: "Hallo" }]);
    expect(await db().selectFrom("comment_threads").select(["id", "network_id"]).execute()).toEqual([{ id: "t1", network_id: "n1" }]);
    expect(await db().selectFrom("document_versions").select(["id", "network_id"]).execute()).toEqual([{ id: "v1", network_id: "n1" }]);
    await db().insertInto("comment_threads").values({ id: "t2", ...thread, doc_name: "recommendation.r1", network_id: null }).execute();
    await db().insertInto("document_versions").values({ id: "v2", network_id: null, ...version, doc_name: "recommendation.r1" }).execute();
    // Foreign keys still hold: deleting a thread deletes its comments, a network its threads.
    await db().deleteFrom("comment_threads").where("id", "=", "t1").execute();
    expect(await db().selectFrom("comments").select("id").execute()).toEqual([]);
    await db().insertInto("comment_threads").values({ id: "t3", ...thread }).execute();
    await db().deleteFrom("networks").where("id", "=", "n1").execute();
    expect((await db().selectFrom("comment_threads").select("id").orderBy("id").execute()).map((r) => r.id)).toEqual(["t2"]);
    expect((await db().selectFrom("document_versions").select("id").execute()).map((r) => r.id)).toEqual(["v2"]);

    // Rolling back drops what has no network, keeps the rest.
    await db().insertInto("networks").values({ id: "n2", slug: "n2", name: "Netz 2", description: "", occupational_field: "logistics", themes: "[]", created_at: at, updated_at: at }).execute();
    await db().insertInto("comment_threads").values({ id: "t4", ...thread, network_id: "n2" }).execute();
    await expectOk(await migrator.migrateTo("20261204_1000_collab_hardening"));
    expect((await db().selectFrom("comment_threads").select("id").execute()).map((r) => r.id)).toEqual(["t4"]);
    await db().deleteFrom("comment_threads").execute();
    await db().deleteFrom("document_versions").execute();
    await db().deleteFrom("networks").execute();
    await db().deleteFrom("users").execute();
  });

  it("roll back completely and apply again", async () => {
    await migrator.migrateToLatest();
    const down = await migrator.migrateTo(NO_MIGRATIONS);
    expect(down.error).toBeUndefined();
    expect((down.results ?? []).map((r) => r.migrationName)).toEqual([...names].reverse());
    expect(await expectOk(await migrator.migrateToLatest())).toEqual(names);
  });
});
