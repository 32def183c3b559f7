/**
 * `recommendation.<id>` documents: owned by the commons (members of any open network write,
 * everyone in the network of networks reads), only text, and frozen from submission to the
 * advisory board on: a submitted or answered recommendation is read-only for every
 * connection, whatever the person's role.
 */
import type { DocumentType } from "#server/documents/document-type";
import { TEXT_ONLY_LAYOUT } from "#shared/collab/document-layout";
import type { DocumentState, RecommendationStage } from "#shared/policy";
import { findRecommendation } from "#db/queries/recommendations";
import { exportRecommendation } from "./recommendation-export";

/** The document's state in each stage: the text stands as submitted once it went to the board. */
export const documentStateOf = (stage: RecommendationStage): DocumentState => (stage === "submitted" || stage === "answered" ? "frozen" : "open");

export const recommendationPath = (id: string) => `/network-of-networks/recommendations/${id}`;

export const RECOMMENDATION_ID = /^[A-Za-z0-9-]{1,64}$/;

export const recommendationDocumentType: DocumentType = {
  layout: TEXT_ONLY_LAYOUT,
  async resolve(services, id) {
    if (!RECOMMENDATION_ID.test(id)) return null;
    const row = await findRecommendation(services.db, id);
    if (!row) return null;
    return {
      owner: { kind: "commons" },
      state: documentStateOf(row.stage),
      title: row.title,
      path: recommendationPath(row.id),
    };
  },
  exportFile: exportRecommendation,
};
