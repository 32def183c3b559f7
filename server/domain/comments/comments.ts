/**
 * Comment threads on collaborative documents, generic over document types. Everyone who
 * can read a document may comment (advisory-board observers give feedback this way) —
 * editing the text stays a separate right. Mentions must name people who can read the
 * document; otherwise nothing is stored. Replies and mentions notify; every change is
 * announced to the document's live room.
 */
import type { Services } from "#server/services";
import type { Actor, DocumentOwner, DocumentState } from "#shared/policy";
import { can } from "#shared/policy";
import type { EncodedAnchor } from "#shared/collab/anchors";
import { isValidAnchor } from "#shared/collab/anchors";
import {
  findComment,
  findThread,
  insertComment,
  insertMentions,
  insertThread,
  listThreadsOfDocument,
  mentionedUserIds,
  participantsOfThread,
  listMentionablePeople,
  softDeleteComment,
  touchThread,
  updateCommentBody,
  updateThreadStatus,
} from "#db/queries/comments";
import { loadActor, loadActors } from "../auth/actor";
import { notify, type NotificationInput } from "../notifications/notify";
import { newId } from "../auth/tokens";
import { nowIso } from "#shared/time";

/** The commented document: its name, whose it is and its state (for the policy), title and page (for notifications). */
export interface DocumentRef {
  docName: string;
  owner: DocumentOwner;
  state: DocumentState;
  title: string;
  /** The document's page, for notification links. */
  path: string;
}

/** The resolved document (server/documents) as the comment system refers to it. */
export const documentRefOf = (doc: { name: string; owner: DocumentOwner; state: DocumentState; title: string; path: string }): DocumentRef => ({
  docName: doc.name,
  owner: doc.owner,
  state: doc.state,
  title: doc.title,
  path: doc.path,
});

const subjectOf = (doc: DocumentRef) => ({ owner: doc.owner, state: doc.state });
const networkIdOf = (doc: DocumentRef) => (doc.owner.kind === "network" ? doc.owner.networkId : null);
/** Unanchored threads (a discussion of the whole item, e.g. a finding) store empty anchors. */
const NO_ANCHOR = "";

export type CommentError = "invalidAnchor" | "mentionNoAccess" | "notFound" | "notYours" | "empty";
export type CommentResult = { ok: true; threadId: string } | { ok: false; error: CommentError };

const MAX_BODY = 5000;

async function checkMentions(services: Services, doc: DocumentRef, mentions: string[]): Promise<boolean> {
  for (const userId of mentions) {
    const actor = await loadActor(services.db, userId);
    if (!can(actor, { type: "document.read", doc: subjectOf(doc) })) return false;
  }
  return true;
}

/** Everyone who may be mentioned in a document: the active people the policy lets read it. */
export async function mentionCandidates(services: Services, doc: DocumentRef): Promise<Array<{ id: string; name: string }>> {
  const people = await listMentionablePeople(services.db);
  const actors = await loadActors(services.db, people.map((p) => p.id));
  return people.filter((p) => can(actors.get(p.id) ?? null, { type: "document.read", doc: subjectOf(doc) }));
}

const excerptOf = (body: string) => (body.length > 200 ? `${body.slice(0, 199)}…` : body);

/** Notifies the mentioned (and, for replies, the thread's other participants) and the live room. */
async function announce(services: Services, doc: DocumentRef, threadId: string, commentId: string, actorId: string, body: string, mentions: string[], isReply: boolean) {
  const link = `${doc.path}?thread=${threadId}`;
  const base = { actorId, networkId: networkIdOf(doc), docName: doc.docName, threadId, commentId, title: doc.title, excerpt: excerptOf(body), link };
  const mentioned = new Set(mentions);
  const inputs: NotificationInput[] = [...mentioned].map((recipientId) => ({ ...base, recipientId, kind: "mention" }));
  if (isReply) {
    for (const recipientId of await participantsOfThread(services.db, threadId)) {
      if (!mentioned.has(recipientId)) inputs.push({ ...base, recipientId, kind: "reply" as const });
    }
  }
  await notify(services, inputs);
  services.events.emit("comments.changed", { docName: doc.docName, threadId });
}

export async function startThread(
  services: Services,
  actor: Actor,
  doc: DocumentRef,
  /** `anchor: null` starts a discussion of the whole document rather than of a passage. */
  input: { anchor: EncodedAnchor | null; quote: string; body: string; mentions: string[] },
): Promise<CommentResult> {
  const body = input.body.trim().slice(0, MAX_BODY);
  if (!body) return { ok: false, error: "empty" };
  if (input.anchor !== null && !isValidAnchor(input.anchor)) return { ok: false, error: "invalidAnchor" };
  if (!(await checkMentions(services, doc, input.mentions))) return { ok: false, error: "mentionNoAccess" };
  const at = nowIso();
  const threadId = newId();
  const commentId = newId();
  await services.db.transaction().execute(async (trx) => {
    await insertThread(trx, {
      id: threadId,
      doc_name: doc.docName,
      network_id: networkIdOf(doc),
      anchor_start: input.anchor?.start ?? NO_ANCHOR,
      anchor_end: input.anchor?.end ?? NO_ANCHOR,
      quote: input.quote.slice(0, 500),
      status: "open",
      created_by: actor.userId,
      created_at: at,
      updated_at: at,
      resolved_by: null,
      resolved_at: null,
    });
    await insertComment(trx, { id: commentId, thread_id: threadId, author_id: actor.userId, body, created_at: at, edited_at: null, deleted_at: null });
    await insertMentions(trx, commentId, [...new Set(input.mentions)]);
  });
  await announce(services, doc, threadId, commentId, actor.userId, body, input.mentions, false);
  return { ok: true, threadId };
}

/** A thread of this very document, or nothing: ids from browsers are never trusted. */
async function threadOf(services: Services, doc: DocumentRef, threadId: string) {
  const thread = await findThread(services.db, threadId);
  return thread && thread.doc_name === doc.docName ? thread : null;
}

export async function reply(services: Services, actor: Actor, doc: DocumentRef, input: { threadId: string; body: string; mentions: string[] }): Promise<CommentResult> {
  const thread = await threadOf(services, doc, input.threadId);
  if (!thread) return { ok: false, error: "notFound" };
  const body = input.body.trim().slice(0, MAX_BODY);
  if (!body) return { ok: false, error: "empty" };
  if (!(await checkMentions(services, doc, input.mentions))) return { ok: false, error: "mentionNoAccess" };
  const at = nowIso();
  const commentId = newId();
  await services.db.transaction().execute(async (trx) => {
    await insertComment(trx, { id: commentId, thread_id: thread.id, author_id: actor.userId, body, created_at: at, edited_at: null, deleted_at: null });
    await insertMentions(trx, commentId, [...new Set(input.mentions)]);
    await touchThread(trx, thread.id, at);
  });
  await announce(services, doc, thread.id, commentId, actor.userId, body, input.mentions, true);
  return { ok: true, threadId: thread.id };
}

type Owned = { ok: true; comment: NonNullable<Awaited<ReturnType<typeof findComment>>>; thread: NonNullable<Awaited<ReturnType<typeof threadOf>>> } | { ok: false; error: "notFound" | "notYours" };

async function ownComment(services: Services, actor: Actor, doc: DocumentRef, commentId: string): Promise<Owned> {
  const comment = await findComment(services.db, commentId);
  if (!comment || comment.deleted_at) return { ok: false, error: "notFound" };
  const thread = await threadOf(services, doc, comment.thread_id);
  if (!thread) return { ok: false, error: "notFound" };
  if (comment.author_id !== actor.userId) return { ok: false, error: "notYours" };
  return { ok: true, comment, thread };
}

/**
 * Editing may add mentions: they are checked like new ones, and only people not mentioned
 * in this comment before are notified (fixing a typo must not notify everyone again).
 * Mentions that disappear from the text stay recorded: the notification was sent.
 */
export async function editComment(
  services: Services,
  actor: Actor,
  doc: DocumentRef,
  input: { commentId: string; body: string; mentions: string[] },
): Promise<CommentResult> {
  const found = await ownComment(services, actor, doc, input.commentId);
  if (!found.ok) return found;
  const body = input.body.trim().slice(0, MAX_BODY);
  if (!body) return { ok: false, error: "empty" };
  if (!(await checkMentions(services, doc, input.mentions))) return { ok: false, error: "mentionNoAccess" };
  const before = new Set(await mentionedUserIds(services.db, found.comment.id));
  const added = [...new Set(input.mentions)].filter((userId) => !before.has(userId));
  await services.db.transaction().execute(async (trx) => {
    await updateCommentBody(trx, found.comment.id, body, nowIso());
    await insertMentions(trx, found.comment.id, added);
  });
  await announce(services, doc, found.thread.id, found.comment.id, actor.userId, body, added, false);
  return { ok: true, threadId: found.thread.id };
}

/** Deleting keeps a tombstone so replies still make sense ("comment deleted"). */
export async function deleteComment(services: Services, actor: Actor, doc: DocumentRef, commentId: string): Promise<CommentResult> {
  const found = await ownComment(services, actor, doc, commentId);
  if (!found.ok) return found;
  await softDeleteComment(services.db, found.comment.id, nowIso());
  services.events.emit("comments.changed", { docName: doc.docName, threadId: found.thread.id });
  return { ok: true, threadId: found.thread.id };
}

export async function setThreadResolved(services: Services, actor: Actor, doc: DocumentRef, threadId: string, resolved: boolean): Promise<CommentResult> {
  const thread = await threadOf(services, doc, threadId);
  if (!thread) return { ok: false, error: "notFound" };
  await updateThreadStatus(services.db, thread.id, resolved ? "resolved" : "open", actor.userId, nowIso());
  services.events.emit("comments.changed", { docName: doc.docName, threadId: thread.id });
  return { ok: true, threadId: thread.id };
}

export interface ThreadView {
  id: string;
  status: "open" | "resolved";
  /** null for a discussion of the whole document. */
  anchor: EncodedAnchor | null;
  quote: string;
  createdAt: string;
  comments: Array<{ id: string; authorName: string | null; body: string; createdAt: string; editedAt: string | null; deleted: boolean; mine: boolean }>;
}

export async function threadsOfDocument(services: Services, actor: Actor, docName: string): Promise<ThreadView[]> {
  const { threads, comments } = await listThreadsOfDocument(services.db, docName);
  return threads.map((t) => ({
    id: t.id,
    status: t.status,
    anchor: t.anchor_start === NO_ANCHOR ? null : { start: t.anchor_start, end: t.anchor_end },
    quote: t.quote,
    createdAt: t.created_at,
    comments: comments
      .filter((c) => c.thread_id === t.id)
      .map((c) => ({
        id: c.id,
        authorName: c.author_name,
        body: c.deleted_at ? "" : c.body,
        createdAt: c.created_at,
        editedAt: c.edited_at,
        deleted: c.deleted_at !== null,
        mine: c.author_id === actor.userId,
      })),
  }));
}
