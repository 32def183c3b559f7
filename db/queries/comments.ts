import type { Kysely } from "kysely";
import type { Comment, CommentThread, Database } from "../schema";

type Db = Kysely<Database>;

export async function insertThread(db: Db, thread: CommentThread): Promise<void> {
  await db.insertInto("comment_threads").values(thread).execute();
}

export async function insertComment(db: Db, comment: Comment): Promise<void> {
  await db.insertInto("comments").values(comment).execute();
}

export async function insertMentions(db: Db, commentId: string, userIds: string[]): Promise<void> {
  if (userIds.length === 0) return;
  await db.insertInto("comment_mentions").values(userIds.map((user_id) => ({ comment_id: commentId, user_id }))).execute();
}

export async function mentionedUserIds(db: Db, commentId: string): Promise<string[]> {
  const rows = await db.selectFrom("comment_mentions").select("user_id").where("comment_id", "=", commentId).execute();
  return rows.map((r) => r.user_id);
}

export async function findThread(db: Db, id: string): Promise<CommentThread | undefined> {
  return db.selectFrom("comment_threads").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function findComment(db: Db, id: string): Promise<Comment | undefined> {
  return db.selectFrom("comments").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function updateThreadStatus(db: Db, id: string, status: "open" | "resolved", by: string | null, at: string) {
  await db
    .updateTable("comment_threads")
    .set({ status, resolved_by: status === "resolved" ? by : null, resolved_at: status === "resolved" ? at : null, updated_at: at })
    .where("id", "=", id)
    .execute();
}

export async function touchThread(db: Db, id: string, at: string) {
  await db.updateTable("comment_threads").set({ updated_at: at }).where("id", "=", id).execute();
}

export async function updateCommentBody(db: Db, id: string, body: string, at: string) {
  await db.updateTable("comments").set({ body, edited_at: at }).where("id", "=", id).execute();
}

export async function softDeleteComment(db: Db, id: string, at: string) {
  await db.updateTable("comments").set({ body: "", deleted_at: at }).where("id", "=", id).execute();
}

export async function listThreadsOfDocument(db: Db, docName: string) {
  const threads = await db.selectFrom("comment_threads").selectAll().where("doc_name", "=", docName).orderBy("created_at").execute();
  if (threads.length === 0) return { threads, comments: [] };
  const comments = await db
    .selectFrom("comments")
    .leftJoin("users", "users.id", "comments.author_id")
    .selectAll("comments")
    .select("users.name as author_name")
    .where(
      "thread_id",
      "in",
      threads.map((t) => t.id),
    )
    .orderBy("comments.created_at")
    .orderBy("comments.id")
    .execute();
  return { threads, comments };
}

/** Authors of a thread's comments: the people who "take part" in it. */
export async function participantsOfThread(db: Db, threadId: string): Promise<string[]> {
  const rows = await db.selectFrom("comments").select("author_id").distinct().where("thread_id", "=", threadId).execute();
  return rows.map((r) => r.author_id).filter((id): id is string => id !== null);
}

/** Active people by name: who could be mentioned, before the policy decides who can read the document. */
export async function listMentionablePeople(db: Db) {
  return db.selectFrom("users").select(["id", "name"]).where("disabled_at", "is", null).orderBy("name").execute();
}
