/**
 * The forms of the comment sidebar, as the resource route reads them. Only shapes and sizes
 * are checked here; what the text may say, whether the anchor decodes, who may be mentioned
 * and whose comment it is are the comments domain's decisions.
 */
import { z } from "zod";
import { MAX_COMMENT_LENGTH } from "./limits";

export const COMMENT_INTENTS = ["startThread", "reply", "edit", "delete", "resolve", "reopen"] as const;
export type CommentIntent = (typeof COMMENT_INTENTS)[number];

/** Quotes are stored shortened to 500 characters; longer selections are cut by the domain. */
const MAX_QUOTE_INPUT = 20_000;
const MAX_MENTIONS = 50;

const id = z.string().min(1).max(64);
const body = z.string().max(MAX_COMMENT_LENGTH, "errors.tooLong");
const mentions = z.array(id).max(MAX_MENTIONS);
/** A base64 Yjs relative position; the domain decodes it. */
const anchorPart = z.string().min(1).max(200);

export const commentForms = {
  startThread: z.object({ anchorStart: anchorPart, anchorEnd: anchorPart, quote: z.string().max(MAX_QUOTE_INPUT), body, mentions }),
  reply: z.object({ threadId: id, body, mentions }),
  edit: z.object({ commentId: id, body, mentions }),
  delete: z.object({ commentId: id }),
  resolve: z.object({ threadId: id }),
  reopen: z.object({ threadId: id }),
} satisfies Record<CommentIntent, z.ZodTypeAny>;

export const isCommentIntent = (value: unknown): value is CommentIntent =>
  typeof value === "string" && (COMMENT_INTENTS as readonly string[]).includes(value);
