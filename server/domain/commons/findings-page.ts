/**
 * Everything a finding's page shows, in one call: the finding, its evidence as this reader
 * may see it, the recommendations citing it, the discussion, and what the reader may do.
 */
import type { Services } from "#server/services";
import { can, type Actor } from "#shared/policy";
import { findFinding } from "#db/queries/findings";
import { citedBy, evidenceFor, mayEditFinding } from "./findings";
import { findingDiscussion, type FindingDiscussion } from "./findings-discussion";
import { presentFinding, type CitingRecommendation, type EvidenceView, type FindingView } from "./findings-presenter";

export interface FindingPage {
  finding: FindingView;
  evidence: EvidenceView[];
  citedBy: CitingRecommendation[];
  discussion: FindingDiscussion;
  rights: {
    edit: boolean;
    /** Comment now (false also while the discussion is closed). */
    discuss: boolean;
    moderate: boolean;
  };
}

/** The page, or null when the finding does not exist or the caller is not in the commons (the same 404). */
export async function findingPage(services: Services, actor: Actor, id: string): Promise<FindingPage | null> {
  if (!can(actor, { type: "networkOfNetworks.view" })) return null;
  const row = await findFinding(services.db, id);
  if (!row) return null;
  const [evidence, cited, discussion] = await Promise.all([evidenceFor(services, actor, id), citedBy(services, id), findingDiscussion(services, actor, row)]);
  return {
    finding: presentFinding(row),
    evidence,
    citedBy: cited,
    discussion,
    rights: {
      edit: mayEditFinding(actor, row),
      discuss: can(actor, { type: "finding.discuss", closed: row.discussion_closed_at !== null }),
      moderate: can(actor, { type: "networkOfNetworks.moderate" }),
    },
  };
}
