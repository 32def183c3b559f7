/**
 * The moderated workflow of a recommendation: draft → consultation (moderators) → endorsed
 * (by count, see recommendation-endorsements.ts) → submitted to the advisory board
 * (moderators) → answered (the board's observers).
 *
 * Submission is only possible from "endorsed": a recommendation goes to the board on behalf
 * of the networks, so one the networks have not endorsed in sufficient number stays in
 * consultation (moderators may lower the threshold while it is in consultation if they
 * decide fewer networks suffice; that decision is audited).
 *
 * Submitting freezes the text: the stage changes first (from then on the document resolves
 * as "frozen", so the collab server refuses every write and open connections re-check and
 * become read-only), then the text as it stands is stored as a named version.
 */
import type { Services } from "#server/services";
import type { DocumentAccess } from "#server/collab/collab-server";
import type { Locale } from "#shared/i18n/config";
import { can, type Actor } from "#shared/policy";
import { nowIso } from "#shared/time";
import { type RecommendationVerdict } from "#shared/validation/recommendation-forms";
import { MAX_THRESHOLD, MIN_THRESHOLD } from "#shared/validation/limits";
import { insertAnswer, lockRecommendation, updateRecommendation } from "#db/queries/recommendations";
import { createNamedVersion } from "../versions/versions";
import { recommendationById, refuse, type RecommendationResult } from "./recommendations";
import { afterRestage, restage } from "./recommendation-endorsements";
import { announceRecommendation, auditRecommendation, recommendationDocName, submittedVersionName } from "./recommendation-notices";

const moderates = (actor: Actor) => can(actor, { type: "networkOfNetworks.moderate" });

/** Opens a draft for consultation: networks' coordinators may endorse from now on. */
export async function openConsultation(services: Services, actor: Actor, id: string): Promise<RecommendationResult> {
  const row = await recommendationById(services, id);
  if (!row) return refuse("notFound");
  if (!moderates(actor)) return refuse("forbidden");
  const at = nowIso();
  const after = await services.db.transaction().execute(async (trx) => {
    if (!(await updateRecommendation(trx, id, { stage: "consultation", consultation_at: at, updated_at: at }, ["draft"]))) return null;
    const moved = await lockRecommendation(trx, id);
    // A threshold already met cannot happen from a draft (nobody endorses drafts); recomputed anyway.
    return moved ? restage(trx, moved, at) : null;
  });
  if (!after) return refuse("wrongStage");
  await auditRecommendation(services, actor.userId, "recommendation.stage_changed", id, { from: "draft", to: "consultation" });
  await announceRecommendation(services, after, actor.userId, "consultation");
  return { ok: true };
}

/** Sets how many networks must endorse (1..5), while the recommendation is a draft or in consultation. */
export async function setThreshold(services: Services, actor: Actor, id: string, threshold: number): Promise<RecommendationResult> {
  const row = await recommendationById(services, id);
  if (!row) return refuse("notFound");
  if (!moderates(actor)) return refuse("forbidden");
  if (!Number.isInteger(threshold) || threshold < MIN_THRESHOLD || threshold > MAX_THRESHOLD) return refuse("invalidThreshold");
  const at = nowIso();
  const change = await services.db.transaction().execute(async (trx) => {
    const current = await lockRecommendation(trx, id);
    if (!current || (current.stage !== "draft" && current.stage !== "consultation")) return null;
    await updateRecommendation(trx, id, { endorsement_threshold: threshold, updated_at: at }, [current.stage]);
    // A lower threshold may already be met.
    return { before: current, after: await restage(trx, { ...current, endorsement_threshold: threshold }, at) };
  });
  if (!change) return refuse("wrongStage");
  await auditRecommendation(services, actor.userId, "recommendation.threshold_changed", id, { from: change.before.endorsement_threshold, to: threshold });
  await afterRestage(services, actor, change.before, change.after);
  return { ok: true };
}

/**
 * Submits an endorsed recommendation to the advisory board: the text is frozen for every
 * connection and stored as a named version ("Submitted to the advisory board <date>", in the
 * moderator's language), which the recommendation keeps as the text that was submitted.
 */
export async function submitRecommendation(
  services: Services,
  documents: DocumentAccess,
  actor: Actor,
  id: string,
  input: { locale: Locale },
): Promise<RecommendationResult<{ versionId: string }>> {
  const row = await recommendationById(services, id);
  if (!row) return refuse("notFound");
  if (!moderates(actor)) return refuse("forbidden");
  const at = nowIso();
  const docName = recommendationDocName(id);
  const frozen = await updateRecommendation(services.db, id, { stage: "submitted", submitted_at: at, submitted_by: actor.userId, updated_at: at }, ["endorsed"]);
  if (!frozen) return refuse("wrongStage");
  // Writers become readers before the version is taken: whatever they send afterwards is
  // refused, so the named version is exactly the text that stands.
  await documents.recheckAccess(docName);
  let versionId: string;
  try {
    versionId = (await createNamedVersion(services, documents, { docName, name: submittedVersionName(input.locale, at), userId: actor.userId })).id;
  } catch (error) {
    // Without its version the submission did not happen: back to endorsed, writable again.
    await updateRecommendation(services.db, id, { stage: "endorsed", submitted_at: null, submitted_by: null, updated_at: row.updated_at }, ["submitted"]);
    services.events.emit("document.rightsChanged", { docName });
    throw error;
  }
  await updateRecommendation(services.db, id, { submitted_version_id: versionId }, ["submitted"]);
  await auditRecommendation(services, actor.userId, "recommendation.stage_changed", id, { from: "endorsed", to: "submitted", versionId });
  const after = await recommendationById(services, id);
  if (after) await announceRecommendation(services, after, actor.userId, "submitted");
  return { ok: true, versionId };
}

/** The advisory board's answer to a submitted recommendation: a verdict and a text. Observers only, once. */
export async function answerRecommendation(
  services: Services,
  actor: Actor,
  id: string,
  input: { verdict: RecommendationVerdict; body: string },
): Promise<RecommendationResult> {
  const row = await recommendationById(services, id);
  if (!row) return refuse("notFound");
  if (!can(actor, { type: "recommendation.answer", stage: "submitted" })) return refuse("forbidden");
  const at = nowIso();
  const outcome = await services.db.transaction().execute(async (trx) => {
    const current = await lockRecommendation(trx, id);
    if (!current) return "notFound" as const;
    if (current.stage === "answered") return "alreadyAnswered" as const;
    if (!can(actor, { type: "recommendation.answer", stage: current.stage })) return "wrongStage" as const;
    if (!(await insertAnswer(trx, { recommendation_id: id, verdict: input.verdict, body: input.body, answered_by: actor.userId, answered_at: at }))) {
      return "alreadyAnswered" as const;
    }
    await updateRecommendation(trx, id, { stage: "answered", answered_at: at, updated_at: at }, ["submitted"]);
    return "ok" as const;
  });
  if (outcome !== "ok") return refuse(outcome);
  await auditRecommendation(services, actor.userId, "recommendation.answered", id, { verdict: input.verdict });
  await auditRecommendation(services, actor.userId, "recommendation.stage_changed", id, { from: "submitted", to: "answered" });
  const after = await recommendationById(services, id);
  if (after) await announceRecommendation(services, after, actor.userId, "answered", { verdict: input.verdict });
  return { ok: true };
}
