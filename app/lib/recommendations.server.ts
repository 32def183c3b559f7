/**
 * The first steps of every recommendation route (logged in, sees the network of networks,
 * the recommendation exists) and the one way refusals become answers: a typed refusal from
 * the domain is a translated message for the form it came from, with its status, and the
 * values typed are kept.
 */
import type { AppLoadContext } from "@remix-run/node";
import { data } from "@remix-run/node";
import { docNameOf, RECOMMENDATION_DOC_TYPE } from "#shared/collab/doc-names";
import type { RecommendationRefusal } from "#server/domain/commons/recommendations";
import { recommendationById } from "#server/domain/commons/recommendations";
import { authorize, notFound, requireAuth } from "./guards.server";
import { formValues } from "./forms.server";
import { readableDocument } from "./documents.server";

export { createRecommendation, setCitations } from "#server/domain/commons/recommendations";
export { endorseRecommendation, setSupport, withdrawEndorsement } from "#server/domain/commons/recommendation-endorsements";
export { answerRecommendation, openConsultation, setThreshold, submitRecommendation } from "#server/domain/commons/recommendation-workflow";
export { recommendationList, recommendationPage, type RecommendationPageData, type CitationView } from "#server/domain/commons/recommendation-presenter";

/** Logged in and part of the network of networks (members of any network, moderators, observers, admins). */
export function requireCommons(request: Request, context: AppLoadContext) {
  const auth = requireAuth(request, context);
  authorize(auth, { type: "networkOfNetworks.view" });
  return auth;
}

/** The recommendation of the URL as a co-edited document the caller may read (404 otherwise). */
export async function loadRecommendationDocument(request: Request, context: AppLoadContext, params: { id?: string }) {
  const auth = requireCommons(request, context);
  const row = await recommendationById(context.services, params.id);
  if (!row) notFound();
  const document = await readableDocument(context, auth, docNameOf(RECOMMENDATION_DOC_TYPE, row.id));
  return { auth, row, document };
}

const STATUS: Record<RecommendationRefusal, number> = {
  notFound: 404,
  forbidden: 403,
  wrongStage: 409,
  alreadyEndorsed: 409,
  notEndorsed: 409,
  alreadySupported: 409,
  notSupported: 409,
  alreadyAnswered: 409,
  invalidCitation: 400,
  libraryDocumentNotCitable: 400,
  invalidThreshold: 400,
};

/** Refusals whose message lives with the strings of citing library documents (commons namespace). */
const MESSAGE: Partial<Record<RecommendationRefusal, string>> = {
  libraryDocumentNotCitable: "commons:libraryDocuments.errors.notCitable",
};

/** A refusal as the page shows it: the message above the form that was sent (`values.intent`). */
export function refusal(error: RecommendationRefusal, form: FormData) {
  return data({ ok: false as const, errors: { form: MESSAGE[error] ?? `recommendations:errors.${error}` }, values: formValues(form) }, { status: STATUS[error] });
}
