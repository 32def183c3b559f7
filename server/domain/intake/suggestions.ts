/**
 * Partner suggestions and the composition check for one group: loads the candidates of the
 * other country (groups still looking, and organisations already on the platform with the
 * fields and themes of their networks) and hands them to the pure ranking in
 * shared/intake/matching.ts and shared/intake/composition.ts.
 */
import type { Services } from "#server/services";
import { OPEN_STATUSES } from "#shared/intake/vocabulary";
import { homeCountry, otherCountry, suggestPartners, type Profile, type Suggestion } from "#shared/intake/matching";
import { checkComposition, type Actor, type CompositionCheck } from "#shared/intake/composition";
import { findExpression, findOrganisationsByIds, listExpressions, listMembersOf, listOrganisationsWithNetworks } from "#db/queries/interest";
import { actorsOf, profileOf } from "./presenter";
import { parseThemes } from "../networks/themes";

async function organisationProfiles(services: Services, country: "DE" | "IT"): Promise<Profile[]> {
  const rows = await listOrganisationsWithNetworks(services.db, country);
  const byId = new Map<string, Profile & { themes: string[] }>();
  for (const row of rows) {
    const profile = byId.get(row.id) ?? {
      kind: "organisation" as const,
      id: row.id,
      name: row.name,
      field: null,
      themes: [],
      actionAreas: [],
      scale: null,
      apprentices: null,
      actors: [{ name: row.name, country: row.country, type: row.type, sector: row.sector }],
    };
    if (!profile.field && row.occupational_field) profile.field = row.occupational_field;
    for (const theme of parseThemes(row.themes ?? "[]")) if (!profile.themes.includes(theme)) profile.themes.push(theme);
    byId.set(row.id, profile);
  }
  return [...byId.values()];
}

export interface PartnerSuggestions {
  suggestions: Suggestion[];
  /** The country partners are looked for in; null for a group without members (cannot happen through the form). */
  partnerCountry: "DE" | "IT" | null;
}

export async function partnerSuggestions(services: Services, id: string): Promise<PartnerSuggestions | null> {
  const row = await findExpression(services.db, id);
  if (!row) return null;
  const group = profileOf(row, await listMembersOf(services.db, [id]));
  const home = homeCountry(group);
  if (!home) return { suggestions: [], partnerCountry: null };
  const partnerCountry = otherCountry(home);
  const open = (await listExpressions(services.db, { status: null, statuses: OPEN_STATUSES, country: null })).filter((r) => r.id !== id);
  const members = await listMembersOf(services.db, open.map((r) => r.id));
  const groups = open.map((r) => profileOf(r, members.filter((m) => m.expression_id === r.id)));
  const organisations = await organisationProfiles(services, partnerCountry);
  return { suggestions: suggestPartners(group, [...groups, ...organisations]), partnerCountry };
}

/** The check for this group together with the chosen groups and organisations (unknown ids are skipped). */
export async function compositionWith(services: Services, id: string, selection: { groups: string[]; organisations: string[] }): Promise<{ check: CompositionCheck; chosen: Array<{ kind: "group" | "organisation"; id: string; name: string }> } | null> {
  const groupIds = [id, ...selection.groups.filter((g) => g !== id)];
  const rows = (await Promise.all(groupIds.map((g) => findExpression(services.db, g)))).filter((r) => r !== undefined);
  if (!rows.some((r) => r.id === id)) return null;
  const [members, organisations] = await Promise.all([listMembersOf(services.db, rows.map((r) => r.id)), findOrganisationsByIds(services.db, selection.organisations)]);
  const actors: Actor[] = [...actorsOf(members), ...organisations.map((o) => ({ name: o.name, country: o.country, type: o.type, sector: o.sector }))];
  const chosen = [
    ...rows.filter((r) => r.id !== id).map((r) => ({ kind: "group" as const, id: r.id, name: r.group_name })),
    ...organisations.map((o) => ({ kind: "organisation" as const, id: o.id, name: o.name })),
  ];
  return { check: checkComposition(actors), chosen };
}
