/**
 * Forms and list filters of findings in the network of networks. Shapes, sizes and taxonomy
 * keys are checked here; whether the caller may post for that network, and whether cited
 * good-practice entries, findings and library documents exist and may be cited, are the domain's decisions
 * (server/domain/commons/findings.ts). Messages are translation keys.
 */
import { z } from "zod";
import { FINDING_COUNTRIES, MAX_FINDING_BODY, MAX_URL_LENGTH, MAX_LINK_LABEL, MAX_EVIDENCE_PER_KIND, MAX_WEB_LINKS, MAX_REASON, FINDING_SORTS, MAX_COMMENT } from "./limits";
import { ACTION_AREAS, OCCUPATIONAL_FIELDS, THEMES } from "../taxonomy";
import { choice, shortText } from "./fields";

export type FindingCountry = (typeof FINDING_COUNTRIES)[number];

const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, "validation.choice");
const unique = <T>(values: T[]) => [...new Set(values)];

/** A checkbox group of taxonomy keys; an unknown key is a tampered form, refused. */
const keys = <T extends readonly [string, ...string[]]>(values: T) => z.array(choice(values)).max(values.length * 2).transform(unique);

/** http(s) only: a finding's links are followed by readers, never `javascript:` or `data:`. */
export function isWebUrl(value: string): boolean {
  if (value.length > MAX_URL_LENGTH) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
  } catch {
    return false;
  }
}

export interface WebLinkInput {
  url: string;
  label: string;
}

/**
 * The link rows of the form (`webUrl` and `webLabel`, repeated in order). Empty rows are
 * skipped; a label without an address is a mistake worth telling about.
 */
const webLinks = z
  .object({ webUrl: z.array(z.string().max(MAX_URL_LENGTH * 2)).max(MAX_WEB_LINKS * 2), webLabel: z.array(z.string().max(MAX_LINK_LABEL * 4)).max(MAX_WEB_LINKS * 2) })
  .transform(({ webUrl, webLabel }, ctx): WebLinkInput[] => {
    const links: WebLinkInput[] = [];
    for (let i = 0; i < Math.max(webUrl.length, webLabel.length); i++) {
      const url = (webUrl[i] ?? "").trim();
      const label = (webLabel[i] ?? "").trim();
      if (!url && !label) continue;
      if (!isWebUrl(url)) ctx.addIssue({ code: "custom", path: ["webUrl"], message: "commons:findings.errors.webUrl" });
      else if (label.length > MAX_LINK_LABEL) ctx.addIssue({ code: "custom", path: ["webUrl"], message: "commons:findings.errors.webLabel" });
      else links.push({ url, label });
    }
    if (links.length > MAX_WEB_LINKS) ctx.addIssue({ code: "custom", path: ["webUrl"], message: "commons:findings.errors.tooManyLinks" });
    return links;
  });

const body = z
  .string({ required_error: "validation.required", invalid_type_error: "validation.required" })
  .transform((v) => v.trim())
  .pipe(z.string().min(1, "validation.required").max(MAX_FINDING_BODY, "validation.tooLong"));

/** Fields that name several values (checkboxes, link rows): parseWith reads them with getAll. */
export const FINDING_ARRAY_FIELDS = ["actionAreas", "occupationalFields", "themes", "goodPractices", "findings", "libraryDocuments", "webUrl", "webLabel"];

export const findingForm = z
  .object({
    networkId: id,
    title: shortText,
    body,
    actionAreas: keys(ACTION_AREAS).pipe(z.array(z.string()).min(1, "commons:findings.errors.actionAreaRequired")),
    occupationalFields: keys(OCCUPATIONAL_FIELDS),
    themes: keys(THEMES),
    country: choice(FINDING_COUNTRIES),
    goodPractices: z.array(id).max(MAX_EVIDENCE_PER_KIND, "commons:findings.errors.tooMuchEvidence").transform(unique),
    findings: z.array(id).max(MAX_EVIDENCE_PER_KIND, "commons:findings.errors.tooMuchEvidence").transform(unique),
    /** Files of the commons library (ids); a form without the field cites none. */
    libraryDocuments: z.array(id).max(MAX_EVIDENCE_PER_KIND, "commons:findings.errors.tooMuchEvidence").transform(unique).default([]),
    webUrl: z.array(z.string()),
    webLabel: z.array(z.string()),
  })
  .and(webLinks.transform((links) => ({ webLinks: links })))
  .transform(({ webUrl: _u, webLabel: _l, ...rest }) => rest);

export type FindingFormData = z.infer<typeof findingForm>;

export type FindingSort = (typeof FINDING_SORTS)[number];

/** A filter value from the address: anything unknown means "no filter", never an error page. */
const lenient = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .unknown()
    .transform((v) => (typeof v === "string" && (values as readonly string[]).includes(v) ? (v as T[number]) : null));

export const findingFilters = z.object({
  actionArea: lenient(ACTION_AREAS),
  field: lenient(OCCUPATIONAL_FIELDS),
  theme: lenient(THEMES),
  country: lenient(FINDING_COUNTRIES),
  network: z.unknown().transform((v) => (typeof v === "string" && /^[A-Za-z0-9_-]{1,64}$/.test(v) ? v : null)),
  sort: lenient(FINDING_SORTS).transform((v) => v ?? "newest"),
});

export type FindingFilters = z.infer<typeof findingFilters>;

export function parseFindingFilters(params: URLSearchParams): FindingFilters {
  return findingFilters.parse({
    actionArea: params.get("actionArea"),
    field: params.get("field"),
    theme: params.get("theme"),
    country: params.get("country"),
    network: params.get("network"),
    sort: params.get("sort"),
  });
}

const reason = z
  .string({ required_error: "validation.required", invalid_type_error: "validation.required" })
  .transform((v) => v.trim())
  .pipe(z.string().min(1, "validation.required").max(MAX_REASON, "validation.tooLong"));

/** The discussion's forms (a new thread, a reply) and the moderators' forms on a finding page. */
const commentBody = z
  .string({ required_error: "validation.required", invalid_type_error: "validation.required" })
  .transform((v) => v.trim())
  .pipe(z.string().min(1, "validation.required").max(MAX_COMMENT, "validation.tooLong"));
const mentions = z.array(id).max(50).transform(unique);

export const findingPageForms = {
  comment: z.object({ body: commentBody, mentions }),
  reply: z.object({ threadId: id, body: commentBody, mentions }),
  deleteComment: z.object({ commentId: id }),
  pin: z.object({}),
  unpin: z.object({}),
  closeDiscussion: z.object({ reason }),
  reopenDiscussion: z.object({}),
  hideComment: z.object({ commentId: id, reason }),
} as const;

export type FindingPageIntent = keyof typeof findingPageForms;

export const isFindingPageIntent = (value: unknown): value is FindingPageIntent => typeof value === "string" && Object.hasOwn(findingPageForms, value);
