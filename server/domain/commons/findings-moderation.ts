/**
 * Moderators of the network of networks (`networkOfNetworks.moderate`) keep the exchange
 * useful: they pin findings to the top of the list, close a discussion with a reason that
 * everyone reads (and reopen it), and hide an off-topic comment. A hidden comment is kept;
 * readers see a placeholder with the reason, and the audit log records who hid it and why.
 */
import type { Services } from "#server/services";
import { can, type Actor } from "#shared/policy";
import { MAX_REASON } from "#shared/validation/limits";
import { findFinding, hideCommentRow, updateFindingRow } from "#db/queries/findings";
import { recordAudit } from "../audit/record";
import { nowIso } from "#shared/time";
import { findingDocName } from "./findings";
import { commentOfFinding } from "./findings-discussion";

export type ModerationError = "forbidden" | "notFound" | "invalid";
export type ModerationResult = { ok: true } | { ok: false; error: ModerationError };

type FindingRow = NonNullable<Awaited<ReturnType<typeof findFinding>>>;

async function moderated(services: Services, actor: Actor, findingId: string): Promise<{ ok: true; finding: FindingRow } | { ok: false; error: ModerationError }> {
  const finding = await findFinding(services.db, findingId);
  if (!finding || !can(actor, { type: "networkOfNetworks.view" })) return { ok: false, error: "notFound" };
  if (!can(actor, { type: "networkOfNetworks.moderate" })) return { ok: false, error: "forbidden" };
  return { ok: true, finding };
}

const validReason = (reason: string) => reason.trim().length > 0 && reason.trim().length <= MAX_REASON;

export async function setFindingPinned(services: Services, actor: Actor, findingId: string, pinned: boolean): Promise<ModerationResult> {
  const found = await moderated(services, actor, findingId);
  if (!found.ok) return found;
  if ((found.finding.pinned_at !== null) === pinned) return { ok: true };
  const at = nowIso();
  await updateFindingRow(services.db, findingId, pinned ? { pinned_at: at, pinned_by: actor.userId } : { pinned_at: null, pinned_by: null });
  await recordAudit(services.db, {
    actorId: actor.userId,
    action: pinned ? "finding.pinned" : "finding.unpinned",
    targetType: "finding",
    targetId: findingId,
    details: { title: found.finding.title },
  });
  return { ok: true };
}

export async function closeFindingDiscussion(services: Services, actor: Actor, findingId: string, reason: string): Promise<ModerationResult> {
  const found = await moderated(services, actor, findingId);
  if (!found.ok) return found;
  if (!validReason(reason)) return { ok: false, error: "invalid" };
  const at = nowIso();
  await updateFindingRow(services.db, findingId, { discussion_closed_at: at, discussion_closed_by: actor.userId, discussion_close_reason: reason.trim() });
  await recordAudit(services.db, {
    actorId: actor.userId,
    action: "finding.discussion_closed",
    targetType: "finding",
    targetId: findingId,
    details: { title: found.finding.title, reason: reason.trim() },
  });
  return { ok: true };
}

export async function reopenFindingDiscussion(services: Services, actor: Actor, findingId: string): Promise<ModerationResult> {
  const found = await moderated(services, actor, findingId);
  if (!found.ok) return found;
  if (found.finding.discussion_closed_at === null) return { ok: true };
  await updateFindingRow(services.db, findingId, { discussion_closed_at: null, discussion_closed_by: null, discussion_close_reason: null });
  await recordAudit(services.db, { actorId: actor.userId, action: "finding.discussion_reopened", targetType: "finding", targetId: findingId, details: { title: found.finding.title } });
  return { ok: true };
}

/** Hides a comment of this finding's discussion; the text stays stored, the reason is audited. */
export async function hideFindingComment(services: Services, actor: Actor, findingId: string, commentId: string, reason: string): Promise<ModerationResult> {
  const found = await moderated(services, actor, findingId);
  if (!found.ok) return found;
  const comment = await commentOfFinding(services, findingId, commentId);
  if (!comment || comment.deleted_at) return { ok: false, error: "notFound" };
  if (!validReason(reason)) return { ok: false, error: "invalid" };
  if (comment.hidden_at) return { ok: true };
  await hideCommentRow(services.db, comment.id, actor.userId, reason.trim(), nowIso());
  await recordAudit(services.db, {
    actorId: actor.userId,
    action: "comment.hidden",
    targetType: "comment",
    targetId: comment.id,
    details: { findingId, reason: reason.trim(), authorId: comment.author_id },
  });
  services.events.emit("comments.changed", { docName: findingDocName(findingId), threadId: comment.thread_id });
  return { ok: true };
}
