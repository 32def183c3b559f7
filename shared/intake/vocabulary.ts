/**
 * The words of the intake: how an expression of interest moves from "received" to a network
 * (or to the "staying in touch" list). Keys are stored; every language shows its own label
 * (locales/<lng>/intake.json status.*, scale.*).
 */
import { OCCUPATIONAL_FIELDS } from "../taxonomy";

/** `other`: a field the call does not list; then the description says which. */
export const INTEREST_FIELDS = [...OCCUPATIONAL_FIELDS, "other"] as const;

export const INTEREST_STATUSES = [
  "received",
  "in_validation",
  "looking_for_partners",
  "partnership_formed",
  "applied",
  "selected",
  "not_selected",
  "staying_in_touch",
] as const;
export type InterestStatus = (typeof INTEREST_STATUSES)[number];

/** Groups still looking for partners: the ones the project team may suggest to each other. */
export const OPEN_STATUSES: readonly InterestStatus[] = ["received", "in_validation", "looking_for_partners"];

/** At what scale a group trains today (part b of the call). */
export const EXPERIENCE_SCALES = ["local", "regional", "national", "international"] as const;
export type ExperienceScale = (typeof EXPERIENCE_SCALES)[number];

/** What the project team writes down about a group: an internal note or a contact it had. */
export const LOG_KINDS = ["note", "contact", "status", "amended", "introduction"] as const;
export type InterestLogKind = (typeof LOG_KINDS)[number];

export function isInterestStatus(value: unknown): value is InterestStatus {
  return typeof value === "string" && (INTEREST_STATUSES as readonly string[]).includes(value);
}
