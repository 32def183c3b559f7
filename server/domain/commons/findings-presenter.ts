/**
 * The shapes of findings that pages receive: summaries for the list, the whole finding, its
 * evidence as the reader may see it, and the discussion with hidden comments replaced by
 * their placeholder. Raw rows never leave the domain.
 */
import type { Finding, FindingEvidence } from "#db/schema";
import type { FindingCountry } from "#shared/validation/findings-forms";

/** A JSON array of keys as stored; anything unreadable is no keys rather than an error page. */
function keysOf(stored: string): string[] {
  try {
    const value: unknown = JSON.parse(stored);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

/**
 * Simple rich text as stored: "\n" line ends, no trailing spaces, at most one blank line
 * between blocks. Paragraphs are separated by blank lines; lines starting with "- " are
 * list items. TODO(rich-text): tiptap-based rich text (like work programmes) may replace it.
 */
export function normaliseSimpleRichText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/\s+$/u, ""))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** The text without list markers, shortened: the list's preview of a finding. */
export function excerptOf(body: string, max = 240): string {
  const flat = body
    .split("\n")
    .map((line) => line.replace(/^\s*-\s+/, "").trim())
    .filter(Boolean)
    .join(" ");
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

export interface CitingRecommendation {
  id: string;
  title: string;
  stage: string;
}

interface FindingCore {
  id: string;
  title: string;
  networkId: string;
  networkName: string;
  authorName: string | null;
  createdAt: string;
  updatedAt: string;
  actionAreas: string[];
  occupationalFields: string[];
  themes: string[];
  country: FindingCountry;
  pinnedAt: string | null;
  /** null while the discussion is open. */
  discussionClosed: { at: string; reason: string } | null;
}

export interface FindingSummary extends FindingCore {
  excerpt: string;
  commentCount: number;
  citedBy: CitingRecommendation[];
}

export interface FindingView extends FindingCore {
  body: string;
  edited: boolean;
}

type Row = Finding & { network_name: string; author_name: string | null };

function core(row: Row): FindingCore {
  return {
    id: row.id,
    title: row.title,
    networkId: row.network_id,
    networkName: row.network_name,
    authorName: row.author_name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    actionAreas: keysOf(row.action_areas),
    occupationalFields: keysOf(row.occupational_fields),
    themes: keysOf(row.themes),
    country: row.country,
    pinnedAt: row.pinned_at,
    discussionClosed: row.discussion_closed_at ? { at: row.discussion_closed_at, reason: row.discussion_close_reason ?? "" } : null,
  };
}

export function presentFindingSummary(row: Row & { comment_count: number }, citedBy: CitingRecommendation[]): FindingSummary {
  return { ...core(row), excerpt: excerptOf(row.body), commentCount: row.comment_count, citedBy };
}

export function presentFinding(row: Row): FindingView {
  return { ...core(row), body: row.body, edited: row.updated_at !== row.created_at };
}

/**
 * One cited item. `title` null means the reader may not see it (or it is gone): the page
 * then says so without naming it. A library document's title is its title or file name.
 */
export type EvidenceView =
  | { kind: "goodPractice"; id: string; title: string | null }
  | { kind: "finding"; id: string; title: string | null }
  | { kind: "libraryDocument"; id: string; title: string | null; sharedBy: string | null }
  | { kind: "web"; url: string; label: string | null };

/** What the reader may see of the cited items, by kind and id (absent: not visible or gone). */
export interface VisibleEvidence {
  goodPractice: Map<string, string>;
  finding: Map<string, string>;
  libraryDocument: Map<string, { label: string; sharedBy: string | null }>;
}

export function presentEvidence(row: FindingEvidence, visible: VisibleEvidence): EvidenceView {
  const id = row.target_id ?? "";
  switch (row.kind) {
    case "web":
      return { kind: "web", url: row.url ?? "", label: row.label };
    case "libraryDocument": {
      const doc = visible.libraryDocument.get(id);
      return { kind: "libraryDocument", id, title: doc?.label ?? null, sharedBy: doc?.sharedBy ?? null };
    }
    default:
      return { kind: row.kind, id, title: visible[row.kind].get(id) ?? null };
  }
}

export interface DiscussionComment {
  id: string;
  authorName: string | null;
  /** null when deleted by its author or hidden by a moderator. */
  body: string | null;
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
  /** Set when a moderator hid the comment: the reason is shown to everyone. */
  hidden: { reason: string; at: string } | null;
  /** The hidden text, for moderators only (they review what they hid). */
  hiddenText: string | null;
  mine: boolean;
}

export interface DiscussionThread {
  id: string;
  createdAt: string;
  comments: DiscussionComment[];
}

interface CommentRow {
  id: string;
  thread_id: string;
  author_id: string | null;
  author_name: string | null;
  body: string;
  created_at: string;
  edited_at: string | null;
  deleted_at: string | null;
  hidden_at: string | null;
  hidden_reason: string | null;
}

export function presentDiscussion(
  threads: Array<{ id: string; created_at: string }>,
  comments: CommentRow[],
  viewer: { userId: string; moderates: boolean },
): DiscussionThread[] {
  return threads.map((t) => ({
    id: t.id,
    createdAt: t.created_at,
    comments: comments
      .filter((c) => c.thread_id === t.id)
      .map((c) => {
        const deleted = c.deleted_at !== null;
        const hidden = !deleted && c.hidden_at ? { reason: c.hidden_reason ?? "", at: c.hidden_at } : null;
        return {
          id: c.id,
          authorName: c.author_name,
          body: deleted || hidden ? null : c.body,
          createdAt: c.created_at,
          editedAt: c.edited_at,
          deleted,
          hidden,
          hiddenText: hidden && viewer.moderates ? c.body : null,
          mine: c.author_id === viewer.userId,
        };
      }),
  }));
}
