/**
 * Occupational fields and cross-cutting themes named in the call to action. Stored as keys
 * so every language shows its own label (locales/<lng>/network.json: fields.*, themes.*).
 * The lists are open: an unknown key is shown as the text it is.
 */
export const OCCUPATIONAL_FIELDS = [
  "mechatronics",
  "ict",
  "logistics",
  "greenEnergy",
  "healthcare",
  "fashion",
  "textileCrafts",
  "ecommerce",
  "hospitality",
  "wine",
] as const;
export type OccupationalField = (typeof OCCUPATIONAL_FIELDS)[number];

export const THEMES = [
  "careerGuidance",
  "skilledWorkers",
  "digitalisation",
  "imageOfDualVet",
  "diversityInclusion",
] as const;
export type Theme = (typeof THEMES)[number];

export function isKnownField(value: string): value is OccupationalField {
  return (OCCUPATIONAL_FIELDS as readonly string[]).includes(value);
}

export function isKnownTheme(value: string): value is Theme {
  return (THEMES as readonly string[]).includes(value);
}

/**
 * The four action areas of the call to action; every finding (and recommendation) names at
 * least one. Labels: locales/<lng>/network.json actionAreas.*. A closed list.
 */
export const ACTION_AREAS = [
  "cooperation", // cooperation with economic and social partners in initial and continuing VET
  "companyEngagement", // companies' engagement in dual VET
  "smallEnterprises", // support for training in micro and small enterprises
  "workBasedLearning", // work-based learning, including enabling training staff
] as const;
export type ActionArea = (typeof ACTION_AREAS)[number];

export function isActionArea(value: string): value is ActionArea {
  return (ACTION_AREAS as readonly string[]).includes(value);
}
