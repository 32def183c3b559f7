/**
 * The good-practice library's form: an entry proposed by a member or edited by a moderator.
 * Theme clusters follow the six clusters of the federal InnoVET brochure (DOMAIN.md), stored
 * as keys so every language shows its own label (commons.json goodPractice.clusters.*).
 */
import { z } from "zod";
import { FINDING_COUNTRIES, MAX_URL_LENGTH, THEME_CLUSTERS } from "./limits";
import { OCCUPATIONAL_FIELDS } from "../taxonomy";
import { choice, optionalChoice, optionalText, shortText } from "./fields";
import { isWebUrl } from "./findings-forms";

export type ThemeCluster = (typeof THEME_CLUSTERS)[number];

export const GOOD_PRACTICE_STATUSES = ["proposed", "published"] as const;
export type GoodPracticeStatus = (typeof GOOD_PRACTICE_STATUSES)[number];

const summary = z
  .string({ required_error: "validation.required", invalid_type_error: "validation.required" })
  .transform((v) => v.trim())
  .pipe(z.string().min(1, "validation.required").max(5000, "validation.tooLong"));

const link = z
  .string({ invalid_type_error: "validation.url" })
  .optional()
  .transform((v) => (v ?? "").trim())
  .pipe(
    z
      .string()
      .max(MAX_URL_LENGTH, "validation.tooLong")
      .refine((v) => v === "" || isWebUrl(v), { message: "validation.url" }),
  )
  .transform((v) => (v === "" ? null : v));

export const goodPracticeForm = z.object({
  title: shortText,
  summary,
  occupationalField: optionalChoice(OCCUPATIONAL_FIELDS),
  country: choice(FINDING_COUNTRIES),
  partners: optionalText(1000),
  themeCluster: optionalChoice(THEME_CLUSTERS),
  link,
});

export type GoodPracticeFormData = z.infer<typeof goodPracticeForm>;

const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);
/** The moderators' buttons on the list and on an entry's page. */
export const goodPracticeModeration = z.object({ id, intent: z.enum(["publish", "unpublish"]) });
