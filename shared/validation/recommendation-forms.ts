/**
 * Forms of recommendations for the advisory board: create, cite, endorse on behalf of a
 * network (with an optional statement), set the endorsement threshold, and the board's
 * answer. Messages are keys of the common namespace (validation.*).
 */
import { z } from "zod";
import { RECOMMENDATION_VERDICTS, MIN_THRESHOLD, MAX_THRESHOLD, MAX_STATEMENT, MAX_ANSWER, MAX_CITATIONS } from "./limits";
import { choice, optionalText, shortText } from "./fields";

export type RecommendationVerdict = (typeof RECOMMENDATION_VERDICTS)[number];

export const DEFAULT_THRESHOLD = 3;

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
export const citationsForm = z.object({ findings: ids, goodPractices: ids, libraryDocuments: ids.default([]) });

/** Fields of the citation form that name several values (parseWith reads them with getAll). */
export const CITATION_ARRAY_FIELDS = ["findings", "goodPractices", "libraryDocuments"];
