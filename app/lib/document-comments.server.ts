/**
 * The comment threads of one co-edited document, for the editor's sidebar, whatever the
 * document's type: a resource route answering JSON, built by `documentCommentsRoute(find)`
 * where `find` checks the URL and returns the caller and the document (throwing 404 when
 * the caller may not read it).
 *
 *   GET   the threads (open and resolved, with their anchors; each comment says whether
 *         "show translation" is offered to this reader) and the people who may be
 *         @mentioned (those the policy lets read the document);
 *   POST  intent=startThread | reply | edit | delete | resolve | reopen (CSRF-checked).
 *
 * Commenting is `document.comment`: everyone who reads may comment, observers too and on
 * archived or submitted documents too (feedback on the version that stands); editing the
 * text is a different right and not involved here.
 *
 * Refusals are *returned* (not thrown) as `{ ok: false, error, message }` with their status:
 * `error` is a key of the comments namespace for the sidebar, `message` the same text in the
 * caller's language. A thrown error would replace the whole editor page with an error page.
 * Nothing is stored when a request is refused.
 */
import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import type { ZodType, ZodTypeDef } from "zod";
import type { Actor } from "#shared/policy";
import { fixedT } from "#shared/i18n/instance";
import { commentForms, isCommentIntent, type CommentIntent } from "#shared/validation/comment-forms";
import type { Authenticated } from "#server/domain/auth/sessions";
import {
  deleteComment,
  documentRefOf,
  editComment,
  mentionCandidates,
  reply,
  setThreadResolved,
  startThread,
  threadsOfDocument,
  type CommentError,
  type CommentResult,
  type DocumentRef,
} from "#server/domain/comments/comments";
import { authorize } from "./guards.server";
import { translatable } from "./translate.server";
import { parseWith, readForm } from "./forms.server";
import type { ResolvedDocument } from "./documents.server";

const NO_STORE = { "Cache-Control": "private, no-store" };

type RefusalKey = CommentError | "invalid" | "tooLong" | "forbidden";

const STATUS: Record<RefusalKey, number> = {
  empty: 400,
  invalidAnchor: 400,
  mentionNoAccess: 400,
  invalid: 400,
  tooLong: 400,
  notYours: 403,
  forbidden: 403,
  notFound: 404,
};

function refusal(context: AppLoadContext, key: RefusalKey, status = STATUS[key]) {
  const error = `errors.${key}`;
  return Response.json({ ok: false as const, error, message: fixedT(context.locale)(`comments:${error}`) }, { status, headers: NO_STORE });
}

/** Checks the URL (logged in, the document is where the URL says) and returns whose request it is and the document. */
export type FindCommentedDocument = (args: { request: Request; context: AppLoadContext; params: Record<string, string | undefined> }) => Promise<{
  auth: Authenticated;
  document: ResolvedDocument;
}>;

/** Runs a guard; a refusal it throws (404, 403) is answered as JSON, a redirect (login) passes. */
async function guarded<T>(context: AppLoadContext, run: () => Promise<T>): Promise<T | Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Response && (error.status === 404 || error.status === 403)) {
      return refusal(context, error.status === 404 ? "notFound" : "forbidden", error.status);
    }
    throw error;
  }
}

/** The form's fields for one intent, or the refusal for malformed input. */
function fields<T>(schema: ZodType<T, ZodTypeDef, unknown>, form: FormData): T | "invalid" | "tooLong" {
  const parsed = parseWith(schema, form, ["mentions"]);
  if (parsed.ok) return parsed.data;
  return Object.values(parsed.errors).includes("errors.tooLong") ? "tooLong" : "invalid";
}

async function perform(context: AppLoadContext, actor: Actor, doc: DocumentRef, intent: CommentIntent, form: FormData): Promise<CommentResult | "invalid" | "tooLong"> {
  const { services } = context;
  switch (intent) {
    case "startThread": {
      const input = fields(commentForms.startThread, form);
      if (typeof input === "string") return input;
      const anchor = { start: input.anchorStart, end: input.anchorEnd };
      return startThread(services, actor, doc, { anchor, quote: input.quote, body: input.body, mentions: [...new Set(input.mentions)] });
    }
    case "reply": {
      const input = fields(commentForms.reply, form);
      if (typeof input === "string") return input;
      return reply(services, actor, doc, { threadId: input.threadId, body: input.body, mentions: [...new Set(input.mentions)] });
    }
    case "edit": {
      const input = fields(commentForms.edit, form);
      if (typeof input === "string") return input;
      return editComment(services, actor, doc, { commentId: input.commentId, body: input.body, mentions: [...new Set(input.mentions)] });
    }
    case "delete": {
      const input = fields(commentForms.delete, form);
      if (typeof input === "string") return input;
      return deleteComment(services, actor, doc, input.commentId);
    }
    case "resolve":
    case "reopen": {
      const input = fields(commentForms[intent], form);
      if (typeof input === "string") return input;
      return setThreadResolved(services, actor, doc, input.threadId, intent === "resolve");
    }
  }
}

export function documentCommentsRoute(find: FindCommentedDocument) {
  async function commented(args: { request: Request; context: AppLoadContext; params: Record<string, string | undefined> }) {
    const { auth, document } = await find(args);
    authorize(auth, { type: "document.comment", doc: document });
    return { auth, doc: documentRefOf(document) };
  }

  async function loader(args: LoaderFunctionArgs) {
    const { context } = args;
    const found = await guarded(context, () => commented(args));
    if (found instanceof Response) return found;
    const { auth, doc } = found;
    const [threads, people] = await Promise.all([threadsOfDocument(context.services, auth.actor, doc.docName), mentionCandidates(context.services, doc)]);
    return Response.json(
      {
        ok: true as const,
        // Each comment says whether "show translation" is offered to this reader.
        threads: threads.map((thread) => ({ ...thread, comments: thread.comments.map((c) => ({ ...c, translatable: !c.deleted && translatable(context, c.body) })) })),
        // Mentioning oneself notifies nobody; the list offers everyone else who can read.
        candidates: people.filter((p) => p.id !== auth.user.id).map((p) => ({ id: p.id, name: p.name })),
      },
      { headers: NO_STORE },
    );
  }

  async function action(args: ActionFunctionArgs) {
    const { request, context } = args;
    const checked = await guarded(context, async () => {
      const found = await commented(args);
      return { ...found, form: await readForm(request, context) };
    });
    if (checked instanceof Response) return checked;
    const { auth, doc, form } = checked;
    const intent = form.get("intent");
    if (!isCommentIntent(intent)) return refusal(context, "invalid");
    const result = await perform(context, auth.actor, doc, intent, form);
    if (typeof result === "string") return refusal(context, result);
    if (!result.ok) return refusal(context, result.error);
    return Response.json({ ok: true as const, intent, threadId: result.threadId }, { headers: NO_STORE });
  }

  return { loader, action };
}
