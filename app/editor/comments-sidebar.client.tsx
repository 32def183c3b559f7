/**
 * The comment sidebar beside the work-programme text. Select a passage, press "Comment"
 * (or Ctrl/⌘+Alt+M) and write; the passage is kept as a pair of Yjs relative positions, so
 * it follows everyone's edits. Open threads are listed in text order and highlighted in the
 * text; resolved ones have their own tab. A thread whose passage was deleted stays in the
 * list, marked "passage deleted", with its quote.
 *
 * Everyone who can read the document can comment here — also observers, whose text stays
 * read-only, and on archived work programmes. New comments and replies of others arrive live
 * (socket.io room of the document). A link with ?thread=<id> (from a notification) opens that
 * thread and shows its passage.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Editor } from "@tiptap/core";
import { useRootData } from "~/root";
import { mentionedIds, type MentionCandidate } from "./comment-mentions";
import { decodePassage, passageOf, setHighlights, threadRanges, type AnchoredThread, type CommentsBridge, type Passage, type PassageRange } from "./comment-highlights.client";
import { MentionField, type MentionFieldHandle } from "./comments-mention-field.client";
import { ThreadCard, threadCardId, type CommentDone, type SendComment } from "./comments-thread.client";
import { sendComment, useCommentThreads, type CommentThread } from "./use-comment-threads.client";

export const COMMENT_BUTTON_ID = "wp-comment-button";
export const COMMENT_SHORTCUT_ARIA = "Control+Alt+M Meta+Alt+M";

type Tab = "open" | "resolved";
const TAB_IDS: Record<Tab, { tab: string; panel: string }> = {
  open: { tab: "comments-tab-open", panel: "comments-panel-open" },
  resolved: { tab: "comments-tab-resolved", panel: "comments-panel-resolved" },
};

interface Draft extends Passage {
  key: number;
  encoded: { start: string; end: string };
  quote: string;
}

/** "Ctrl+Alt+M" or "⌥⌘M", as this person's keyboard says it. */
export function useShortcutLabel(): string {
  const { t } = useTranslation("comments");
  const mac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
  return mac ? t("action.shortcutMac") : t("action.shortcut");
}

/** The passages' order and which are gone, re-read whenever that (not a mere position) changes. */
function useRangeLayout(editor: Editor): ReadonlyMap<string, PassageRange | null> {
  const [ranges, setRanges] = useState<ReadonlyMap<string, PassageRange | null>>(() => threadRanges(editor.state));
  useEffect(() => {
    const signatureOf = (map: ReadonlyMap<string, PassageRange | null>) =>
      [...map]
        .map(([id, range]) => (range ? { id, at: range.from } : { id, at: Infinity }))
        .sort((a, b) => a.at - b.at || a.id.localeCompare(b.id))
        .map((x) => (x.at === Infinity ? `${x.id}:gone` : x.id))
        .join("|");
    let signature = "";
    const update = () => {
      const next = threadRanges(editor.state);
      const nextSignature = signatureOf(next);
      if (nextSignature === signature) return;
      signature = nextSignature;
      setRanges(next);
    };
    update();
    editor.on("transaction", update);
    return () => {
      editor.off("transaction", update);
    };
  }, [editor]);
  return ranges;
}

function isInViewport(el: Element) {
  const box = el.getBoundingClientRect();
  return box.top >= 0 && box.bottom <= window.innerHeight;
}

export interface CommentsSidebarProps {
  editor: Editor;
  bridge: CommentsBridge;
  /** The comments resource route of this work programme. */
  url: string;
  docName: string;
  /** The text has been loaded from the server at least once: passages can be looked up. */
  docReady: boolean;
  /** The text can be edited here (then "show in text" puts the caret at the passage). */
  editable: boolean;
}

export function CommentsSidebar({ editor, bridge, url, docName, docReady, editable }: CommentsSidebarProps) {
  const { t } = useTranslation("comments");
  const csrf = useRootData()?.csrfToken ?? "";
  const shortcut = useShortcutLabel();
  const { data, failed, reload } = useCommentThreads(url, docName);
  const [tab, setTab] = useState<Tab>("open");
  const [activeId, setActiveId] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [status, setStatus] = useState("");
  const [focusRequest, setFocusRequest] = useState<{ id: string; passage: boolean } | null>(null);
  const [pointerRequest, setPointerRequest] = useState<{ id: string; focus: boolean } | null>(null);
  const draftCount = useRef(0);
  const sidebar = useRef<HTMLElement>(null);

  const send: SendComment = useCallback((fields) => sendComment(url, csrf, fields), [url, csrf]);
  const threads = useMemo(() => data?.threads ?? [], [data]);
  const candidates = useMemo(() => data?.candidates ?? [], [data]);
  const names = useMemo(() => [...new Set([...candidates.map((c) => c.name), ...threads.flatMap((th) => th.comments.map((c) => c.authorName ?? ""))])], [candidates, threads]);

  // The text's highlights follow the threads, the current thread and the comment being written.
  const anchored = useMemo(
    () =>
      threads.flatMap((thread): AnchoredThread[] => {
        const passage = decodePassage(thread.anchor);
        return passage ? [{ id: thread.id, open: thread.status === "open", ...passage }] : [];
      }),
    [threads],
  );
  useEffect(() => setHighlights(editor.view, { threads: anchored }), [editor, anchored]);
  useEffect(() => setHighlights(editor.view, { activeId }), [editor, activeId]);
  useEffect(() => setHighlights(editor.view, { draft: draft ? { start: draft.start, end: draft.end } : null }), [editor, draft]);

  const ranges = useRangeLayout(editor);
  const detachedOf = (thread: CommentThread): boolean | null => {
    if (!decodePassage(thread.anchor)) return true;
    if (!docReady || !ranges.has(thread.id)) return null;
    return ranges.get(thread.id) === null;
  };
  const inTextOrder = (a: CommentThread, b: CommentThread) => {
    const ra = ranges.get(a.id);
    const rb = ranges.get(b.id);
    if (ra && rb) return ra.from - rb.from || ra.to - rb.to;
    if (ra || rb) return ra ? -1 : 1;
    return a.createdAt.localeCompare(b.createdAt);
  };
  const openThreads = threads.filter((th) => th.status === "open").sort(inTextOrder);
  const resolvedThreads = threads.filter((th) => th.status === "resolved").sort(inTextOrder);

  /** Scrolls the passage of a thread into view; its range, or null when it is not in the text. */
  const scrollToPassage = useCallback(
    (threadId: string): PassageRange | null => {
      const range = threadRanges(editor.state).get(threadId) ?? null;
      if (!range || editor.isDestroyed) return null;
      try {
        const coords = editor.view.coordsAtPos(range.from);
        window.scrollBy({ top: coords.top - window.innerHeight / 3 });
      } catch {
        // Not laid out (yet): nothing to scroll to.
      }
      return range;
    },
    [editor],
  );

  const activate = useCallback(
    (threadId: string) => {
      setActiveId(threadId);
      scrollToPassage(threadId);
    },
    [scrollToPassage],
  );

  const show = useCallback(
    (threadId: string) => {
      setActiveId(threadId);
      const range = scrollToPassage(threadId);
      // Keyboard users land at the passage; selecting it would let the next key replace it.
      if (range && editable) editor.chain().setTextSelection(range.from).focus(undefined, { scrollIntoView: false }).run();
    },
    [editor, editable, scrollToPassage],
  );

  // "Comment": the selected passage becomes the draft; its anchor is taken right now, so
  // edits of others while the comment is being written move it along instead of losing it.
  const compose = useCallback(() => {
    const { state } = editor;
    const { from, to, empty } = state.selection;
    if (empty) {
      setStatus(t("action.selectFirst"));
      return;
    }
    const passage = passageOf(state, from, to);
    if (!passage) {
      setStatus(t("errors.invalidAnchor"));
      return;
    }
    const quote = state.doc.textBetween(from, to, " ", " ").replace(/\s+/g, " ").trim().slice(0, 500);
    draftCount.current += 1;
    setStatus("");
    setTab("open");
    setDraft({ key: draftCount.current, start: passage.start, end: passage.end, encoded: passage.encoded, quote });
  }, [editor, t]);

  const cancelDraft = useCallback(() => {
    setDraft(null);
    if (editable) editor.commands.focus();
    else document.getElementById(COMMENT_BUTTON_ID)?.focus();
  }, [editor, editable]);

  // The text talks to the sidebar through the bridge: clicks on highlights, the caret entering
  // one, and the toolbar's "Comment" button.
  useEffect(() => {
    bridge.onCompose = compose;
    bridge.onActivate = (threadId, source) => {
      setActiveId(threadId);
      setTab("open");
      // A click in a read-only text can only mean "show me this comment": the card takes the
      // focus. In an editable text the click also places the caret, which must stay there.
      if (source === "pointer") setPointerRequest({ id: threadId, focus: !editable });
    };
    return () => {
      bridge.onCompose = null;
      bridge.onActivate = null;
    };
  }, [bridge, compose, editable]);

  // Ctrl/⌘+Alt+M with the focus or the selection in the text (read-only text cannot take
  // the focus, but its selection counts). The key "M" where the layout has it, or the key in
  // M's place when Alt turns it into another character (macOS: "µ").
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      const isM = event.key.toLowerCase() === "m" || event.code === "KeyM";
      if (!isM || !event.altKey || !(event.ctrlKey || event.metaKey) || event.shiftKey) return;
      let dom: HTMLElement;
      try {
        dom = editor.view.dom;
      } catch {
        return;
      }
      const anchorNode = document.getSelection()?.anchorNode ?? null;
      if (!dom.contains(document.activeElement) && !(anchorNode && dom.contains(anchorNode))) return;
      event.preventDefault();
      compose();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [editor, compose]);

  useEffect(() => {
    if (!pointerRequest) return;
    setPointerRequest(null);
    const card = document.getElementById(threadCardId(pointerRequest.id));
    if (!card) return;
    if (pointerRequest.focus) card.focus({ preventScroll: true });
    // Scroll to the card only if it is beside the text (wide screens) or just got the focus;
    // below the text, scrolling would take an editing person away from where they clicked.
    let beside = false;
    try {
      beside = card.getBoundingClientRect().left >= editor.view.dom.getBoundingClientRect().right;
    } catch {
      // Editor not mounted: nothing is beside anything.
    }
    if ((beside || pointerRequest.focus) && !isInViewport(card)) card.scrollIntoView({ block: "nearest" });
  }, [pointerRequest, editor]);

  // A card to focus (deep link, a new comment) once it is there, unless the person has gone on
  // meanwhile: on a slow line the list arrives seconds later, and taking the focus then would
  // send what they are typing in the text into the card.
  useEffect(() => {
    if (!focusRequest || !data) return;
    const thread = data.threads.find((th) => th.id === focusRequest.id);
    const card = thread ? document.getElementById(threadCardId(thread.id)) : null;
    if (!thread || !card || card.closest("[hidden]")) return;
    setFocusRequest(null);
    if (focusMovedAwayFrom(sidebar.current)) return;
    if (focusRequest.passage) scrollToPassage(thread.id);
    card.focus({ preventScroll: focusRequest.passage });
    if (!isInViewport(card)) card.scrollIntoView({ block: "nearest" });
  }, [focusRequest, data, tab, scrollToPassage]);

  // ?thread=<id>: open that thread (in its tab) and show its passage, once text and threads are here.
  const [searchParams] = useSearchParams();
  const linked = searchParams.get("thread");
  const handledLink = useRef<string | null>(null);
  useEffect(() => {
    if (!linked || !data || !docReady || handledLink.current === linked) return;
    handledLink.current = linked;
    const thread = data.threads.find((th) => th.id === linked);
    if (!thread) {
      setStatus(t("sidebar.threadMissing"));
      return;
    }
    setTab(thread.status);
    setActiveId(thread.id);
    setFocusRequest({ id: thread.id, passage: true });
  }, [linked, data, docReady, t]);

  const onDone: CommentDone = useCallback(
    ({ intent, threadId }) => {
      setStatus(t(`done.${intent}`));
      void reload();
      if (intent === "startThread") {
        setDraft(null);
        setTab("open");
        setActiveId(threadId);
        setFocusRequest({ id: threadId, passage: false });
      } else if (intent === "resolve" || intent === "reopen") {
        if (activeId === threadId) setActiveId(null);
        document.getElementById(TAB_IDS[intent === "resolve" ? "open" : "resolved"].tab)?.focus();
      } else if (intent === "delete") {
        setFocusRequest({ id: threadId, passage: false });
      }
    },
    [reload, t, activeId],
  );

  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    const next: Tab | null = event.key === "ArrowRight" || event.key === "ArrowLeft" ? (tab === "open" ? "resolved" : "open") : event.key === "Home" ? "open" : event.key === "End" ? "resolved" : null;
    if (!next) return;
    event.preventDefault();
    setTab(next);
    document.getElementById(TAB_IDS[next].tab)?.focus();
  };

  const tabButton = (which: Tab, label: string) => (
    <button
      type="button"
      role="tab"
      id={TAB_IDS[which].tab}
      aria-selected={tab === which}
      aria-controls={TAB_IDS[which].panel}
      tabIndex={tab === which ? 0 : -1}
      className="comments__tab"
      onClick={() => setTab(which)}
      onKeyDown={onTabKey}
    >
      {label}
    </button>
  );

  const panel = (which: Tab, list: CommentThread[], empty: string) => (
    <div role="tabpanel" id={TAB_IDS[which].panel} aria-labelledby={TAB_IDS[which].tab} hidden={tab !== which} className="comments__panel">
      {list.length === 0 ? (
        <p className="empty">{empty}</p>
      ) : (
        list.map((thread) => (
          <ThreadCard
            key={thread.id}
            thread={thread}
            detached={detachedOf(thread)}
            active={thread.id === activeId}
            candidates={candidates}
            names={names}
            send={send}
            onDone={onDone}
            onActivate={activate}
            onShow={show}
          />
        ))
      )}
    </div>
  );

  return (
    <section ref={sidebar} className="comments" aria-labelledby="comments-heading">
      <h2 id="comments-heading" className="comments__heading">
        {t("sidebar.heading")}
      </h2>
      <p className="comments__intro">{t("sidebar.intro", { shortcut })}</p>
      <p className="comments__status" role="status" aria-atomic="true">
        {status}
      </p>
      {draft ? <NewThreadForm key={draft.key} draft={draft} candidates={candidates} send={send} onDone={onDone} onCancel={cancelDraft} /> : null}
      {data ? (
        <>
          <div role="tablist" aria-label={t("sidebar.tabsLabel")} className="comments__tabs">
            {tabButton("open", t("sidebar.open", { n: openThreads.length }))}
            {tabButton("resolved", t("sidebar.resolved", { n: resolvedThreads.length }))}
          </div>
          {panel("open", openThreads, t("sidebar.emptyOpen"))}
          {panel("resolved", resolvedThreads, t("sidebar.emptyResolved"))}
        </>
      ) : failed ? (
        <div className="comments__failed">
          <p>{t("sidebar.loadFailed")}</p>
          <button type="button" className="button button--small" onClick={() => void reload()}>
            {t("sidebar.retry")}
          </button>
        </div>
      ) : (
        <p className="comments__loading">{t("sidebar.loading")}</p>
      )}
    </section>
  );
}

function NewThreadForm({ draft, candidates, send, onDone, onCancel }: { draft: Draft; candidates: readonly MentionCandidate[]; send: SendComment; onDone: CommentDone; onCancel: () => void }) {
  const { t } = useTranslation("comments");
  const [body, setBody] = useState("");
  const [chosen, setChosen] = useState<MentionCandidate[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const field = useRef<MentionFieldHandle>(null);
  const headingId = `comment-new-${draft.key}-heading`;
  const errorId = `comment-new-${draft.key}-error`;

  useEffect(() => field.current?.focus(), []);

  const submit = async () => {
    if (busy) return;
    if (!body.trim()) {
      setError("errors.empty");
      field.current?.focus();
      return;
    }
    setBusy(true);
    const result = await send({
      intent: "startThread",
      anchorStart: draft.encoded.start,
      anchorEnd: draft.encoded.end,
      quote: draft.quote,
      body,
      mentions: mentionedIds(body, chosen),
    });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      field.current?.focus();
      return;
    }
    onDone(result);
  };

  return (
    <form
      className="comment-form comment-form--new"
      aria-labelledby={headingId}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h3 id={headingId} className="comment-form__heading">
        {t("composer.heading")}
      </h3>
      <p className="comment-form__passage">{t("composer.passage")}</p>
      <blockquote className="comment-quote">{draft.quote}</blockquote>
      <MentionField
        ref={field}
        label={t("composer.label")}
        hint={t("composer.hint")}
        value={body}
        onChange={(value) => {
          setBody(value);
          if (error === "errors.empty") setError(null);
        }}
        candidates={candidates}
        onMention={(person) => setChosen((list) => [...list, person])}
        onEscape={onCancel}
        onSubmitShortcut={() => void submit()}
        invalid={Boolean(error)}
        errorId={error ? errorId : undefined}
      />
      {error ? (
        <p id={errorId} role="alert" className="comment-form__error">
          {t(error)}
        </p>
      ) : null}
      <div className="comment-form__actions">
        <button type="submit" className="button button--small">
          {t("composer.submit")}
        </button>
        <button type="button" className="button button--quiet button--small" onClick={onCancel}>
          {t("composer.cancel")}
        </button>
      </div>
    </form>
  );
}

/** Focus is somewhere the person put it (the text, a link, another field), not in the sidebar or nowhere. */
function focusMovedAwayFrom(sidebar: HTMLElement | null): boolean {
  const active = document.activeElement;
  return active !== null && active !== document.body && !(sidebar?.contains(active) ?? false);
}
