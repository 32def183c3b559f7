/**
 * The project team's side: the queue, one submission with its log, status changes (each
 * mailed to the group in its language), notes and contacts, and introductions between
 * groups, which go out only when both groups agreed to be introduced.
 */
import type { Services } from "#server/services";
import type { InterestExpression } from "#db/schema";
import type { Actor } from "#shared/policy";
import { can } from "#shared/policy";
import type { InterestStatus } from "#shared/intake/vocabulary";
import { INTEREST_STATUSES } from "#shared/intake/vocabulary";
import type { Country } from "#shared/roles";
import {
  claimIntroduction,
  countExpressionsByStatus,
  findExpression,
  findExpressionNames,
  insertLogEntry,
  listExpressions,
  listIntroducedPartners,
  listLogOf,
  listMembersOf,
  updateExpressionStatus,
} from "#db/queries/interest";
import { listPartnershipsOfGroup } from "#db/queries/partnerships";
import { newId } from "../auth/tokens";
import { recordAudit } from "../audit/record";
import { mailIntroduction, mailStatus } from "./mails";
import { presentExpression } from "./presenter";
import { nowIso } from "#shared/time";

export async function intakeQueue(services: Services, filter: { status: InterestStatus | null; country: Country | null }) {
  const [rows, counts] = await Promise.all([listExpressions(services.db, filter), countExpressionsByStatus(services.db)]);
  const members = await listMembersOf(services.db, rows.map((r) => r.id));
  const byExpression = new Map<string, typeof members>();
  for (const m of members) byExpression.set(m.expression_id, [...(byExpression.get(m.expression_id) ?? []), m]);
  return {
    submissions: rows.map((row) => presentExpression(row, byExpression.get(row.id) ?? [])),
    counts: Object.fromEntries(INTEREST_STATUSES.map((s) => [s, counts.find((c) => c.status === s)?.n ?? 0])) as Record<InterestStatus, number>,
  };
}

export async function submissionWithLog(services: Services, id: string) {
  const row = await findExpression(services.db, id);
  if (!row) return null;
  const [members, log, introduced, partnerships] = await Promise.all([
    listMembersOf(services.db, [id]),
    listLogOf(services.db, id),
    listIntroducedPartners(services.db, id),
    listPartnershipsOfGroup(services.db, id),
  ]);
  const partnerIds = log.filter((e) => e.kind === "introduction").map((e) => e.body);
  const partners = new Map((await findExpressionNames(services.db, partnerIds)).map((p) => [p.id, p.group_name]));
  return {
    submission: presentExpression(row, members),
    log: log.map((e) => ({
      id: e.id,
      kind: e.kind,
      // An introduction names the partner while it exists; a withdrawn partner is gone, name and all.
      body: e.kind === "introduction" ? "" : e.body,
      partner: e.kind === "introduction" ? { id: e.body, name: partners.get(e.body) ?? null } : null,
      author: e.author_name,
      statusFrom: e.status_from,
      statusTo: e.status_to,
      at: e.created_at,
    })),
    introduced,
    partnerships: partnerships.map((p) => ({ id: p.id, name: p.name, status: p.status })),
  };
}

type Refusal = "forbidden" | "notFound";

export async function changeInterestStatus(services: Services, actor: Actor, id: string, status: InterestStatus, message: string): Promise<{ ok: true } | { ok: false; error: Refusal | "unchanged" }> {
  if (!can(actor, { type: "intake.manage" })) return { ok: false, error: "forbidden" };
  const row = await findExpression(services.db, id);
  if (!row) return { ok: false, error: "notFound" };
  if (row.status === status) return { ok: false, error: "unchanged" };
  await applyInterestStatus(services, row, status, message, actor.userId);
  return { ok: true };
}

/**
 * A status change however it comes about (the project team's form, a partnership applying,
 * the board's decision): stored, logged, audited and mailed to the group in its language.
 * `authorId` null: the platform did it on someone's step (a partner submitting the application).
 */
export async function applyInterestStatus(services: Services, row: InterestExpression, status: InterestStatus, message: string, authorId: string | null): Promise<void> {
  if (row.status === status) return;
  const at = nowIso();
  await updateExpressionStatus(services.db, row.id, status, at);
  await insertLogEntry(services.db, { id: newId(), expression_id: row.id, kind: "status", author_id: authorId, body: message, status_from: row.status, status_to: status, created_at: at });
  await recordAudit(services.db, { actorId: authorId, action: "interest.status_changed", targetType: "interest", targetId: row.id, details: { from: row.status, to: status } });
  await mailStatus(services, row, status, message);
}

export async function addInterestNote(services: Services, actor: Actor, id: string, kind: "note" | "contact", body: string): Promise<{ ok: true } | { ok: false; error: Refusal }> {
  if (!can(actor, { type: "intake.manage" })) return { ok: false, error: "forbidden" };
  if (!(await findExpression(services.db, id))) return { ok: false, error: "notFound" };
  await insertLogEntry(services.db, { id: newId(), expression_id: id, kind, author_id: actor.userId, body, status_from: null, status_to: null, created_at: nowIso() });
  return { ok: true };
}

export type IntroductionRefusal = Refusal | "self" | "noConsent" | "alreadyIntroduced";

/** Each group gets the other's details in its own language; both logs record it; a pair is introduced once. */
export async function introduceGroups(services: Services, actor: Actor, id: string, partnerId: string): Promise<{ ok: true } | { ok: false; error: IntroductionRefusal }> {
  if (!can(actor, { type: "intake.manage" })) return { ok: false, error: "forbidden" };
  if (id === partnerId) return { ok: false, error: "self" };
  const [one, other] = await Promise.all([findExpression(services.db, id), findExpression(services.db, partnerId)]);
  if (!one || !other) return { ok: false, error: "notFound" };
  if (!one.introductions_consent || !other.introductions_consent) return { ok: false, error: "noConsent" };
  const at = nowIso();
  if (!(await claimIntroduction(services.db, one.id, other.id, actor.userId, at))) return { ok: false, error: "alreadyIntroduced" };
  const members = await listMembersOf(services.db, [one.id, other.id]);
  const countriesOf = (expressionId: string) => [...new Set(members.filter((m) => m.expression_id === expressionId).map((m) => m.country))].join(", ");
  for (const [self, partner] of [
    [one, other],
    [other, one],
  ] as const) {
    // The partner by id, not by name: if it withdraws, its name must not stay behind in this log.
    await insertLogEntry(services.db, { id: newId(), expression_id: self.id, kind: "introduction", author_id: actor.userId, body: partner.id, status_from: null, status_to: null, created_at: at });
    await mailIntroduction(services, self, partner, countriesOf(partner.id));
  }
  await recordAudit(services.db, { actorId: actor.userId, action: "interest.introduced", targetType: "interest", targetId: one.id, details: { with: other.id } });
  return { ok: true };
}
