/**
 * All SQL of the document library: folders, files, versions, blobs, trash, usage and the
 * uploads under way. A library is a network's (network_id = its id) or the commons'
 * (network_id null); every query takes that owner and filters by it, so an id from another
 * library finds nothing. Trashed rows keep deleted_at; "visible" means not trashed and not
 * inside a trashed folder (folder depth is small, walked in code, see domain/library).
 */
import { sql, type Kysely, type SelectQueryBuilder } from "kysely";
import type { Database, LibraryFile, LibraryFileVersion, LibraryFolder, LibraryUpload } from "../schema";

type Db = Kysely<Database>;
/** The library's key: a network id, or null for the commons library. */
export type LibraryKey = string | null;

function whereLibrary<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>, column: string, key: LibraryKey) {
  return query.where((eb) => (key === null ? eb(sql.ref(column), "is", null) : eb(sql.ref(column), "=", key)));
}

// ---------------------------------------------------------------- folders

export async function insertFolder(db: Db, row: LibraryFolder): Promise<void> {
  await db.insertInto("library_folders").values(row).execute();
}

export async function findFolder(db: Db, key: LibraryKey, id: string): Promise<LibraryFolder | undefined> {
  return whereLibrary(db.selectFrom("library_folders").selectAll().where("id", "=", id), "network_id", key).executeTakeFirst();
}

export async function updateFolder(db: Db, id: string, patch: Partial<Pick<LibraryFolder, "name" | "parent_id" | "updated_by" | "updated_at" | "deleted_at" | "deleted_by">>) {
  await db.updateTable("library_folders").set(patch).where("id", "=", id).execute();
}

/** Sub-folders of a folder (null: the library's top level) that are not in the trash. */
export async function childFolders(db: Db, key: LibraryKey, parentId: string | null) {
  let q = db
    .selectFrom("library_folders")
    .leftJoin("users", "users.id", "library_folders.updated_by")
    .selectAll("library_folders")
    .select("users.name as updated_by_name")
    .where("library_folders.deleted_at", "is", null);
  q = parentId === null ? q.where("library_folders.parent_id", "is", null) : q.where("library_folders.parent_id", "=", parentId);
  return whereLibrary(q, "library_folders.network_id", key).orderBy("library_folders.name").orderBy("library_folders.id").execute();
}

/** Every folder of a library that is not in the trash, for the move picker and breadcrumbs. */
export async function allFolders(db: Db, key: LibraryKey) {
  return whereLibrary(db.selectFrom("library_folders").select(["id", "parent_id", "name", "deleted_at"]), "network_id", key)
    .orderBy("name")
    .orderBy("id")
    .execute();
}

// ---------------------------------------------------------------- files

/** The file columns every list and page shows, with its current version and blob. */
function fileWithCurrent(db: Db) {
  return db
    .selectFrom("library_files")
    .leftJoin("library_file_versions as v", "v.id", "library_files.current_version_id")
    .leftJoin("library_blobs as b", "b.sha256", "v.blob_sha256")
    .leftJoin("users as updater", "updater.id", "library_files.updated_by")
    .leftJoin("networks as sharer", "sharer.id", "library_files.shared_from_network_id")
    .selectAll("library_files")
    .select([
      "sharer.name as shared_from_network_name",
      "sharer.slug as shared_from_network_slug",
      "v.number as version_number",
      "v.size as size",
      "v.blob_sha256 as blob_sha256",
      "b.mime as mime",
      "b.kind as kind",
      "b.inline_safe as inline_safe",
      "updater.name as updated_by_name",
    ]);
}

export type LibraryFileRow = Awaited<ReturnType<typeof findFile>> & object;

export async function findFile(db: Db, key: LibraryKey, id: string) {
  return whereLibrary(fileWithCurrent(db).where("library_files.id", "=", id), "library_files.network_id", key).executeTakeFirst();
}

export type FileSort = "name" | "updated" | "size" | "type";

export async function filesInFolder(db: Db, key: LibraryKey, folderId: string | null, filter: { language?: string; tag?: string }) {
  let q = fileWithCurrent(db).where("library_files.deleted_at", "is", null);
  q = folderId === null ? q.where("library_files.folder_id", "is", null) : q.where("library_files.folder_id", "=", folderId);
  if (filter.language) q = q.where("library_files.language", "=", filter.language);
  // Tags are a JSON array of keys; a quoted key cannot match inside another key.
  if (filter.tag) q = q.where("library_files.tags", "like", `%${JSON.stringify(filter.tag).replace(/[%_]/g, "")}%`);
  return whereLibrary(q, "library_files.network_id", key).orderBy("library_files.name").orderBy("library_files.id").execute();
}

/**
 * Files of a library (not trashed) whose name, title, description or keywords contain every
 * term, ignoring case. Terms are letters and digits only, so they hold no LIKE wildcards.
 * SQLite's lower() folds ASCII only; the text index (library-text) folds every script.
 */
export async function filesMatchingMetadata(db: Db, key: LibraryKey, terms: string[], limit: number) {
  if (terms.length === 0) return [];
  const haystack = sql<string>`lower(library_files.name || ' ' || library_files.title || ' ' || library_files.description || ' ' || library_files.keywords)`;
  let q = fileWithCurrent(db).where("library_files.deleted_at", "is", null);
  for (const term of terms) q = q.where(haystack, "like", `%${term.toLowerCase()}%`);
  return whereLibrary(q, "library_files.network_id", key).orderBy("library_files.updated_at", "desc").orderBy("library_files.id").limit(limit).execute();
}

/** Files by id within one library (search results in one query). */
export async function filesByIds(db: Db, key: LibraryKey, ids: string[]) {
  if (ids.length === 0) return [];
  return whereLibrary(fileWithCurrent(db).where("library_files.id", "in", ids), "library_files.network_id", key).execute();
}

type ShareColumns = "shared_from_file_id" | "shared_from_network_id" | "shared_version_number";

/** A new file; the share columns are set only on a commons file a network shared (library-shares). */
export async function insertFile(db: Db, file: Omit<LibraryFile, ShareColumns> & Partial<Pick<LibraryFile, ShareColumns>>): Promise<void> {
  await db.insertInto("library_files").values(file).execute();
}

export async function updateFile(
  db: Db,
  id: string,
  patch: Partial<Omit<LibraryFile, "id" | "network_id" | "created_by" | "created_at">>,
): Promise<void> {
  await db.updateTable("library_files").set(patch).where("id", "=", id).execute();
}

/** The commons file that shares this network file, if it is shared. */
export async function findShareOf(db: Db, networkFileId: string) {
  return fileWithCurrent(db).where("library_files.shared_from_file_id", "=", networkFileId).where("library_files.network_id", "is", null).executeTakeFirst();
}

/** Removes a file for good with its versions (a withdrawn share); returns the blobs nothing refers to any more. */
export async function deleteFileForGood(db: Db, id: string): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    await trx.deleteFrom("library_files").where("id", "=", id).execute();
    return orphanBlobs(trx);
  });
}

// ---------------------------------------------------------------- versions and blobs

export async function insertBlobIfMissing(db: Db, row: Database["library_blobs"]): Promise<void> {
  await db.insertInto("library_blobs").values(row).onConflict((oc) => oc.column("sha256").doNothing()).execute();
}

export async function insertVersion(db: Db, row: LibraryFileVersion): Promise<void> {
  await db.insertInto("library_file_versions").values(row).execute();
}

export async function nextVersionNumber(db: Db, fileId: string): Promise<number> {
  const row = await db
    .selectFrom("library_file_versions")
    .select((eb) => eb.fn.max("number").as("max"))
    .where("file_id", "=", fileId)
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

export async function versionsOf(db: Db, fileId: string) {
  return db
    .selectFrom("library_file_versions")
    .innerJoin("library_blobs as b", "b.sha256", "library_file_versions.blob_sha256")
    .leftJoin("users", "users.id", "library_file_versions.created_by")
    .selectAll("library_file_versions")
    .select(["users.name as created_by_name", "b.mime as mime", "b.kind as kind"])
    .where("library_file_versions.file_id", "=", fileId)
    .orderBy("library_file_versions.number", "desc")
    .execute();
}

/** One version of a file of this library (the file may be in the trash: callers decide). */
export async function findVersion(db: Db, key: LibraryKey, fileId: string, versionId: string) {
  const q = db
    .selectFrom("library_file_versions")
    .innerJoin("library_files", "library_files.id", "library_file_versions.file_id")
    .innerJoin("library_blobs as b", "b.sha256", "library_file_versions.blob_sha256")
    .selectAll("library_file_versions")
    .select(["b.mime as mime", "b.kind as kind", "b.inline_safe as inline_safe", "library_files.name as file_name"])
    .where("library_file_versions.id", "=", versionId)
    .where("library_file_versions.file_id", "=", fileId);
  return whereLibrary(q, "library_files.network_id", key).executeTakeFirst();
}

// ---------------------------------------------------------------- trash

/** Trashed files and folders of a library, newest first, with who trashed them. */
export async function trashedItems(db: Db, key: LibraryKey) {
  const folders = await whereLibrary(
    db
      .selectFrom("library_folders")
      .leftJoin("users", "users.id", "library_folders.deleted_by")
      .select(["library_folders.id", "library_folders.name", "library_folders.parent_id", "library_folders.deleted_at", "users.name as deleted_by_name"])
      .where("library_folders.deleted_at", "is not", null),
    "library_folders.network_id",
    key,
  ).execute();
  const files = await whereLibrary(
    db
      .selectFrom("library_files")
      .leftJoin("users", "users.id", "library_files.deleted_by")
      .leftJoin("library_file_versions as v", "v.id", "library_files.current_version_id")
      .select([
        "library_files.id",
        "library_files.name",
        "library_files.folder_id",
        "library_files.deleted_at",
        "users.name as deleted_by_name",
        "v.size as size",
      ])
      .where("library_files.deleted_at", "is not", null),
    "library_files.network_id",
    key,
  ).execute();
  return { folders, files };
}

/** Removes trashed rows for good (versions cascade); returns the blobs no version refers to any more. */
export async function purgeTrashed(db: Db, key: LibraryKey, trashedBefore: string | null): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    let files = trx.deleteFrom("library_files").where("deleted_at", "is not", null);
    let folders = trx.deleteFrom("library_folders").where("deleted_at", "is not", null);
    if (trashedBefore) {
      files = files.where("deleted_at", "<", trashedBefore);
      folders = folders.where("deleted_at", "<", trashedBefore);
    }
    files = key === null ? files.where("network_id", "is", null) : files.where("network_id", "=", key);
    folders = key === null ? folders.where("network_id", "is", null) : folders.where("network_id", "=", key);
    await files.execute();
    // Deleting a folder cascades to its sub-folders and files, trashed with it or not.
    await folders.execute();
    return orphanBlobs(trx);
  });
}

/** Every library's rows trashed before the cut-off (the 30-day rule), across libraries. */
export async function purgeAllTrashedBefore(db: Db, trashedBefore: string): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    await trx.deleteFrom("library_files").where("deleted_at", "<", trashedBefore).execute();
    await trx.deleteFrom("library_folders").where("deleted_at", "<", trashedBefore).execute();
    return orphanBlobs(trx);
  });
}

async function orphanBlobs(db: Db): Promise<string[]> {
  const orphans = await db
    .selectFrom("library_blobs")
    .select("sha256")
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom("library_file_versions").select(sql`1`.as("one")).whereRef("library_file_versions.blob_sha256", "=", "library_blobs.sha256"))),
    )
    .execute();
  const keys = orphans.map((o) => o.sha256);
  if (keys.length) {
    // Explicitly, not by cascade: SQLite's word index follows library_blob_texts through a delete trigger.
    await db.deleteFrom("library_blob_texts").where("blob_sha256", "in", keys).execute();
    await db.deleteFrom("library_blobs").where("sha256", "in", keys).execute();
  }
  return keys;
}

// ---------------------------------------------------------------- usage and uploads

/** Bytes a library holds (every version, trash included) plus what its unfinished uploads announced. */
export async function libraryUsage(db: Db, key: LibraryKey): Promise<{ stored: number; pending: number }> {
  const stored = await whereLibrary(
    db
      .selectFrom("library_file_versions")
      .innerJoin("library_files", "library_files.id", "library_file_versions.file_id")
      .select((eb) => eb.fn.sum<number>("library_file_versions.size").as("bytes"))
      // A shared file's bytes are the sharing network's: the commons quota does not pay for them twice.
      .where("library_files.shared_from_file_id", "is", null),
    "library_files.network_id",
    key,
  ).executeTakeFirst();
  const pending = await whereLibrary(
    db
      .selectFrom("library_uploads")
      .select((eb) => eb.fn.sum<number>("size").as("bytes"))
      .where("finished_at", "is", null),
    "network_id",
    key,
  ).executeTakeFirst();
  return { stored: Number(stored?.bytes ?? 0), pending: Number(pending?.bytes ?? 0) };
}

export async function insertUpload(db: Db, row: LibraryUpload): Promise<void> {
  await db.insertInto("library_uploads").values(row).execute();
}

export async function findUpload(db: Db, id: string): Promise<LibraryUpload | undefined> {
  return db.selectFrom("library_uploads").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function finishUpload(db: Db, id: string, resultFileId: string, finishedAt: string): Promise<void> {
  await db.updateTable("library_uploads").set({ result_file_id: resultFileId, finished_at: finishedAt }).where("id", "=", id).execute();
}

export async function deleteUpload(db: Db, id: string): Promise<void> {
  await db.deleteFrom("library_uploads").where("id", "=", id).execute();
}

/** Uploads started before the cut-off: abandoned ones (their bytes expire in the upload store) and finished ones. */
export async function deleteStaleUploads(db: Db, startedBefore: string): Promise<void> {
  await db.deleteFrom("library_uploads").where("created_at", "<", startedBefore).execute();
}
