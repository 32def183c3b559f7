/**
 * Forms of partnerships and of the advisory board's selection: forming a partnership, the
 * rubric's criteria, a member's review (one `score.<criterion id>` field per criterion) and
 * the decision. Messages are translation keys (common validation.*, board:errors.*).
 */
import { z } from "zod";
import { MAX_SCORE, MIN_SCORE } from "../board/rubric";
import { choice, optionalText, shortText } from "./fields";

const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, "validation.choice");
const unique = <T>(values: T[]) => [...new Set(values)];
import { MAX_REVIEW_COMMENT, MAX_WEIGHT } from "./limits";
export { MAX_REVIEW_COMMENT, MAX_WEIGHT };

export const PARTNERSHIP_ARRAY_FIELDS = ["group", "organisation"];

export const formPartnershipForm = z.object({
  name: shortText,
  group: z.array(id).max(12).transform(unique),
  organisation: z.array(id).max(12).transform(unique),
});

const weight = z
  .string({ required_error: "validation.required", invalid_type_error: "validation.required" })
  .transform((v) => v.trim())
  .pipe(z.string().regex(/^\d{1,2}$/, "board:errors.weight"))
  .transform(Number)
  .pipe(z.number().min(1, "board:errors.weight").max(MAX_WEIGHT, "board:errors.weight"));

export const rubricForms = {
  saveCriterion: z.object({
    id: z.union([z.literal(""), id]).optional().transform((v) => v || null),
    label: shortText,
    description: optionalText(1000),
    weight,
  }),
  removeCriterion: z.object({ id }),
} as const;

export const decisionForm = z.object({
  decision: choice(["selected", "not_selected"] as const),
  note: optionalText(MAX_REVIEW_COMMENT),
});

export type ReviewInput = { scores: Record<string, number>; comment: string };

/**
 * A member's review: every `score.<criterion id>` field that is filled in (radio groups left
 * empty are absent), each a whole number 1–5. Which criteria exist is the domain's check.
 */
export function parseReviewForm(form: FormData): { ok: true; data: ReviewInput } | { ok: false; errors: Record<string, string> } {
  const scores: Record<string, number> = {};
  const errors: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (!key.startsWith("score.")) continue;
    const criterion = key.slice("score.".length);
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(criterion) || typeof value !== "string") {
      errors.form = "validation.choice";
      continue;
    }
    if (value === "") continue;
    const score = Number(value);
    if (!Number.isInteger(score) || score < MIN_SCORE || score > MAX_SCORE) errors[key] = "board:errors.score";
    else scores[criterion] = score;
  }
  const comment = optionalText(MAX_REVIEW_COMMENT).safeParse(form.get("comment") ?? undefined);
  if (!comment.success) errors.comment = "validation.tooLong";
  if (Object.keys(errors).length > 0 || !comment.success) return { ok: false, errors };
  return { ok: true, data: { scores, comment: comment.data } };
}
