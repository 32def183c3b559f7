/**
 * The document actions over every role × owner × state. The expected table is written out
 * by hand (one line per role and owner, "R E C S M" per state) so that a change to a rule
 * shows up here as a changed line, not as a silently recomputed expectation.
 */
import { describe, expect, it } from "vitest";
import { can, denialStatus, DOCUMENT_STATES, type Actor, type DocumentOwner, type DocumentState } from "./policy";
import type { NetworkRole, PlatformRole } from "./roles";

const A = "network-a";
const B = "network-b";
const actor = (platformRoles: PlatformRole[] = [], memberships: Array<[string, NetworkRole]> = [], archived: string[] = []): Actor => ({
  userId: "u",
  platformRoles: new Set(platformRoles),
  memberships: new Map(memberships),
  archivedNetworks: new Set(archived),
});

const ROLES = {
  memberA: actor([], [[A, "member"]]),
  coordinatorA: actor([], [[A, "coordinator"]]),
  memberB: actor([], [[B, "member"]]),
  coordinatorB: actor([], [[B, "coordinator"]]),
  /** A member whose only network is archived: reads, writes nothing anywhere. */
  memberOfArchivedA: actor([], [[A, "member"]], [A]),
  observer: actor(["observer"]),
  moderator: actor(["moderator"]),
  admin: actor(["admin"]),
  nobody: actor(),
} as const;
type Role = keyof typeof ROLES;

const OWNERS: Record<"networkA" | "commons", DocumentOwner> = { networkA: { kind: "network", networkId: A }, commons: { kind: "commons" } };
const ACTIONS = ["document.read", "document.edit", "document.comment", "document.restore", "document.manage"] as const;

/**
 * For each role and owner, per state (open | archived | frozen), the letters of the allowed
 * actions: R read, E edit, C comment, S restore, M manage; "-" for none.
 */
const EXPECTED: Record<Role, Record<keyof typeof OWNERS, [string, string, string]>> = {
  memberA: { networkA: ["RECS", "RC", "RC"], commons: ["RECS", "RC", "RC"] },
  coordinatorA: { networkA: ["RECSM", "RCM", "RCM"], commons: ["RECS", "RC", "RC"] },
  memberB: { networkA: ["-", "-", "-"], commons: ["RECS", "RC", "RC"] },
  coordinatorB: { networkA: ["-", "-", "-"], commons: ["RECS", "RC", "RC"] },
  memberOfArchivedA: { networkA: ["RC", "RC", "RC"], commons: ["RC", "RC", "RC"] },
  observer: { networkA: ["RC", "RC", "RC"], commons: ["RC", "RC", "RC"] },
  moderator: { networkA: ["-", "-", "-"], commons: ["RCM", "RCM", "RCM"] },
  admin: { networkA: ["RC", "RC", "RC"], commons: ["RCM", "RCM", "RCM"] },
  nobody: { networkA: ["-", "-", "-"], commons: ["-", "-", "-"] },
};

const LETTER: Record<(typeof ACTIONS)[number], string> = {
  "document.read": "R",
  "document.edit": "E",
  "document.comment": "C",
  "document.restore": "S",
  "document.manage": "M",
};

function allowed(who: Actor, owner: DocumentOwner, state: DocumentState): string {
  const letters = ACTIONS.filter((type) => can(who, { type, doc: { owner, state } })).map((type) => LETTER[type]);
  return letters.length ? letters.join("") : "-";
}

describe("document policy: every role × owner × state", () => {
  for (const role of Object.keys(ROLES) as Role[]) {
    for (const owner of Object.keys(OWNERS) as Array<keyof typeof OWNERS>) {
      it(`${role} on a document of ${owner}`, () => {
        const actual = DOCUMENT_STATES.map((state) => allowed(ROLES[role], OWNERS[owner], state));
        expect(actual).toEqual(EXPECTED[role][owner]);
      });
    }
  }

  it("refuses everything to anonymous callers, with 401", () => {
    for (const type of ACTIONS) {
      expect(can(null, { type, doc: { owner: OWNERS.commons, state: "open" } })).toBe(false);
      expect(denialStatus(null, { type, doc: { owner: OWNERS.commons, state: "open" } })).toBe(401);
    }
  });

  it("answers 404 for a document the caller may not read and 403 for one they read but may not change", () => {
    const open = { owner: OWNERS.networkA, state: "open" as const };
    expect(denialStatus(ROLES.memberB, { type: "document.edit", doc: open })).toBe(404);
    expect(denialStatus(ROLES.moderator, { type: "document.read", doc: open })).toBe(404);
    expect(denialStatus(ROLES.observer, { type: "document.edit", doc: open })).toBe(403);
    expect(denialStatus(ROLES.memberA, { type: "document.edit", doc: { ...open, state: "frozen" } })).toBe(403);
    expect(denialStatus(ROLES.nobody, { type: "document.read", doc: { owner: OWNERS.commons, state: "open" } })).toBe(404);
  });
});

describe("commons policy", () => {
  it("lets members post on behalf of their own open network only", () => {
    expect(can(ROLES.memberA, { type: "commons.contribute", networkId: A })).toBe(true);
    expect(can(ROLES.memberA, { type: "commons.contribute", networkId: B })).toBe(false);
    expect(can(ROLES.memberOfArchivedA, { type: "commons.contribute", networkId: A })).toBe(false);
    expect(can(ROLES.memberOfArchivedA, { type: "commons.contribute" })).toBe(false);
    for (const who of [ROLES.observer, ROLES.moderator, ROLES.admin, ROLES.nobody]) expect(can(who, { type: "commons.contribute" })).toBe(false);
  });

  it("lets everyone in the commons discuss a finding until a moderator closes the discussion", () => {
    for (const who of [ROLES.memberB, ROLES.observer, ROLES.moderator]) {
      expect(can(who, { type: "finding.discuss", closed: false })).toBe(true);
      expect(can(who, { type: "finding.discuss", closed: true })).toBe(false);
    }
    expect(can(ROLES.nobody, { type: "finding.discuss", closed: false })).toBe(false);
  });

  it("lets a network's coordinator endorse on its behalf only in consultation (or once endorsed)", () => {
    for (const stage of ["consultation", "endorsed"] as const) {
      expect(can(ROLES.coordinatorA, { type: "recommendation.endorse", networkId: A, stage })).toBe(true);
      expect(can(ROLES.coordinatorA, { type: "recommendation.endorse", networkId: B, stage })).toBe(false);
      expect(can(ROLES.memberA, { type: "recommendation.endorse", networkId: A, stage })).toBe(false);
      expect(can(ROLES.moderator, { type: "recommendation.endorse", networkId: A, stage })).toBe(false);
    }
    for (const stage of ["draft", "submitted", "answered"] as const) {
      expect(can(ROLES.coordinatorA, { type: "recommendation.endorse", networkId: A, stage })).toBe(false);
    }
    expect(can(actor([], [[A, "coordinator"]], [A]), { type: "recommendation.endorse", networkId: A, stage: "consultation" })).toBe(false);
    expect(denialStatus(ROLES.coordinatorB, { type: "recommendation.endorse", networkId: A, stage: "consultation" })).toBe(404);
  });

  it("takes personal support from members until submission", () => {
    expect(can(ROLES.memberB, { type: "recommendation.support", stage: "consultation" })).toBe(true);
    expect(can(ROLES.memberB, { type: "recommendation.support", stage: "submitted" })).toBe(false);
    expect(can(ROLES.observer, { type: "recommendation.support", stage: "consultation" })).toBe(false);
  });

  it("lets only the advisory board (observers) answer, and only a submitted recommendation", () => {
    expect(can(ROLES.observer, { type: "recommendation.answer", stage: "submitted" })).toBe(true);
    expect(can(ROLES.observer, { type: "recommendation.answer", stage: "answered" })).toBe(false);
    expect(can(ROLES.observer, { type: "recommendation.answer", stage: "endorsed" })).toBe(false);
    for (const who of [ROLES.memberA, ROLES.coordinatorA, ROLES.moderator, ROLES.admin]) {
      expect(can(who, { type: "recommendation.answer", stage: "submitted" })).toBe(false);
    }
  });

  it("lets only a finding's author change it, while still in the network it speaks for", () => {
    const author = actor([], [[A, "member"]]);
    expect(can(author, { type: "finding.edit", authorId: "u", networkId: A })).toBe(true);
    expect(can(author, { type: "finding.edit", authorId: "someone-else", networkId: A })).toBe(false);
    expect(can(actor([], [[B, "member"]]), { type: "finding.edit", authorId: "u", networkId: A })).toBe(false);
    expect(can(actor([], [[A, "member"]], [A]), { type: "finding.edit", authorId: "u", networkId: A })).toBe(false);
    expect(can(ROLES.moderator, { type: "finding.edit", authorId: "x", networkId: A })).toBe(false);
  });

  it("shows published good practice to everyone in the commons and proposals to their proposer and moderators", () => {
    expect(can(ROLES.observer, { type: "goodPractice.view", status: "published", proposedBy: null })).toBe(true);
    expect(can(ROLES.nobody, { type: "goodPractice.view", status: "published", proposedBy: null })).toBe(false);
    expect(can(ROLES.memberB, { type: "goodPractice.view", status: "proposed", proposedBy: "someone-else" })).toBe(false);
    expect(can(ROLES.memberB, { type: "goodPractice.view", status: "proposed", proposedBy: "u" })).toBe(true);
    expect(can(ROLES.moderator, { type: "goodPractice.view", status: "proposed", proposedBy: "someone-else" })).toBe(true);
  });
});
