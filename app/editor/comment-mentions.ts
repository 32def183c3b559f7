/**
 * @mentions in comment boxes, as plain text: typing "@" followed by the start of a name
 * offers the people who may be mentioned; choosing one writes "@Full Name " into the text and
 * remembers the person's id. Only people whose "@Name" is still in the text when it is sent
 * are mentioned (and notified); the server checks again that they may read the document.
 */

export interface MentionCandidate {
  id: string;
  name: string;
}

/** Characters after which an "@" starts a mention (not inside e-mail addresses). */
const BEFORE_MENTION = /[\s([{"'“„«‚‘]/;
const MAX_QUERY = 40;

/** The "@…" being typed just before the caret: where its "@" is and what follows it. */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, Math.max(0, Math.min(caret, text.length)));
  const start = before.lastIndexOf("@");
  if (start < 0) return null;
  if (start > 0 && !BEFORE_MENTION.test(before[start - 1] ?? "")) return null;
  const query = before.slice(start + 1);
  // A space after a whole word ends the query ("@Katrin " may go on with "H…", so one inner
  // space is fine); a line break or a second "@" always does.
  if (query.length > MAX_QUERY || /[\n@]/.test(query) || /\s$/.test(query)) return null;
  return { start, query };
}

/** Lower case without accents, so "nic" finds "Nicolò" and "ZOE" finds "Zoë". */
export const foldForSearch = (value: string) =>
  value
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLocaleLowerCase();

/** The people whose name, or one of whose names, begins with the query; in list order. */
export function matchingCandidates(candidates: readonly MentionCandidate[], query: string, limit = 8): MentionCandidate[] {
  const wanted = foldForSearch(query.trim());
  const matches = candidates.filter((c) => {
    const name = foldForSearch(c.name);
    return wanted === "" || name.startsWith(wanted) || name.split(/\s+/).some((part, i, parts) => parts.slice(i).join(" ").startsWith(wanted));
  });
  return matches.slice(0, limit);
}

/** The text with "@query" at `start` (up to the caret) replaced by "@Name ", and the new caret. */
export function insertMention(text: string, start: number, caret: number, name: string): { text: string; caret: number } {
  const inserted = `@${name} `;
  return { text: text.slice(0, start) + inserted + text.slice(caret), caret: start + inserted.length };
}

/** Ids of the chosen people whose "@Name" is still in the text, each once. */
export function mentionedIds(text: string, chosen: readonly MentionCandidate[]): string[] {
  const ids = new Set<string>();
  for (const person of chosen) if (text.includes(`@${person.name}`)) ids.add(person.id);
  return [...ids];
}

export interface BodyPart {
  text: string;
  mention: boolean;
}

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A comment's text cut into plain parts and "@Name" parts for the people known here. */
export function splitMentions(body: string, names: readonly string[]): BodyPart[] {
  const known = [...new Set(names.filter((n) => n.trim() !== ""))].sort((a, b) => b.length - a.length);
  if (known.length === 0 || !body.includes("@")) return body ? [{ text: body, mention: false }] : [];
  const pattern = new RegExp(`@(?:${known.map(escapeRegExp).join("|")})`, "gu");
  const parts: BodyPart[] = [];
  let last = 0;
  for (const match of body.matchAll(pattern)) {
    const at = match.index ?? 0;
    if (at > 0 && !BEFORE_MENTION.test(body[at - 1] ?? "")) continue;
    if (at > last) parts.push({ text: body.slice(last, at), mention: false });
    parts.push({ text: match[0], mention: true });
    last = at + match[0].length;
  }
  if (last < body.length) parts.push({ text: body.slice(last), mention: false });
  return parts;
}
