/**
 * Writing the structured parts of a work programme (activities, milestones) into the
 * Y.Doc. Reading always goes through readActivities/readMilestones, which sanitise.
 */
import * as Y from "yjs";
import { ACTIVITIES_FIELD, MILESTONES_FIELD, type Activity, type Milestone } from "#shared/collab/work-programme-doc";

export type ListField = typeof ACTIVITIES_FIELD | typeof MILESTONES_FIELD;

function indexOf(doc: Y.Doc, field: ListField, id: string): number {
  return doc
    .getArray<unknown>(field)
    .toArray()
    .findIndex((item) => item instanceof Y.Map && (item as Y.Map<unknown>).get("id") === id);
}

export function setItemField(doc: Y.Doc, field: ListField, id: string, key: string, value: unknown): void {
  doc.transact(() => {
    const index = indexOf(doc, field, id);
    if (index < 0) return;
    const map = doc.getArray<unknown>(field).get(index) as Y.Map<unknown>;
    if (map.get(key) !== value) map.set(key, value);
  });
}

export function removeItem(doc: Y.Doc, field: ListField, id: string): void {
  doc.transact(() => {
    const index = indexOf(doc, field, id);
    if (index >= 0) doc.getArray<unknown>(field).delete(index, 1);
  });
}

function newId(): string {
  return crypto.randomUUID();
}

export function addActivity(doc: Y.Doc, values: Partial<Omit<Activity, "id">> = {}): string {
  const activity: Activity = { id: newId(), title: "", responsible: [], start: "", end: "", status: "planned", note: "", ...values };
  doc.getArray<unknown>(ACTIVITIES_FIELD).push([new Y.Map<unknown>(Object.entries(activity))]);
  return activity.id;
}

export function addMilestone(doc: Y.Doc, values: Partial<Omit<Milestone, "id">> = {}): string {
  const milestone: Milestone = { id: newId(), title: "", due: "", reached: false, ...values };
  doc.getArray<unknown>(MILESTONES_FIELD).push([new Y.Map<unknown>(Object.entries(milestone))]);
  return milestone.id;
}
