/**
 * The first steps of every partnership route (logged in, the partnership exists and its
 * application is a document the caller may read) and refusals as translated answers.
 */
import type { AppLoadContext } from "@remix-run/node";
import { data } from "@remix-run/node";
import type { PartnershipRefusal } from "#server/domain/partnerships/partnerships";
import type { DecisionRefusal } from "#server/domain/partnerships/found-network";
import type { SelectionRefusal } from "#server/domain/board/selection";
import { findPartnershipRow } from "#server/domain/partnerships/lookup";
import { applicationDocName } from "#server/domain/partnerships/application-document-type";
import { notFound, requireAuth } from "./guards.server";
import { formValues } from "./forms.server";
import { readableDocument } from "./documents.server";
import { idParam } from "./findings.server";

export { formPartnership, partnershipPage, submitApplication, type PartnershipPageData } from "#server/domain/partnerships/partnerships";
export { recordDecision } from "#server/domain/partnerships/found-network";
export { boardApplications, declareConflict, removeCriterion, reviewPage, rubricCriteria, saveCriterion, saveOwnReview, type ReviewPageData } from "#server/domain/board/selection";

/** The partnership of the URL with its application as a document the caller may read (404 otherwise: nobody learns it exists). */
export async function loadPartnershipDocument(request: Request, context: AppLoadContext, params: { id?: string }) {
  const auth = requireAuth(request, context);
  const id = idParam(params.id);
  const row = id ? await findPartnershipRow(context.services, id) : undefined;
  if (!row) notFound();
  const document = await readableDocument(context, auth, applicationDocName(row.id));
  return { auth, row, document };
}

type Refusal = PartnershipRefusal | DecisionRefusal | SelectionRefusal;

const STATUS: Record<Refusal, number> = {
  forbidden: 403,
  notFound: 404,
  groupUnavailable: 409,
  wrongStatus: 409,
  tooFewGroups: 400,
  alreadySubmitted: 409,
  incomplete: 400,
  unknownCriterion: 400,
  invalidScore: 400,
  inUse: 409,
};

/** A refusal as the page shows it: a message above the form that was sent (`intent`), with what was typed. */
export function boardRefusal(error: Refusal, form: FormData, intent: string | null = null) {
  return data({ ok: false as const, intent, errors: { form: `board:errors.${error}` } as Record<string, string>, values: formValues(form) }, { status: STATUS[error] });
}
