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

  it("roll back completely and apply again", async () => {
    const down = await migrator.migrateTo(NO_MIGRATIONS);
    expect(down.error).toBeUndefined();
    expect((down.results ?? []).map((r) => r.migrationName)).toEqual([...names].reverse());
    expect(await expectOk(await migrator.migrateToLatest())).toEqual(names);
  });
});
