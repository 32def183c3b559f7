/**
 * Recommendations for the advisory board (Handlungsempfehlungen): started by any member of
 * an open network, co-written in the commons, citing findings, published good-practice
 * entries and files of the commons library (library-citations.ts). The workflow
 * (consultation, endorsement, submission, answer) is in recommendation-workflow.ts and
 * recommendation-endorsements.ts.
 *
 * Every function checks the policy itself and answers a wrong role or a wrong stage with a
 * typed refusal (nothing is stored); routes translate it.
 */
import type { Services } from "#server/services";
import type { Recommendation } from "#db/schema";
import { can, type Actor, type RecommendationStage } from "#shared/policy";
import { nowIso } from "#shared/time";
import { DEFAULT_THRESHOLD } from "#shared/validation/recommendation-forms";
import { findingsByIds, findRecommendation, goodPracticesByIds, insertRecommendation, lockRecommendation, replaceCitations, type CitationRow } from "#db/queries/recommendations";
import { newId } from "../auth/tokens";
import { documentStateOf } from "./recommendation-document-type";
import { auditRecommendation } from "./recommendation-notices";
import { mayCiteLibraryDocuments } from "./library-citations";

export type RecommendationRefusal =
  | "notFound"
  /** the person's role does not allow it (endorsing as a member, answering as a member …) */
  | "forbidden"
  /** the role would, the stage does not (endorsing a draft, withdrawing after submission …) */
  | "wrongStage"
  | "alreadyEndorsed"
  | "notEndorsed"
  | "alreadySupported"
  | "notSupported"
  | "alreadyAnswered"
  | "invalidCitation"
  /** a cited library document is not a live file of the commons library */
  | "libraryDocumentNotCitable"
  | "invalidThreshold";

export type RecommendationResult<T extends object = object> = ({ ok: true } & T) | { ok: false; error: RecommendationRefusal };

export const refuse = (error: RecommendationRefusal) => ({ ok: false as const, error });

/** The policy's view of the recommendation's text. */
export const documentSubjectOf = (stage: RecommendationStage) => ({ owner: { kind: "commons" as const }, state: documentStateOf(stage) });

/** Starts a recommendation as a draft; its text is written in the editor afterwards. */
export async function createRecommendation(services: Services, actor: Actor, input: { title: string }): Promise<RecommendationResult<{ id: string }>> {
  if (!can(actor, { type: "commons.contribute" })) return refuse("forbidden");
  const at = nowIso();
  const row: Recommendation = {
    id: newId(),
    title: input.title,
    stage: "draft",
    endorsement_threshold: DEFAULT_THRESHOLD,
    created_by: actor.userId,
    created_at: at,
    updated_at: at,
    consultation_at: null,
    endorsed_at: null,
    submitted_at: null,
    submitted_by: null,
    submitted_version_id: null,
    answered_at: null,
  };
  await insertRecommendation(services.db, row);
  await auditRecommendation(services, actor.userId, "recommendation.created", row.id, { title: row.title });
  return { ok: true, id: row.id };
}

export async function recommendationById(services: Services, id: string | undefined): Promise<Recommendation | undefined> {
  if (!id || !/^[A-Za-z0-9-]{1,64}$/.test(id)) return undefined;
  return findRecommendation(services.db, id);
}

/**
 * Replaces the cited findings, good-practice entries and library documents (in the order
 * given). Whoever may change the text may change its evidence, and only while it may be
 * changed. Only existing findings and published good practice can be cited: a proposal nobody
 * has checked is no evidence, and citing it would show its title to everyone. Likewise only
 * live files of the commons library: a network's own file is never cited (nor named).
 */
export async function setCitations(
  services: Services,
  actor: Actor,
  id: string,
  input: { findings: string[]; goodPractices: string[]; libraryDocuments?: string[] },
): Promise<RecommendationResult> {
  const row = await recommendationById(services, id);
  if (!row) return refuse("notFound");
  if (!can(actor, { type: "document.edit", doc: documentSubjectOf("draft") })) return refuse("forbidden");
  const findingIds = [...new Set(input.findings)];
  const practiceIds = [...new Set(input.goodPractices)];
  const documentIds = [...new Set(input.libraryDocuments ?? [])];
  const [findings, practices] = await Promise.all([findingsByIds(services.db, findingIds), goodPracticesByIds(services.db, practiceIds)]);
  if (findings.length !== findingIds.length) return refuse("invalidCitation");
  if (practices.length !== practiceIds.length || practices.some((p) => p.status !== "published")) return refuse("invalidCitation");
  if (!(await mayCiteLibraryDocuments(services, actor, documentIds))) return refuse("libraryDocumentNotCitable");
  const citations: CitationRow[] = [
    ...findingIds.map((target_id) => ({ kind: "finding" as const, target_id })),
    ...practiceIds.map((target_id) => ({ kind: "goodPractice" as const, target_id })),
    ...documentIds.map((target_id) => ({ kind: "libraryDocument" as const, target_id })),
  ];
  return services.db.transaction().execute(async (trx) => {
    const current = await lockRecommendation(trx, id);
    if (!current) return refuse("notFound");
    if (!can(actor, { type: "document.edit", doc: documentSubjectOf(current.stage) })) return refuse("wrongStage");
    await replaceCitations(trx, id, citations);
    return { ok: true as const };
  });
}
