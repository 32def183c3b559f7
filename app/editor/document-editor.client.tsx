/**
 * The editor of every co-edited document (browser only, loaded lazily): tiptap on the shared
 * extension list plus Collaboration (Y.XmlFragment "content") and carets, the toolbar, a
 * truthful status line, who is here, the comment sidebar beside the text (for everyone who
 * can read, also when the text is read-only), and below the text whatever structured part
 * the document type has (a work programme's activities, the decisions of minutes), drawn by
 * the caller from the same Y.Doc. A document that is only text (a recommendation) passes none.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type * as Y from "yjs";
import { useNavigate } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { editorExtensions } from "#shared/editor/extensions";
import { CONTENT_FIELD } from "#shared/collab/work-programme-doc";
import { COLLAB_CLOSE } from "#shared/collab/protocol";
import { parseDocName } from "#shared/collab/doc-names";
import { useCollabSession, type CollabSession, type CollabSnapshot } from "./use-collab-session.client";
import { renderCaret, renderSelection, withoutOwnCaret } from "./carets";
import { Toolbar, type ToolbarButton } from "./toolbar.client";
import { CommentHighlights, CommentsBridge } from "./comment-highlights.client";
import { COMMENT_BUTTON_ID, COMMENT_SHORTCUT_ARIA, CommentsSidebar } from "./comments-sidebar.client";
import { PresenceList } from "./presence.client";
import { ReadOnlyText } from "./read-only-text";
import { flushBrowserSelection } from "./flush-browser-selection";
import { BrowserSelectionFirst } from "./browser-selection-first";
import { RestoreNotice } from "./restore-notice.client";
import { keepPageOnDevice } from "~/lib/device-copies";
import { useTiptapEditor } from "./tiptap-react.client";
import { GlossaryTerms, type GlossaryHint } from "./glossary-terms.client";
import { useGlossaryCard } from "./glossary-card.client";

export interface DocumentEditorProps {
  docName: string;
  canEdit: boolean;
  archived: boolean;
  user: { id: string; name: string; colour: string };
  /** The comments resource route of this document. */
  commentsUrl: string;
  /** The document's structured part below the text, drawn from the live Y.Doc; none for text only. */
  structured?: (doc: Y.Doc, editable: boolean) => ReactNode;
  /** What names the document (the text's accessible name, messages about it); the work programme's by default. */
  labels?: EditorLabels;
  /** Glossary terms to mark in the text, with their equivalents (same array for the page's life). */
  glossary?: GlossaryHint[];
}

export interface EditorLabels {
  text: string;
  accessRevoked: string;
  documentTooLarge: string;
}

export default function DocumentEditor(props: DocumentEditorProps) {
  const collabUser = useMemo(
    () => ({ id: props.user.id, name: props.user.name, colour: props.user.colour, readOnly: !props.canEdit }),
    [props.user.id, props.user.name, props.user.colour, props.canEdit],
  );
  const navigate = useNavigate();
  // The route skips plain revalidation (see its shouldRevalidate), so a new search string
  // makes it reload its data: canEdit then matches the rights the server now grants.
  const reloadRights = useCallback(() => navigate({ search: `?rights=${Date.now()}` }, { replace: true, preventScrollReset: true }), [navigate]);
  const { session, snapshot } = useCollabSession(props.docName, collabUser, reloadRights);
  // This page (reached by a client-side navigation, its HTML never fetched) is kept too, so
  // it opens again with no connection; the worker fetches and stores it.
  useEffect(() => keepPageOnDevice(window.location.href), [props.docName]);
  if (!session) return <EditorLoading />;
  return <EditorBody key={session.doc.guid} {...props} session={session} snapshot={snapshot} readOnlyUser={collabUser.readOnly} />;
}

function EditorBody({
  session,
  snapshot,
  canEdit,
  user,
  readOnlyUser,
  structured,
  labels,
  docName,
  commentsUrl,
  glossary,
}: DocumentEditorProps & { session: CollabSession; snapshot: CollabSnapshot; readOnlyUser: boolean }) {
  const { t } = useTranslation("workprogramme");
  const [linkError, setLinkError] = useState<string | null>(null);
  const { doc, provider } = session;
  const ended = snapshot.connection === "ended";
  const editable = canEdit && !ended;
  const editableRef = useRef(editable);
  editableRef.current = editable;
  // Comment passages can only be looked up in the text once it has come from the server.
  const everLive = useRef(false);
  if (snapshot.connection === "live") everLive.current = true;
  const commentsBridge = useMemo(() => new CommentsBridge(), []);
  const glossaryCard = useGlossaryCard();

  // One extension list per document session (the editor is only created once per session).
  const extensions = useMemo(
    () => [
      // A source names its new blocks as sections; in a language version typed blocks continue the section before them.
      ...editorExtensions({ sectionIds: parseDocName(docName)?.language ? "dedupe" : "assign" }),
      Collaboration.configure({ document: doc, field: CONTENT_FIELD }),
      CollaborationCaret.configure({
        // Read-only people see others' carets but never publish their own.
        provider: readOnlyUser ? { awareness: withoutOwnCaret(provider.awareness) } : provider,
        user: { id: user.id, name: user.name, color: user.colour, readOnly: readOnlyUser },
        render: renderCaret,
        selectionRender: renderSelection,
      }),
      CommentHighlights.configure({ bridge: commentsBridge }),
      ReadOnlyText(() => !editableRef.current),
      BrowserSelectionFirst,
      GlossaryTerms.configure({ hints: glossary ?? [], onActive: glossaryCard.onActive }),
    ],
    [doc, provider, readOnlyUser, user.id, user.name, user.colour, commentsBridge, docName, glossary, glossaryCard.onActive],
  );

  // Created in an effect, not during render: binding the Y.Doc emits events that update state.
  const { editor, mountRef } = useTiptapEditor(
    {
      // The page's CSP refuses injected <style> tags; the editor's CSS is in app.css.
      injectCSS: false,
      // Always "editable" for ProseMirror so there is a caret to select with; ReadOnlyText
      // refuses every change while the person may only read.
      editable: true,
      extensions,
      editorProps: {
        // A function, so ProseMirror re-reads it when the editor becomes read-only.
        attributes: () => ({
          id: "wp-editor-text",
          class: "wp-editor__text",
          role: "textbox",
          "aria-multiline": "true",
          "aria-label": labels?.text ?? t("editor.label"),
          "aria-readonly": editableRef.current ? "false" : "true",
        }),
      },
    },
    [doc, provider],
  );

  // A collaborator's change must not undo a caret move the editor has not read yet.
  useEffect(() => {
    if (!editor) return;
    // The editor may be gone by the time a change arrives (it is destroyed before this
    // subscription ends when the page is left).
    return session.gate.beforeRemoteChange(() => {
      if (!editor.isDestroyed) flushBrowserSelection(editor.view);
    });
  }, [editor, session.gate]);

  // Read-only only changes attributes (aria-readonly, inputmode); ask ProseMirror to re-read them.
  useEffect(() => {
    editor?.view.setProps({});
  }, [editor, editable]);

  const commentButton: ToolbarButton = {
    key: "comment",
    label: t("comments:action.comment"),
    run: () => commentsBridge.compose(),
    startsGroup: true,
    keyShortcuts: COMMENT_SHORTCUT_ARIA,
  };

  // Until tiptap has built the text (in an effect, after this render) the page still says
  // "Loading…" and the rest waits, hidden: painting the sections first and the text and
  // toolbar a frame later pushed everything below them down (Lighthouse: a layout shift of
  // 0.38 on a phone).
  return (
    <>
      {editor ? null : <EditorLoading />}
      <div className="wp-editor" hidden={!editor}>
        <div className="wp-editor__bar">
          <StatusLine snapshot={snapshot} canEdit={canEdit} />
          <PresenceList awareness={provider.awareness} myId={user.id} />
        </div>
        {ended ? <EndedMessage code={snapshot.endedBy} labels={labels} /> : null}
        {!ended && snapshot.interruptedBy !== null ? <InterruptedMessage code={snapshot.interruptedBy} /> : null}
        <RestoreNotice docName={docName} myId={user.id} />
        <div className="wp-text-with-comments">
          <section className="wp-section wp-text-with-comments__text" aria-labelledby="wp-text-heading">
            <h2 id="wp-text-heading" className="visually-hidden">
              {t("page.textHeading")}
            </h2>
            {editable && editor ? <Toolbar editor={editor} onLinkError={setLinkError} extraButtons={[commentButton]} /> : null}
            {!editable && editor ? (
              // Read-only text: no formatting toolbar, but commenting is still possible.
              <div className="wp-comment-bar">
                <button
                  id={COMMENT_BUTTON_ID}
                  type="button"
                  className="wp-toolbar__button"
                  aria-keyshortcuts={COMMENT_SHORTCUT_ARIA}
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={commentButton.run}
                >
                  {commentButton.label}
                </button>
              </div>
            ) : null}
            {linkError && editable ? (
              <p role="alert" className="alert alert--error wp-link-error">
                {linkError}
              </p>
            ) : null}
            <div ref={mountRef} className={editable ? "wp-editor__frame" : "wp-editor__frame wp-editor__frame--readonly"} />
            {glossaryCard.card}
          </section>
          {editor ? (
            <CommentsSidebar editor={editor} bridge={commentsBridge} url={commentsUrl} docName={docName} docReady={everLive.current} editable={editable} />
          ) : null}
        </div>
        {structured?.(doc, editable)}
      </div>
    </>
  );
}

/** Shown until the document session, and then tiptap's text, exist. */
function EditorLoading() {
  const { t } = useTranslation("workprogramme");
  return (
    <p className="wp-loading" role="status">
      {t("page.loading")}
    </p>
  );
}

function StatusLine({ snapshot, canEdit }: { snapshot: CollabSnapshot; canEdit: boolean }) {
  const { t } = useTranslation("workprogramme");
  const { connection, saved } = snapshot;
  const connectionText = {
    connecting: t("status.connecting"),
    live: t("status.live"),
    offline: t("status.offline"),
    ended: t("status.ended"),
  }[connection];
  let saveText: string | null = null;
  if (canEdit && connection === "live") saveText = saved ? t("status.saved") : t("status.saving");
  if (!canEdit && connection === "live") saveText = t("status.readOnly");
  // Offline the truth is where the edits are: stored by the server already, committed to
  // this device's copy, on their way there, or (no copy possible) only in this window.
  if (canEdit && connection === "offline") {
    if (saved) saveText = t("status.saved");
    else if (!snapshot.deviceCopy) saveText = t("status.notOnDevice");
    else saveText = snapshot.onDevice ? t("status.savedOnDevice") : t("status.savingOnDevice");
  }
  return (
    <p className={`wp-status wp-status--${connection}${saveText && !saved ? " wp-status--unsaved" : ""}`} role="status" aria-atomic="true">
      <span className="wp-status__dot" aria-hidden="true" />
      <span className="wp-status__connection">{connectionText}</span>
      {saveText ? (
        <>
          <span aria-hidden="true"> · </span>
          <span className="wp-status__save">{saveText}</span>
        </>
      ) : null}
    </p>
  );
}

function EndedMessage({ code, labels }: { code: number | null; labels?: EditorLabels | undefined }) {
  const { t } = useTranslation("workprogramme");
  const here = typeof window === "undefined" ? "/" : `${window.location.pathname}${window.location.search}`;
  if (code === COLLAB_CLOSE.sessionEnded) {
    return (
      <div role="alert" className="alert alert--error">
        <p>{t("closed.sessionEnded")}</p>
        <a href={`/login?redirectTo=${encodeURIComponent(here)}`}>{t("closed.loginAgain")}</a>
      </div>
    );
  }
  const message =
    code === COLLAB_CLOSE.tooManyConnections
      ? t("closed.tooManyConnections")
      : code === COLLAB_CLOSE.documentTooLarge
        ? (labels?.documentTooLarge ?? t("closed.documentTooLarge"))
        : code === COLLAB_CLOSE.refused
          ? t("closed.refused")
          : (labels?.accessRevoked ?? t("closed.accessRevoked"));
  return (
    <div role="alert" className="alert alert--error">
      <p>{message}</p>
      <a href={here}>{t("closed.reload")}</a>
    </div>
  );
}

/** The connection paused for a reason the editor recovers from by itself; says so instead of a silent stall. */
function InterruptedMessage({ code }: { code: number }) {
  const { t } = useTranslation("workprogramme");
  return (
    <p role="status" className="alert alert--info wp-interrupted">
      {code === COLLAB_CLOSE.tooFast ? t("interrupted.tooFast") : t("interrupted.outOfOrder")}
    </p>
  );
}
