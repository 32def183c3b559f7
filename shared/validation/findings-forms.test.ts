/** The finding form's rules: taxonomy keys, at least one action area, web links http(s) only, lenient list filters. */
import { describe, expect, it } from "vitest";
import { FINDING_ARRAY_FIELDS, findingForm, isWebUrl, parseFindingFilters } from "./findings-forms";
import { citationsForm, CITATION_ARRAY_FIELDS } from "./recommendation-forms";
import { MAX_CITATIONS, MAX_EVIDENCE_PER_KIND } from "./limits";

const valid = {
  networkId: "demo-net-green",
  title: "  Titel  ",
  body: "Text",
  actionAreas: ["cooperation", "cooperation"],
  occupationalFields: [],
  themes: ["digitalisation"],
  country: "IT",
  goodPractices: [],
  findings: [],
  webUrl: ["https://example.org/a", "", "  "],
  webLabel: ["Beispiel", "", ""],
};

const issuesOf = (input: unknown) => {
  const result = findingForm.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [String(i.path[0]), i.message]));
};

describe("finding form", () => {
  it("accepts a valid form, trims, de-duplicates and skips empty link rows", () => {
    const result = findingForm.parse(valid);
    expect(result).toEqual({
      networkId: "demo-net-green",
      title: "Titel",
      body: "Text",
      actionAreas: ["cooperation"],
      occupationalFields: [],
      themes: ["digitalisation"],
      country: "IT",
      goodPractices: [],
      findings: [],
      libraryDocuments: [],
      webLinks: [{ url: "https://example.org/a", label: "Beispiel" }],
    });
  });

  it("reads cited library documents: de-duplicated ids, none when the field is left out", () => {
    expect(findingForm.parse({ ...valid, libraryDocuments: ["file-1", "file-2", "file-1"] }).libraryDocuments).toEqual(["file-1", "file-2"]);
    expect(findingForm.parse(valid).libraryDocuments).toEqual([]);
    expect(FINDING_ARRAY_FIELDS).toContain("libraryDocuments");
  });

  it("refuses library document ids that cannot be ids, and too many of them", () => {
    expect(issuesOf({ ...valid, libraryDocuments: ["../etc/passwd"] })).toEqual({ libraryDocuments: "validation.choice" });
    expect(issuesOf({ ...valid, libraryDocuments: [""] })).toEqual({ libraryDocuments: expect.any(String) });
    expect(issuesOf({ ...valid, libraryDocuments: "file-1" })).toEqual({ libraryDocuments: expect.any(String) });
    const tooMany = Array.from({ length: MAX_EVIDENCE_PER_KIND + 1 }, (_, i) => `file-${i}`);
    expect(issuesOf({ ...valid, libraryDocuments: tooMany })).toEqual({ libraryDocuments: "commons:findings.errors.tooMuchEvidence" });
  });

  it("reports every problem at once: no action area, unknown keys, bad links", () => {
    expect(issuesOf({ ...valid, actionAreas: [], themes: ["nope"], country: "FR", webUrl: ["javascript:alert(1)"], webLabel: [""] })).toEqual({
      actionAreas: "commons:findings.errors.actionAreaRequired",
      themes: "validation.choice",
      country: "validation.choice",
      webUrl: "commons:findings.errors.webUrl",
    });
    expect(issuesOf({ ...valid, webUrl: [""], webLabel: ["Text ohne Adresse"] })).toEqual({ webUrl: "commons:findings.errors.webUrl" });
    expect(issuesOf({ ...valid, title: "", body: "   " })).toEqual({ title: "validation.required", body: "validation.required" });
  });

  it("accepts only http and https addresses of bounded length", () => {
    expect(isWebUrl("https://www.bibb.de/")).toBe(true);
    expect(isWebUrl("http://example.org")).toBe(true);
    for (const bad of ["javascript:alert(1)", "data:text/html,x", "ftp://example.org", "//example.org", "https://", `https://example.org/${"a".repeat(2000)}`]) {
      expect(isWebUrl(bad), bad).toBe(false);
    }
  });
});

describe("recommendation citation form", () => {
  it("reads library documents next to findings and good practice; a form without them cites none", () => {
    expect(citationsForm.parse({ findings: ["f1"], goodPractices: [], libraryDocuments: ["doc-1"] })).toEqual({ findings: ["f1"], goodPractices: [], libraryDocuments: ["doc-1"] });
    expect(citationsForm.parse({ findings: [], goodPractices: ["gp"] })).toEqual({ findings: [], goodPractices: ["gp"], libraryDocuments: [] });
    expect(CITATION_ARRAY_FIELDS).toEqual(["findings", "goodPractices", "libraryDocuments"]);
  });

  it("refuses malformed or too many library document ids", () => {
    expect(citationsForm.safeParse({ findings: [], goodPractices: [], libraryDocuments: ["a b"] }).success).toBe(false);
    const tooMany = Array.from({ length: MAX_CITATIONS + 1 }, (_, i) => `doc-${i}`);
    expect(citationsForm.safeParse({ findings: [], goodPractices: [], libraryDocuments: tooMany }).success).toBe(false);
  });
});

describe("finding filters", () => {
  it("ignores unknown values instead of failing", () => {
    expect(parseFindingFilters(new URLSearchParams("actionArea=cooperation&field=x&theme=%27&country=DE&network=a%20b&sort=loud"))).toEqual({
      actionArea: "cooperation",
      field: null,
      theme: null,
      country: "DE",
      network: null,
      sort: "newest",
    });
    expect(parseFindingFilters(new URLSearchParams("sort=discussed&network=demo-net-green")).sort).toBe("discussed");
  });
});
