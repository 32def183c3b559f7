/**
 * The group's side of an expression of interest: sending it through the public form, and
 * through the private link of the confirmation mail reading, amending or withdrawing it.
 * No account is needed; the link's token is the key and is stored hashed only.
 */
import type { Services } from "#server/services";
import type { InterestExpression, InterestMember } from "#db/schema";
import type { InterestFormData } from "#shared/validation/interest-forms";
import { deleteExpression, findExpressionByTokenHash, insertExpression, insertLogEntry, listMembersOf, replaceExpression } from "#db/queries/interest";
import { hashToken, newId, newToken } from "../auth/tokens";
import { recordAudit } from "../audit/record";
import { checkStamp, honeypotFilled, overRateLimit } from "./form-guard";
import { mailReceived, mailWithdrawn } from "./mails";
import { presentExpression } from "./presenter";
import { nowIso } from "#shared/time";

export interface FormGuardInput {
  ip: string;
  stamp: unknown;
  honeypot: unknown;
}

export type SubmitOutcome = { ok: true } | { ok: false; error: "tooFast" | "formExpired" | "throttled" };

function columnsOf(input: InterestFormData) {
  return {
    locale: input.locale,
    group_name: input.groupName,
    contact_name: input.contactName,
    contact_email: input.contactEmail,
    contact_phone: input.contactPhone,
    occupational_field: input.occupationalField,
    field_description: input.fieldDescription,
    themes: JSON.stringify(input.themes),
    action_areas: JSON.stringify(input.actionAreas),
    scale: input.scale,
    apprentices: input.apprentices,
    companies: input.companies,
    joint_projects: input.jointProjects,
    motivation: input.motivation,
    project_idea: input.projectIdea,
    expected_value: input.expectedValue,
    offered_value: input.offeredValue,
    past_cooperation: input.pastCooperation,
    funded_projects: input.fundedProjects,
    introductions_consent: input.introductions ? 1 : 0,
  };
}

const memberRows = (expressionId: string, input: InterestFormData): InterestMember[] =>
  input.members.map((m, position) => ({ id: newId(), expression_id: expressionId, position, ...m }));

/**
 * A bot that filled the honeypot is told "thank you" and nothing is kept. A form sent too
 * fast (or with a stamp that is not ours) is refused and can be sent again at once; the
 * rate limits are checked last, so neither of those counts against a person's budget.
 */
export async function submitInterest(services: Services, input: InterestFormData, guard: FormGuardInput): Promise<SubmitOutcome> {
  if (honeypotFilled(guard.honeypot)) {
    await recordAudit(services.db, { actorId: null, action: "interest.spam_refused", ip: guard.ip, details: { by: "honeypot" } });
    return { ok: true };
  }
  const stamp = await checkStamp(services, guard.stamp);
  if (stamp !== "ok") {
    await recordAudit(services.db, { actorId: null, action: "interest.spam_refused", ip: guard.ip, details: { by: stamp } });
    return { ok: false, error: stamp === "tooFast" ? "tooFast" : "formExpired" };
  }
  if (await overRateLimit(services, input.contactEmail, guard.ip)) {
    await recordAudit(services.db, { actorId: null, action: "interest.spam_refused", ip: guard.ip, details: { by: "rateLimit" } });
    return { ok: false, error: "throttled" };
  }
  const id = newId();
  const token = newToken();
  const at = nowIso();
  const row: InterestExpression = {
    id,
    token_hash: hashToken(token),
    status: "received",
    ...columnsOf(input),
    consented_at: at,
    created_at: at,
    updated_at: at,
    status_changed_at: at,
  };
  await insertExpression(services.db, row, memberRows(id, input));
  await recordAudit(services.db, { actorId: null, action: "interest.submitted", targetType: "interest", targetId: id, ip: guard.ip });
  await mailReceived(services, row, token);
  return { ok: true };
}

async function byToken(services: Services, token: string): Promise<InterestExpression | undefined> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  return findExpressionByTokenHash(services.db, hashToken(token));
}

/** What the private link shows; null for an unknown (or withdrawn) submission. */
export async function interestByToken(services: Services, token: string) {
  const row = await byToken(services, token);
  if (!row) return null;
  return presentExpression(row, await listMembersOf(services.db, [row.id]));
}

/** The group corrects its submission; the project team's log notes that it did. Status and consent time stay. */
export async function amendInterest(services: Services, token: string, input: InterestFormData): Promise<{ ok: true } | { ok: false; error: "notFound" }> {
  const row = await byToken(services, token);
  if (!row) return { ok: false, error: "notFound" };
  const at = nowIso();
  await replaceExpression(services.db, row.id, { ...columnsOf(input), updated_at: at }, memberRows(row.id, input));
  await insertLogEntry(services.db, { id: newId(), expression_id: row.id, kind: "amended", author_id: null, body: "", status_from: null, status_to: null, created_at: at });
  return { ok: true };
}

/** Withdrawal deletes the submission with its members, log and introductions; the audit keeps that it happened, not who. */
export async function withdrawInterest(services: Services, token: string): Promise<{ ok: true } | { ok: false; error: "notFound" }> {
  const row = await byToken(services, token);
  if (!row) return { ok: false, error: "notFound" };
  await deleteExpression(services.db, row.id);
  await recordAudit(services.db, { actorId: null, action: "interest.withdrawn", targetType: "interest", targetId: row.id });
  await mailWithdrawn(services, row);
  return { ok: true };
}
