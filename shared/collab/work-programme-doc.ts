/**
 * The layout of a work programme's Y.Doc, shared by editor and server:
 *   "content"     Y.XmlFragment: the text, edited with tiptap
 *   "activities"  Y.Array<Y.Map>: id, title, responsible (organisation ids), start, end (YYYY-MM), status, note
 *   "milestones"  Y.Array<Y.Map>: id, title, due (YYYY-MM-DD), reached (boolean)
 * Anything a client writes is read back through the sanitisers below, so odd values from
 * a buggy or hostile client never reach the database or another person's screen.
 */
import type * as Y from "yjs";
import type { DocumentLayout } from "./document-layout";
import { addItem, DAY, ITEM_ID, itemId, readList, textValue as text } from "./list-fields";

export const CONTENT_FIELD = "content";
export const ACTIVITIES_FIELD = "activities";
export const MILESTONES_FIELD = "milestones";

export const ACTIVITY_STATUSES = ["planned", "in_progress", "done", "delayed", "cancelled"] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export interface Activity {
  id: string;
  title: string;
  responsible: string[];
  start: string;
  end: string;
  status: ActivityStatus;
  note: string;
}

export interface Milestone {
  id: string;
  title: string;
  due: string;
  reached: boolean;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function sanitiseActivity(map: Y.Map<unknown>): Activity | null {
  const id = itemId(map);
  if (!id) return null;
  const status = map.get("status");
  const responsible = map.get("responsible");
  const start = text(map.get("start"), 7);
  const end = text(map.get("end"), 7);
  return {
    id,
    title: text(map.get("title"), 300),
    responsible: Array.isArray(responsible) ? responsible.filter((r): r is string => typeof r === "string" && ITEM_ID.test(r)).slice(0, 50) : [],
    start: MONTH.test(start) ? start : "",
    end: MONTH.test(end) ? end : "",
    status: (ACTIVITY_STATUSES as readonly unknown[]).includes(status) ? (status as ActivityStatus) : "planned",
    note: text(map.get("note"), 2000),
  };
}

export function sanitiseMilestone(map: Y.Map<unknown>): Milestone | null {
  const id = itemId(map);
  if (!id) return null;
  const due = text(map.get("due"), 10);
  return { id, title: text(map.get("title"), 300), due: DAY.test(due) ? due : "", reached: map.get("reached") === true };
}

export const readActivities = (doc: Y.Doc) => readList(doc, ACTIVITIES_FIELD, sanitiseActivity);
export const readMilestones = (doc: Y.Doc) => readList(doc, MILESTONES_FIELD, sanitiseMilestone);

export function addActivity(doc: Y.Doc, values: Partial<Activity> = {}): string {
  return addItem<Activity>(doc, ACTIVITIES_FIELD, { title: "", responsible: [], start: "", end: "", status: "planned", note: "", ...values });
}

export function addMilestone(doc: Y.Doc, values: Partial<Omit<Milestone, "id">> = {}): string {
  return addItem<Milestone>(doc, MILESTONES_FIELD, { title: "", due: "", reached: false, ...values });
}

/** The work programme's layout, for everything generic over document types. */
export const workProgrammeLayout: DocumentLayout = {
  contentField: CONTENT_FIELD,
  listFields: [ACTIVITIES_FIELD, MILESTONES_FIELD],
  readStructured: (doc) => [readActivities(doc), readMilestones(doc)],
};
