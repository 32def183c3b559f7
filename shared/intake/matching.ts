/**
 * Partner suggestions: for a group, the groups and organisations of the other country ranked
 * by how well they would fit, each with the reasons that earned its place. Finding partners
 * was the main obstacle in the 2021 study the call cites, so the list explains itself: the
 * project team decides, the ranking only saves them reading every submission.
 *
 * Pure: the caller loads the candidates (server/domain/intake/suggestions.ts).
 */
import type { Country, OrganisationType } from "../roles";
import type { Actor } from "./composition";
import type { ExperienceScale } from "./vocabulary";

export interface Profile {
  kind: "group" | "organisation";
  id: string;
  name: string;
  /** Occupational field key (or free text); null when none is known. */
  field: string | null;
  themes: readonly string[];
  actionAreas: readonly string[];
  scale: ExperienceScale | null;
  apprentices: number | null;
  actors: readonly Actor[];
}

export type Reason =
  | { kind: "sameField"; field: string }
  | { kind: "sharedThemes"; themes: string[] }
  | { kind: "sharedActionAreas"; areas: string[] }
  | { kind: "comparableScale" }
  | { kind: "completesTypes"; types: OrganisationType[] }
  | { kind: "publicAndPrivate" };

export interface Suggestion {
  candidate: Profile;
  score: number;
  reasons: Reason[];
}

/** Points per reason. A shared field outweighs everything else: the call builds networks around one. */
export const WEIGHTS = {
  sameField: 40,
  perTheme: 10,
  perActionArea: 5,
  comparableScale: 10,
  perCompletingType: 5,
  maxCompletingTypes: 3,
  publicAndPrivate: 10,
} as const;

/** Apprentice numbers within this factor of each other count as comparable. */
const SCALE_FACTOR = 3;

/** A group's own country: the one most of its actors come from (the first actor's on a tie). */
export function homeCountry(profile: Pick<Profile, "actors">): Country | null {
  const first = profile.actors[0];
  if (!first) return null;
  const de = profile.actors.filter((a) => a.country === "DE").length;
  const it = profile.actors.length - de;
  if (de === it) return first.country;
  return de > it ? "DE" : "IT";
}

export const otherCountry = (country: Country): Country => (country === "DE" ? "IT" : "DE");

function comparable(a: Profile, b: Profile): boolean {
  if (a.apprentices && b.apprentices) {
    const ratio = Math.max(a.apprentices, b.apprentices) / Math.min(a.apprentices, b.apprentices);
    return ratio <= SCALE_FACTOR;
  }
  return a.scale !== null && a.scale === b.scale;
}

const shared = (a: readonly string[], b: readonly string[]) => [...new Set(a)].filter((x) => b.includes(x));

export function reasonsFor(group: Profile, candidate: Profile): Reason[] {
  const reasons: Reason[] = [];
  if (group.field && candidate.field && group.field === candidate.field) reasons.push({ kind: "sameField", field: group.field });
  const themes = shared(group.themes, candidate.themes);
  if (themes.length) reasons.push({ kind: "sharedThemes", themes });
  const areas = shared(group.actionAreas, candidate.actionAreas);
  if (areas.length) reasons.push({ kind: "sharedActionAreas", areas });
  if (comparable(group, candidate)) reasons.push({ kind: "comparableScale" });
  const haveTypes = new Set(group.actors.map((a) => a.type));
  const newTypes = [...new Set(candidate.actors.map((a) => a.type))].filter((t) => !haveTypes.has(t));
  if (newTypes.length) reasons.push({ kind: "completesTypes", types: newTypes });
  const sectors = new Set(candidate.actors.map((a) => a.sector));
  if (sectors.has("public") && sectors.has("private")) reasons.push({ kind: "publicAndPrivate" });
  return reasons;
}

export function scoreOf(reasons: readonly Reason[]): number {
  let score = 0;
  for (const reason of reasons) {
    switch (reason.kind) {
      case "sameField":
        score += WEIGHTS.sameField;
        break;
      case "sharedThemes":
        score += WEIGHTS.perTheme * reason.themes.length;
        break;
      case "sharedActionAreas":
        score += WEIGHTS.perActionArea * reason.areas.length;
        break;
      case "comparableScale":
        score += WEIGHTS.comparableScale;
        break;
      case "completesTypes":
        score += WEIGHTS.perCompletingType * Math.min(reason.types.length, WEIGHTS.maxCompletingTypes);
        break;
      case "publicAndPrivate":
        score += WEIGHTS.publicAndPrivate;
        break;
    }
  }
  return score;
}

/**
 * Candidates from the other country only, best first; a candidate with nothing in common
 * (no field, theme or action area shared) is left out however well it would complete the
 * partnership, because a partnership needs a subject before it needs a chamber.
 */
export function suggestPartners(group: Profile, candidates: readonly Profile[], limit = 10): Suggestion[] {
  const home = homeCountry(group);
  if (!home) return [];
  const wanted = otherCountry(home);
  return candidates
    .filter((c) => !(c.kind === group.kind && c.id === group.id) && homeCountry(c) === wanted)
    .map((candidate) => {
      const reasons = reasonsFor(group, candidate);
      return { candidate, reasons, score: scoreOf(reasons) };
    })
    .filter((s) => s.reasons.some((r) => r.kind === "sameField" || r.kind === "sharedThemes" || r.kind === "sharedActionAreas"))
    .sort((a, b) => b.score - a.score || a.candidate.name.localeCompare(b.candidate.name))
    .slice(0, limit);
}
