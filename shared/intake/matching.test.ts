/** Partner suggestions: other country only, something shared in subject, ranked by WEIGHTS with reasons, ties by name. */
import { describe, expect, it } from "vitest";
import type { Actor } from "./composition";
import { homeCountry, otherCountry, reasonsFor, scoreOf, suggestPartners, WEIGHTS, type Profile, type Reason } from "./matching";

const actor = (name: string, country: Actor["country"], type: Actor["type"] = "company", sector: Actor["sector"] = "private"): Actor => ({ name, country, type, sector });

let counter = 0;
/** A profile with nothing in common with anything unless told; actors default to one company of `country`. */
function profile(over: Partial<Profile> & { country?: Actor["country"] } = {}): Profile {
  const { country = "IT", ...rest } = over;
  counter += 1;
  return {
    kind: "group",
    id: `g${counter}`,
    name: `Group ${counter}`,
    field: null,
    themes: [],
    actionAreas: [],
    scale: null,
    apprentices: null,
    actors: [actor(`Actor ${counter}`, country)],
    ...rest,
  };
}

/** A German group working in mechatronics on digitalisation and cooperation, with a chamber and a company. */
const group = profile({
  id: "home",
  name: "Home group",
  field: "mechatronics",
  themes: ["digitalisation", "skilledWorkers"],
  actionAreas: ["cooperation", "workBasedLearning"],
  actors: [actor("IHK", "DE", "chamber", "public"), actor("Müller GmbH", "DE", "company", "private")],
});

const kinds = (reasons: readonly Reason[]) => reasons.map((r) => r.kind);

describe("homeCountry", () => {
  it("is the country most actors come from", () => {
    expect(homeCountry({ actors: [actor("a", "IT"), actor("b", "DE"), actor("c", "DE")] })).toBe("DE");
    expect(homeCountry({ actors: [actor("a", "DE"), actor("b", "IT"), actor("c", "IT")] })).toBe("IT");
  });

  it("is the first actor's country on a tie", () => {
    expect(homeCountry({ actors: [actor("a", "IT"), actor("b", "DE")] })).toBe("IT");
    expect(homeCountry({ actors: [actor("a", "DE"), actor("b", "IT")] })).toBe("DE");
  });

  it("is null without actors", () => {
    expect(homeCountry({ actors: [] })).toBeNull();
  });

  it("otherCountry swaps DE and IT", () => {
    expect(otherCountry("DE")).toBe("IT");
    expect(otherCountry("IT")).toBe("DE");
  });
});

describe("suggestPartners", () => {
  it("suggests only candidates from the other country", () => {
    const italian = profile({ name: "Italian", country: "IT", field: "mechatronics" });
    const german = profile({ name: "German", country: "DE", field: "mechatronics" });
    const mostlyGerman = profile({ name: "Mostly German", field: "mechatronics", actors: [actor("x", "IT"), actor("y", "DE"), actor("z", "DE")] });
    const noActors = profile({ name: "Empty", field: "mechatronics", actors: [] });
    expect(suggestPartners(group, [german, italian, mostlyGerman, noActors]).map((s) => s.candidate.name)).toEqual(["Italian"]);
  });

  it("leaves out a candidate that only completes types or brings public and private, with nothing shared in subject", () => {
    const completer = profile({
      name: "Completer",
      field: "wine",
      themes: ["careerGuidance"],
      actionAreas: ["smallEnterprises"],
      actors: [actor("Scuola", "IT", "vocational_school", "public"), actor("Rossi", "IT", "training_provider", "private"), actor("Regione", "IT", "region", "public")],
    });
    expect(kinds(reasonsFor(group, completer))).toEqual(["completesTypes", "publicAndPrivate"]);
    expect(suggestPartners(group, [completer])).toEqual([]);
  });

  it("keeps a candidate sharing only one action area", () => {
    const one = profile({ name: "One area", actionAreas: ["cooperation", "smallEnterprises"] });
    const [suggestion] = suggestPartners(group, [one]);
    expect(suggestion?.reasons).toEqual([{ kind: "sharedActionAreas", areas: ["cooperation"] }]);
    expect(suggestion?.score).toBe(WEIGHTS.perActionArea);
  });

  it("ranks by score and lists the reasons of each", () => {
    const sameField = profile({ name: "Same field", field: "mechatronics" });
    const twoThemes = profile({ name: "Two themes", themes: ["skilledWorkers", "digitalisation", "careerGuidance"] });
    const themeAndAreas = profile({ name: "Theme and areas", themes: ["digitalisation"], actionAreas: ["cooperation", "workBasedLearning"] });

    const suggestions = suggestPartners(group, [twoThemes, themeAndAreas, sameField]);
    const expected = [
      { name: "Same field", score: WEIGHTS.sameField, reasons: [{ kind: "sameField", field: "mechatronics" }] },
      { name: "Two themes", score: 2 * WEIGHTS.perTheme, reasons: [{ kind: "sharedThemes", themes: ["digitalisation", "skilledWorkers"] }] }, // in the group's order
      {
        name: "Theme and areas",
        score: WEIGHTS.perTheme + 2 * WEIGHTS.perActionArea,
        reasons: [
          { kind: "sharedThemes", themes: ["digitalisation"] },
          { kind: "sharedActionAreas", areas: ["cooperation", "workBasedLearning"] },
        ],
      },
    ].sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
    // the order the module must produce, derived from WEIGHTS rather than assumed
    expect(suggestions.map((s) => ({ name: s.candidate.name, score: s.score, reasons: s.reasons }))).toEqual(expected);
    // a shared field outweighs the two shared themes this group could have in common
    expect(WEIGHTS.sameField).toBeGreaterThan(2 * WEIGHTS.perTheme);
    expect(suggestions[0]?.candidate.name).toBe("Same field");
  });

  it("adds up every reason with its weight, capping completed types", () => {
    const rich = profile({
      name: "Rich",
      field: "mechatronics",
      themes: ["digitalisation"],
      actionAreas: ["cooperation"],
      scale: "regional",
      actors: [
        actor("Scuola", "IT", "vocational_school", "public"),
        actor("Ente", "IT", "training_provider", "private"),
        actor("Regione", "IT", "region", "public"),
        actor("Sindacato", "IT", "union", "private"),
        actor("Camera", "IT", "chamber", "public"),
      ],
    });
    const home = { ...group, scale: "regional" as const };
    const reasons = reasonsFor(home, rich);
    expect(reasons).toEqual([
      { kind: "sameField", field: "mechatronics" },
      { kind: "sharedThemes", themes: ["digitalisation"] },
      { kind: "sharedActionAreas", areas: ["cooperation"] },
      { kind: "comparableScale" },
      { kind: "completesTypes", types: ["vocational_school", "training_provider", "region", "union"] },
      { kind: "publicAndPrivate" },
    ]);
    expect(scoreOf(reasons)).toBe(
      WEIGHTS.sameField +
        WEIGHTS.perTheme +
        WEIGHTS.perActionArea +
        WEIGHTS.comparableScale +
        WEIGHTS.perCompletingType * Math.min(4, WEIGHTS.maxCompletingTypes) +
        WEIGHTS.publicAndPrivate,
    );
    expect(scoreOf([])).toBe(0);
  });

  it("counts apprentice numbers within a factor of three as comparable", () => {
    const home = { ...group, apprentices: 30, scale: "local" as const };
    const within = profile({ field: "mechatronics", apprentices: 90, scale: "international" });
    const justOutside = profile({ field: "mechatronics", apprentices: 91, scale: "local" });
    const smallerWithin = profile({ field: "mechatronics", apprentices: 10 });
    const smallerOutside = profile({ field: "mechatronics", apprentices: 9 });
    expect(kinds(reasonsFor(home, within))).toContain("comparableScale");
    expect(kinds(reasonsFor(home, smallerWithin))).toContain("comparableScale");
    // numbers known on both sides decide, even when the scale word would match
    expect(kinds(reasonsFor(home, justOutside))).not.toContain("comparableScale");
    expect(kinds(reasonsFor(home, smallerOutside))).not.toContain("comparableScale");
  });

  it("falls back to the same scale when apprentice numbers are missing", () => {
    const home = { ...group, apprentices: 30, scale: "regional" as const };
    expect(kinds(reasonsFor(home, profile({ apprentices: null, scale: "regional" })))).toContain("comparableScale");
    expect(kinds(reasonsFor(home, profile({ apprentices: null, scale: "national" })))).not.toContain("comparableScale");
    expect(kinds(reasonsFor({ ...home, scale: null }, profile({ apprentices: null, scale: null })))).not.toContain("comparableScale");
    const bothUnknown = { ...group, apprentices: null, scale: "local" as const };
    expect(kinds(reasonsFor(bothUnknown, profile({ apprentices: 500, scale: "local" })))).toContain("comparableScale");
  });

  it("never suggests the group itself, but does suggest an organisation with the same id", () => {
    const italianGroup = profile({ id: "it-1", name: "Gruppo", field: "wine", actors: [actor("Cantina", "IT"), actor("Scuola", "IT", "vocational_school", "public")] });
    const self = { ...italianGroup };
    const sameIdOrganisation: Profile = { ...profile({ country: "DE", field: "wine" }), kind: "organisation", id: "it-1", name: "Weingut" };
    const other = profile({ country: "DE", name: "Weinbau", field: "wine" });
    const names = suggestPartners(italianGroup, [self, sameIdOrganisation, other]).map((s) => s.candidate.name);
    expect(names).not.toContain("Gruppo");
    expect(names.sort()).toEqual(["Weinbau", "Weingut"]);
  });

  it("respects the limit, best first", () => {
    const candidates = [
      profile({ name: "C one theme", themes: ["digitalisation"] }),
      profile({ name: "A field", field: "mechatronics" }),
      profile({ name: "B area", actionAreas: ["cooperation"] }),
      profile({ name: "D two themes", themes: ["digitalisation", "skilledWorkers"] }),
    ];
    expect(suggestPartners(group, candidates, 2).map((s) => s.candidate.name)).toEqual(["A field", "D two themes"]);
    expect(suggestPartners(group, candidates, 0)).toEqual([]);
    expect(suggestPartners(group, candidates)).toHaveLength(4);
  });

  it("breaks ties by name", () => {
    const candidates = ["Zeta", "alpha", "Mu"].map((name) => profile({ name, themes: ["digitalisation"] }));
    const suggestions = suggestPartners(group, candidates);
    expect(new Set(suggestions.map((s) => s.score)).size).toBe(1);
    expect(suggestions.map((s) => s.candidate.name)).toEqual(["alpha", "Mu", "Zeta"]);
  });

  it("suggests nothing for a group without actors", () => {
    expect(suggestPartners({ ...group, actors: [] }, [profile({ field: "mechatronics" })])).toEqual([]);
  });
});
