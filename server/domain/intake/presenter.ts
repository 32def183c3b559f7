/** The one shape of an expression of interest that pages see (rows never leave the domain). */
import type { InterestExpression, InterestMember } from "#db/schema";
import type { Country } from "#shared/roles";
import type { Actor } from "#shared/intake/composition";
import type { Profile } from "#shared/intake/matching";
import { homeCountry } from "#shared/intake/matching";
import { parseThemes as parseJsonArray } from "../networks/themes";

export interface PresentedMember {
  name: string;
  type: InterestMember["type"];
  sector: InterestMember["sector"];
  city: string;
  region: string;
  country: Country;
}

export function presentMembers(members: readonly InterestMember[]): PresentedMember[] {
  return members.map((m) => ({ name: m.name, type: m.type, sector: m.sector, city: m.city, region: m.region, country: m.country }));
}

export function presentExpression(row: InterestExpression, members: readonly InterestMember[]) {
  const presentedMembers = presentMembers(members);
  return {
    id: row.id,
    status: row.status,
    locale: row.locale,
    groupName: row.group_name,
    contactName: row.contact_name,
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
    occupationalField: row.occupational_field,
    fieldDescription: row.field_description,
    themes: parseJsonArray(row.themes),
    actionAreas: parseJsonArray(row.action_areas),
    scale: row.scale,
    apprentices: row.apprentices,
    companies: row.companies,
    jointProjects: row.joint_projects,
    motivation: row.motivation,
    projectIdea: row.project_idea,
    expectedValue: row.expected_value,
    offeredValue: row.offered_value,
    pastCooperation: row.past_cooperation,
    fundedProjects: row.funded_projects,
    introductions: row.introductions_consent === 1,
    members: presentedMembers,
    country: homeCountry({ actors: presentedMembers }),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    statusChangedAt: row.status_changed_at,
  };
}
export type PresentedExpression = ReturnType<typeof presentExpression>;

export const actorsOf = (members: readonly InterestMember[]): Actor[] =>
  members.map((m) => ({ name: m.name, country: m.country, type: m.type, sector: m.sector }));

/** What matching needs to know about a group. */
export function profileOf(row: InterestExpression, members: readonly InterestMember[]): Profile {
  return {
    kind: "group",
    id: row.id,
    name: row.group_name,
    field: row.occupational_field === "other" ? null : row.occupational_field,
    themes: parseJsonArray(row.themes),
    actionAreas: parseJsonArray(row.action_areas),
    scale: row.scale,
    apprentices: row.apprentices,
    actors: actorsOf(members),
  };
}
