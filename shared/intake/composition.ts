/**
 * The composition check of a proposed bilateral partnership: the call asks for at least three
 * VET actors per country and a public–private mix on both sides. Each rule is reported on
 * its own, met or missing, with the counts that decide it, so the project team sees what a
 * partnership still lacks rather than a bare "no".
 */
import type { Country, OrganisationType, Sector } from "../roles";

export interface Actor {
  name: string;
  country: Country;
  type: OrganisationType;
  sector: Sector;
}

export const MIN_ACTORS_PER_COUNTRY = 3;

export type CompositionRule = "actorsDE" | "actorsIT" | "publicPrivateDE" | "publicPrivateIT";

export interface RuleResult {
  rule: CompositionRule;
  met: boolean;
  /** actors*: how many actors that country has; publicPrivate*: how many public and private. */
  counts: { actors: number; public: number; private: number };
}

export interface CompositionCheck {
  met: boolean;
  rules: RuleResult[];
  /** The actors counted, each organisation once (two groups may name the same chamber). */
  actors: Actor[];
}

const key = (actor: Actor) => `${actor.country}|${actor.name.trim().toLocaleLowerCase("de")}`;

/** One organisation named by two groups counts once. */
export function distinctActors(actors: readonly Actor[]): Actor[] {
  const seen = new Map<string, Actor>();
  for (const actor of actors) if (!seen.has(key(actor))) seen.set(key(actor), actor);
  return [...seen.values()];
}

export function checkComposition(all: readonly Actor[]): CompositionCheck {
  const actors = distinctActors(all);
  const rules: RuleResult[] = [];
  for (const country of ["DE", "IT"] as const) {
    const side = actors.filter((a) => a.country === country);
    const counts = {
      actors: side.length,
      public: side.filter((a) => a.sector === "public").length,
      private: side.filter((a) => a.sector === "private").length,
    };
    rules.push({ rule: `actors${country}`, met: counts.actors >= MIN_ACTORS_PER_COUNTRY, counts });
    rules.push({ rule: `publicPrivate${country}`, met: counts.public > 0 && counts.private > 0, counts });
  }
  return { met: rules.every((r) => r.met), rules, actors };
}
