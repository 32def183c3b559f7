/**
 * A finding's discussion, usable without JavaScript: threads with their comments, a reply
 * form per thread (inside <details>), a form for a new comment, @mentions as a native
 * multi-select of the people in the commons. A comment hidden by a moderator shows a
 * placeholder with the reason (moderators also see the text they hid). Forms are keyed by
 * the number of comments, so after a successful post they start empty again, while a
 * refused one keeps what was typed. The finding and comments in another language than the
 * reader's offer "show translation" (`Translatable`), a form too.
 */
import { LibraryLinkedText } from "~/components/library/library-linked-text";
import { Form, Link, useNavigation, useSearchParams } from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { DiscussionThread } from "#server/domain/commons/findings-presenter";
import { MAX_COMMENT, MAX_REASON } from "#shared/validation/limits";
import { CsrfInput } from "~/components/csrf-input";
import { FieldError, FormAlert } from "~/components/fields";
import { formatDateTime } from "~/lib/format";

/** What the action answered, as far as the discussion's forms care. */
export interface FormOutcome {
  intent: string | null;
  target: string | null;
  errors: Record<string, string>;
  values: Record<string, unknown>;
}

interface Props {
  threads: DiscussionThread[];
  candidates: Array<{ id: string; name: string }>;
  canDiscuss: boolean;
  canModerate: boolean;
  failed: FormOutcome | null;
  /** Comments offered for translation into the reader's language (by id). */
  translatable?: readonly string[];
  /** The translation the page's action answered, if any. */
  translation?: ShownTranslation | null;
}

export type ShownTranslation = { id: string; text: string; label: string };

const typed = (failed: FormOutcome | null, intent: string, target: string | null, key: string) =>
  failed && failed.intent === intent && failed.target === target && typeof failed.values[key] === "string" ? (failed.values[key] as string) : undefined;

const chosen = (failed: FormOutcome | null, intent: string, target: string | null): string[] => {
  if (!failed || failed.intent !== intent || failed.target !== target) return [];
  const value = failed.values.mentions;
  return Array.isArray(value) ? value.map(String) : typeof value === "string" && value ? [value] : [];
};

function CommentFields({ idBase, intent, target, candidates, failed, label }: { idBase: string; intent: string; target: string | null; candidates: Props["candidates"]; failed: FormOutcome | null; label: string }) {
  const { t } = useTranslation("commons");
  const mine = failed && failed.intent === intent && failed.target === target ? failed : null;
  return (
    <>
      <FormAlert error={mine?.errors.form} />
      <label htmlFor={`${idBase}-body`}>{label}</label>
      <textarea
        id={`${idBase}-body`}
        name="body"
        rows={4}
        maxLength={MAX_COMMENT}
        required
        defaultValue={typed(failed, intent, target, "body")}
        aria-invalid={mine?.errors.body ? true : undefined}
        aria-describedby={mine?.errors.body ? `${idBase}-body-error` : undefined}
      />
      <FieldError id={`${idBase}-body-error`} error={mine?.errors.body} />
      {candidates.length ? (
        <>
          <label htmlFor={`${idBase}-mentions`}>{t("findings.discussion.mentions")}</label>
          <p id={`${idBase}-mentions-hint`} className="field__hint">
            {t("findings.discussion.mentionsHint")}
          </p>
          <select id={`${idBase}-mentions`} name="mentions" multiple size={Math.min(5, candidates.length)} defaultValue={chosen(failed, intent, target)} aria-describedby={`${idBase}-mentions-hint`}>
            {candidates.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </>
      ) : null}
    </>
  );
}

export function Discussion({ threads, candidates, canDiscuss, canModerate, failed, translatable = [], translation = null }: Props) {
  const { t, i18n } = useTranslation("commons");
  const total = threads.reduce((n, th) => n + th.comments.length, 0);
  // Notifications link to ?thread=<id>: that thread is marked and, once the page runs, focused.
  const [params] = useSearchParams();
  const current = params.get("thread");
  useEffect(() => {
    if (!current) return;
    const element = document.getElementById(`thread-${current}`);
    element?.focus();
    element?.scrollIntoView({ block: "center" });
  }, [current]);

  return (
    <>
      {threads.length === 0 ? (
        <p className="empty">{t("findings.discussion.empty")}</p>
      ) : (
        <ol className="plain-list">
          {threads.map((thread, index) => (
            <li
              key={thread.id}
              id={`thread-${thread.id}`}
              className={`comment-thread discussion-thread${thread.id === current ? " comment-thread--active" : ""}`}
              tabIndex={-1}
              aria-current={thread.id === current ? "true" : undefined}
            >
              <h3 className="visually-hidden">{t("findings.discussion.threadLabel", { n: index + 1 })}</h3>
              <ul className="comment-list">
                {thread.comments.map((c) => (
                  <li key={c.id} id={`comment-${c.id}`} className="comment">
                    <p className="comment__meta">
                      <span className="comment__author">{c.authorName ?? t("findings.discussion.formerMember")}</span> ·{" "}
                      <time dateTime={c.createdAt}>{formatDateTime(c.createdAt, i18n.language)}</time>
                      {c.editedAt && !c.deleted ? <span className="comment__edited"> · {t("findings.discussion.edited")}</span> : null}
                    </p>
                    {c.deleted ? (
                      <p className="comment__deleted">{t("findings.discussion.deleted")}</p>
                    ) : c.hidden ? (
                      <>
                        <p className="discussion-comment__hidden">{t("findings.discussion.hidden", { reason: c.hidden.reason })}</p>
                        {c.hiddenText !== null ? (
                          <details className="discussion-comment__original">
                            <summary>{t("findings.discussion.showHidden")}</summary>
                            <p>{c.hiddenText}</p>
                          </details>
                        ) : null}
                      </>
                    ) : (
                      <Translatable kind="comment" id={c.id} available={translatable.includes(c.id)} shown={translation} failed={failed} render={(text) => <p className="comment__body">{text}</p>}>
                        <p className="comment__body">
                          <LibraryLinkedText text={c.body ?? ""} />
                        </p>
                      </Translatable>
                    )}
                    {!c.deleted && (c.mine || (canModerate && !c.hidden)) ? (
                      <div className="comment__actions">
                        {c.mine ? (
                          <Form method="post" className="inline-form">
                            <CsrfInput />
                            <input type="hidden" name="intent" value="deleteComment" />
                            <input type="hidden" name="commentId" value={c.id} />
                            <button type="submit" className="button button--small button--quiet">
                              {t("findings.discussion.delete")}
                            </button>
                          </Form>
                        ) : null}
                        {canModerate && !c.hidden ? <HideForm commentId={c.id} failed={failed} /> : null}
                      </div>
                    ) : null}
                  </li>
                ))}
              </ul>
              {canDiscuss ? (
                <details className="discussion-form" open={failed?.intent === "reply" && failed.target === thread.id ? true : undefined} key={`reply-${thread.comments.length}`}>
                  <summary>{t("findings.discussion.reply")}</summary>
                  <Form method="post" noValidate>
                    <CsrfInput />
                    <input type="hidden" name="intent" value="reply" />
                    <input type="hidden" name="threadId" value={thread.id} />
                    <CommentFields idBase={`reply-${thread.id}`} intent="reply" target={thread.id} candidates={candidates} failed={failed} label={t("findings.discussion.replyLabel")} />
                    <div className="comment-form__actions">
                      <button type="submit" className="button button--small">
                        {t("findings.discussion.sendReply")}
                      </button>
                    </div>
                  </Form>
                </details>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {canDiscuss ? (
        <Form method="post" className="discussion-form comment-form--new" noValidate key={`new-${total}`}>
          <h3 className="comment-form__heading">{t("findings.discussion.newHeading")}</h3>
          <CsrfInput />
          <input type="hidden" name="intent" value="comment" />
          <CommentFields idBase="new-comment" intent="comment" target={null} candidates={candidates} failed={failed} label={t("findings.discussion.newLabel")} />
          <div className="comment-form__actions">
            <button type="submit" className="button">
              {t("findings.discussion.send")}
            </button>
          </div>
        </Form>
      ) : null}
    </>
  );
}

/**
 * "Show translation" as a form to the page's action (no script needed): the answer shows the
 * translation in place of the original, labelled as machine-made, and "show original" loads
 * the page again. A refusal is said next to the button; the original stays.
 */
export function Translatable(props: {
  kind: "comment" | "finding";
  id: string;
  available: boolean;
  shown: ShownTranslation | null;
  failed: FormOutcome | null;
  render: (text: string) => ReactNode;
  children: ReactNode;
}) {
  const { kind, id, shown, failed } = props;
  const { t, i18n } = useTranslation("comments");
  const busy = useNavigation().formData?.get("id") === id;
  if (!props.available) return <>{props.children}</>;
  const mine = shown?.id === id ? shown : null;
  return (
    <>
      {mine ? (
        <>
          <div lang={i18n.language}>{props.render(mine.text)}</div>
          <p className="muted">
            <small>{mine.label}</small>
          </p>
        </>
      ) : (
        props.children
      )}
      <FormAlert error={failed?.intent === "translate" && failed.target === id ? failed.errors.form : undefined} />
      {mine ? (
        <Link to="." preventScrollReset className="button button--quiet button--small">
          {t("translation.showOriginal")}
        </Link>
      ) : (
        <Form method="post" preventScrollReset>
          <CsrfInput />
          <input type="hidden" name="intent" value="translate" />
          <input type="hidden" name="kind" value={kind} />
          <button type="submit" name="id" value={id} className="button button--quiet button--small">
            {t(busy ? "translation.loading" : "translation.show")}
          </button>
        </Form>
      )}
    </>
  );
}

/** A moderator's "hide" with its required reason, folded away until needed. */
function HideForm({ commentId, failed }: { commentId: string; failed: FormOutcome | null }) {
  const { t } = useTranslation("commons");
  const mine = failed && failed.intent === "hideComment" && failed.target === commentId ? failed : null;
  const id = `hide-${commentId}`;
  return (
    <details open={mine ? true : undefined}>
      <summary>{t("findings.moderation.hideComment")}</summary>
      <Form method="post" className="discussion-form" noValidate>
        <CsrfInput />
        <FormAlert error={mine?.errors.form} />
        <input type="hidden" name="intent" value="hideComment" />
        <input type="hidden" name="commentId" value={commentId} />
        <label htmlFor={`${id}-reason`}>{t("findings.moderation.hideReason")}</label>
        <input
          id={`${id}-reason`}
          name="reason"
          type="text"
          maxLength={MAX_REASON}
          required
          defaultValue={typeof mine?.values.reason === "string" ? mine.values.reason : undefined}
          aria-invalid={mine?.errors.reason ? true : undefined}
          aria-describedby={mine?.errors.reason ? `${id}-reason-error` : undefined}
        />
        <FieldError id={`${id}-reason-error`} error={mine?.errors.reason} />
        <div className="comment-form__actions">
          <button type="submit" className="button button--small button--danger">
            {t("findings.moderation.hideSubmit")}
          </button>
        </div>
      </Form>
    </details>
  );
}
