/** Rubric aggregation: a member's weighted mean, an application's aggregate, and the ranking. All expected values worked out by hand. */
import { describe, expect, it } from "vitest";
import { aggregate, rank, weightedMean, type Aggregate, type Criterion, type Review } from "./rubric";

const scores = (entries: Record<string, number>) => new Map(Object.entries(entries));
const review = (reviewerId: string, status: Review["status"], entries: Record<string, number>): Review => ({
  reviewerId,
  status,
  scores: scores(entries),
});

/** Two criteria, the first three times as heavy as the second. */
const heavyLight: Criterion[] = [
  { id: "impact", weight: 3 },
  { id: "feasibility", weight: 1 },
];

describe("weightedMean", () => {
  it("weighs each score by its criterion's weight", () => {
    // weights 3 and 1, scores 5 and 1 → (3·5 + 1·1) / (3 + 1) = 16 / 4 = 4
    expect(weightedMean(heavyLight, scores({ impact: 5, feasibility: 1 }))).toBe(4);
    // weights 3 and 1, scores 1 and 5 → (3·1 + 1·5) / 4 = 8 / 4 = 2
    expect(weightedMean(heavyLight, scores({ impact: 1, feasibility: 5 }))).toBe(2);
  });

  it("equals the plain mean when all weights are equal", () => {
    const equal: Criterion[] = [
      { id: "a", weight: 2 },
      { id: "b", weight: 2 },
      { id: "c", weight: 2 },
    ];
    // (2·4 + 2·2 + 2·3) / 6 = 18 / 6 = 3 = (4 + 2 + 3) / 3
    expect(weightedMean(equal, scores({ a: 4, b: 2, c: 3 }))).toBe(3);
  });

  it("handles uneven weights that do not divide evenly", () => {
    const criteria: Criterion[] = [
      { id: "a", weight: 2 },
      { id: "b", weight: 5 },
    ];
    // (2·3 + 5·4) / 7 = 26 / 7 ≈ 3.714
    expect(weightedMean(criteria, scores({ a: 3, b: 4 }))).toBeCloseTo(26 / 7, 10);
  });

  it("leaves out criteria the member did not score (the mean is over the scored ones only)", () => {
    // only impact scored: 3·2 / 3 = 2 (not (3·2 + 1·0) / 4 = 1.5)
    expect(weightedMean(heavyLight, scores({ impact: 2 }))).toBe(2);
    // only feasibility scored: 1·5 / 1 = 5
    expect(weightedMean(heavyLight, scores({ feasibility: 5 }))).toBe(5);
  });

  it("leaves out scores outside 1–5 or not whole (0, 6, 2.5, -1, NaN)", () => {
    for (const invalid of [0, 6, 2.5, -1, Number.NaN]) {
      // the invalid impact score is ignored → only feasibility 3 counts: 1·3 / 1 = 3
      expect(weightedMean(heavyLight, scores({ impact: invalid, feasibility: 3 }))).toBe(3);
    }
  });

  it("accepts the bounds 1 and 5", () => {
    // (3·1 + 1·5) / 4 = 2
    expect(weightedMean(heavyLight, scores({ impact: 1, feasibility: 5 }))).toBe(2);
    // (3·5 + 1·5) / 4 = 5
    expect(weightedMean(heavyLight, scores({ impact: 5, feasibility: 5 }))).toBe(5);
  });

  it("ignores criteria of weight 0 (or below), even when scored", () => {
    const criteria: Criterion[] = [
      { id: "a", weight: 2 },
      { id: "retired", weight: 0 },
      { id: "broken", weight: -3 },
    ];
    // only a counts: 2·4 / 2 = 4 (with "retired" counted at weight 1 it would be (8 + 1) / 3 = 3)
    expect(weightedMean(criteria, scores({ a: 4, retired: 1, broken: 1 }))).toBe(4);
  });

  it("ignores scores for criteria that are not in the rubric", () => {
    // unknown "extra" is never looked at: (3·5 + 1·1) / 4 = 4
    expect(weightedMean(heavyLight, scores({ impact: 5, feasibility: 1, extra: 1 }))).toBe(4);
  });

  it("is null when no score is usable", () => {
    expect(weightedMean(heavyLight, scores({}))).toBeNull();
    expect(weightedMean(heavyLight, scores({ impact: 0, feasibility: 6 }))).toBeNull();
    expect(weightedMean([{ id: "a", weight: 0 }], scores({ a: 5 }))).toBeNull();
    expect(weightedMean([], scores({ a: 5 }))).toBeNull();
  });
});

describe("aggregate", () => {
  it("counts only submitted reviews in the score, but counts drafts and conflicts", () => {
    const result = aggregate(heavyLight, [
      review("anna", "submitted", { impact: 5, feasibility: 1 }), // (15 + 1) / 4 = 4
      review("bruno", "draft", { impact: 1, feasibility: 1 }), // would be 1: left out
      review("carla", "conflict", { impact: 1, feasibility: 1 }), // would be 1: left out
      review("dario", "submitted", { impact: 3, feasibility: 3 }), // (9 + 3) / 4 = 3
      review("eva", "draft", {}),
    ]);
    // (4 + 3) / 2 = 3.5
    expect(result.score).toBe(3.5);
    expect(result.submitted).toBe(2);
    expect(result.drafts).toBe(2);
    expect(result.conflicts).toBe(1);
    // impact (5 + 3) / 2 = 4, feasibility (1 + 3) / 2 = 2: drafts and conflicts left out here too
    expect(result.byCriterion).toEqual(
      new Map([
        ["impact", 4],
        ["feasibility", 2],
      ]),
    );
  });

  it("is the mean of the members' weighted means, not of the raw scores", () => {
    const result = aggregate(heavyLight, [
      review("anna", "submitted", { impact: 5, feasibility: 1 }), // (15 + 1) / 4 = 4
      review("bruno", "submitted", { impact: 1 }), // 3 / 3 = 1
    ]);
    // mean of the members' totals: (4 + 1) / 2 = 2.5
    // (not the plain mean of raw scores (5 + 1 + 1) / 3 ≈ 2.33,
    //  nor the pooled weighted mean (15 + 1 + 3) / (3 + 1 + 3) = 19 / 7 ≈ 2.71)
    expect(result.score).toBe(2.5);
    // byCriterion is per criterion over the scores given: impact (5 + 1) / 2 = 3, feasibility 1 / 1 = 1
    expect(result.byCriterion.get("impact")).toBe(3);
    expect(result.byCriterion.get("feasibility")).toBe(1);
  });

  it("gives null per criterion nobody scored, and leaves invalid scores out of byCriterion", () => {
    const criteria: Criterion[] = [...heavyLight, { id: "reach", weight: 2 }];
    const result = aggregate(criteria, [
      review("anna", "submitted", { impact: 4, feasibility: 6 }), // feasibility 6 invalid: impact only → 4
      review("bruno", "submitted", { impact: 2, feasibility: 2.5 }), // feasibility 2.5 invalid: impact only → 2
      review("carla", "draft", { reach: 5 }), // draft: reach stays unscored
    ]);
    // (4 + 2) / 2 = 3
    expect(result.score).toBe(3);
    expect(result.byCriterion).toEqual(
      new Map<string, number | null>([
        ["impact", 3], // (4 + 2) / 2
        ["feasibility", null], // only invalid scores
        ["reach", null], // only in a draft
      ]),
    );
  });

  it("counts a submitted review without any usable score as submitted, but not in the score", () => {
    const result = aggregate(heavyLight, [
      review("anna", "submitted", { impact: 2, feasibility: 2 }), // (6 + 2) / 4 = 2
      review("bruno", "submitted", {}), // no usable score → no total
    ]);
    // only anna's total: 2 / 1 = 2 (not (2 + 0) / 2 = 1)
    expect(result.score).toBe(2);
    expect(result.submitted).toBe(2);
  });

  it("has score null while nobody has submitted", () => {
    const result = aggregate(heavyLight, [
      review("anna", "draft", { impact: 5, feasibility: 5 }),
      review("bruno", "conflict", { impact: 5 }),
    ]);
    expect(result).toEqual({
      score: null,
      byCriterion: new Map([
        ["impact", null],
        ["feasibility", null],
      ]),
      submitted: 0,
      drafts: 1,
      conflicts: 1,
    });
  });

  it("has score null and zero counts with no reviews at all", () => {
    const result = aggregate(heavyLight, []);
    expect(result.score).toBeNull();
    expect(result.submitted).toBe(0);
    expect(result.drafts).toBe(0);
    expect(result.conflicts).toBe(0);
    expect([...result.byCriterion.values()]).toEqual([null, null]);
  });
});

describe("rank", () => {
  const withScore = (name: string, score: number | null) => ({
    name,
    aggregate: { score, byCriterion: new Map(), submitted: score === null ? 0 : 1, drafts: 0, conflicts: 0 } satisfies Aggregate,
  });
  const names = (apps: Array<{ name: string }>) => apps.map((a) => a.name);

  it("puts the best score first", () => {
    const ranked = rank([withScore("Alpha", 2.5), withScore("Beta", 4.25), withScore("Gamma", 3)]);
    expect(names(ranked)).toEqual(["Beta", "Gamma", "Alpha"]);
  });

  it("puts applications nobody has scored last, in name order", () => {
    const ranked = rank([withScore("Zeta", null), withScore("Delta", 1), withScore("Alpha", null), withScore("Omega", 5)]);
    expect(names(ranked)).toEqual(["Omega", "Delta", "Alpha", "Zeta"]);
  });

  it("breaks ties by name", () => {
    const ranked = rank([withScore("Cologne", 3), withScore("Bari", 3), withScore("Augsburg", 4), withScore("Ancona", 3)]);
    expect(names(ranked)).toEqual(["Augsburg", "Ancona", "Bari", "Cologne"]);
  });

  it("does not change the array it was given", () => {
    const input = [withScore("B", 1), withScore("A", 2)];
    const ranked = rank(input);
    expect(names(input)).toEqual(["B", "A"]);
    expect(names(ranked)).toEqual(["A", "B"]);
    expect(ranked).not.toBe(input);
  });

  it("orders by the weighted score, which can differ from an unweighted mean", () => {
    // impact weighs 3, feasibility 1.
    // North: impact 5, feasibility 1 → weighted (15 + 1) / 4 = 4;    unweighted (5 + 1) / 2 = 3
    // South: impact 2, feasibility 5 → weighted (6 + 5) / 4 = 2.75;  unweighted (2 + 5) / 2 = 3.5
    // Unweighted, South would lead; weighted, North does.
    const north = { name: "North", aggregate: aggregate(heavyLight, [review("anna", "submitted", { impact: 5, feasibility: 1 })]) };
    const south = { name: "South", aggregate: aggregate(heavyLight, [review("anna", "submitted", { impact: 2, feasibility: 5 })]) };
    expect(north.aggregate.score).toBe(4);
    expect(south.aggregate.score).toBe(2.75);
    expect(names(rank([south, north]))).toEqual(["North", "South"]);

    // Sanity check: with equal weights the same scores give the opposite order.
    const equal: Criterion[] = heavyLight.map((c) => ({ ...c, weight: 1 }));
    const northEqual = { name: "North", aggregate: aggregate(equal, [review("anna", "submitted", { impact: 5, feasibility: 1 })]) };
    const southEqual = { name: "South", aggregate: aggregate(equal, [review("anna", "submitted", { impact: 2, feasibility: 5 })]) };
    expect(northEqual.aggregate.score).toBe(3);
    expect(southEqual.aggregate.score).toBe(3.5);
    expect(names(rank([northEqual, southEqual]))).toEqual(["South", "North"]);
  });
});
