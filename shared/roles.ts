/** Vocabulary of roles and organisation attributes, shared by app, server and db. */

/** observer: a member of the advisory board; project_team: runs the call for expressions of interest and the matching. */
export const PLATFORM_ROLES = ["admin", "moderator", "observer", "project_team"] as const;
export type PlatformRole = (typeof PLATFORM_ROLES)[number];

export const NETWORK_ROLES = ["coordinator", "member"] as const;
export type NetworkRole = (typeof NETWORK_ROLES)[number];

export const COUNTRIES = ["DE", "IT"] as const;
export type Country = (typeof COUNTRIES)[number];

export const ORGANISATION_TYPES = [
  "company",
  "crafts_business",
  "chamber",
  "union",
  "association",
  "vocational_school",
  "training_provider",
  "public_body",
  "region",
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export const SECTORS = ["public", "private"] as const;
export type Sector = (typeof SECTORS)[number];

export function isPlatformRole(value: unknown): value is PlatformRole {
  return typeof value === "string" && (PLATFORM_ROLES as readonly string[]).includes(value);
}

export function isNetworkRole(value: unknown): value is NetworkRole {
  return typeof value === "string" && (NETWORK_ROLES as readonly string[]).includes(value);
}
