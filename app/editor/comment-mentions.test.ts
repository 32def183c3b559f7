import { describe, expect, it } from "vitest";
import { insertMention, matchingCandidates, mentionQueryAt, mentionedIds, splitMentions } from "./comment-mentions";

const people = [
  { id: "u1", name: "Katrin Huber" },
  { id: "u2", name: "Luca Ferretti" },
  { id: "u3", name: "Nicolò Rossi" },
  { id: "u4", name: "Birgit Beobachterin" },
];

describe("mentionQueryAt", () => {
  it("finds the @word being typed before the caret", () => {
    expect(mentionQueryAt("Bitte @Kat", 10)).toEqual({ start: 6, query: "Kat" });
    expect(mentionQueryAt("@", 1)).toEqual({ start: 0, query: "" });
    expect(mentionQueryAt("(@lu", 4)).toEqual({ start: 1, query: "lu" });
  });

  it("allows first and last name, but a trailing space, a line break or an e-mail address end it", () => {
    expect(mentionQueryAt("@Katrin Hu", 10)).toEqual({ start: 0, query: "Katrin Hu" });
    expect(mentionQueryAt("@Katrin Huber ", 14)).toBeNull();
    expect(mentionQueryAt("@Katrin\nHu", 10)).toBeNull();
    expect(mentionQueryAt("mail an info@example.org", 24)).toBeNull();
    expect(mentionQueryAt("kein at", 7)).toBeNull();
  });

  it("only looks before the caret", () => {
    expect(mentionQueryAt("@Kat und mehr", 4)).toEqual({ start: 0, query: "Kat" });
    expect(mentionQueryAt("Hallo @Kat", 3)).toBeNull();
  });
});

describe("matchingCandidates", () => {
  it("matches the start of the name or of any later name, ignoring case and accents", () => {
    expect(matchingCandidates(people, "kat").map((p) => p.id)).toEqual(["u1"]);
    expect(matchingCandidates(people, "HUB").map((p) => p.id)).toEqual(["u1"]);
    expect(matchingCandidates(people, "nico").map((p) => p.id)).toEqual(["u3"]);
    expect(matchingCandidates(people, "katrin hu").map((p) => p.id)).toEqual(["u1"]);
    expect(matchingCandidates(people, "").map((p) => p.id)).toEqual(["u1", "u2", "u3", "u4"]);
    expect(matchingCandidates(people, "erin")).toEqual([]);
    expect(matchingCandidates(people, "", 2)).toHaveLength(2);
  });
});

describe("insertMention and mentionedIds", () => {
  it("replaces the typed query with the full name and a space, and puts the caret after it", () => {
    const result = insertMention("Bitte @kat prüfen", 6, 10, "Katrin Huber");
    expect(result).toEqual({ text: "Bitte @Katrin Huber  prüfen", caret: 20 });
  });

  it("keeps only the people whose @Name is still in the text", () => {
    const chosen = [people[0]!, people[1]!, people[0]!];
    expect(mentionedIds("@Katrin Huber und @Luca Ferretti", chosen)).toEqual(["u1", "u2"]);
    expect(mentionedIds("@Katrin Huber allein", chosen)).toEqual(["u1"]);
    expect(mentionedIds("niemand", chosen)).toEqual([]);
  });
});

describe("splitMentions", () => {
  it("marks known @Names and leaves everything else as text", () => {
    expect(splitMentions("Bitte @Katrin Huber, prüfen Sie das.", ["Katrin Huber", "Luca Ferretti"])).toEqual([
      { text: "Bitte ", mention: false },
      { text: "@Katrin Huber", mention: true },
      { text: ", prüfen Sie das.", mention: false },
    ]);
    expect(splitMentions("info@Katrin Huber", ["Katrin Huber"])).toEqual([{ text: "info@Katrin Huber", mention: false }]);
    expect(splitMentions("ohne", [])).toEqual([{ text: "ohne", mention: false }]);
    expect(splitMentions("", ["Katrin Huber"])).toEqual([]);
  });
});
