import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EVENT_LANGUAGES, type EventLanguage } from "./event-vocabulary";
import { interpretingNeeds, interpretingSummary, staleBookings, type InterpretingNeed, type InterpretingParticipant } from "./interpreting";

const people = (count: number, preferred: EventLanguage, understands: EventLanguage[] = []): InterpretingParticipant[] =>
  Array.from({ length: count }, () => ({ preferred, understands }));

describe("interpretingNeeds", () => {
  it("books German → Italian for the Italian-only participants of a German session", () => {
    const participants = [...people(7, "it", ["it"]), ...people(3, "it", ["it", "de"]), ...people(5, "de")];
    expect(interpretingNeeds([{ id: "s1", language: "de" }], participants)).toEqual([{ sessionId: "s1", from: "de", to: "it", people: 7 }]);
  });

  it("books Italian → German for German-only people in an Italian session", () => {
    const participants = [...people(4, "de"), ...people(6, "it")];
    expect(interpretingNeeds([{ id: "s1", language: "it" }], participants)).toEqual([{ sessionId: "s1", from: "it", to: "de", people: 4 }]);
  });

  it("books two targets when an English session has German-only and Italian-only people", () => {
    const participants = [...people(2, "de"), ...people(3, "it"), ...people(1, "en", ["de"])];
    expect(interpretingNeeds([{ id: "s1", language: "en" }], participants)).toEqual([
      { sessionId: "s1", from: "en", to: "de", people: 2 },
      { sessionId: "s1", from: "en", to: "it", people: 3 },
    ]);
  });

  it("counts a person under a target they understand rather than book their preferred language", () => {
    const participants = [...people(4, "it"), { preferred: "en", understands: ["it", "en"] } satisfies InterpretingParticipant];
    expect(interpretingNeeds([{ id: "s1", language: "de" }], participants)).toEqual([{ sessionId: "s1", from: "de", to: "it", people: 5 }]);
  });

  it("counts people under their preferred language once that target is booked anyway", () => {
    // Italian is picked first (it reaches four), English then for the English-only two; the bilingual listener moves to English.
    const participants = [...people(3, "it"), { preferred: "en", understands: ["it"] } satisfies InterpretingParticipant, ...people(2, "en")];
    expect(interpretingNeeds([{ id: "s1", language: "de" }], participants)).toEqual([
      { sessionId: "s1", from: "de", to: "it", people: 3 },
      { sessionId: "s1", from: "de", to: "en", people: 3 },
    ]);
  });

  it("breaks a tie in reach by preference, then by the order de, it, en", () => {
    const bilingual = (preferred: EventLanguage): InterpretingParticipant => ({ preferred, understands: ["de", "it"] });
    expect(interpretingNeeds([{ id: "s1", language: "en" }], [bilingual("it"), bilingual("it"), bilingual("de")])).toEqual([
      { sessionId: "s1", from: "en", to: "it", people: 3 },
    ]);
    expect(interpretingNeeds([{ id: "s1", language: "en" }], [bilingual("it"), bilingual("de")])).toEqual([{ sessionId: "s1", from: "en", to: "de", people: 2 }]);
  });

  it("treats the preferred language as understood even when not listed", () => {
    expect(interpretingNeeds([{ id: "s1", language: "de" }], [{ preferred: "de", understands: ["it"] }])).toEqual([]);
  });

  it("needs nothing when everyone understands every session, or nobody is registered", () => {
    const sessions = [
      { id: "s1", language: "de" as const },
      { id: "s2", language: "it" as const },
    ];
    expect(interpretingNeeds(sessions, people(3, "de", ["it"]))).toEqual([]);
    expect(interpretingNeeds(sessions, [])).toEqual([]);
    expect(interpretingNeeds([], people(3, "en"))).toEqual([]);
  });

  it("lists needs in session order", () => {
    const participants = [...people(2, "de"), ...people(3, "it")];
    const needs = interpretingNeeds(
      [
        { id: "b", language: "it" },
        { id: "a", language: "de" },
      ],
      participants,
    );
    expect(needs.map((n) => `${n.sessionId}:${n.from}→${n.to}:${n.people}`)).toEqual(["b:it→de:2", "a:de→it:3"]);
  });
});

describe("interpretingNeeds properties", () => {
  const language = fc.constantFrom(...EVENT_LANGUAGES);
  const participant = fc.record({ preferred: language, understands: fc.subarray([...EVENT_LANGUAGES]) });
  const sessions = fc.array(language, { maxLength: 4 }).map((languages) => languages.map((l, i) => ({ id: `s${i}`, language: l })));
  const participants = fc.array(participant, { maxLength: 30 });
  const understood = (p: InterpretingParticipant, l: EventLanguage) => p.preferred === l || p.understands.includes(l);
  const subsets = <T>(items: readonly T[]): T[][] => items.reduce<T[][]>((all, item) => [...all, ...all.map((s) => [...s, item])], [[]]);

  it("counts every participant who does not understand a session exactly once, under a target they understand", () => {
    fc.assert(
      fc.property(sessions, participants, (sessionList, ps) => {
        const needs = interpretingNeeds(sessionList, ps);
        for (const need of needs) {
          expect(need.from).not.toBe(need.to);
          expect(need.people).toBeGreaterThan(0);
        }
        for (const session of sessionList) {
          const mine = needs.filter((n) => n.sessionId === session.id);
          const needy = ps.filter((p) => !understood(p, session.language));
          expect(mine.every((n) => n.from === session.language)).toBe(true);
          expect(mine.reduce((sum, n) => sum + n.people, 0)).toBe(needy.length);
          // Hall's condition: the counts can be met by giving each needy person one target they
          // understand exactly when every group of targets has at least that many listeners.
          for (const group of subsets(mine)) {
            const listeners = needy.filter((p) => group.some((n) => understood(p, n.to))).length;
            expect(group.reduce((sum, n) => sum + n.people, 0)).toBeLessThanOrEqual(listeners);
          }
        }
      }),
    );
  });

  it("books a single target whenever one language serves everyone who needs interpreting", () => {
    fc.assert(
      fc.property(sessions, participants, (sessionList, ps) => {
        for (const session of sessionList) {
          const needy = ps.filter((p) => !understood(p, session.language));
          const oneServesAll = EVENT_LANGUAGES.some((l) => l !== session.language && needy.every((p) => understood(p, l)));
          if (needy.length > 0 && oneServesAll) expect(interpretingNeeds([session], ps)).toHaveLength(1);
        }
      }),
    );
  });

  it("does not depend on the order of the participants", () => {
    const withShuffle = participants.chain((ps) => fc.tuple(fc.constant(ps), fc.shuffledSubarray(ps, { minLength: ps.length, maxLength: ps.length })));
    fc.assert(
      fc.property(sessions, withShuffle, (sessionList, [ps, shuffled]) => {
        expect(interpretingNeeds(sessionList, shuffled)).toEqual(interpretingNeeds(sessionList, ps));
      }),
    );
  });
});

describe("interpretingSummary and staleBookings", () => {
  const needs: InterpretingNeed[] = [
    { sessionId: "s1", from: "de", to: "it", people: 7 },
    { sessionId: "s2", from: "it", to: "de", people: 4 },
    { sessionId: "s3", from: "de", to: "it", people: 9 },
    { sessionId: "s3", from: "de", to: "en", people: 2 },
  ];

  it("gives one line per direction with its sessions, the largest audience and what is still unbooked", () => {
    const booked = [
      { sessionId: "s3", from: "de" as const, to: "it" as const },
      { sessionId: "s2", from: "it" as const, to: "de" as const },
    ];
    expect(interpretingSummary(needs, booked)).toEqual([
      {
        from: "de",
        to: "it",
        sessions: [
          { sessionId: "s1", people: 7, booked: false },
          { sessionId: "s3", people: 9, booked: true },
        ],
        maxPeople: 9,
        unbookedSessions: 1,
      },
      { from: "de", to: "en", sessions: [{ sessionId: "s3", people: 2, booked: false }], maxPeople: 2, unbookedSessions: 1 },
      { from: "it", to: "de", sessions: [{ sessionId: "s2", people: 4, booked: true }], maxPeople: 4, unbookedSessions: 0 },
    ]);
    expect(interpretingSummary([], booked)).toEqual([]);
  });

  it("ignores bookings nothing needs in the summary and reports them as stale", () => {
    const stale = [
      { sessionId: "s1", from: "de" as const, to: "en" as const },
      { sessionId: "gone", from: "it" as const, to: "de" as const },
    ];
    const booked = [{ sessionId: "s1", from: "de" as const, to: "it" as const }, ...stale];
    const summary = interpretingSummary(needs, booked);
    expect(summary.flatMap((line) => line.sessions.filter((s) => s.booked).map((s) => `${line.from}→${line.to}:${s.sessionId}`))).toEqual(["de→it:s1"]);
    expect(staleBookings(needs, booked)).toEqual(stale);
    expect(staleBookings(needs, [])).toEqual([]);
    expect(staleBookings([], booked)).toEqual(booked);
  });
});
