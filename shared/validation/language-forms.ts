/**
 * The forms of the language-version pages: adding a version, and the buttons beside each
 * section (translate, review, undo) and above them all (translate every stale section).
 */
import { z } from "zod";
import { LOCALES } from "#shared/i18n/config";

const language = z.enum(LOCALES);
const sectionId = z.string().min(1).max(40).regex(/^[A-Za-z0-9_-]+$/);

export const addVersionForm = z.object({ intent: z.literal("add"), sourceLanguage: language, language });

export const sectionForm = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("translate"), sectionId }),
  z.object({ intent: z.literal("translateStale") }),
  // The source text the person had in front of them (a review vouches for that text only).
  z.object({ intent: z.literal("review"), sectionId, seenSource: z.string().max(100_000) }),
  z.object({ intent: z.literal("undo"), sectionId }),
]);

export type SectionForm = z.infer<typeof sectionForm>;
