/** The composition check: three actors per country and a public–private mix on both sides, each rule with its counts. */
import { describe, expect, it } from "vitest";
import { checkComposition, distinctActors, MIN_ACTORS_PER_COUNTRY, type Actor, type CompositionRule } from "./composition";

const de = (name: string, sector: Actor["sector"], type: Actor["type"] = "company"): Actor => ({ name, country: "DE", type, sector });
const it_ = (name: string, sector: Actor["sector"], type: Actor["type"] = "company"): Actor => ({ name, country: "IT", type, sector });

const fullDE = [de("IHK München", "public", "chamber"), de("Berufsschule Nord", "public", "vocational_school"), de("Müller GmbH", "private")];
const fullIT = [it_("Camera di Commercio Bolzano", "public", "chamber"), it_("Rossi Srl", "private"), it_("Bianchi SpA", "private")];

/** Rule name → met, for compact assertions. */
const verdicts = (actors: Actor[]) => Object.fromEntries(checkComposition(actors).rules.map((r) => [r.rule, r.met])) as Record<CompositionRule, boolean>;
const ruleOf = (actors: Actor[], rule: CompositionRule) => checkComposition(actors).rules.find((r) => r.rule === rule);

describe("checkComposition", () => {
  it("accepts a partnership meeting all four rules", () => {
    const check = checkComposition([...fullDE, ...fullIT]);
    expect(check.met).toBe(true);
    expect(check.rules.map((r) => r.rule).sort()).toEqual(["actorsDE", "actorsIT", "publicPrivateDE", "publicPrivateIT"]);
    expect(check.rules.every((r) => r.met)).toBe(true);
    expect(check.actors).toHaveLength(6);
  });

  it("requires three actors in Germany", () => {
    expect(MIN_ACTORS_PER_COUNTRY).toBe(3);
    // two DE actors only: IHK (public) and Schmidt KG (private) — mix present, count short
    const two = [fullDE[0]!, de("Schmidt KG", "private"), ...fullIT];
    const check = checkComposition(two);
    expect(check.met).toBe(false);
    expect(verdicts(two)).toEqual({ actorsDE: false, publicPrivateDE: true, actorsIT: true, publicPrivateIT: true });
    expect(ruleOf(two, "actorsDE")?.counts).toEqual({ actors: 2, public: 1, private: 1 });
  });

  it("requires three actors in Italy", () => {
    const two = [...fullDE, it_("Camera di Commercio Bolzano", "public", "chamber"), it_("Rossi Srl", "private")];
    expect(checkComposition(two).met).toBe(false);
    expect(verdicts(two)).toEqual({ actorsDE: true, publicPrivateDE: true, actorsIT: false, publicPrivateIT: true });
    expect(ruleOf(two, "actorsIT")?.counts).toEqual({ actors: 2, public: 1, private: 1 });
  });

  it("requires a public actor on the German side (all private fails)", () => {
    const allPrivateDE = [de("Müller GmbH", "private"), de("Schmidt KG", "private"), de("Weber AG", "private"), ...fullIT];
    expect(checkComposition(allPrivateDE).met).toBe(false);
    expect(verdicts(allPrivateDE)).toEqual({ actorsDE: true, publicPrivateDE: false, actorsIT: true, publicPrivateIT: true });
    expect(ruleOf(allPrivateDE, "publicPrivateDE")?.counts).toEqual({ actors: 3, public: 0, private: 3 });
  });

  it("requires a private actor on the Italian side (all public fails)", () => {
    const allPublicIT = [...fullDE, it_("Camera di Commercio", "public", "chamber"), it_("Istituto Tecnico", "public", "vocational_school"), it_("Regione Veneto", "public", "region")];
    expect(checkComposition(allPublicIT).met).toBe(false);
    expect(verdicts(allPublicIT)).toEqual({ actorsDE: true, publicPrivateDE: true, actorsIT: true, publicPrivateIT: false });
    expect(ruleOf(allPublicIT, "publicPrivateIT")?.counts).toEqual({ actors: 3, public: 3, private: 0 });
  });

  it("counts an organisation named by two groups once (same country, name case- and space-insensitive)", () => {
    const actors = [...fullDE.slice(0, 2), de("  ihk münchen ", "public", "chamber"), ...fullIT];
    // looks like three DE actors, is really two
    const check = checkComposition(actors);
    expect(check.met).toBe(false);
    expect(ruleOf(actors, "actorsDE")?.counts).toEqual({ actors: 2, public: 2, private: 0 });
    expect(check.actors.filter((a) => a.country === "DE").map((a) => a.name)).toEqual(["IHK München", "Berufsschule Nord"]);
    expect(check.actors).toHaveLength(5);
  });

  it("keeps same-named organisations of different countries apart", () => {
    const actors = [de("Euregio", "public", "region"), it_("EUREGIO", "public", "region")];
    expect(distinctActors(actors)).toHaveLength(2);
  });

  it("reports the counts of each side on both of its rules", () => {
    const actors = [...fullDE, ...fullIT, it_("Verdi Snc", "private", "crafts_business")];
    const check = checkComposition(actors);
    expect(check.met).toBe(true);
    for (const rule of ["actorsDE", "publicPrivateDE"] as const) expect(ruleOf(actors, rule)?.counts).toEqual({ actors: 3, public: 2, private: 1 });
    for (const rule of ["actorsIT", "publicPrivateIT"] as const) expect(ruleOf(actors, rule)?.counts).toEqual({ actors: 4, public: 1, private: 3 });
  });

  it("fails every rule for an empty partnership", () => {
    expect(verdicts([])).toEqual({ actorsDE: false, publicPrivateDE: false, actorsIT: false, publicPrivateIT: false });
  });
});
