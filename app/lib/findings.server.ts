/**
 * The steps the findings and good-practice routes share: logged in and part of the network
 * of networks, ids from the address checked, domain refusals turned into translated
 * messages (with their status) for the form they came from, the values typed kept.
 */
import type { AppLoadContext } from "@remix-run/node";
import { data } from "@remix-run/node";
import type { FindingError } from "#server/domain/commons/findings";
import type { DiscussionError } from "#server/domain/commons/findings-discussion";
import type { ModerationError } from "#server/domain/commons/findings-moderation";
import type { GoodPracticeError } from "#server/domain/commons/good-practices";
import { authorize, requireAuth } from "./guards.server";
import { formValues } from "./forms.server";

export { editFinding, evidenceChoices, findingFor, findingList, findingToEdit, postableNetworks, postFinding } from "#server/domain/commons/findings";
export { commentOnFinding, deleteFindingComment, replyOnFinding } from "#server/domain/commons/findings-discussion";
export { closeFindingDiscussion, hideFindingComment, reopenFindingDiscussion, setFindingPinned } from "#server/domain/commons/findings-moderation";
export { findingPage } from "#server/domain/commons/findings-page";
export { editGoodPractice, goodPracticeLibrary, goodPracticePage, proposeGoodPractice, setGoodPracticePublished } from "#server/domain/commons/good-practices";
export { pageNumber } from "#server/domain/paging";

/** Logged in and part of the network of networks (members of any network, moderators, observers, admins). */
export function requireCommonsView(request: Request, context: AppLoadContext) {
  const auth = requireAuth(request, context);
  authorize(auth, { type: "networkOfNetworks.view" });
  return auth;
}

/** An id from the address: anything that cannot be one is simply unknown (404 later). */
export const idParam = (value: string | undefined): string | null => (value && /^[A-Za-z0-9_-]{1,64}$/.test(value) ? value : null);

type Refusal = FindingError | DiscussionError | ModerationError | GoodPracticeError;

const STATUS: Record<Refusal, number> = {
  forbidden: 403,
  notFound: 404,
  notYours: 403,
  closed: 409,
  invalid: 400,
  empty: 400,
  invalidAnchor: 400,
  mentionNoAccess: 400,
  goodPracticeNotCitable: 400,
  findingNotCitable: 400,
  libraryDocumentNotCitable: 400,
  invalidLink: 400,
};

/**
 * A refusal as the page shows it: the message above the form that was sent. `intent` and
 * `target` (a thread or comment id) tell the page which of its forms failed.
 */
export function refusal(area: "findings" | "goodPractice", error: Refusal, form: FormData, where: { intent?: string; target?: string } = {}) {
  return data(
    { ok: false as const, intent: where.intent ?? null, target: where.target ?? null, errors: { form: `commons:${area}.errors.${error}` }, values: formValues(form) },
    { status: STATUS[error] },
  );
}

/** Field errors of a form on a page with several forms: which form failed, and what was typed. */
export function invalidFor(failure: { errors: Record<string, string>; values: Record<string, string | string[]> }, where: { intent?: string; target?: string } = {}) {
  return data({ ok: false as const, intent: where.intent ?? null, target: where.target ?? null, errors: failure.errors, values: failure.values }, { status: 400 });
}
