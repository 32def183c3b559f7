/**
 * One comment thread in the sidebar: which passage it is about (or that the passage has been
 * deleted — the thread stays, with its quote), the comments with author, time, "(edited)" and
 * tombstones, edit and delete for one's own comments, a reply box with @mentions, and
 * resolve / reopen. Every action says what went wrong next to it, in words.
 */
import { LibraryLinkedText } from "~/components/library/library-linked-text";
import { useEffect, useId, useRef, useState, type MouseEvent } from "react";
import { useTranslation } from "react-i18next";
import type { CommentIntent } from "#shared/validation/comment-forms";
import { formatDateTime } from "~/lib/format";
import { ShowTranslation } from "~/components/show-translation";
import { mentionedIds, splitMentions, type MentionCandidate } from "./comment-mentions";
import { MentionField, type MentionFieldHandle } from "./comments-mention-field.client";
import type { CommentActionResult, CommentThread } from "./use-comment-threads.client";

export type SendComment = (fields: Record<string, string | string[]>) => Promise<CommentActionResult>;
export type CommentDone = (result: { intent: CommentIntent; threadId: string }) => void;

export const threadCardId = (threadId: string) => `comment-thread-${threadId}`;

const shortQuote = (quote: string) => {
  const flat = quote.replace(/\s+/g, " ").trim();
  if (!flat) return "…";
  return flat.length > 100 ? `${flat.slice(0, 99)}…` : flat;
};

function ErrorText({ id, error }: { id: string; error: string | null }) {
  const { t } = useTranslation("comments");
  if (!error) return null;
  return (
    <p id={id} role="alert" className="comment-form__error">
      {t(error)}
    </p>
  );
}

/** A comment's text with the @Names of people known here marked and library documents linked (never HTML). */
export function CommentBody({ body, names }: { body: string; names: readonly string[] }) {
  return (
    <p className="comment__body">
      {splitMentions(body, names).map((part, i) =>
        part.mention ? (
          <span key={i} className="comment-mention">
            {part.text}
          </span>
        ) : (
          <span key={i}>
            <LibraryLinkedText text={part.text} />
          </span>
        ),
      )}
    </p>
  );
}

interface ThreadCardProps {
  thread: CommentThread;
  /** true: its passage is gone; false: it is in the text; null: not known yet (text loading). */
  detached: boolean | null;
  active: boolean;
  candidates: readonly MentionCandidate[];
  names: readonly string[];
  send: SendComment;
  onDone: CommentDone;
  /** Make it the current thread and scroll its passage into view. */
  onActivate: (threadId: string) => void;
  /** The same, and (in an editable text) put the caret at the passage. */
  onShow: (threadId: string) => void;
}

export function ThreadCard({ thread, detached, active, candidates, names, send, onDone, onActivate, onShow }: ThreadCardProps) {
  const { t } = useTranslation("comments");
  const headingId = `${threadCardId(thread.id)}-heading`;
  const errorId = `${threadCardId(thread.id)}-error`;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const open = thread.status === "open";

  const setStatus = async () => {
    if (busy) return;
    setBusy(true);
    const intent = open ? "resolve" : "reopen";
    const result = await send({ intent, threadId: thread.id });
    setBusy(false);
    if (result.ok) {
      setError(null);
      onDone(result);
    } else setError(result.error);
  };

  // A click on the card (not on one of its controls) shows the passage.
  const onCardClick = (event: MouseEvent<HTMLElement>) => {
    if ((event.target as HTMLElement).closest("button, a, textarea, input, select, label, [role=option]")) return;
    onActivate(thread.id);
  };

  const classes = ["comment-thread", active ? "comment-thread--active" : null, detached ? "comment-thread--detached" : null, open ? null : "comment-thread--resolved"];
  return (
    // The card takes the focus when a link or a new comment leads to it; it is not a tab stop.
    // Clicking it is a shortcut for pointer users; the "show in text" button is the keyboard way.
    <article
      id={threadCardId(thread.id)}
      className={classes.filter(Boolean).join(" ")}
      aria-labelledby={headingId}
      aria-current={active ? "true" : undefined}
      tabIndex={-1}
      data-thread-id={thread.id}
      onClick={onCardClick}
    >
      <h3 id={headingId} className="comment-thread__heading">
        {t("thread.label", { quote: shortQuote(thread.quote) })}
      </h3>
      {detached ? (
        <div className="comment-thread__detached">
          <p className="comment-thread__detached-label">
            <strong>{t("thread.detached")}</strong>
          </p>
          <p className="comment-thread__detached-hint">{t("thread.detachedHint")}</p>
          <blockquote className="comment-quote comment-quote--gone">{thread.quote}</blockquote>
        </div>
      ) : detached === false ? (
        <p className="comment-thread__show">
          <button type="button" className="button button--quiet button--small" onClick={() => onShow(thread.id)}>
            {t("thread.show")}
          </button>
        </p>
      ) : null}

      <ol className="comment-list">
        {thread.comments.map((comment) => (
          <CommentItem key={comment.id} comment={comment} names={names} candidates={candidates} send={send} onDone={onDone} threadId={thread.id} />
        ))}
      </ol>

      {open ? <ReplyForm threadId={thread.id} candidates={candidates} send={send} onDone={onDone} /> : null}

      <ErrorText id={errorId} error={error} />
      <p className="comment-thread__status">
        <button type="button" className="button button--small comment-thread__resolve" onClick={() => void setStatus()} aria-describedby={error ? errorId : undefined}>
          {open ? t("thread.resolve") : t("thread.reopen")}
        </button>
      </p>
    </article>
  );
}

/** `translatable`: the server offers "show translation" (a provider is set up, the comment is in another language). */
type CommentView = CommentThread["comments"][number] & { translatable?: boolean };

interface CommentItemProps {
  comment: CommentView;
  names: readonly string[];
  candidates: readonly MentionCandidate[];
  send: SendComment;
  onDone: CommentDone;
  threadId: string;
}

function CommentItem({ comment, names, candidates, send, onDone, threadId }: CommentItemProps) {
  const { t, i18n } = useTranslation("comments");
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(comment.body);
  /** People who may be mentioned; those whose "@Name" is in the text when saved are sent. */
  const [chosen, setChosen] = useState<MentionCandidate[]>([]);
  const field = useRef<MentionFieldHandle>(null);
  // The person just asked to edit this very comment: the box takes the focus.
  useEffect(() => {
    if (editing) field.current?.focus();
  }, [editing]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const ids = `comment-${useId().replace(/:/g, "")}`;
  const author = comment.authorName ?? t("comment.unknownAuthor");
  const time = formatDateTime(comment.createdAt, i18n.language);
  const which = t("comment.ofAuthor", { author, time });

  const stopEditing = () => {
    setEditing(false);
    setError(null);
    // Back to the button that opened the box, once it is rendered again.
    requestAnimationFrame(() => editButton.current?.focus());
  };

  const save = async () => {
    if (busy) return;
    if (!text.trim()) return setError("errors.empty");
    setBusy(true);
    const result = await send({ intent: "edit", commentId: comment.id, body: text, mentions: mentionedIds(text, chosen) });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    stopEditing();
    onDone(result);
  };

  const remove = async () => {
    if (busy || !window.confirm(t("comment.confirmDelete"))) return;
    setBusy(true);
    const result = await send({ intent: "delete", commentId: comment.id });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setError(null);
    onDone({ intent: "delete", threadId });
  };

  return (
    <li className={comment.deleted ? "comment comment--deleted" : "comment"}>
      <p className="comment__meta">
        <span className="comment__author">{author}</span>
        <span aria-hidden="true"> · </span>
        <time dateTime={comment.createdAt}>{time}</time>
        {comment.editedAt && !comment.deleted ? <span className="comment__edited"> {t("comment.edited")}</span> : null}
      </p>
      {comment.deleted ? (
        <p className="comment__deleted">{t("comment.deleted")}</p>
      ) : editing ? (
        <form
          className="comment-form comment-form--edit"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <MentionField
            ref={field}
            label={t("comment.editLabel")}
            value={text}
            onChange={(value) => {
              setText(value);
              if (error) setError(null);
            }}
            candidates={candidates}
            onMention={(person) => setChosen((list) => [...list, person])}
            onEscape={stopEditing}
            onSubmitShortcut={() => void save()}
            invalid={Boolean(error)}
            errorId={error ? `${ids}-error` : undefined}
          />
          <ErrorText id={`${ids}-error`} error={error} />
          <div className="comment-form__actions">
            <button type="submit" className="button button--small">
              {t("comment.save")}
            </button>
            <button type="button" className="button button--quiet button--small" onClick={stopEditing}>
              {t("comment.cancel")}
            </button>
          </div>
        </form>
      ) : (
        <ShowTranslation key={comment.editedAt ?? ""} kind="comment" id={comment.id} available={comment.translatable === true}>
          <CommentBody body={comment.body} names={names} />
        </ShowTranslation>
      )}
      {comment.mine && !comment.deleted && !editing ? (
        <>
          <ErrorText id={`${ids}-error`} error={error} />
          <p className="comment__actions">
            <button
              ref={editButton}
              type="button"
              className="button button--quiet button--small"
              onClick={() => {
                setText(comment.body);
                // Mentions already in the text count as chosen, so they survive the edit.
                setChosen(candidates.filter((person) => comment.body.includes(`@${person.name}`)));
                setError(null);
                setEditing(true);
              }}
            >
              {t("comment.edit")}
              <span className="visually-hidden"> – {which}</span>
            </button>
            <button type="button" className="button button--quiet button--small comment__delete" onClick={() => void remove()}>
              {t("comment.delete")}
              <span className="visually-hidden"> – {which}</span>
            </button>
          </p>
        </>
      ) : null}
    </li>
  );
}

function ReplyForm({ threadId, candidates, send, onDone }: { threadId: string; candidates: readonly MentionCandidate[]; send: SendComment; onDone: CommentDone }) {
  const { t } = useTranslation("comments");
  const [body, setBody] = useState("");
  const [chosen, setChosen] = useState<MentionCandidate[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const field = useRef<MentionFieldHandle>(null);
  const errorId = `${threadCardId(threadId)}-reply-error`;

  const submit = async () => {
    if (busy) return;
    if (!body.trim()) {
      setError("errors.empty");
      field.current?.focus();
      return;
    }
    setBusy(true);
    const result = await send({ intent: "reply", threadId, body, mentions: mentionedIds(body, chosen) });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      field.current?.focus();
      return;
    }
    setBody("");
    setChosen([]);
    setError(null);
    onDone(result);
  };

  return (
    <form
      className="comment-form comment-form--reply"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <MentionField
        ref={field}
        label={t("thread.replyLabel")}
        value={body}
        onChange={(value) => {
          setBody(value);
          if (error) setError(null);
        }}
        candidates={candidates}
        onMention={(person) => setChosen((list) => [...list, person])}
        onSubmitShortcut={() => void submit()}
        invalid={Boolean(error)}
        errorId={error ? errorId : undefined}
        rows={2}
      />
      <ErrorText id={errorId} error={error} />
      <div className="comment-form__actions">
        <button type="submit" className="button button--small">
          {t("thread.replySubmit")}
        </button>
      </div>
    </form>
  );
}
