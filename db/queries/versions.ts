import type { Kysely } from "kysely";
import type { Database, DocumentVersion } from "../schema";

type Db = Kysely<Database>;
const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

export async function insertVersion(db: Db, version: DocumentVersion): Promise<void> {
  await db.insertInto("document_versions").values({ ...version, state: asBuffer(version.state) }).execute();
}

/** The history list: everything but the (large) state. Newest first. */
export async function listVersions(db: Db, docName: string) {
  return db
    .selectFrom("document_versions")
    .leftJoin("users", "users.id", "document_versions.created_by")
    .select([
      "document_versions.id",
      "document_versions.kind",
      "document_versions.name",
      "document_versions.created_at",
      "document_versions.created_by",
      "document_versions.contributors",
      "document_versions.restored_from",
      "users.name as created_by_name",
    ])
    .where("document_versions.doc_name", "=", docName)
    .orderBy("document_versions.created_at", "desc")
    .orderBy("document_versions.id", "desc")
    .execute();
}

export async function findVersion(db: Db, id: string): Promise<DocumentVersion | undefined> {
  return db.selectFrom("document_versions").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function latestVersion(db: Db, docName: string): Promise<DocumentVersion | undefined> {
  return db
    .selectFrom("document_versions")
    .selectAll()
    .where("doc_name", "=", docName)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
}

export async function namesOfUsers(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom("users").select(["id", "name"]).where("id", "in", ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
