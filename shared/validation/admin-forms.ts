/**
 * Forms of the platform-admin area. Messages are translation keys of common.json
 * (validation.*), like every other form. Lists that are open by design (occupational
 * fields, themes) accept the known keys plus whatever the record being edited already
 * holds, so saving an old network never fails on a value the admin did not touch.
 */
import { z } from "zod";
import { MAX_SLUG_LENGTH } from "./limits";
import { COUNTRIES, NETWORK_ROLES, ORGANISATION_TYPES, PLATFORM_ROLES, SECTORS } from "../roles";
import { OCCUPATIONAL_FIELDS, THEMES } from "../taxonomy";
import { choice, email, locale, longText, name, shortText } from "./fields";

/** The same shape networkBySlug() accepts from URLs: lower-case letters, digits, hyphens. */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/** Ids travel in URLs and hidden fields; anything else is not one of ours. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,100}$/;

const id = z.string({ required_error: "validation.required", invalid_type_error: "validation.required" }).regex(ID_PATTERN, "validation.choice");

const slug = z
  .string({ required_error: "validation.required", invalid_type_error: "validation.required" })
  .transform((v) => v.trim())
  .pipe(z.string().min(1, "validation.required").max(MAX_SLUG_LENGTH, "validation.tooLong").regex(SLUG_PATTERN, "validation.slug"));

/** Checkbox values arrive as a list (parseWith's arrayFields); duplicates are dropped. */
const uniqueList = <T extends z.ZodTypeAny>(item: T, max: number) =>
  z
    .array(item, { invalid_type_error: "validation.choice" })
    .max(max, "validation.tooLong")
    .transform((values) => [...new Set(values)] as Array<z.output<T>>);

const oneOf = (allowed: readonly string[]) =>
  z
    .string({ required_error: "validation.choice", invalid_type_error: "validation.choice" })
    .refine((v) => allowed.includes(v), { message: "validation.choice" });

export interface NetworkFormKeep {
  occupationalField: string;
  themes: string[];
}

export const NETWORK_ARRAY_FIELDS = ["themes", "organisationIds"];

export function networkForm(keep?: NetworkFormKeep) {
  const fields = [...OCCUPATIONAL_FIELDS, ...(keep?.occupationalField ? [keep.occupationalField] : [])];
  const themes = [...THEMES, ...(keep?.themes ?? [])];
  return z.object({
    name: shortText,
    slug,
    description: longText,
    occupationalField: oneOf(fields),
    themes: uniqueList(oneOf(themes), 50),
    organisationIds: uniqueList(id, 500),
  });
}
export type NetworkInput = z.output<ReturnType<typeof networkForm>>;

const website = z
  .string({ invalid_type_error: "validation.url" })
  .optional()
  .transform((v) => (v ?? "").trim())
  .pipe(
    z
      .string()
      .max(500, "validation.tooLong")
      .refine((v) => v === "" || isHttpUrl(v), { message: "validation.url" }),
  )
  .transform((v) => v || null);

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
  } catch {
    return false;
  }
}

export const organisationForm = z.object({
  name: shortText,
  country: choice(COUNTRIES),
  city: shortText,
  region: shortText,
  type: choice(ORGANISATION_TYPES),
  sector: choice(SECTORS),
  website,
  description: longText,
});
export type OrganisationInput = z.output<typeof organisationForm>;

export const PERSON_ARRAY_FIELDS = ["platformRoles"];

export const personForm = z.object({
  name,
  email,
  locale,
  /** "" = no organisation */
  organisationId: z
    .union([z.literal(""), z.undefined(), id])
    .transform((v) => v || null),
  platformRoles: uniqueList(choice(PLATFORM_ROLES), PLATFORM_ROLES.length * 2),
  disabled: z.enum(["yes", "no"], { errorMap: () => ({ message: "validation.choice" }) }).transform((v) => v === "yes"),
});
export type PersonInput = z.output<typeof personForm>;

export const addMembershipForm = z.object({ networkId: id, role: choice(NETWORK_ROLES) });
export const changeMembershipForm = z.object({ networkId: id, role: choice(NETWORK_ROLES) });
export const removeMembershipForm = z.object({ networkId: id });
