/**
 * The discussion of a finding: unanchored threads of the generic comment system on the doc
 * `finding.<id>` (a new comment starts a thread, answers are replies), @mentions of anyone
 * in the commons, whatever their network. Each comment also tells the members of the
 * finding's network ("discussion" notifications), except whoever the comment system already
 * told (mentioned people, participants of the thread) and the writer. A closed discussion
 * refuses comments (`finding.discuss`) and changes nothing.
 */
import type { Services } from "#server/services";
import { can, type Actor } from "#shared/policy";
import { deleteComment, mentionCandidates, reply, startThread, type CommentError } from "../comments/comments";
import { participantsOfThread } from "#db/queries/comments";
import { listMembersOfNetwork } from "#db/queries/memberships";
import { findCommentWithDoc, findFinding, listDiscussion } from "#db/queries/findings";
import { notify } from "../notifications/notify";
import { findingDocName, findingRef } from "./findings";
import { presentDiscussion, type DiscussionThread } from "./findings-presenter";

export type DiscussionError = CommentError | "forbidden" | "closed";
export type DiscussionResult = { ok: true; threadId: string } | { ok: false; error: DiscussionError };

type FindingRow = NonNullable<Awaited<ReturnType<typeof findFinding>>>;

/** The finding when the actor may discuss it now; why not otherwise. */
async function discussable(services: Services, actor: Actor, findingId: string): Promise<{ ok: true; finding: FindingRow } | { ok: false; error: DiscussionError }> {
  const finding = await findFinding(services.db, findingId);
  if (!finding || !can(actor, { type: "networkOfNetworks.view" })) return { ok: false, error: "notFound" };
  if (!can(actor, { type: "finding.discuss", closed: finding.discussion_closed_at !== null })) return { ok: false, error: "closed" };
  return { ok: true, finding };
}

const excerptOf = (body: string) => {
  const text = body.trim();
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
};

/** Tells the finding's network about a new comment; nobody hears of it twice. */
async function tellNetwork(services: Services, actor: Actor, finding: FindingRow, threadId: string, body: string, alreadyTold: Set<string>) {
  const members = await listMembersOfNetwork(services.db, finding.network_id);
  const ref = findingRef(finding);
  await notify(
    services,
    members
      .map((m) => m.user_id)
      .filter((id) => id !== actor.userId && !alreadyTold.has(id))
      .map((recipientId) => ({
        recipientId,
        kind: "discussion" as const,
        actorId: actor.userId,
        networkId: null,
        docName: ref.docName,
        threadId,
        title: finding.title,
        excerpt: excerptOf(body),
        link: `${ref.path}?thread=${threadId}#thread-${threadId}`,
      })),
  );
}

/** A new comment on the finding (a thread of its own). */
export async function commentOnFinding(services: Services, actor: Actor, findingId: string, input: { body: string; mentions: string[] }): Promise<DiscussionResult> {
  const found = await discussable(services, actor, findingId);
  if (!found.ok) return found;
  const mentions = [...new Set(input.mentions)];
  const result = await startThread(services, actor, findingRef(found.finding), { anchor: null, quote: "", body: input.body, mentions });
  if (!result.ok) return result;
  await tellNetwork(services, actor, found.finding, result.threadId, input.body, new Set(mentions));
  return result;
}

/** An answer in one of the finding's threads. */
export async function replyOnFinding(services: Services, actor: Actor, findingId: string, input: { threadId: string; body: string; mentions: string[] }): Promise<DiscussionResult> {
  const found = await discussable(services, actor, findingId);
  if (!found.ok) return found;
  const mentions = [...new Set(input.mentions)];
  // Who took part before this reply: the comment system tells them ("reply").
  const participants = await participantsOfThread(services.db, input.threadId);
  const result = await reply(services, actor, findingRef(found.finding), { threadId: input.threadId, body: input.body, mentions });
  if (!result.ok) return result;
  await tellNetwork(services, actor, found.finding, result.threadId, input.body, new Set([...mentions, ...participants]));
  return result;
}

/** Authors delete their own comment (a tombstone stays), also after the discussion closed. */
export async function deleteFindingComment(services: Services, actor: Actor, findingId: string, commentId: string): Promise<DiscussionResult> {
  const finding = await findFinding(services.db, findingId);
  if (!finding || !can(actor, { type: "networkOfNetworks.view" })) return { ok: false, error: "notFound" };
  return deleteComment(services, actor, findingRef(finding), commentId);
}

export interface FindingDiscussion {
  threads: DiscussionThread[];
  /** People who may be mentioned: everyone in the commons but the reader. */
  candidates: Array<{ id: string; name: string }>;
}

export async function findingDiscussion(services: Services, actor: Actor, finding: { id: string; title: string }): Promise<FindingDiscussion> {
  const [{ threads, comments }, people] = await Promise.all([listDiscussion(services.db, findingDocName(finding.id)), mentionCandidates(services, findingRef(finding))]);
  return {
    threads: presentDiscussion(threads, comments, { userId: actor.userId, moderates: can(actor, { type: "networkOfNetworks.moderate" }) }),
    candidates: people.filter((p) => p.id !== actor.userId),
  };
}

/** The comment behind a form's id when it belongs to this finding's discussion. */
export async function commentOfFinding(services: Services, findingId: string, commentId: string) {
  const comment = await findCommentWithDoc(services.db, commentId);
  return comment && comment.doc_name === findingDocName(findingId) ? comment : null;
}
