/** The one shape of a good-practice entry that pages receive (never a raw row). */
import type { Actor } from "#shared/policy";
import type { GoodPracticeStatus } from "#shared/validation/good-practice-forms";
import type { GoodPractice } from "#db/schema";

export interface GoodPracticeView {
  id: string;
  title: string;
  summary: string;
  /** A taxonomy key, or null. */
  occupationalField: string | null;
  country: "DE" | "IT" | "both";
  partners: string;
  themeCluster: string | null;
  link: string | null;
  status: GoodPracticeStatus;
  publishedAt: string | null;
  createdAt: string;
  /** Shown to moderators and to the proposer, who both see proposals. */
  proposerName: string | null;
  mine: boolean;
  demo: boolean;
}

export function presentGoodPractice(row: GoodPractice & { proposer_name: string | null }, actor: Actor): GoodPracticeView {
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    occupationalField: row.occupational_field || null,
    country: row.country,
    partners: row.partners,
    themeCluster: row.theme_cluster || null,
    link: row.link,
    status: row.status,
    publishedAt: row.published_at,
    createdAt: row.created_at,
    proposerName: row.proposer_name,
    mine: row.proposed_by === actor.userId,
    demo: row.demo === 1,
  };
}
