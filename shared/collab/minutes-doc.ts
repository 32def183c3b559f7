/**
 * The layout of an event's minutes, shared by editor and server:
 *   "content"    Y.XmlFragment: what was discussed, edited with tiptap
 *   "attendees"  Y.Array<Y.Map>: id, name, organisation
 *   "decisions"  Y.Array<Y.Map>: id, text
 *   "actions"    Y.Array<Y.Map>: id, title, owner (who does it, as written), due (YYYY-MM-DD)
 * Whether an action item became a work-programme activity is not kept here but in the
 * database (minutes_action_activities), where no client can claim it.
 */
import type * as Y from "yjs";
import type { DocumentLayout } from "./document-layout";
import { DEFAULT_CONTENT_FIELD } from "./document-layout";
import { DAY, itemId, readList, textValue } from "./list-fields";

export const ATTENDEES_FIELD = "attendees";
export const DECISIONS_FIELD = "decisions";
export const ACTIONS_FIELD = "actions";

export interface Attendee {
  id: string;
  name: string;
  organisation: string;
}

export interface Decision {
  id: string;
  text: string;
}

export interface ActionItem {
  id: string;
  title: string;
  owner: string;
  due: string;
}

export const MINUTES_LIMITS = { name: 200, organisation: 200, decision: 2000, title: 300, owner: 200 } as const;

export function sanitiseAttendee(map: Y.Map<unknown>): Attendee | null {
  const id = itemId(map);
  return id ? { id, name: textValue(map.get("name"), MINUTES_LIMITS.name), organisation: textValue(map.get("organisation"), MINUTES_LIMITS.organisation) } : null;
}

export function sanitiseDecision(map: Y.Map<unknown>): Decision | null {
  const id = itemId(map);
  return id ? { id, text: textValue(map.get("text"), MINUTES_LIMITS.decision) } : null;
}

export function sanitiseActionItem(map: Y.Map<unknown>): ActionItem | null {
  const id = itemId(map);
  if (!id) return null;
  const due = textValue(map.get("due"), 10);
  return { id, title: textValue(map.get("title"), MINUTES_LIMITS.title), owner: textValue(map.get("owner"), MINUTES_LIMITS.owner), due: DAY.test(due) ? due : "" };
}

export const readAttendees = (doc: Y.Doc) => readList(doc, ATTENDEES_FIELD, sanitiseAttendee);
export const readDecisions = (doc: Y.Doc) => readList(doc, DECISIONS_FIELD, sanitiseDecision);
export const readActionItems = (doc: Y.Doc) => readList(doc, ACTIONS_FIELD, sanitiseActionItem);

export const minutesLayout: DocumentLayout = {
  contentField: DEFAULT_CONTENT_FIELD,
  listFields: [ATTENDEES_FIELD, DECISIONS_FIELD, ACTIONS_FIELD],
  readStructured: (doc) => [readAttendees(doc), readDecisions(doc), readActionItems(doc)],
};
