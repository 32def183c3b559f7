/**
 * The good-practice library of the network of networks. Any member of an open network
 * proposes an entry (`commons.contribute`); it stays visible only to the proposer and the
 * moderators until a moderator publishes it (`networkOfNetworks.moderate`), from then on to
 * everyone in the commons. Moderators edit and unpublish; each of their steps is audited.
 */
import type { Services } from "#server/services";
import { can, type Actor } from "#shared/policy";
import { isKnownField } from "#shared/taxonomy";
import { type GoodPracticeFormData } from "#shared/validation/good-practice-forms";
import { THEME_CLUSTERS } from "#shared/validation/limits";
import { isWebUrl } from "#shared/validation/findings-forms";
import { FINDING_COUNTRIES } from "#shared/validation/limits";
import { findGoodPractice, insertGoodPractice, listGoodPractices, updateGoodPractice } from "#db/queries/good-practices";
import { citingFindings, citingRecommendations } from "#db/queries/findings";
import { recordAudit } from "../audit/record";
import { newId } from "../auth/tokens";
import { nowIso } from "#shared/time";
import { presentGoodPractice, type GoodPracticeView } from "./good-practices-presenter";

export type GoodPracticeInput = GoodPracticeFormData;
export type GoodPracticeError = "forbidden" | "notFound" | "invalid";
export type GoodPracticeResult = { ok: true; id: string } | { ok: false; error: GoodPracticeError };

const moderates = (actor: Actor) => can(actor, { type: "networkOfNetworks.moderate" });

/**
 * Who sees an entry: published ones everyone in the commons, proposals their proposer and
 * the moderators (`goodPractice.view` in shared/policy.ts).
 */
export function maySeeGoodPractice(actor: Actor, entry: { status: string; proposed_by: string | null }): boolean {
  const status = entry.status === "published" ? "published" : "proposed";
  return can(actor, { type: "goodPractice.view", status, proposedBy: entry.proposed_by });
}

/** The checks of the form, again: the seed and tests call the domain without it. */
function validInput(input: GoodPracticeInput): boolean {
  return (
    input.title.trim().length > 0 &&
    input.title.length <= 200 &&
    input.summary.trim().length > 0 &&
    input.summary.length <= 5000 &&
    (input.occupationalField === null || isKnownField(input.occupationalField)) &&
    (FINDING_COUNTRIES as readonly string[]).includes(input.country) &&
    input.partners.length <= 1000 &&
    (input.themeCluster === null || (THEME_CLUSTERS as readonly string[]).includes(input.themeCluster)) &&
    (input.link === null || isWebUrl(input.link))
  );
}

const columnsOf = (input: GoodPracticeInput) => ({
  title: input.title.trim(),
  summary: input.summary.trim(),
  occupational_field: input.occupationalField ?? "",
  country: input.country,
  partners: input.partners.trim(),
  theme_cluster: input.themeCluster ?? "",
  link: input.link,
});

export async function proposeGoodPractice(services: Services, actor: Actor, input: GoodPracticeInput, options: { demo?: boolean } = {}): Promise<GoodPracticeResult> {
  if (!can(actor, { type: "commons.contribute" })) return { ok: false, error: "forbidden" };
  if (!validInput(input)) return { ok: false, error: "invalid" };
  const id = newId();
  const at = nowIso();
  await insertGoodPractice(services.db, {
    id,
    ...columnsOf(input),
    status: "proposed",
    proposed_by: actor.userId,
    published_by: null,
    published_at: null,
    demo: options.demo ? 1 : 0,
    created_at: at,
    updated_at: at,
  });
  return { ok: true, id };
}

export async function editGoodPractice(services: Services, actor: Actor, id: string, input: GoodPracticeInput): Promise<GoodPracticeResult> {
  const entry = await findGoodPractice(services.db, id);
  if (!entry || !maySeeGoodPractice(actor, entry)) return { ok: false, error: "notFound" };
  if (!moderates(actor)) return { ok: false, error: "forbidden" };
  if (!validInput(input)) return { ok: false, error: "invalid" };
  await updateGoodPractice(services.db, id, { ...columnsOf(input), updated_at: nowIso() });
  await recordAudit(services.db, { actorId: actor.userId, action: "goodPractice.updated", targetType: "goodPractice", targetId: id, details: { title: input.title.trim() } });
  return { ok: true, id };
}

/** Publishing makes an entry citable and visible to all; unpublishing takes it back to a proposal. */
export async function setGoodPracticePublished(services: Services, actor: Actor, id: string, published: boolean): Promise<GoodPracticeResult> {
  const entry = await findGoodPractice(services.db, id);
  if (!entry || !maySeeGoodPractice(actor, entry)) return { ok: false, error: "notFound" };
  if (!moderates(actor)) return { ok: false, error: "forbidden" };
  if ((entry.status === "published") === published) return { ok: true, id };
  const at = nowIso();
  await updateGoodPractice(services.db, id, published ? { status: "published", published_by: actor.userId, published_at: at, updated_at: at } : { status: "proposed", published_by: null, published_at: null, updated_at: at });
  await recordAudit(services.db, {
    actorId: actor.userId,
    action: published ? "goodPractice.published" : "goodPractice.unpublished",
    targetType: "goodPractice",
    targetId: id,
    details: { title: entry.title },
  });
  return { ok: true, id };
}

export interface GoodPracticeLibrary {
  published: GoodPracticeView[];
  /** The caller's own proposals (moderators: everyone's), not yet published. */
  proposals: GoodPracticeView[];
  canPropose: boolean;
  canModerate: boolean;
}

export async function goodPracticeLibrary(services: Services, actor: Actor): Promise<GoodPracticeLibrary> {
  const canModerate = moderates(actor);
  const rows = await listGoodPractices(services.db, canModerate ? "all" : actor.userId);
  const visible = rows.filter((r) => maySeeGoodPractice(actor, r)).map((r) => presentGoodPractice(r, actor));
  return {
    published: visible.filter((e) => e.status === "published"),
    proposals: visible.filter((e) => e.status === "proposed"),
    canPropose: can(actor, { type: "commons.contribute" }),
    canModerate,
  };
}

export interface GoodPracticePage {
  entry: GoodPracticeView;
  canModerate: boolean;
  /** Findings and recommendations that cite this entry (commons content, visible to all). */
  citedByFindings: Array<{ id: string; title: string }>;
  citedByRecommendations: Array<{ id: string; title: string; stage: string }>;
}

/** One entry, or null when it does not exist or the caller may not see it (the same 404). */
export async function goodPracticePage(services: Services, actor: Actor, id: string): Promise<GoodPracticePage | null> {
  const entry = await findGoodPractice(services.db, id);
  if (!entry || !maySeeGoodPractice(actor, entry)) return null;
  const [findings, recommendations] = await Promise.all([citingFindings(services.db, "goodPractice", id), citingRecommendations(services.db, "goodPractice", id)]);
  return { entry: presentGoodPractice(entry, actor), canModerate: moderates(actor), citedByFindings: findings, citedByRecommendations: recommendations };
}

/** Published entries to choose from in a finding's evidence (what a finding may cite). */
export async function citableGoodPractices(services: Services): Promise<Array<{ id: string; title: string }>> {
  const rows = await listGoodPractices(services.db, null);
  return rows.filter((r) => r.status === "published").map((r) => ({ id: r.id, title: r.title }));
}
