/**
 * The home of the network of networks: latest findings (pinned first), open consultations
 * with their endorsement count, recommendations waiting for the advisory board's answer,
 * and what needs this person's action: a coordinator's network has not yet endorsed an open
 * consultation; the board has a submitted recommendation to answer; moderators have
 * endorsed recommendations to submit and good-practice proposals to decide on.
 * Everything here is commons content; networks' private workspaces are never read.
 */
import type { Services } from "#server/services";
import { can, type Actor, type RecommendationStage } from "#shared/policy";
import { listNetworks } from "#db/queries/networks";
import { listFindings } from "#db/queries/findings";
import { listEndorsingNetworks, listRecommendations } from "#db/queries/recommendations";
import { countProposedGoodPractices } from "#db/queries/good-practices";

const LATEST_FINDINGS = 6;

const inConsultation = (stage: RecommendationStage) => stage === "consultation" || stage === "endorsed";

/** Networks this person may endorse for: those they coordinate and that are not archived. */
const coordinatedNetworks = (actor: Actor) =>
  [...actor.memberships.entries()].filter(([id, role]) => role === "coordinator" && !actor.archivedNetworks.has(id)).map(([id]) => id);

type RecommendationRow = Awaited<ReturnType<typeof listRecommendations>>[number];

/**
 * Open consultations and what waits for this person: shared by the commons home and the
 * dashboard's count, which needs no findings or networks (before, every dashboard view built
 * the whole commons home to count). Endorsements come in one query for all consultations.
 */
async function pendingWork(services: Services, actor: Actor, recommendations: RecommendationRow[]) {
  const mine = coordinatedNetworks(actor);
  const open = recommendations.filter((r) => inConsultation(r.stage));
  const endorsedBy = new Map<string, Set<string>>(open.map((r) => [r.id, new Set()]));
  const endorsements = await listEndorsingNetworks(services.db, open.map((r) => r.id));
  for (const row of endorsements) endorsedBy.get(row.recommendation_id)?.add(row.network_id);
  const consultations = open.map((r) => {
    const endorsed = endorsedBy.get(r.id) ?? new Set<string>();
    const waitingFor = mine.filter((id) => !endorsed.has(id) && can(actor, { type: "recommendation.endorse", networkId: id, stage: r.stage }));
    return { id: r.id, title: r.title, stage: r.stage, endorsements: endorsed.size, threshold: r.endorsement_threshold, needsMyEndorsement: waitingFor.length > 0 };
  });
  const awaitingAnswer = recommendations.filter((r) => r.stage === "submitted").map((r) => ({ id: r.id, title: r.title, submittedAt: r.submitted_at }));
  const moderates = can(actor, { type: "networkOfNetworks.moderate" });
  const actions = {
    toEndorse: consultations.filter((c) => c.needsMyEndorsement).length,
    toAnswer: can(actor, { type: "recommendation.answer", stage: "submitted" }) ? awaitingAnswer.length : 0,
    toSubmit: moderates ? recommendations.filter((r) => r.stage === "endorsed").length : 0,
    proposals: moderates ? await countProposedGoodPractices(services.db) : 0,
  };
  return { consultations, awaitingAnswer, actions, moderates };
}

export async function commonsHome(services: Services, actor: Actor) {
  const [findings, recommendations, networks] = await Promise.all([
    listFindings(services.db, { actionArea: null, field: null, theme: null, network: null, country: null, sort: "newest" }, LATEST_FINDINGS, 0),
    listRecommendations(services.db),
    listNetworks(services.db),
  ]);
  const { consultations, awaitingAnswer, actions, moderates } = await pendingWork(services, actor, recommendations);
  const summary = (f: (typeof findings)[number]) => ({
    id: f.id,
    title: f.title,
    networkName: f.network_name,
    createdAt: f.created_at,
    comments: f.comment_count,
    pinned: f.pinned_at !== null,
  });
  return {
    latestFindings: findings.map(summary),
    consultations,
    awaitingAnswer,
    actions,
    networks: networks
      .filter((n) => !n.archived_at)
      .map((n) => ({ id: n.id, name: n.name, slug: can(actor, { type: "network.view", networkId: n.id }) ? n.slug : null })),
    canPostFinding: can(actor, { type: "commons.contribute" }),
    canModerate: moderates,
  };
}

/** How many items wait for this person in the network of networks (for the dashboard). */
export async function commonsActionCount(services: Services, actor: Actor): Promise<number> {
  if (!can(actor, { type: "networkOfNetworks.view" })) return 0;
  const { actions } = await pendingWork(services, actor, await listRecommendations(services.db));
  return actions.toEndorse + actions.toAnswer + actions.toSubmit + actions.proposals;
}
