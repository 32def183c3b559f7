/**
 * The steps the intake routes share: the public form's guard fields, the project team's and
 * the board's access, and domain refusals as translated messages with the values kept.
 */
import type { AppLoadContext } from "@remix-run/node";
import { data } from "@remix-run/node";
import type { IntroductionRefusal } from "#server/domain/intake/review";
import { authorize, requireAuth } from "./guards.server";
import { formValues } from "./forms.server";

export { amendInterest, interestByToken, submitInterest, withdrawInterest } from "#server/domain/intake/submissions";
export { addInterestNote, changeInterestStatus, intakeQueue, introduceGroups, submissionWithLog } from "#server/domain/intake/review";
export { compositionWith, partnerSuggestions } from "#server/domain/intake/suggestions";
export { formStamp } from "#server/domain/intake/form-guard";

/** The project team and the advisory board read the queue; nobody else learns a submission exists. */
export function requireIntakeView(request: Request, context: AppLoadContext) {
  const auth = requireAuth(request, context);
  authorize(auth, { type: "intake.view" });
  return auth;
}

export type IntakeRefusal = IntroductionRefusal | "unchanged" | "tooFast" | "formExpired" | "throttled";

const STATUS: Record<IntakeRefusal, number> = {
  forbidden: 403,
  notFound: 404,
  self: 400,
  noConsent: 409,
  alreadyIntroduced: 409,
  unchanged: 409,
  tooFast: 400,
  formExpired: 400,
  throttled: 429,
};

/** A refusal as the page shows it: a message above the form that was sent (`intent`), with what was typed. */
export function intakeRefusal(error: IntakeRefusal, form: FormData, intent: string | null = null) {
  return data({ ok: false as const, intent, errors: { form: `intake:errors.${error}` }, values: formValues(form) }, { status: STATUS[error] });
}
