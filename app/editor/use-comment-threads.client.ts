/**
 * The comment threads of one document as the sidebar knows them, kept current live: the
 * sidebar joins the document's room on the page's socket.io connection and reloads the
 * threads whenever the server announces "comments:changed" (and after every (re)join, so
 * nothing said while disconnected is missed).
 *
 * Loading and sending use plain fetch() against the comments resource route rather than
 * Remix fetchers: a fetcher that fails (offline, server gone) raises the route's error
 * boundary, which would replace the editor — and with it edits not yet sent — by an error
 * page. Here a failure is only a message in the sidebar.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { ThreadView } from "#server/domain/comments/comments";
import type { CommentIntent } from "#shared/validation/comment-forms";
import { usePageSocket } from "~/lib/page-socket";
import type { MentionCandidate } from "./comment-mentions";

export type CommentThread = ThreadView;

export interface CommentsData {
  threads: CommentThread[];
  candidates: MentionCandidate[];
}

export type CommentActionResult = { ok: true; intent: CommentIntent; threadId: string } | { ok: false; error: string };

const JSON_HEADERS = { Accept: "application/json" };

async function fetchThreads(url: string): Promise<CommentsData | null> {
  try {
    const response = await fetch(url, { credentials: "same-origin", headers: JSON_HEADERS, redirect: "manual", cache: "no-store" });
    if (!response.ok) return null;
    const body = (await response.json()) as { ok?: boolean } & Partial<CommentsData>;
    return body.ok && Array.isArray(body.threads) && Array.isArray(body.candidates) ? { threads: body.threads, candidates: body.candidates } : null;
  } catch {
    return null;
  }
}

/** Sends one change; refusals come back with their translation key (comments namespace). */
export async function sendComment(url: string, csrf: string, fields: Record<string, string | string[]>): Promise<CommentActionResult> {
  const form = new URLSearchParams();
  form.set("csrf", csrf);
  for (const [key, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) form.append(key, v);
  }
  try {
    const response = await fetch(url, { method: "POST", body: form, credentials: "same-origin", headers: JSON_HEADERS, redirect: "manual" });
    const type = response.headers.get("Content-Type") ?? "";
    if (!type.includes("application/json")) return { ok: false, error: response.status === 403 ? "errors.forbidden" : "errors.failed" };
    const body = (await response.json()) as CommentActionResult;
    if (body.ok && response.ok) return body;
    return { ok: false, error: !body.ok && typeof body.error === "string" ? body.error : "errors.failed" };
  } catch {
    return { ok: false, error: "errors.failed" };
  }
}

export function useCommentThreads(url: string, docName: string) {
  const [data, setData] = useState<CommentsData | null>(null);
  const [failed, setFailed] = useState(false);
  const running = useRef(false);
  const again = useRef(false);
  const mounted = useRef(true);

  /** Loads the threads; calls during a load cause exactly one more load after it. */
  const load = useCallback(async () => {
    if (running.current) {
      again.current = true;
      return;
    }
    running.current = true;
    try {
      do {
        again.current = false;
        const result = await fetchThreads(url);
        if (!mounted.current) return;
        if (result) setData(result);
        setFailed(result === null);
      } while (again.current);
    } finally {
      running.current = false;
    }
  }, [url]);

  useEffect(() => {
    mounted.current = true;
    void load();
    return () => {
      mounted.current = false;
    };
  }, [load]);

  const socket = usePageSocket();
  useEffect(() => {
    if (!socket) return;
    const join = () =>
      socket.emit("doc:join", docName, (result) => {
        if (result.ok) void load();
      });
    const onChanged = (payload: { docName: string }) => {
      if (payload.docName === docName) void load();
    };
    // The server forgets a socket's rooms when it reconnects: join again each time.
    socket.on("connect", join);
    socket.on("comments:changed", onChanged);
    if (socket.connected) join();
    return () => {
      socket.off("connect", join);
      socket.off("comments:changed", onChanged);
      if (socket.connected) socket.emit("doc:leave", docName);
    };
  }, [socket, docName, load]);

  return { data, failed, reload: load };
}
