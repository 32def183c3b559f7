/**
 * "Show translation" of a comment or a finding: only which one, by id. The text is the
 * stored one and the target the reader's language, so the form carries nothing else.
 */
import { z } from "zod";

export const TRANSLATABLE_KINDS = ["comment", "finding"] as const;

export const translateForm = z.object({
  kind: z.enum(TRANSLATABLE_KINDS),
  id: z.string().min(1).max(64),
});

export type TranslateForm = z.infer<typeof translateForm>;
