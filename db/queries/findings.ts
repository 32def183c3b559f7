/**
 * All SQL of findings in the network of networks: the finding with its evidence, the list
 * with filters and comment counts, moderation (pin, close the discussion, hide a comment),
 * the discussion's threads with the moderation columns, and which recommendations cite a
 * finding. A finding's discussion lives in the generic comment tables under the doc name
 * `finding.<id>` (FINDING_DOC_PREFIX + id).
 */
import { sql, type Kysely } from "kysely";
import type { Database, Finding, FindingEvidence } from "../schema";

type Db = Kysely<Database>;

/** Must match docNameOf("finding", id) (shared/collab/doc-names.ts). */
export const FINDING_DOC_PREFIX = "finding.";

export async function insertFinding(db: Db, row: Finding, evidence: FindingEvidence[]): Promise<void> {
  await db.insertInto("findings").values(row).execute();
  if (evidence.length) await db.insertInto("finding_evidence").values(evidence).execute();
}

export async function updateFindingRow(db: Db, id: string, patch: Partial<Omit<Finding, "id" | "network_id" | "author_id" | "created_at">>): Promise<void> {
  await db.updateTable("findings").set(patch).where("id", "=", id).execute();
}

export async function replaceEvidence(db: Db, findingId: string, evidence: FindingEvidence[]): Promise<void> {
  await db.deleteFrom("finding_evidence").where("finding_id", "=", findingId).execute();
  if (evidence.length) await db.insertInto("finding_evidence").values(evidence).execute();
}

export async function findFinding(db: Db, id: string) {
  return db
    .selectFrom("findings")
    .innerJoin("networks", "networks.id", "findings.network_id")
    .leftJoin("users as author", "author.id", "findings.author_id")
    .selectAll("findings")
    .select(["networks.name as network_name", "author.name as author_name"])
    .where("findings.id", "=", id)
    .executeTakeFirst();
}

export async function evidenceOf(db: Db, findingId: string): Promise<FindingEvidence[]> {
  return db.selectFrom("finding_evidence").selectAll().where("finding_id", "=", findingId).orderBy("position").execute();
}

/** Titles of findings by id (all findings are commons content). */
export async function findingTitles(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom("findings").select(["id", "title"]).where("id", "in", ids).execute();
}

/** Every finding by title, for the evidence picker of the form. */
export async function listFindingChoices(db: Db) {
  return db
    .selectFrom("findings")
    .innerJoin("networks", "networks.id", "findings.network_id")
    .select(["findings.id", "findings.title", "networks.name as network_name"])
    .orderBy("findings.created_at", "desc")
    .orderBy("findings.id")
    .execute();
}

export interface FindingListFilters {
  actionArea: string | null;
  field: string | null;
  theme: string | null;
  network: string | null;
  /** DE or IT also match findings written from both perspectives. */
  country: "DE" | "IT" | "both" | null;
  sort: "newest" | "discussed";
}

/** `"key"` inside a JSON array stored as text. Keys are taxonomy keys (letters only), checked before. */
const containsKey = (key: string) => `%${JSON.stringify(key)}%`;

export async function listFindings(db: Db, filters: FindingListFilters, limit: number, offset: number) {
  let query = db
    .selectFrom("findings")
    .innerJoin("networks", "networks.id", "findings.network_id")
    .leftJoin("users as author", "author.id", "findings.author_id")
    .selectAll("findings")
    .select(["networks.name as network_name", "author.name as author_name"])
    .select((eb) =>
      eb
        .selectFrom("comments")
        .innerJoin("comment_threads", "comment_threads.id", "comments.thread_id")
        .select(eb.fn.countAll().as("n"))
        .where("comment_threads.doc_name", "=", sql<string>`${sql.lit(FINDING_DOC_PREFIX)} || findings.id`)
        .where("comments.deleted_at", "is", null)
        .where("comments.hidden_at", "is", null)
        .as("comment_count"),
    );
  if (filters.actionArea) query = query.where("findings.action_areas", "like", containsKey(filters.actionArea));
  if (filters.field) query = query.where("findings.occupational_fields", "like", containsKey(filters.field));
  if (filters.theme) query = query.where("findings.themes", "like", containsKey(filters.theme));
  if (filters.network) query = query.where("findings.network_id", "=", filters.network);
  if (filters.country === "both") query = query.where("findings.country", "=", "both");
  else if (filters.country) query = query.where("findings.country", "in", [filters.country, "both"]);
  // Pinned findings first (most recently pinned on top), then the chosen order.
  query = query.orderBy(sql`case when findings.pinned_at is null then 1 else 0 end`).orderBy("findings.pinned_at", "desc");
  if (filters.sort === "discussed") query = query.orderBy(sql`comment_count`, "desc");
  const rows = await query.orderBy("findings.created_at", "desc").orderBy("findings.id").limit(limit).offset(offset).execute();
  // PostgreSQL returns counts as strings.
  return rows.map((r) => ({ ...r, comment_count: Number(r.comment_count ?? 0) }));
}

export async function countFindings(db: Db): Promise<number> {
  const row = await db.selectFrom("findings").select((eb) => eb.fn.countAll().as("n")).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Threads of a finding's discussion (oldest first) with their comments, moderation columns and author names. */
export async function listDiscussion(db: Db, docName: string) {
  const threads = await db.selectFrom("comment_threads").selectAll().where("doc_name", "=", docName).orderBy("created_at").orderBy("id").execute();
  if (threads.length === 0) return { threads, comments: [] };
  const comments = await db
    .selectFrom("comments")
    .leftJoin("users as author", "author.id", "comments.author_id")
    .leftJoin("users as hider", "hider.id", "comments.hidden_by")
    .selectAll("comments")
    .select(["author.name as author_name", "hider.name as hidden_by_name"])
    .where(
      "comments.thread_id",
      "in",
      threads.map((t) => t.id),
    )
    .orderBy("comments.created_at")
    .orderBy("comments.id")
    .execute();
  return { threads, comments };
}

/** A comment and the doc name of its thread, so a form's comment id is checked against the page's finding. */
export async function findCommentWithDoc(db: Db, commentId: string) {
  return db
    .selectFrom("comments")
    .innerJoin("comment_threads", "comment_threads.id", "comments.thread_id")
    .selectAll("comments")
    .select("comment_threads.doc_name")
    .where("comments.id", "=", commentId)
    .executeTakeFirst();
}

export async function hideCommentRow(db: Db, commentId: string, by: string, reason: string, at: string): Promise<void> {
  await db.updateTable("comments").set({ hidden_at: at, hidden_by: by, hidden_reason: reason }).where("id", "=", commentId).execute();
}

/** Recommendations that cite a finding (or a good-practice entry), in title order. */
export async function citingRecommendations(db: Db, kind: "finding" | "goodPractice", targetId: string) {
  return db
    .selectFrom("recommendation_citations")
    .innerJoin("recommendations", "recommendations.id", "recommendation_citations.recommendation_id")
    .select(["recommendations.id", "recommendations.title", "recommendations.stage"])
    .distinct()
    .where("recommendation_citations.kind", "=", kind)
    .where("recommendation_citations.target_id", "=", targetId)
    .orderBy("recommendations.title")
    .execute();
}

/** The same for many findings at once (the list), by finding id. */
export async function citingRecommendationsOfFindings(db: Db, findingIds: string[]) {
  if (findingIds.length === 0) return new Map<string, Array<{ id: string; title: string; stage: string }>>();
  const rows = await db
    .selectFrom("recommendation_citations")
    .innerJoin("recommendations", "recommendations.id", "recommendation_citations.recommendation_id")
    .select(["recommendation_citations.target_id", "recommendations.id", "recommendations.title", "recommendations.stage"])
    .distinct()
    .where("recommendation_citations.kind", "=", "finding")
    .where("recommendation_citations.target_id", "in", findingIds)
    .orderBy("recommendations.title")
    .execute();
  const byFinding = new Map<string, Array<{ id: string; title: string; stage: string }>>();
  for (const r of rows) byFinding.set(r.target_id, [...(byFinding.get(r.target_id) ?? []), { id: r.id, title: r.title, stage: r.stage }]);
  return byFinding;
}

/** Findings whose evidence cites a target (shown on a good-practice entry and on a finding). */
export async function citingFindings(db: Db, kind: "finding" | "goodPractice", targetId: string) {
  return db
    .selectFrom("finding_evidence")
    .innerJoin("findings", "findings.id", "finding_evidence.finding_id")
    .select(["findings.id", "findings.title"])
    .distinct()
    .where("finding_evidence.kind", "=", kind)
    .where("finding_evidence.target_id", "=", targetId)
    .orderBy("findings.title")
    .execute();
}
