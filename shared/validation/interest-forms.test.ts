/** The public expression-of-interest form: member rows, counts, keys, consent; and the queue's lenient address parameters. */
import { describe, expect, it } from "vitest";
import { INTEREST_ARRAY_FIELDS, interestForm, MAX_INTEREST_MEMBERS, parsePartnerSelection, parseQueueFilters } from "./interest-forms";

/**
 * Raw input as parseWith builds it from FormData: array fields as arrays (absent ones as []),
 * other fields as strings (absent ones left out). Member rows are the repeated member* fields.
 */
const valid: Record<string, unknown> = {
  groupName: "  Mechatronik-Verbund Oberbayern ",
  contactName: "Anna Huber",
  contactEmail: " Anna.Huber@Example.org ",
  contactPhone: "",
  locale: "de",
  occupationalField: "mechatronics",
  fieldDescription: "",
  scale: "regional",
  apprentices: "12",
  companies: "",
  jointProjects: "",
  motivation: " Wir möchten ",
  projectIdea: "Austausch",
  themes: ["digitalisation", "digitalisation", "skilledWorkers"],
  actionAreas: ["cooperation"],
  expectedValue: "",
  offeredValue: "",
  pastCooperation: "",
  fundedProjects: "",
  consent: "yes",
  introductions: "yes",
  memberName: [" IHK München ", "Müller GmbH", "", ""],
  memberType: ["chamber", "company", "company", "company"],
  memberSector: ["public", "private", "public", "public"],
  memberCity: ["München", "Rosenheim", "", ""],
  memberRegion: ["Bayern", "Bayern", "", ""],
  memberCountry: ["DE", "DE", "DE", "DE"],
};

/** The first message per field, the way parseWith reports errors. */
const issuesOf = (input: unknown) => {
  const result = interestForm.safeParse(input);
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  return errors;
};

const withRows = (rows: Array<[name: string, type: string, sector: string, city: string, region: string, country: string]>) => ({
  ...valid,
  memberName: rows.map((r) => r[0]),
  memberType: rows.map((r) => r[1]),
  memberSector: rows.map((r) => r[2]),
  memberCity: rows.map((r) => r[3]),
  memberRegion: rows.map((r) => r[4]),
  memberCountry: rows.map((r) => r[5]),
});

describe("interest form", () => {
  it("lists the array fields parseWith must read with getAll", () => {
    for (const field of ["themes", "actionAreas", "memberName", "memberType", "memberSector", "memberCity", "memberRegion", "memberCountry"]) {
      expect(INTEREST_ARRAY_FIELDS).toContain(field);
    }
    expect(INTEREST_ARRAY_FIELDS).not.toContain("consent");
  });

  it("parses a complete form with two members, trimming and de-duplicating", () => {
    const result = interestForm.parse(valid);
    expect(result.members).toEqual([
      { name: "IHK München", type: "chamber", sector: "public", city: "München", region: "Bayern", country: "DE" },
      { name: "Müller GmbH", type: "company", sector: "private", city: "Rosenheim", region: "Bayern", country: "DE" },
    ]);
    expect(result.introductions).toBe(true);
    expect(result).toMatchObject({
      groupName: "Mechatronik-Verbund Oberbayern",
      contactEmail: "anna.huber@example.org",
      motivation: "Wir möchten",
      occupationalField: "mechatronics",
      scale: "regional",
      apprentices: 12,
      companies: null,
      themes: ["digitalisation", "skilledWorkers"],
      actionAreas: ["cooperation"],
      consent: "yes",
    });
    expect(result).not.toHaveProperty("memberName");
  });

  it("reads introductions as false when the box is unticked or left out", () => {
    expect(interestForm.parse({ ...valid, introductions: "" }).introductions).toBe(false);
    const { introductions: _omitted, ...without } = valid;
    expect(interestForm.parse(without).introductions).toBe(false);
    expect(issuesOf({ ...valid, introductions: "maybe" })).toHaveProperty("introductions");
  });

  it("skips empty member rows, even with type, sector and country preset", () => {
    const result = interestForm.parse(
      withRows([
        ["", "company", "private", "", "", "IT"],
        ["IHK München", "chamber", "public", "München", "Bayern", "DE"],
        ["  ", "company", "private", " ", "", "DE"],
        ["Rossi Srl", "company", "private", "Bolzano", "Alto Adige", "IT"],
      ]),
    );
    expect(result.members.map((m) => m.name)).toEqual(["IHK München", "Rossi Srl"]);
  });

  it("names a half-filled member row", () => {
    const rows: Array<[string, string, string, string, string, string]> = [
      ["IHK München", "chamber", "public", "München", "Bayern", "DE"],
      ["Müller GmbH", "company", "private", "Rosenheim", "Bayern", "DE"],
    ];
    expect(issuesOf(withRows([...rows, ["Rossi Srl", "company", "private", "", "Alto Adige", "IT"]]))).toEqual({ members: "intake:errors.memberIncomplete" });
    expect(issuesOf(withRows([...rows, ["", "company", "private", "Bolzano", "", "IT"]]))).toEqual({ members: "intake:errors.memberIncomplete" });
    // all text given, but a key that is not one
    expect(issuesOf(withRows([...rows, ["Rossi Srl", "bakery", "private", "Bolzano", "Alto Adige", "IT"]]))).toEqual({ members: "intake:errors.memberIncomplete" });
    expect(issuesOf(withRows([...rows, ["Rossi Srl", "company", "private", "Bolzano", "Alto Adige", "FR"]]))).toEqual({ members: "intake:errors.memberIncomplete" });
    const issue = interestForm.safeParse(withRows([...rows, ["Rossi Srl", "company", "", "Bolzano", "Alto Adige", "IT"]]));
    expect(issue.success).toBe(false);
    expect(issue.error?.issues.map((i) => [i.path, i.message])).toEqual([[["members"], "intake:errors.memberIncomplete"]]);
  });

  it("requires two members", () => {
    expect(issuesOf(withRows([["IHK München", "chamber", "public", "München", "Bayern", "DE"], ["", "company", "public", "", "", "DE"]]))).toEqual({
      members: "intake:errors.tooFewMembers",
    });
    expect(issuesOf(withRows([]))).toEqual({ members: "intake:errors.tooFewMembers" });
  });

  it("refuses more members than allowed", () => {
    const rows = Array.from({ length: MAX_INTEREST_MEMBERS + 1 }, (_, i): [string, string, string, string, string, string] => [`Firma ${i}`, "company", "private", "Stadt", "Region", "DE"]);
    expect(issuesOf(withRows(rows))).toEqual({ members: "intake:errors.tooManyMembers" });
    expect(interestForm.parse(withRows(rows.slice(0, MAX_INTEREST_MEMBERS))).members).toHaveLength(MAX_INTEREST_MEMBERS);
  });

  it("requires consent", () => {
    const { consent: _omitted, ...without } = valid;
    expect(issuesOf(without)).toEqual({ consent: "intake:errors.consentRequired" });
    expect(issuesOf({ ...valid, consent: "" })).toEqual({ consent: "intake:errors.consentRequired" });
    expect(issuesOf({ ...valid, consent: "no" })).toEqual({ consent: "intake:errors.consentRequired" });
  });

  it("asks to describe an occupational field the call does not list", () => {
    expect(issuesOf({ ...valid, occupationalField: "other", fieldDescription: "" })).toEqual({ fieldDescription: "intake:errors.describeOtherField" });
    expect(issuesOf({ ...valid, occupationalField: "other", fieldDescription: "   " })).toEqual({ fieldDescription: "intake:errors.describeOtherField" });
    expect(interestForm.parse({ ...valid, occupationalField: "other", fieldDescription: " Orgelbau " }).fieldDescription).toBe("Orgelbau");
    expect(issuesOf({ ...valid, occupationalField: "astrology" })).toEqual({ occupationalField: "validation.choice" });
  });

  it("reads counts: a whole number, empty as not said, anything else refused", () => {
    expect(interestForm.parse({ ...valid, apprentices: "12" }).apprentices).toBe(12);
    expect(interestForm.parse({ ...valid, apprentices: " 7 " }).apprentices).toBe(7);
    expect(interestForm.parse({ ...valid, apprentices: "" }).apprentices).toBeNull();
    const { apprentices: _omitted, ...without } = valid;
    expect(interestForm.parse(without).apprentices).toBeNull();
    for (const bad of ["abc", "-3", "1.5", "1e3", "1234567"]) expect(Object.keys(issuesOf({ ...valid, apprentices: bad })), bad).toEqual(["apprentices"]);
    expect(Object.keys(issuesOf({ ...valid, companies: "abc" }))).toEqual(["companies"]);
  });

  // Failed before the fix: with the number conversion inside a union branch, zod reported a bare
  // "Invalid input" (no translation key) instead of the pattern's message.
  it("names a refused count with intake:errors.count", () => {
    expect(issuesOf({ ...valid, apprentices: "abc" })).toEqual({ apprentices: "intake:errors.count" });
    expect(issuesOf({ ...valid, companies: "abc" })).toEqual({ companies: "intake:errors.count" });
  });

  it("refuses unknown theme and action area keys", () => {
    expect(issuesOf({ ...valid, themes: ["digitalisation", "astrology"] })).toEqual({ themes: "validation.choice" });
    expect(issuesOf({ ...valid, actionAreas: ["cooperation", "nope"] })).toEqual({ actionAreas: "validation.choice" });
    expect(interestForm.parse({ ...valid, themes: [] }).themes).toEqual([]);
  });

  it("requires an action area", () => {
    expect(issuesOf({ ...valid, actionAreas: [] })).toEqual({ actionAreas: "intake:errors.actionAreaRequired" });
  });

  it("requires the group, contact, motivation and idea", () => {
    expect(issuesOf({ ...valid, groupName: " ", contactEmail: "not-an-address", motivation: "", projectIdea: "  " })).toEqual({
      groupName: "validation.required",
      contactEmail: "validation.email",
      motivation: "validation.required",
      projectIdea: "validation.required",
    });
  });
});

describe("parsePartnerSelection", () => {
  it("keeps valid, distinct ids of groups and organisations", () => {
    const params = new URLSearchParams("group=g1&group=g_2&group=g1&organisation=org-1&group=../x&organisation=&organisation=a%20b&with=g9");
    expect(parsePartnerSelection(params)).toEqual({ groups: ["g1", "g_2"], organisations: ["org-1"] });
  });

  it("is empty without parameters and caps the number of ids", () => {
    expect(parsePartnerSelection(new URLSearchParams())).toEqual({ groups: [], organisations: [] });
    const many = new URLSearchParams(Array.from({ length: MAX_INTEREST_MEMBERS + 5 }, (_, i) => ["group", `g${i}`]));
    expect(parsePartnerSelection(many).groups).toHaveLength(MAX_INTEREST_MEMBERS);
    expect(parsePartnerSelection(new URLSearchParams(`group=${"a".repeat(65)}`)).groups).toEqual([]);
  });
});

describe("parseQueueFilters", () => {
  it("reads a known status and country", () => {
    expect(parseQueueFilters(new URLSearchParams("status=looking_for_partners&country=IT"))).toEqual({ status: "looking_for_partners", country: "IT" });
  });

  it("treats unknown or missing values as no filter", () => {
    expect(parseQueueFilters(new URLSearchParams("status=deleted&country=FR"))).toEqual({ status: null, country: null });
    expect(parseQueueFilters(new URLSearchParams("status=&country=de"))).toEqual({ status: null, country: null });
    expect(parseQueueFilters(new URLSearchParams())).toEqual({ status: null, country: null });
  });
});
