/**
 * The SQL of citing files of the commons library (network_id IS NULL) from findings and
 * recommendations: the files a form offers, and the cited files by id. Only commons rows are
 * ever read here: a network library's file is never returned, whatever id is asked for.
 * Whether a file's folder is out of the trash is decided by the caller (the folder tree).
 */
import type { Kysely } from "kysely";
import type { Database } from "../schema";

type Db = Kysely<Database>;

const COLUMNS = [
  "library_files.id",
  "library_files.name",
  "library_files.title",
  "library_files.folder_id",
  "library_files.deleted_at",
  "library_files.updated_at",
  "shared_from.name as shared_network_name",
] as const;

function commonsFiles(db: Db) {
  return db
    .selectFrom("library_files")
    .leftJoin("networks as shared_from", "shared_from.id", "library_files.shared_from_network_id")
    .select(COLUMNS)
    .where("library_files.network_id", "is", null);
}

export type CommonsFileRow = Awaited<ReturnType<typeof commonsFilesByIds>>[number];

/**
 * Commons files not in the trash that lie at the top level or in one of `liveFolderIds`,
 * most recently changed first, at most `limit`.
 */
export async function recentCommonsFiles(db: Db, liveFolderIds: readonly string[], limit: number) {
  return commonsFiles(db)
    .where("library_files.deleted_at", "is", null)
    .where((eb) => (liveFolderIds.length ? eb.or([eb("library_files.folder_id", "is", null), eb("library_files.folder_id", "in", [...liveFolderIds])]) : eb("library_files.folder_id", "is", null)))
    .orderBy("library_files.updated_at", "desc")
    .orderBy("library_files.id")
    .limit(limit)
    .execute();
}

/** Commons files by id (in the trash or not); ids of network files or unknown ids find nothing. */
export async function commonsFilesByIds(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return commonsFiles(db).where("library_files.id", "in", [...ids]).execute();
}
