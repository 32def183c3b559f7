/**
 * The advisory board's selection: the rubric the project team sets, each member's review of
 * each application (scores 1–5 per criterion and a comment, saved as a draft until
 * submitted), declared conflicts of interest, the ranking, and the recorded decision.
 *
 * Independence: a member sees other members' reviews and the aggregate only after submitting
 * their own (or declaring a conflict, which ends their part); the project team, who does not
 * score, sees them throughout. Submitted reviews are final.
 */
import type { Services } from "#server/services";
import type { Actor } from "#shared/policy";
import { can } from "#shared/policy";
import type { BoardReviewStatus, Partnership } from "#db/schema";
import { aggregate, MAX_SCORE, MIN_SCORE, rank, type Aggregate, type Review } from "#shared/board/rubric";
import {
  countScoresOfCriterion,
  deleteCriterion,
  findPartnership,
  findReview,
  insertCriterion,
  listCriteria,
  listPartnerships,
  listReviewsOf,
  listScoresOf,
  moveStatus,
  saveReview,
  updateCriterion,
} from "#db/queries/partnerships";
import { newId } from "../auth/tokens";
import { nowIso } from "#shared/time";

export type SelectionRefusal = "forbidden" | "notFound" | "wrongStatus" | "alreadySubmitted" | "incomplete" | "unknownCriterion" | "invalidScore" | "inUse";

/** Partnerships the board works on: submitted, and those it decided on. */
const BEFORE_BOARD = ["submitted", "selected", "not_selected"] as const;

export async function rubricCriteria(services: Services) {
  return (await listCriteria(services.db)).map((c) => ({ id: c.id, label: c.label, description: c.description, weight: c.weight }));
}

export async function saveCriterion(services: Services, actor: Actor, input: { id: string | null; label: string; description: string; weight: number }): Promise<{ ok: true } | { ok: false; error: SelectionRefusal }> {
  if (!can(actor, { type: "intake.manage" })) return { ok: false, error: "forbidden" };
  if (input.id) return (await updateCriterion(services.db, input.id, { label: input.label, description: input.description, weight: input.weight })) ? { ok: true } : { ok: false, error: "notFound" };
  const position = (await listCriteria(services.db)).length;
  await insertCriterion(services.db, { id: newId(), label: input.label, description: input.description, weight: input.weight, position, created_at: nowIso() });
  return { ok: true };
}

/** A criterion someone has scored stays: removing it would change reviews already given. */
export async function removeCriterion(services: Services, actor: Actor, id: string): Promise<{ ok: true } | { ok: false; error: SelectionRefusal }> {
  if (!can(actor, { type: "intake.manage" })) return { ok: false, error: "forbidden" };
  if ((await countScoresOfCriterion(services.db, id)) > 0) return { ok: false, error: "inUse" };
  await deleteCriterion(services.db, id);
  return { ok: true };
}

type ReviewRow = Awaited<ReturnType<typeof listReviewsOf>>[number];
type ScoreRow = Awaited<ReturnType<typeof listScoresOf>>[number];

function reviewsFor(partnershipId: string, reviews: readonly ReviewRow[], scores: readonly ScoreRow[]): Array<Review & { name: string; comment: string; submittedAt: string | null }> {
  return reviews
    .filter((r) => r.partnership_id === partnershipId)
    .map((r) => ({
      reviewerId: r.user_id,
      name: r.reviewer_name,
      status: r.status,
      comment: r.comment,
      submittedAt: r.submitted_at,
      scores: new Map(scores.filter((s) => s.partnership_id === partnershipId && s.user_id === r.user_id).map((s) => [s.criterion_id, s.score])),
    }));
}

/** Whether `actor` may see other members' reviews of an application and its aggregate. */
export function seesOthers(actor: Actor, ownStatus: BoardReviewStatus | null): boolean {
  if (actor.platformRoles.has("project_team")) return true;
  return ownStatus === "submitted" || ownStatus === "conflict";
}

const presentAggregate = (a: Aggregate) => ({ score: a.score, byCriterion: Object.fromEntries(a.byCriterion), submitted: a.submitted, drafts: a.drafts, conflicts: a.conflicts });

/** The applications before the board, ranked for whoever may see the ranking of each. */
export async function boardApplications(services: Services, actor: Actor) {
  const [criteria, partnerships] = await Promise.all([listCriteria(services.db), listPartnerships(services.db, BEFORE_BOARD)]);
  const ids = partnerships.map((p) => p.id);
  const [reviews, scores] = await Promise.all([listReviewsOf(services.db, ids), listScoresOf(services.db, ids)]);
  const rows = partnerships.map((p) => {
    const all = reviewsFor(p.id, reviews, scores);
    const own = all.find((r) => r.reviewerId === actor.userId)?.status ?? null;
    return { id: p.id, name: p.name, status: p.status, submittedAt: p.submitted_at, ownStatus: own, visible: seesOthers(actor, own), aggregate: aggregate(criteria, all) };
  });
  // Only what each viewer may see is ranked by score; the rest are listed after, unranked.
  const ranked = rank(rows.filter((r) => r.visible));
  const hidden = rows.filter((r) => !r.visible).sort((a, b) => a.name.localeCompare(b.name));
  return [...ranked, ...hidden].map((r) => ({ ...r, aggregate: r.visible ? presentAggregate(r.aggregate) : null }));
}

/** One application's review page; null when it is not (yet) before the board. */
export async function reviewPage(services: Services, actor: Actor, id: string) {
  const row = await findPartnership(services.db, id);
  if (!row || row.status === "forming") return null;
  const [criteria, reviews, scores] = await Promise.all([listCriteria(services.db), listReviewsOf(services.db, [id]), listScoresOf(services.db, [id])]);
  const all = reviewsFor(id, reviews, scores);
  const mine = all.find((r) => r.reviewerId === actor.userId) ?? null;
  const visible = seesOthers(actor, mine?.status ?? null);
  return {
    partnership: { id: row.id, name: row.name, status: row.status, submittedAt: row.submitted_at, decidedAt: row.decided_at, decisionNote: row.decision_note, networkId: row.network_id },
    criteria: criteria.map((c) => ({ id: c.id, label: c.label, description: c.description, weight: c.weight })),
    mine: mine ? { status: mine.status, comment: mine.comment, scores: Object.fromEntries(mine.scores) } : null,
    others: visible ? all.filter((r) => r.reviewerId !== actor.userId && r.status !== "draft").map((r) => ({ name: r.name, status: r.status, comment: r.comment, scores: Object.fromEntries(r.scores) })) : null,
    aggregate: visible ? presentAggregate(aggregate(criteria, all)) : null,
    rights: {
      score: can(actor, { type: "application.score" }) && row.status === "submitted" && (mine === null || mine.status === "draft"),
      decide: can(actor, { type: "intake.manage" }) && row.status === "submitted",
    },
  };
}
export type ReviewPageData = NonNullable<Awaited<ReturnType<typeof reviewPage>>>;

async function scorable(services: Services, actor: Actor, id: string): Promise<{ ok: true; row: Partnership } | { ok: false; error: SelectionRefusal }> {
  if (!can(actor, { type: "application.score" })) return { ok: false, error: "forbidden" };
  const row = await findPartnership(services.db, id);
  if (!row || row.status === "forming") return { ok: false, error: "notFound" };
  if (row.status !== "submitted") return { ok: false, error: "wrongStatus" };
  const own = await findReview(services.db, id, actor.userId);
  if (own && own.status !== "draft") return { ok: false, error: "alreadySubmitted" };
  return { ok: true, row };
}

/** Saves the member's scores and comment; `submit` makes them final and requires every criterion scored. */
export async function saveOwnReview(
  services: Services,
  actor: Actor,
  id: string,
  input: { scores: Record<string, number>; comment: string; submit: boolean },
): Promise<{ ok: true } | { ok: false; error: SelectionRefusal }> {
  const allowed = await scorable(services, actor, id);
  if (!allowed.ok) return allowed;
  const criteria = await listCriteria(services.db);
  const known = new Set(criteria.map((c) => c.id));
  if (Object.keys(input.scores).some((c) => !known.has(c))) return { ok: false, error: "unknownCriterion" };
  if (Object.values(input.scores).some((score) => !Number.isInteger(score) || score < MIN_SCORE || score > MAX_SCORE)) return { ok: false, error: "invalidScore" };
  if (input.submit && criteria.some((c) => input.scores[c.id] === undefined)) return { ok: false, error: "incomplete" };
  const saved = await saveReview(
    services.db,
    { partnershipId: id, userId: actor.userId, status: input.submit ? "submitted" : "draft", comment: input.comment, at: nowIso() },
    Object.entries(input.scores).map(([criterionId, score]) => ({ criterionId, score })),
  );
  return saved ? { ok: true } : { ok: false, error: "alreadySubmitted" };
}

/** A declared conflict of interest takes the member out of this application: their draft scores go. */
export async function declareConflict(services: Services, actor: Actor, id: string): Promise<{ ok: true } | { ok: false; error: SelectionRefusal }> {
  const allowed = await scorable(services, actor, id);
  if (!allowed.ok) return allowed;
  const saved = await saveReview(services.db, { partnershipId: id, userId: actor.userId, status: "conflict", comment: "", at: nowIso() }, []);
  return saved ? { ok: true } : { ok: false, error: "alreadySubmitted" };
}

export { moveStatus };
