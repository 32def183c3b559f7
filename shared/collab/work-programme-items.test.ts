import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addActivity, addMilestone, readActivities, readMilestones } from "./work-programme-doc";
import { removeItem, setItemField } from "./list-fields";

describe("structured part", () => {
  it("adds, edits and removes activities and milestones, and another replica sees the same", () => {
    const doc = new Y.Doc();
    const replica = new Y.Doc();
    doc.on("update", (update: Uint8Array) => Y.applyUpdate(replica, update));

    const a = addActivity(doc, { title: "Kick-off" });
    const b = addActivity(doc);
    setItemField(doc, "activities", b, "title", "Study trip");
    setItemField(doc, "activities", b, "responsible", ["demo-org-1", "demo-org-2"]);
    setItemField(doc, "activities", b, "start", "2026-05");
    setItemField(doc, "activities", b, "status", "in_progress");
    const m = addMilestone(doc, { title: "Signed", due: "2026-03-20" });
    setItemField(doc, "milestones", m, "reached", true);

    expect(readActivities(replica).map((x) => [x.title, x.status])).toEqual([
      ["Kick-off", "planned"],
      ["Study trip", "in_progress"],
    ]);
    expect(readActivities(replica)[1]).toMatchObject({ responsible: ["demo-org-1", "demo-org-2"], start: "2026-05" });
    expect(readMilestones(replica)).toEqual([{ id: m, title: "Signed", due: "2026-03-20", reached: true }]);

    removeItem(doc, "activities", a);
    expect(readActivities(replica).map((x) => x.id)).toEqual([b]);
    // Unknown ids change nothing.
    setItemField(doc, "activities", "nope", "title", "x");
    removeItem(doc, "milestones", "nope");
    expect(readMilestones(replica).length).toBe(1);
  });
});
