import { describe, expect, it } from "vitest";
import { presentPeople } from "./presence";

describe("presence", () => {
  it("lists each person once, me first, marks read-only people, ignores states without a user", () => {
    const states = new Map<number, Record<string, unknown> | null>([
      [1, { user: { id: "u2", name: "Luca", color: "#8a1c7c", readOnly: false } }],
      [2, { user: { id: "u1", name: "Katrin", color: "#1d4e89" } }],
      [3, { user: { id: "u2", name: "Luca", color: "#8a1c7c", readOnly: false } }],
      [4, { user: { id: "u3", name: "Birgit", color: "#0f6b4f", readOnly: true } }],
      [5, { cursor: null }],
      [6, null],
      [7, { user: { id: "u4", name: "Odd", color: "red; background: url(x)" } }],
    ]);
    const people = presentPeople(states, "u1");
    expect(people.map((p) => [p.name, p.isMe, p.readOnly])).toEqual([
      ["Katrin", true, false],
      ["Birgit", false, true],
      ["Luca", false, false],
      ["Odd", false, false],
    ]);
    expect(people.find((p) => p.name === "Odd")?.color).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it("treats a person as read-only only if all their windows are", () => {
    const states = new Map<number, Record<string, unknown>>([
      [1, { user: { id: "u2", name: "Luca", color: "#8a1c7c", readOnly: true } }],
      [2, { user: { id: "u2", name: "Luca", color: "#8a1c7c", readOnly: false } }],
    ]);
    expect(presentPeople(states, "me")[0]?.readOnly).toBe(false);
  });
});
