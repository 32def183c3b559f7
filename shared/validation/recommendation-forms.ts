/**
 * Forms of recommendations for the advisory board: create, cite, endorse on behalf of a
 * network (with an optional statement), set the endorsement threshold, and the board's
 * answer. Messages are keys of the common namespace (validation.*).
 */
import { z } from "zod";
import { choice, optionalText, shortText } from "./fields";

/** The board's verdicts, in the order the answer form offers them. */
export const RECOMMENDATION_VERDICTS = ["accepted", "partlyAccepted", "noted", "declined"] as const;
export type RecommendationVerdict = (typeof RECOMMENDATION_VERDICTS)[number];

/** Networks whose endorsement makes a recommendation "endorsed": 1 to 5 (there are five networks); 3 unless moderators change it. */
export const MIN_THRESHOLD = 1;
export const MAX_THRESHOLD = 5;
export const DEFAULT_THRESHOLD = 3;
export const MAX_STATEMENT = 2000;
export const MAX_ANSWER = 5000;
/** Citations per kind: enough for any real recommendation, bounded for the form. */
export const MAX_CITATIONS = 50;

const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, "validation.choice");
const ids = z.array(id).max(MAX_CITATIONS, "validation.tooLong");

export const createRecommendationForm = z.object({ title: shortText });
export const endorseForm = z.object({ networkId: id, statement: optionalText(MAX_STATEMENT) });
export const withdrawEndorsementForm = z.object({ networkId: id });
export const thresholdForm = z.object({
  threshold: z
    .string({ required_error: "validation.required", invalid_type_error: "validation.required" })
    .regex(/^\d{1,2}$/, "recommendations:validation.threshold")
    .transform(Number)
    .pipe(z.number().int().min(MIN_THRESHOLD, "recommendations:validation.threshold").max(MAX_THRESHOLD, "recommendations:validation.threshold")),
});
export const answerForm = z.object({
  verdict: choice(RECOMMENDATION_VERDICTS),
  body: z
    .string({ required_error: "validation.required", invalid_type_error: "validation.required" })
    .transform((v) => v.trim())
    .pipe(z.string().min(1, "validation.required").max(MAX_ANSWER, "validation.tooLong")),
});
/** The whole list of citations, as the form's checkboxes send it (an empty list clears it). */
export const citationsForm = z.object({ findings: ids, goodPractices: ids });
