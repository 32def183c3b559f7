/**
 * Rubric aggregation for the advisory board's selection. Each member scores each criterion
 * 1–5; a member's total is the weighted mean of their scores; an application's score is the
 * mean of its members' totals, counting only submitted reviews (drafts are unfinished,
 * declared conflicts of interest are excluded). Pure, so the ranking can be checked by hand.
 */
export const MIN_SCORE = 1;
export const MAX_SCORE = 5;

export interface Criterion {
  id: string;
  weight: number;
}

export interface Review {
  reviewerId: string;
  status: "draft" | "submitted" | "conflict";
  /** criterion id → score 1–5; criteria without a score are left out of the member's mean. */
  scores: ReadonlyMap<string, number>;
}

export interface Aggregate {
  /** Mean of the submitted members' weighted means, or null while nobody has submitted. */
  score: number | null;
  /** Per criterion: the mean of the submitted scores (null when none). */
  byCriterion: Map<string, number | null>;
  submitted: number;
  drafts: number;
  conflicts: number;
}

const isScore = (value: number) => Number.isInteger(value) && value >= MIN_SCORE && value <= MAX_SCORE;

/** One member's weighted mean over the criteria they scored (weights ≤ 0 count for nothing); null with no usable score. */
export function weightedMean(criteria: readonly Criterion[], scores: ReadonlyMap<string, number>): number | null {
  let sum = 0;
  let weights = 0;
  for (const criterion of criteria) {
    const score = scores.get(criterion.id);
    if (score === undefined || !isScore(score) || criterion.weight <= 0) continue;
    sum += criterion.weight * score;
    weights += criterion.weight;
  }
  return weights > 0 ? sum / weights : null;
}

export function aggregate(criteria: readonly Criterion[], reviews: readonly Review[]): Aggregate {
  const submitted = reviews.filter((r) => r.status === "submitted");
  const totals = submitted.map((r) => weightedMean(criteria, r.scores)).filter((v): v is number => v !== null);
  const byCriterion = new Map<string, number | null>();
  for (const criterion of criteria) {
    const values = submitted.map((r) => r.scores.get(criterion.id)).filter((v): v is number => v !== undefined && isScore(v));
    byCriterion.set(criterion.id, values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);
  }
  return {
    score: totals.length ? totals.reduce((a, b) => a + b, 0) / totals.length : null,
    byCriterion,
    submitted: submitted.length,
    drafts: reviews.filter((r) => r.status === "draft").length,
    conflicts: reviews.filter((r) => r.status === "conflict").length,
  };
}

/** Best first; applications nobody has scored yet come last; ties by name. */
export function rank<T extends { name: string; aggregate: Aggregate }>(applications: readonly T[]): T[] {
  return [...applications].sort((a, b) => {
    const x = a.aggregate.score;
    const y = b.aggregate.score;
    if (x === null && y === null) return a.name.localeCompare(b.name);
    if (x === null) return 1;
    if (y === null) return -1;
    return y - x || a.name.localeCompare(b.name);
  });
}
