/**
 * Endorsement by networks, not people: in consultation, a network's coordinator endorses a
 * recommendation on the network's behalf (one endorsement per network, with an optional
 * statement), and may withdraw it until submission. Reaching the threshold makes the
 * recommendation "endorsed"; a withdrawal that drops below it puts it back in consultation.
 * Members add a personal support, counted apart.
 *
 * Each change runs in one transaction that first locks the recommendation's row, so two
 * coordinators endorsing at the same moment are stored one after the other: the primary key
 * (recommendation, network) keeps one of two endorsements of one network, and the stage is
 * recomputed from what is really stored.
 */
import type { Services } from "#server/services";
import type { Recommendation } from "#db/schema";
import { can, type Actor, type RecommendationStage } from "#shared/policy";
import { nowIso } from "#shared/time";
import { countEndorsements, deleteEndorsement, deleteSupport, insertEndorsement, insertSupport, lockRecommendation, updateRecommendation } from "#db/queries/recommendations";
import { recommendationById, refuse, type RecommendationResult } from "./recommendations";
import { announceRecommendation, auditRecommendation } from "./recommendation-notices";

type Db = Services["db"];

/** The stage that the stored endorsements call for (only consultation and endorsed move by count). */
export function stageForCount(stage: RecommendationStage, count: number, threshold: number): RecommendationStage {
  if (stage !== "consultation" && stage !== "endorsed") return stage;
  return count >= threshold ? "endorsed" : "consultation";
}

/** Recomputes the stage inside the caller's transaction; returns the row as it now is. */
export async function restage(trx: Db, row: Recommendation, at: string): Promise<Recommendation> {
  const next = stageForCount(row.stage, await countEndorsements(trx, row.id), row.endorsement_threshold);
  if (next === row.stage) return row;
  const patch = { stage: next, endorsed_at: next === "endorsed" ? at : null, updated_at: at };
  await updateRecommendation(trx, row.id, patch, [row.stage]);
  return { ...row, ...patch };
}

/** After a stage change by count: audit and tell the authors. */
export async function afterRestage(services: Services, actor: Actor, before: Recommendation, after: Recommendation) {
  if (before.stage === after.stage) return;
  await auditRecommendation(services, actor.userId, "recommendation.stage_changed", after.id, { from: before.stage, to: after.stage });
  await announceRecommendation(services, after, actor.userId, after.stage === "endorsed" ? "endorsed" : "backToConsultation", {
    threshold: after.endorsement_threshold,
  });
}

type Change = { ok: true; before: Recommendation; after: Recommendation } | { ok: false; error: Parameters<typeof refuse>[0] };

export async function endorseRecommendation(
  services: Services,
  actor: Actor,
  id: string,
  input: { networkId: string; statement: string | null },
): Promise<RecommendationResult<{ stage: RecommendationStage }>> {
  const row = await recommendationById(services, id);
  if (!row) return refuse("notFound");
  // The role first (a coordinator of that open network), then the stage.
  if (!can(actor, { type: "recommendation.endorse", networkId: input.networkId, stage: "consultation" })) return refuse("forbidden");
  const at = nowIso();
  const change: Change = await services.db.transaction().execute(async (trx) => {
    const current = await lockRecommendation(trx, id);
    if (!current) return refuse("notFound");
    if (!can(actor, { type: "recommendation.endorse", networkId: input.networkId, stage: current.stage })) return refuse("wrongStage");
    const statement = input.statement?.trim() ? input.statement.trim() : null;
    const inserted = await insertEndorsement(trx, { recommendation_id: id, network_id: input.networkId, endorsed_by: actor.userId, statement, created_at: at });
    if (!inserted) return refuse("alreadyEndorsed");
    return { ok: true as const, before: current, after: await restage(trx, current, at) };
  });
  if (!change.ok) return change;
  await auditRecommendation(services, actor.userId, "recommendation.endorsed", id, { networkId: input.networkId, withStatement: Boolean(input.statement?.trim()) });
  await afterRestage(services, actor, change.before, change.after);
  return { ok: true, stage: change.after.stage };
}

/** Withdraws the network's endorsement; possible while endorsing is (consultation, endorsed), never after submission. */
export async function withdrawEndorsement(services: Services, actor: Actor, id: string, networkId: string): Promise<RecommendationResult<{ stage: RecommendationStage }>> {
  const row = await recommendationById(services, id);
  if (!row) return refuse("notFound");
  if (!can(actor, { type: "recommendation.endorse", networkId, stage: "consultation" })) return refuse("forbidden");
  const at = nowIso();
  const change: Change = await services.db.transaction().execute(async (trx) => {
    const current = await lockRecommendation(trx, id);
    if (!current) return refuse("notFound");
    if (!can(actor, { type: "recommendation.endorse", networkId, stage: current.stage })) return refuse("wrongStage");
    if (!(await deleteEndorsement(trx, id, networkId))) return refuse("notEndorsed");
    return { ok: true as const, before: current, after: await restage(trx, current, at) };
  });
  if (!change.ok) return change;
  await auditRecommendation(services, actor.userId, "recommendation.endorsement_withdrawn", id, { networkId });
  await afterRestage(services, actor, change.before, change.after);
  return { ok: true, stage: change.after.stage };
}

/** A person's own support (or its withdrawal), before submission; shown apart from the networks' endorsements. */
export async function setSupport(services: Services, actor: Actor, id: string, support: boolean): Promise<RecommendationResult> {
  const row = await recommendationById(services, id);
  if (!row) return refuse("notFound");
  if (!can(actor, { type: "recommendation.support", stage: "draft" })) return refuse("forbidden");
  return services.db.transaction().execute(async (trx) => {
    const current = await lockRecommendation(trx, id);
    if (!current) return refuse("notFound");
    if (!can(actor, { type: "recommendation.support", stage: current.stage })) return refuse("wrongStage");
    if (support) return (await insertSupport(trx, id, actor.userId, nowIso())) ? { ok: true as const } : refuse("alreadySupported");
    return (await deleteSupport(trx, id, actor.userId)) ? { ok: true as const } : refuse("notSupported");
  });
}
