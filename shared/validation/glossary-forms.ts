/**
 * The glossary page's forms: a proposed term (the concept in at least two of the three
 * languages, a definition and a note in the proposer's language) and the moderators' buttons.
 */
import { z } from "zod";
import { optionalText } from "./fields";

const term = optionalText(200);

export const glossaryProposal = z
  .object({ de: term, it: term, en: term, definition: optionalText(2000), note: optionalText(2000) })
  .superRefine((value, context) => {
    const filled = [value.de, value.it, value.en].filter((t) => t !== "").length;
    // Reported on the first empty term field, where the person adds the missing language.
    if (filled < 2) context.addIssue({ code: "custom", path: [value.de === "" ? "de" : value.it === "" ? "it" : "en"], message: "glossary:propose.twoLanguages" });
  });

export type GlossaryProposal = z.infer<typeof glossaryProposal>;

const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);
export const glossaryModeration = z.object({ id, intent: z.enum(["accept", "remove"]) });

export const GLOSSARY_EXPORT_FORMATS = ["csv", "tbx"] as const;
