/**
 * Findings (Erkenntnisse / risultati) in the network of networks: a member posts what their
 * network has learned, on behalf of that network (`commons.contribute` with its id), tagged
 * with the call's taxonomy and backed by evidence. Findings are commons content: everyone who
 * sees the commons reads them. A finding cites only what its author may see: published
 * good-practice entries, other findings, files of the commons library (library-citations.ts)
 * and web pages (http/https).
 *
 * Discussion and moderation: findings-discussion.ts, findings-moderation.ts.
 */
import type { Services } from "#server/services";
import { can, type Actor } from "#shared/policy";
import { ACTION_AREAS, OCCUPATIONAL_FIELDS, THEMES } from "#shared/taxonomy";
import { isWebUrl, type FindingCountry, type FindingFilters, type WebLinkInput } from "#shared/validation/findings-forms";
import { FINDING_COUNTRIES, MAX_EVIDENCE_PER_KIND, MAX_FINDING_BODY, MAX_LINK_LABEL, MAX_WEB_LINKS } from "#shared/validation/limits";
import { docNameOf } from "#shared/collab/doc-names";
import type { FindingEvidence } from "#db/schema";
import {
  citingRecommendations,
  citingRecommendationsOfFindings,
  countFindings,
  evidenceOf,
  findFinding,
  findingTitles,
  insertFinding,
  listFindingChoices,
  listFindings,
  replaceEvidence,
  updateFindingRow,
} from "#db/queries/findings";
import { goodPracticesByIds, publishedGoodPracticeIds } from "#db/queries/good-practices";
import { listNetworks } from "#db/queries/networks";
import type { DocumentRef } from "../comments/comments";
import { newId } from "../auth/tokens";
import { nowIso } from "#shared/time";
import { citableGoodPractices, maySeeGoodPractice } from "./good-practices";
import { citableLibraryDocuments, liveLibraryDocuments, mayCiteLibraryDocuments, readsCommonsLibrary } from "./library-citations";
import { normaliseSimpleRichText, presentEvidence, presentFinding, presentFindingSummary, type EvidenceView, type FindingSummary, type FindingView } from "./findings-presenter";

export const FINDING_DOC_TYPE = "finding";
export const findingDocName = (id: string) => docNameOf(FINDING_DOC_TYPE, id);
export const findingPath = (id: string) => `/network-of-networks/findings/${id}`;

export interface FindingInput {
  networkId: string;
  title: string;
  /** Simple rich text: paragraphs separated by blank lines, "- " bullet lines. */
  body: string;
  actionAreas: string[];
  occupationalFields: string[];
  themes: string[];
  country: FindingCountry;
  goodPractices: string[];
  findings: string[];
  /** Files of the commons library (their ids); none when left out. */
  libraryDocuments?: string[];
  webLinks: WebLinkInput[];
}

export type FindingError = "forbidden" | "notFound" | "invalid" | "goodPracticeNotCitable" | "findingNotCitable" | "libraryDocumentNotCitable" | "invalidLink";
export type FindingResult = { ok: true; id: string } | { ok: false; error: FindingError };

type FindingRow = NonNullable<Awaited<ReturnType<typeof findFinding>>>;

/** The comment system's view of a finding: a document of the commons that is always open. */
export function findingRef(finding: { id: string; title: string }): DocumentRef {
  return { docName: findingDocName(finding.id), owner: { kind: "commons" }, state: "open", title: finding.title, path: findingPath(finding.id) };
}

/**
 * Authors edit their own finding while they still belong to the network it speaks for.
 * (`finding.edit` in shared/policy.ts).
 */
export function mayEditFinding(actor: Actor, finding: { author_id: string | null; network_id: string }): boolean {
  return can(actor, { type: "finding.edit", authorId: finding.author_id, networkId: finding.network_id });
}

const within = (values: string[], allowed: readonly string[]) => values.every((v) => allowed.includes(v));

/** The form's rules again: the seed and tests call the domain directly. */
function validInput(input: FindingInput): boolean {
  return (
    input.title.trim().length > 0 &&
    input.title.trim().length <= 200 &&
    input.body.trim().length > 0 &&
    input.body.length <= MAX_FINDING_BODY &&
    input.actionAreas.length > 0 &&
    within(input.actionAreas, ACTION_AREAS) &&
    within(input.occupationalFields, OCCUPATIONAL_FIELDS) &&
    within(input.themes, THEMES) &&
    (FINDING_COUNTRIES as readonly string[]).includes(input.country) &&
    input.goodPractices.length <= MAX_EVIDENCE_PER_KIND &&
    input.findings.length <= MAX_EVIDENCE_PER_KIND &&
    (input.libraryDocuments ?? []).length <= MAX_EVIDENCE_PER_KIND &&
    input.webLinks.length <= MAX_WEB_LINKS
  );
}

/**
 * The evidence rows, or why they cannot be stored: every good-practice entry must be
 * published (what everyone may see), every finding must exist (and not be the finding
 * itself), every library document must be a live file of the commons library (never a
 * network's file), every link http(s).
 */
async function evidenceRows(services: Services, actor: Actor, findingId: string, input: FindingInput): Promise<{ ok: true; rows: FindingEvidence[] } | { ok: false; error: FindingError }> {
  const goodPractices = [...new Set(input.goodPractices)];
  const findings = [...new Set(input.findings)];
  const libraryDocuments = [...new Set(input.libraryDocuments ?? [])];
  const published = new Set(await publishedGoodPracticeIds(services.db, goodPractices));
  if (goodPractices.some((id) => !published.has(id))) return { ok: false, error: "goodPracticeNotCitable" };
  const existing = new Set((await findingTitles(services.db, findings)).map((f) => f.id));
  if (findings.some((id) => id === findingId || !existing.has(id))) return { ok: false, error: "findingNotCitable" };
  if (!(await mayCiteLibraryDocuments(services, actor, libraryDocuments))) return { ok: false, error: "libraryDocumentNotCitable" };
  if (input.webLinks.some((l) => !isWebUrl(l.url) || l.label.length > MAX_LINK_LABEL)) return { ok: false, error: "invalidLink" };
  const rows: FindingEvidence[] = [];
  const add = (row: Omit<FindingEvidence, "finding_id" | "position">) => rows.push({ finding_id: findingId, position: rows.length, ...row });
  for (const id of goodPractices) add({ kind: "goodPractice", target_id: id, url: null, label: null });
  for (const id of findings) add({ kind: "finding", target_id: id, url: null, label: null });
  for (const id of libraryDocuments) add({ kind: "libraryDocument", target_id: id, url: null, label: null });
  for (const link of input.webLinks) add({ kind: "web", target_id: null, url: link.url, label: link.label.trim() || null });
  return { ok: true, rows };
}

const contentColumns = (input: FindingInput) => ({
  title: input.title.trim(),
  body: normaliseSimpleRichText(input.body),
  action_areas: JSON.stringify([...new Set(input.actionAreas)]),
  occupational_fields: JSON.stringify([...new Set(input.occupationalFields)]),
  themes: JSON.stringify([...new Set(input.themes)]),
  country: input.country,
});

export async function postFinding(services: Services, actor: Actor, input: FindingInput): Promise<FindingResult> {
  if (!can(actor, { type: "commons.contribute", networkId: input.networkId })) return { ok: false, error: "forbidden" };
  if (!validInput(input)) return { ok: false, error: "invalid" };
  const id = newId();
  const evidence = await evidenceRows(services, actor, id, input);
  if (!evidence.ok) return evidence;
  const at = nowIso();
  await services.db.transaction().execute(async (trx) => {
    await insertFinding(
      trx,
      {
        id,
        network_id: input.networkId,
        author_id: actor.userId,
        ...contentColumns(input),
        pinned_at: null,
        pinned_by: null,
        discussion_closed_at: null,
        discussion_closed_by: null,
        discussion_close_reason: null,
        created_at: at,
        updated_at: at,
      },
      evidence.rows,
    );
  });
  return { ok: true, id };
}

/** The author changes the text, tags and evidence; the network it speaks for stays. */
export async function editFinding(services: Services, actor: Actor, id: string, input: Omit<FindingInput, "networkId">): Promise<FindingResult> {
  const finding = await findFinding(services.db, id);
  if (!finding || !can(actor, { type: "networkOfNetworks.view" })) return { ok: false, error: "notFound" };
  if (!mayEditFinding(actor, finding)) return { ok: false, error: "forbidden" };
  const full = { ...input, networkId: finding.network_id };
  if (!validInput(full)) return { ok: false, error: "invalid" };
  const evidence = await evidenceRows(services, actor, id, full);
  if (!evidence.ok) return evidence;
  await services.db.transaction().execute(async (trx) => {
    await updateFindingRow(trx, id, { ...contentColumns(full), updated_at: nowIso() });
    await replaceEvidence(trx, id, evidence.rows);
  });
  return { ok: true, id };
}

/** A finding as stored, for routes that check ids from the address (null: unknown or not in the commons for this caller). */
export async function findingFor(services: Services, actor: Actor, id: string): Promise<FindingRow | null> {
  if (!can(actor, { type: "networkOfNetworks.view" })) return null;
  return (await findFinding(services.db, id)) ?? null;
}

export const FINDINGS_PAGE_SIZE = 25;

export interface FindingList {
  findings: FindingSummary[];
  page: number;
  hasOlder: boolean;
  hasNewer: boolean;
  /** Whether there is any finding at all (an empty filter result is not an empty commons). */
  anyFinding: boolean;
  /** Networks to filter by: the participating networks' names are public in the commons. */
  networks: Array<{ id: string; name: string }>;
  /** The caller's networks they may post for ("post a finding" is offered when not empty). */
  postableNetworks: Array<{ id: string; name: string }>;
}

/** Networks the actor may post findings for. */
export async function postableNetworks(services: Services, actor: Actor): Promise<Array<{ id: string; name: string }>> {
  return postableAmong(actor, await listNetworks(services.db));
}

const postableAmong = (actor: Actor, networks: Array<{ id: string; name: string }>) =>
  networks.filter((n) => can(actor, { type: "commons.contribute", networkId: n.id })).map((n) => ({ id: n.id, name: n.name }));

export async function findingList(services: Services, actor: Actor, filters: FindingFilters, page: number): Promise<FindingList> {
  const offset = (page - 1) * FINDINGS_PAGE_SIZE;
  const [rows, total, networks] = await Promise.all([
    listFindings(services.db, filters, FINDINGS_PAGE_SIZE + 1, offset),
    countFindings(services.db),
    listNetworks(services.db),
  ]);
  const shown = rows.slice(0, FINDINGS_PAGE_SIZE);
  const cited = await citingRecommendationsOfFindings(services.db, shown.map((r) => r.id));
  return {
    findings: shown.map((r) => presentFindingSummary(r, cited.get(r.id) ?? [])),
    page,
    hasOlder: rows.length > FINDINGS_PAGE_SIZE,
    hasNewer: page > 1,
    anyFinding: total > 0,
    networks: networks.map((n) => ({ id: n.id, name: n.name })),
    postableNetworks: postableAmong(actor, networks),
  };
}

/** Recommendations that cite a finding: commons content, listed for everyone who reads the finding. */
export async function citedBy(services: Services, findingId: string): Promise<Array<{ id: string; title: string; stage: string }>> {
  return citingRecommendations(services.db, "finding", findingId);
}

/**
 * A finding's evidence as this reader may see it: a cited good-practice entry that is no
 * longer published (or was removed) shows neither title nor text to those who may not see it;
 * a cited library document that is no longer in the commons library shows no name.
 */
export async function evidenceFor(services: Services, actor: Actor, findingId: string): Promise<EvidenceView[]> {
  const rows = await evidenceOf(services.db, findingId);
  const idsOf = (kind: FindingEvidence["kind"]) => rows.filter((r) => r.kind === kind && r.target_id).map((r) => r.target_id!);
  const documentIds = readsCommonsLibrary(actor) ? idsOf("libraryDocument") : [];
  const [entries, findings, documents] = await Promise.all([
    goodPracticesByIds(services.db, idsOf("goodPractice")),
    findingTitles(services.db, idsOf("finding")),
    liveLibraryDocuments(services, documentIds),
  ]);
  const visibleEntries = new Map(entries.filter((e) => maySeeGoodPractice(actor, e)).map((e) => [e.id, e.title]));
  const findingTitleOf = new Map(findings.map((f) => [f.id, f.title]));
  return rows.map((row) => presentEvidence(row, { goodPractice: visibleEntries, finding: findingTitleOf, libraryDocument: documents }));
}

/**
 * What the form offers as evidence: published good-practice entries, other findings and files
 * of the commons library (`citedDocuments`: those the finding cites already, kept on offer).
 */
export async function evidenceChoices(services: Services, actor: Actor, options: { exceptFindingId?: string; citedDocuments?: string[] } = {}) {
  const [goodPractices, findings, libraryDocuments] = await Promise.all([
    citableGoodPractices(services),
    listFindingChoices(services.db),
    citableLibraryDocuments(services, actor, options.citedDocuments ?? []),
  ]);
  return {
    goodPractices,
    findings: findings.filter((f) => f.id !== options.exceptFindingId).map((f) => ({ id: f.id, title: f.title, networkName: f.network_name })),
    libraryDocuments: libraryDocuments.items.map((d) => ({ id: d.id, label: d.label, sharedBy: d.sharedBy })),
    libraryDocumentsCappedAt: libraryDocuments.cappedAt,
  };
}

/** A finding as its author's edit form needs it, or why the caller may not edit it. */
export async function findingToEdit(
  services: Services,
  actor: Actor,
  id: string,
): Promise<{ ok: true; finding: FindingView; evidence: EvidenceView[] } | { ok: false; error: "notFound" | "forbidden" }> {
  const row = await findingFor(services, actor, id);
  if (!row) return { ok: false, error: "notFound" };
  if (!mayEditFinding(actor, row)) return { ok: false, error: "forbidden" };
  return { ok: true, finding: presentFinding(row), evidence: await evidenceFor(services, actor, id) };
}
