/**
 * The word index at its edges, on SQLite and PostgreSQL: a long text of distinct words fits
 * (PostgreSQL indexes the first 300 000 characters because a tsvector holds at most 1 MB), and
 * a queued blob is claimed by one caller only.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "#db/testing/test-database";
import { claimBlobText, queueBlobText, searchFileTexts, storeBlobText } from "./library-text";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

const NOW = "2026-12-06T12:00:00.000Z";

async function blob(sha: string) {
  await database.db.insertInto("library_blobs").values({ sha256: sha, size: 1, mime: "text/plain", kind: "text", inline_safe: 1, created_at: NOW }).execute();
  await queueBlobText(database.db, sha, NOW);
  const job = await claimBlobText(database.db, NOW, "2026-12-06T00:00:00.000Z");
  if (!job || job.sha256 !== sha) throw new Error("not claimed");
  return job;
}

describe(`library text index (${process.env.TEST_DATABASE})`, () => {
  it("stores and indexes a text of 100 000 distinct words", async () => {
    const job = await blob("a".repeat(64));
    // Two-character words from 400 CJK characters: 100 000 distinct ones.
    const chars = Array.from({ length: 400 }, (_, i) => String.fromCharCode(0x4e00 + i));
    const words: string[] = [];
    for (let i = 0; words.length < 100_000; i++) words.push(chars[Math.floor(i / 400) % 400]! + chars[i % 400]!);
    await storeBlobText(database.db, job.id, { status: "done", text: words.join(" "), truncated: false, note: "" }, NOW);
    const row = await database.db.selectFrom("library_blob_texts").selectAll().where("id", "=", job.id).executeTakeFirstOrThrow();
    expect(row.status).toBe("done");
    expect(row.text?.length).toBe(299_999);
    expect(row.note).toBe("");
  });

  it("claims a queued blob once, even when asked twice at the same moment", async () => {
    const sha = "b".repeat(64);
    await database.db.insertInto("library_blobs").values({ sha256: sha, size: 1, mime: "text/plain", kind: "text", inline_safe: 1, created_at: NOW }).execute();
    await queueBlobText(database.db, sha, NOW);
    const claims = await Promise.all([1, 2, 3].map(() => claimBlobText(database.db, NOW, "2026-12-06T00:00:00.000Z")));
    expect(claims.filter((c) => c?.sha256 === sha)).toHaveLength(1);
    expect(await searchFileTexts(database.db, null, ["nothing"], 5)).toEqual([]);
  });
});
