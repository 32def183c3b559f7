/**
 * The public expression-of-interest form (the four parts of the call) and the project team's
 * forms on a submission. Shapes, sizes and keys are checked here; spam defences (honeypot,
 * fill time, rate limits) and who may do what are the domain's (server/domain/intake/).
 * Messages are translation keys: common validation.* or intake:errors.*.
 */
import { z } from "zod";
import { COUNTRIES, ORGANISATION_TYPES, SECTORS, type Country, type OrganisationType, type Sector } from "../roles";
import { ACTION_AREAS, THEMES } from "../taxonomy";
import { EXPERIENCE_SCALES, INTEREST_FIELDS, INTEREST_STATUSES } from "../intake/vocabulary";
import { choice, email, locale, name, optionalText, shortText } from "./fields";
import { MAX_INTEREST_MEMBERS, MAX_INTEREST_NOTE, MAX_INTEREST_TEXT, MIN_INTEREST_MEMBERS } from "./limits";

export { HONEYPOT_FIELD, INTEREST_MEMBER_ROWS, MAX_INTEREST_MEMBERS, MAX_INTEREST_NOTE, MAX_INTEREST_TEXT, MIN_INTEREST_MEMBERS, STAMP_FIELD } from "./limits";

export { INTEREST_FIELDS } from "../intake/vocabulary";

export interface InterestMemberInput {
  name: string;
  type: OrganisationType;
  sector: Sector;
  city: string;
  region: string;
  country: Country;
}

const unique = <T>(values: T[]) => [...new Set(values)];
const keys = <T extends readonly [string, ...string[]]>(values: T) => z.array(choice(values)).max(values.length * 2).transform(unique);
const text = optionalText(MAX_INTEREST_TEXT);
const requiredText = z
  .string({ required_error: "validation.required", invalid_type_error: "validation.required" })
  .transform((v) => v.trim())
  .pipe(z.string().min(1, "validation.required").max(MAX_INTEREST_TEXT, "validation.tooLong"));
/** A count the group may not know: empty is "not said", anything else a whole number. */
const count = z
  .string({ invalid_type_error: "validation.required" })
  .optional()
  .transform((v) => (v ?? "").trim())
  .pipe(z.string().regex(/^(\d{1,6})?$/, "intake:errors.count"))
  .transform((v) => (v === "" ? null : Number(v)));

const row = (max: number) => z.array(z.string().max(max * 4)).max(MAX_INTEREST_MEMBERS * 2);

/** The member rows (`memberName`, `memberType`, … repeated in order). Rows left empty are skipped; a half-filled row is named. */
const members = z
  .object({
    memberName: row(200),
    memberType: row(40),
    memberSector: row(20),
    memberCity: row(120),
    memberRegion: row(120),
    memberCountry: row(4),
  })
  .transform((rows, ctx): InterestMemberInput[] => {
    const out: InterestMemberInput[] = [];
    const length = Math.max(...Object.values(rows).map((r) => r.length));
    for (let i = 0; i < length; i++) {
      const name = (rows.memberName[i] ?? "").trim();
      const city = (rows.memberCity[i] ?? "").trim();
      const region = (rows.memberRegion[i] ?? "").trim();
      const type = rows.memberType[i] ?? "";
      const sector = rows.memberSector[i] ?? "";
      const country = rows.memberCountry[i] ?? "";
      if (!name && !city && !region) continue;
      const complete =
        name.length > 0 &&
        city.length > 0 &&
        region.length > 0 &&
        (ORGANISATION_TYPES as readonly string[]).includes(type) &&
        (SECTORS as readonly string[]).includes(sector) &&
        (COUNTRIES as readonly string[]).includes(country);
      if (!complete) {
        ctx.addIssue({ code: "custom", path: ["members"], message: "intake:errors.memberIncomplete" });
        continue;
      }
      if (name.length > 200 || city.length > 120 || region.length > 120) {
        ctx.addIssue({ code: "custom", path: ["members"], message: "validation.tooLong" });
        continue;
      }
      out.push({ name, city, region, type: type as OrganisationType, sector: sector as Sector, country: country as Country });
    }
    if (out.length < MIN_INTEREST_MEMBERS) ctx.addIssue({ code: "custom", path: ["members"], message: "intake:errors.tooFewMembers" });
    if (out.length > MAX_INTEREST_MEMBERS) ctx.addIssue({ code: "custom", path: ["members"], message: "intake:errors.tooManyMembers" });
    return out;
  });

/** Fields that name several values (checkboxes, member rows): parseWith reads them with getAll. */
export const INTEREST_ARRAY_FIELDS = ["themes", "actionAreas", "memberName", "memberType", "memberSector", "memberCity", "memberRegion", "memberCountry"];

export const interestForm = z
  .object({
    // (a) the group
    groupName: shortText,
    contactName: name,
    contactEmail: email,
    contactPhone: optionalText(40),
    locale,
    occupationalField: choice(INTEREST_FIELDS),
    fieldDescription: text,
    // (b) experience
    scale: choice(EXPERIENCE_SCALES),
    apprentices: count,
    companies: count,
    jointProjects: text,
    // (c) motivation and idea
    motivation: requiredText,
    projectIdea: requiredText,
    themes: keys(THEMES),
    actionAreas: keys(ACTION_AREAS).pipe(z.array(z.string()).min(1, "intake:errors.actionAreaRequired")),
    expectedValue: text,
    offeredValue: text,
    // (d) German–Italian links so far
    pastCooperation: text,
    fundedProjects: text,
    consent: z.literal("yes", { errorMap: () => ({ message: "intake:errors.consentRequired" }) }),
    introductions: z
      .union([z.literal("yes"), z.literal(""), z.undefined(), z.null()])
      .transform((v) => v === "yes"),
  })
  .and(members.transform((list) => ({ members: list })))
  .superRefine((v, ctx) => {
    if (v.occupationalField === "other" && !v.fieldDescription) {
      ctx.addIssue({ code: "custom", path: ["fieldDescription"], message: "intake:errors.describeOtherField" });
    }
  });

export type InterestFormData = z.infer<typeof interestForm>;

const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, "validation.choice");
const note = z
  .string({ required_error: "validation.required", invalid_type_error: "validation.required" })
  .transform((v) => v.trim())
  .pipe(z.string().min(1, "validation.required").max(MAX_INTEREST_NOTE, "validation.tooLong"));

/** The project team's forms on a submission's page. */
export const intakeForms = {
  status: z.object({ status: choice(INTEREST_STATUSES), message: optionalText(MAX_INTEREST_NOTE) }),
  note: z.object({ kind: choice(["note", "contact"] as const), body: note }),
  introduce: z.object({ partnerId: id }),
} as const;
export type IntakeIntent = keyof typeof intakeForms;
export const isIntakeIntent = (value: unknown): value is IntakeIntent => typeof value === "string" && Object.hasOwn(intakeForms, value);

/** Partners proposed for the composition check (`with`, repeated): ids of groups and organisations, from the address. */
export function parsePartnerSelection(params: URLSearchParams): { groups: string[]; organisations: string[] } {
  const valid = (v: string) => /^[A-Za-z0-9_-]{1,64}$/.test(v);
  return {
    groups: unique(params.getAll("group").filter(valid)).slice(0, MAX_INTEREST_MEMBERS),
    organisations: unique(params.getAll("organisation").filter(valid)).slice(0, MAX_INTEREST_MEMBERS),
  };
}

/** Queue filters from the address: anything unknown means "no filter", never an error page. */
export function parseQueueFilters(params: URLSearchParams): { status: (typeof INTEREST_STATUSES)[number] | null; country: Country | null } {
  const status = params.get("status");
  const country = params.get("country");
  return {
    status: (INTEREST_STATUSES as readonly string[]).includes(status ?? "") ? (status as (typeof INTEREST_STATUSES)[number]) : null,
    country: (COUNTRIES as readonly string[]).includes(country ?? "") ? (country as Country) : null,
  };
}
