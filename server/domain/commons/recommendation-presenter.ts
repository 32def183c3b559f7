/**
 * What the recommendation pages show, shaped for them: the list with stage and endorsement
 * count, and one recommendation with its authors' networks, citations, endorsements,
 * supports, answer, and what the reader may do (each action checks again when it is done).
 *
 * Nothing of a network's private workspace appears: networks are shown by name (with a link
 * only for those who may enter them), and a cited entry the reader may not see shows neither
 * title nor text.
 */
import type { Services } from "#server/services";
import { can, type Actor, type RecommendationStage } from "#shared/policy";
import type { RecommendationVerdict } from "#shared/validation/recommendation-forms";
import {
  citableFindings,
  citableGoodPractices,
  findAnswer,
  findingsByIds,
  goodPracticesByIds,
  listCitations,
  listEndorsements,
  listRecommendations,
  listSupports,
} from "#db/queries/recommendations";
import { listNetworksByIds } from "#db/queries/networks";
import { documentSubjectOf, recommendationById } from "./recommendations";
import { maySeeGoodPractice } from "./good-practices";
import { authorsNetworksOf, recommendationDocName } from "./recommendation-notices";
import { recommendationPath } from "./recommendation-document-type";
import { citableLibraryDocuments, libraryDocumentPath, liveLibraryDocuments, readsCommonsLibrary } from "./library-citations";

/** Pages of the cited entries (routes of the findings and good-practice library). */
export const findingPath = (id: string) => `/network-of-networks/findings/${id}`;
export const goodPracticePath = (id: string) => `/network-of-networks/good-practice/${id}`;

/** How many entries the citation form offers per kind (newest findings, practices by title). */
const CITABLE_LIMIT = 200;

const moderates = (actor: Actor) => can(actor, { type: "networkOfNetworks.moderate" });

/** Findings belong to the commons: everyone who sees the commons reads them. */
const seesFinding = (actor: Actor) => can(actor, { type: "networkOfNetworks.view" });

export async function recommendationList(services: Services, actor: Actor) {
  const rows = await listRecommendations(services.db);
  return {
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      stage: r.stage,
      endorsements: Number(r.endorsements ?? 0),
      threshold: r.endorsement_threshold,
      supports: Number(r.supports ?? 0),
      updatedAt: r.updated_at,
      path: recommendationPath(r.id),
    })),
    canCreate: can(actor, { type: "commons.contribute" }),
  };
}

export interface CitationView {
  kind: "finding" | "goodPractice" | "libraryDocument";
  id: string;
  /**
   * "hidden": the reader may not see it; "missing": it no longer exists (a library document:
   * no longer in the commons library). Neither has a title.
   */
  status: "visible" | "hidden" | "missing";
  title: string | null;
  networkName: string | null;
  /** A library document a network shared into the commons: that network. */
  sharedBy: string | null;
  href: string | null;
}

async function citationsOf(services: Services, actor: Actor, id: string): Promise<CitationView[]> {
  const rows = await listCitations(services.db, id);
  const readsLibrary = readsCommonsLibrary(actor);
  const [findings, practices, documents] = await Promise.all([
    findingsByIds(services.db, rows.filter((r) => r.kind === "finding").map((r) => r.target_id)),
    goodPracticesByIds(services.db, rows.filter((r) => r.kind === "goodPractice").map((r) => r.target_id)),
    liveLibraryDocuments(services, readsLibrary ? rows.filter((r) => r.kind === "libraryDocument").map((r) => r.target_id) : []),
  ]);
  const findingById = new Map(findings.map((f) => [f.id, f]));
  const practiceById = new Map(practices.map((p) => [p.id, p]));
  return rows.map((r): CitationView => {
    const none = { kind: r.kind, id: r.target_id, title: null, networkName: null, sharedBy: null, href: null };
    if (r.kind === "libraryDocument") {
      if (!readsLibrary) return { ...none, status: "hidden" };
      const doc = documents.get(r.target_id);
      if (!doc) return { ...none, status: "missing" };
      return { ...none, status: "visible", title: doc.label, sharedBy: doc.sharedBy, href: libraryDocumentPath(doc.id) };
    }
    if (r.kind === "finding") {
      const finding = findingById.get(r.target_id);
      if (!finding) return { ...none, status: "missing" };
      if (!seesFinding(actor)) return { ...none, status: "hidden" };
      return { ...none, status: "visible", title: finding.title, networkName: finding.network_name, href: findingPath(finding.id) };
    }
    const practice = practiceById.get(r.target_id);
    if (!practice) return { ...none, status: "missing" };
    // The library's own rule (proposals: their proposer and the moderators).
    if (!maySeeGoodPractice(actor, practice)) return { ...none, status: "hidden" };
    return { ...none, status: "visible", title: practice.title, href: goodPracticePath(practice.id) };
  });
}

/** The networks this person coordinates (open ones): on whose behalf they may endorse. */
async function endorsingNetworks(services: Services, actor: Actor, stage: RecommendationStage, endorsed: ReadonlySet<string>) {
  const ids = [...actor.memberships].filter(([networkId, role]) => role === "coordinator" && !actor.archivedNetworks.has(networkId)).map(([networkId]) => networkId);
  const networks = await listNetworksByIds(services.db, ids);
  return networks.map((n) => ({
    id: n.id,
    name: n.name,
    endorsed: endorsed.has(n.id),
    /** Endorse (when not yet) or withdraw (when endorsed): both only while in consultation or endorsed. */
    canAct: can(actor, { type: "recommendation.endorse", networkId: n.id, stage }),
  }));
}

export async function recommendationPage(services: Services, actor: Actor, id: string | undefined) {
  const row = await recommendationById(services, id);
  if (!row) return null;
  const subject = documentSubjectOf(row.stage);
  const [authors, citations, endorsementRows, supportRows, answer] = await Promise.all([
    authorsNetworksOf(services, row),
    citationsOf(services, actor, row.id),
    listEndorsements(services.db, row.id),
    listSupports(services.db, row.id),
    findAnswer(services.db, row.id),
  ]);
  const endorsedIds = new Set(endorsementRows.map((e) => e.network_id));
  const linkable = (networkId: string) => can(actor, { type: "network.view", networkId });
  const edit = can(actor, { type: "document.edit", doc: subject });
  const moderate = moderates(actor);
  const selected = new Set(citations.map((c) => `${c.kind}:${c.id}`));
  const citedDocuments = citations.filter((c) => c.kind === "libraryDocument" && c.status === "visible").map((c) => c.id);
  const citable = edit
    ? await Promise.all([
        citableFindings(services.db, CITABLE_LIMIT),
        citableGoodPractices(services.db, CITABLE_LIMIT),
        citableLibraryDocuments(services, actor, citedDocuments),
      ]).then(([findings, practices, documents]) => ({
        findings: findings.map((f) => ({ id: f.id, title: f.title, networkName: f.network_name, selected: selected.has(`finding:${f.id}`) })),
        goodPractices: practices.map((p) => ({ id: p.id, title: p.title, selected: selected.has(`goodPractice:${p.id}`) })),
        libraryDocuments: documents.items.map((d) => ({ id: d.id, title: d.label, sharedBy: d.sharedBy, selected: selected.has(`libraryDocument:${d.id}`) })),
        libraryDocumentsCappedAt: documents.cappedAt,
      }))
    : null;

  return {
    recommendation: {
      id: row.id,
      title: row.title,
      stage: row.stage,
      threshold: row.endorsement_threshold,
      createdAt: row.created_at,
      consultationAt: row.consultation_at,
      endorsedAt: row.endorsed_at,
      submittedAt: row.submitted_at,
      submittedVersionId: row.submitted_version_id,
      answeredAt: row.answered_at,
      docName: recommendationDocName(row.id),
      path: recommendationPath(row.id),
    },
    authorsNetworks: authors.map((n) => ({ id: n.id, name: n.name, slug: linkable(n.id) ? n.slug : null })),
    citations,
    citable,
    endorsements: endorsementRows.map((e) => ({
      networkId: e.network_id,
      networkName: e.network_name,
      networkSlug: linkable(e.network_id) ? e.network_slug : null,
      statement: e.statement,
      endorsedByName: e.endorsed_by_name,
      createdAt: e.created_at,
    })),
    supports: supportRows.map((s) => ({ name: s.name, createdAt: s.created_at })),
    answer: answer ? { verdict: answer.verdict as RecommendationVerdict, body: answer.body, answeredAt: answer.answered_at, answeredByName: answer.answered_by_name } : null,
    myNetworks: await endorsingNetworks(services, actor, row.stage, endorsedIds),
    rights: {
      edit,
      comment: can(actor, { type: "document.comment", doc: subject }),
      openConsultation: moderate && row.stage === "draft",
      submit: moderate && row.stage === "endorsed",
      setThreshold: moderate && (row.stage === "draft" || row.stage === "consultation"),
      /** A moderator sees why submitting is not yet possible. */
      moderate,
      support: can(actor, { type: "recommendation.support", stage: row.stage }),
      supported: supportRows.some((s) => s.user_id === actor.userId),
      answer: can(actor, { type: "recommendation.answer", stage: row.stage }),
    },
  };
}

export type RecommendationPageData = NonNullable<Awaited<ReturnType<typeof recommendationPage>>>;
