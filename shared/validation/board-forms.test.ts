/** Forms of partnerships and of the advisory board's selection: partnership, rubric criteria, decision, a member's review. */
import { describe, expect, it } from "vitest";
import type { ZodTypeAny } from "zod";
import {
  decisionForm,
  formPartnershipForm,
  MAX_REVIEW_COMMENT,
  MAX_WEIGHT,
  PARTNERSHIP_ARRAY_FIELDS,
  parseReviewForm,
  rubricForms,
} from "./board-forms";

/** The first message per field, the way parseWith reports errors. */
const issuesOf = (schema: ZodTypeAny, input: unknown) => {
  const result = schema.safeParse(input);
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  return errors;
};

const formData = (entries: Array<[string, string | Blob]>) => {
  const form = new FormData();
  for (const [key, value] of entries) form.append(key, value);
  return form;
};

describe("formPartnershipForm", () => {
  it("lists the array fields parseWith must read with getAll", () => {
    expect(PARTNERSHIP_ARRAY_FIELDS).toEqual(expect.arrayContaining(["group", "organisation"]));
    expect(PARTNERSHIP_ARRAY_FIELDS).not.toContain("name");
  });

  it("trims the name and de-duplicates the arrays, keeping first-seen order", () => {
    const result = formPartnershipForm.parse({
      name: "  Brenner Partnership ",
      group: ["g2", "g1", "g2", "g1", "g3"],
      organisation: ["org_a", "org_a"],
    });
    expect(result).toEqual({ name: "Brenner Partnership", group: ["g2", "g1", "g3"], organisation: ["org_a"] });
  });

  it("accepts empty arrays (parseWith passes [] for absent array fields)", () => {
    expect(formPartnershipForm.parse({ name: "P", group: [], organisation: [] })).toEqual({ name: "P", group: [], organisation: [] });
  });

  it("refuses a missing or blank name", () => {
    expect(issuesOf(formPartnershipForm, { group: [], organisation: [] })).toEqual({ name: "validation.required" });
    expect(issuesOf(formPartnershipForm, { name: "   ", group: [], organisation: [] })).toEqual({ name: "validation.required" });
  });

  it("refuses malformed ids", () => {
    expect(issuesOf(formPartnershipForm, { name: "P", group: ["ok", "bad id!"], organisation: [] })).toEqual({ group: "validation.choice" });
    expect(issuesOf(formPartnershipForm, { name: "P", group: [], organisation: [""] })).toMatchObject({ organisation: expect.any(String) });
  });

  it("refuses more than 12 entries (counted before de-duplication)", () => {
    const twelve = Array.from({ length: 12 }, (_, i) => `g${i}`);
    expect(formPartnershipForm.parse({ name: "P", group: twelve, organisation: [] }).group).toHaveLength(12);
    expect(issuesOf(formPartnershipForm, { name: "P", group: [...twelve, "g0"], organisation: [] })).toHaveProperty("group");
  });
});

describe("rubricForms.saveCriterion", () => {
  const criterion = (weight: unknown, extra: Record<string, unknown> = {}) => ({ label: "Impact", weight, ...extra });

  it("turns a weight of \"3\" into the number 3", () => {
    expect(rubricForms.saveCriterion.parse(criterion("3"))).toEqual({ id: null, label: "Impact", description: "", weight: 3 });
  });

  it("trims the weight and accepts the bounds 1 and MAX_WEIGHT", () => {
    expect(MAX_WEIGHT).toBe(10);
    expect(rubricForms.saveCriterion.parse(criterion(" 7 ")).weight).toBe(7);
    expect(rubricForms.saveCriterion.parse(criterion("1")).weight).toBe(1);
    expect(rubricForms.saveCriterion.parse(criterion("10")).weight).toBe(10);
  });

  it("refuses weights 0, 11, non-numbers, decimals and negatives with board:errors.weight", () => {
    for (const weight of ["0", "11", "x", "2.5", "-1", "", "100", "3x"]) {
      expect(issuesOf(rubricForms.saveCriterion, criterion(weight)), `weight ${JSON.stringify(weight)}`).toEqual({ weight: "board:errors.weight" });
    }
  });

  it("refuses a missing weight as required", () => {
    expect(issuesOf(rubricForms.saveCriterion, { label: "Impact" })).toEqual({ weight: "validation.required" });
  });

  it("treats an empty or absent id as a new criterion and keeps a valid one", () => {
    expect(rubricForms.saveCriterion.parse(criterion("2", { id: "" })).id).toBeNull();
    expect(rubricForms.saveCriterion.parse(criterion("2")).id).toBeNull();
    expect(rubricForms.saveCriterion.parse(criterion("2", { id: "crit_1" })).id).toBe("crit_1");
    expect(issuesOf(rubricForms.saveCriterion, criterion("2", { id: "bad id!" }))).toHaveProperty("id");
  });

  it("requires a label and bounds the description", () => {
    expect(issuesOf(rubricForms.saveCriterion, { label: " ", weight: "2" })).toEqual({ label: "validation.required" });
    expect(rubricForms.saveCriterion.parse(criterion("2", { description: "  why  " })).description).toBe("why");
    expect(issuesOf(rubricForms.saveCriterion, criterion("2", { description: "a".repeat(1001) }))).toEqual({ description: "validation.tooLong" });
  });
});

describe("rubricForms.removeCriterion", () => {
  it("needs a well-formed id", () => {
    expect(rubricForms.removeCriterion.parse({ id: "crit-1" })).toEqual({ id: "crit-1" });
    expect(issuesOf(rubricForms.removeCriterion, { id: "bad id!" })).toEqual({ id: "validation.choice" });
    expect(issuesOf(rubricForms.removeCriterion, {})).toHaveProperty("id");
  });
});

describe("decisionForm", () => {
  it("accepts the two decisions with an optional, trimmed note", () => {
    expect(decisionForm.parse({ decision: "selected" })).toEqual({ decision: "selected", note: "" });
    expect(decisionForm.parse({ decision: "not_selected", note: "  next round  " })).toEqual({ decision: "not_selected", note: "next round" });
  });

  it("refuses any other decision with validation.choice", () => {
    expect(issuesOf(decisionForm, { decision: "maybe" })).toEqual({ decision: "validation.choice" });
    expect(issuesOf(decisionForm, {})).toEqual({ decision: "validation.choice" });
  });

  it("bounds the note at MAX_REVIEW_COMMENT", () => {
    expect(decisionForm.parse({ decision: "selected", note: "a".repeat(MAX_REVIEW_COMMENT) }).note).toHaveLength(MAX_REVIEW_COMMENT);
    expect(issuesOf(decisionForm, { decision: "selected", note: "a".repeat(MAX_REVIEW_COMMENT + 1) })).toEqual({ note: "validation.tooLong" });
  });
});

describe("parseReviewForm", () => {
  it("reads every filled-in score.<id> field as a number, with the trimmed comment", () => {
    const result = parseReviewForm(
      formData([
        ["score.impact", "5"],
        ["score.feasibility", "1"],
        ["score.reach_2025-a", "3"],
        ["comment", "  solid plan  "],
        ["intent", "save"], // other fields are not scores
      ]),
    );
    expect(result).toEqual({ ok: true, data: { scores: { impact: 5, feasibility: 1, "reach_2025-a": 3 }, comment: "solid plan" } });
  });

  it("skips radio groups left empty and works without a comment", () => {
    const result = parseReviewForm(
      formData([
        ["score.impact", "4"],
        ["score.feasibility", ""],
      ]),
    );
    expect(result).toEqual({ ok: true, data: { scores: { impact: 4 }, comment: "" } });
  });

  it("accepts a form with no score at all (which criteria must be scored is the domain's check)", () => {
    expect(parseReviewForm(formData([]))).toEqual({ ok: true, data: { scores: {}, comment: "" } });
  });

  it("refuses a score outside 1–5 or not whole on its own field with board:errors.score", () => {
    expect(parseReviewForm(formData([["score.impact", "6"]]))).toEqual({ ok: false, errors: { "score.impact": "board:errors.score" } });
    for (const value of ["0", "2.5", "-1", "x", " "]) {
      const result = parseReviewForm(
        formData([
          ["score.impact", value],
          ["score.feasibility", "3"],
        ]),
      );
      expect(result, `score ${JSON.stringify(value)}`).toEqual({ ok: false, errors: { "score.impact": "board:errors.score" } });
    }
  });

  it("reports a malformed criterion id as a form error", () => {
    for (const key of ["score.bad id!", "score.", `score.${"a".repeat(65)}`]) {
      const result = parseReviewForm(
        formData([
          [key, "3"],
          ["score.impact", "4"],
        ]),
      );
      expect(result, key).toEqual({ ok: false, errors: { form: "validation.choice" } });
    }
  });

  it("reports a file sent as a score as a form error", () => {
    const result = parseReviewForm(formData([["score.impact", new Blob(["3"])]]));
    expect(result).toEqual({ ok: false, errors: { form: "validation.choice" } });
  });

  it("refuses a comment longer than MAX_REVIEW_COMMENT with validation.tooLong", () => {
    const ok = parseReviewForm(formData([["comment", "a".repeat(MAX_REVIEW_COMMENT)]]));
    expect(ok.ok).toBe(true);
    const tooLong = parseReviewForm(
      formData([
        ["score.impact", "4"],
        ["comment", "a".repeat(MAX_REVIEW_COMMENT + 1)],
      ]),
    );
    expect(tooLong).toEqual({ ok: false, errors: { comment: "validation.tooLong" } });
  });

  it("reports every problem at once", () => {
    const result = parseReviewForm(
      formData([
        ["score.impact", "6"],
        ["score.feasibility", "0"],
        ["score.bad id!", "3"],
        ["comment", "a".repeat(MAX_REVIEW_COMMENT + 1)],
      ]),
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        "score.impact": "board:errors.score",
        "score.feasibility": "board:errors.score",
        form: "validation.choice",
        comment: "validation.tooLong",
      },
    });
  });
});
