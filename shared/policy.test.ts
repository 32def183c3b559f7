import { describe, expect, it } from "vitest";
import { can, denialStatus, type Actor, type EventSubject } from "./policy";
import type { EventStatus } from "./events/event-vocabulary";
import type { NetworkRole, PlatformRole } from "./roles";

const A = "network-a";
const B = "network-b";
const actor = (platformRoles: PlatformRole[] = [], memberships: Array<[string, NetworkRole]> = [], archived: string[] = []): Actor => ({
  userId: "u",
  platformRoles: new Set(platformRoles),
  memberships: new Map(memberships),
  archivedNetworks: new Set(archived),
});

const memberA = actor([], [[A, "member"]]);
const coordinatorA = actor([], [[A, "coordinator"]]);
const observer = actor(["observer"]);
const moderator = actor(["moderator"]);
const admin = actor(["admin"]);
const nobody = actor();

describe("policy", () => {
  it("lets members and coordinators see their own network only", () => {
    expect(can(memberA, { type: "network.view", networkId: A })).toBe(true);
    expect(can(memberA, { type: "network.view", networkId: B })).toBe(false);
    expect(can(coordinatorA, { type: "network.view", networkId: B })).toBe(false);
  });

  it("lets observers read every network but contribute to none", () => {
    expect(can(observer, { type: "network.view", networkId: A })).toBe(true);
    expect(can(observer, { type: "network.view", networkId: B })).toBe(true);
    expect(can(observer, { type: "network.contribute", networkId: A })).toBe(false);
    expect(can(observer, { type: "network.manageMembers", networkId: A })).toBe(false);
  });

  it("keeps moderators out of private network workspaces", () => {
    expect(can(moderator, { type: "network.view", networkId: A })).toBe(false);
    expect(can(moderator, { type: "networkOfNetworks.moderate" })).toBe(true);
  });

  it("lets coordinators manage and invite in their own network only", () => {
    expect(can(coordinatorA, { type: "network.manageMembers", networkId: A })).toBe(true);
    expect(can(coordinatorA, { type: "network.invite", networkId: A, role: "coordinator" })).toBe(true);
    expect(can(coordinatorA, { type: "network.manageMembers", networkId: B })).toBe(false);
    expect(can(memberA, { type: "network.manageMembers", networkId: A })).toBe(false);
    expect(can(memberA, { type: "network.invite", networkId: A, role: "member" })).toBe(false);
  });

  it("lets only the network's coordinators create, rename and archive work programmes", () => {
    expect(can(coordinatorA, { type: "workProgramme.manage", networkId: A })).toBe(true);
    expect(can(coordinatorA, { type: "workProgramme.manage", networkId: B })).toBe(false);
    expect(can(memberA, { type: "workProgramme.manage", networkId: A })).toBe(false);
    expect(can(observer, { type: "workProgramme.manage", networkId: A })).toBe(false);
    expect(can(memberA, { type: "network.contribute", networkId: A })).toBe(true);
    expect(can(admin, { type: "network.contribute", networkId: A })).toBe(false);
  });

  it("keeps an archived network readable for whoever could read it and closed to every change", () => {
    const memberArchived = actor([], [[A, "member"], [B, "member"]], [A]);
    const coordinatorArchived = actor([], [[A, "coordinator"]], [A]);
    const adminArchived = actor(["admin"], [], [A]);
    const observerArchived = actor(["observer"], [], [A]);
    expect(can(memberArchived, { type: "network.view", networkId: A })).toBe(true);
    expect(can(observerArchived, { type: "network.view", networkId: A })).toBe(true);
    expect(can(memberArchived, { type: "network.contribute", networkId: A })).toBe(false);
    expect(can(coordinatorArchived, { type: "workProgramme.manage", networkId: A })).toBe(false);
    expect(can(coordinatorArchived, { type: "network.manageMembers", networkId: A })).toBe(false);
    expect(can(coordinatorArchived, { type: "network.invite", networkId: A, role: "member" })).toBe(false);
    expect(can(adminArchived, { type: "network.invite", networkId: A, role: "member" })).toBe(false);
    // Archiving is undone by admins, so they keep managing networks; other networks are untouched.
    expect(can(adminArchived, { type: "network.manage" })).toBe(true);
    expect(can(memberArchived, { type: "network.contribute", networkId: B })).toBe(true);
    // Still a member of a network, archived or not: the network of networks stays open.
    expect(can(actor([], [[A, "member"]], [A]), { type: "networkOfNetworks.view" })).toBe(true);
  });

  it("opens the network of networks to members of any network, moderators, observers and admins", () => {
    expect(can(memberA, { type: "networkOfNetworks.view" })).toBe(true);
    expect(can(moderator, { type: "networkOfNetworks.view" })).toBe(true);
    expect(can(observer, { type: "networkOfNetworks.view" })).toBe(true);
    expect(can(admin, { type: "networkOfNetworks.view" })).toBe(true);
    expect(can(nobody, { type: "networkOfNetworks.view" })).toBe(false);
  });

  it("reserves administration and platform-role invitations to admins", () => {
    for (const who of [memberA, coordinatorA, observer, moderator, nobody]) {
      expect(can(who, { type: "platform.admin" })).toBe(false);
      expect(can(who, { type: "invite.platformRole", role: "observer" })).toBe(false);
    }
    expect(can(admin, { type: "platform.admin" })).toBe(true);
  });

  it("denies everything to anonymous callers", () => {
    expect(can(null, { type: "dashboard.view" })).toBe(false);
    expect(denialStatus(null, { type: "dashboard.view" })).toBe(401);
  });

  it("answers 404, not 403, for anything of a network the caller cannot see", () => {
    expect(denialStatus(memberA, { type: "network.manageMembers", networkId: B })).toBe(404);
    expect(denialStatus(memberA, { type: "network.manageMembers", networkId: A })).toBe(403);
    expect(denialStatus(memberA, { type: "platform.admin" })).toBe(403);
  });

  it("lets a network's library be read by who sees the network, written by its members, its trash emptied by its coordinators", () => {
    const libA = { kind: "network" as const, networkId: A };
    expect(can(memberA, { type: "library.read", owner: libA })).toBe(true);
    expect(can(observer, { type: "library.read", owner: libA })).toBe(true);
    expect(can(moderator, { type: "library.read", owner: libA })).toBe(false);
    expect(can(memberA, { type: "library.upload", owner: libA })).toBe(true);
    expect(can(memberA, { type: "library.organise", owner: libA })).toBe(true);
    expect(can(observer, { type: "library.upload", owner: libA })).toBe(false);
    expect(can(admin, { type: "library.upload", owner: libA })).toBe(false);
    expect(can(memberA, { type: "library.emptyTrash", owner: libA })).toBe(false);
    expect(can(coordinatorA, { type: "library.emptyTrash", owner: libA })).toBe(true);
    const archivedCoordinator = actor([], [[A, "coordinator"]], [A]);
    expect(can(archivedCoordinator, { type: "library.read", owner: libA })).toBe(true);
    expect(can(archivedCoordinator, { type: "library.upload", owner: libA })).toBe(false);
    expect(can(archivedCoordinator, { type: "library.emptyTrash", owner: libA })).toBe(false);
    expect(denialStatus(actor([], [[B, "member"]]), { type: "library.upload", owner: libA })).toBe(404);
    expect(denialStatus(observer, { type: "library.upload", owner: libA })).toBe(403);
  });

  it("lets every network write the commons library and its moderators curate it", () => {
    const commons = { kind: "commons" as const };
    expect(can(memberA, { type: "library.upload", owner: commons })).toBe(true);
    expect(can(memberA, { type: "library.organise", owner: commons })).toBe(false);
    expect(can(moderator, { type: "library.organise", owner: commons })).toBe(true);
    expect(can(moderator, { type: "library.emptyTrash", owner: commons })).toBe(true);
    expect(can(observer, { type: "library.read", owner: commons })).toBe(true);
    expect(can(observer, { type: "library.upload", owner: commons })).toBe(false);
    expect(can(nobody, { type: "library.read", owner: commons })).toBe(false);
  });

  it("lets a network's members share its files into the commons, and nobody else on its behalf", () => {
    const archivedMember = actor([], [[A, "member"]], [A]);
    expect(can(memberA, { type: "library.share", networkId: A })).toBe(true);
    expect(can(coordinatorA, { type: "library.share", networkId: A })).toBe(true);
    expect(can(memberA, { type: "library.share", networkId: B })).toBe(false);
    expect(can(observer, { type: "library.share", networkId: A })).toBe(false);
    expect(can(moderator, { type: "library.share", networkId: A })).toBe(false);
    expect(can(admin, { type: "library.share", networkId: A })).toBe(false);
    expect(can(archivedMember, { type: "library.share", networkId: A })).toBe(false);
    expect(denialStatus(actor([], [[B, "member"]]), { type: "library.share", networkId: A })).toBe(404);
    expect(denialStatus(observer, { type: "library.share", networkId: A })).toBe(403);
  });
});

describe("events", () => {
  const ofA = (status: EventStatus = "published", createdBy: string | null = "someone-else"): EventSubject => ({ owner: { kind: "network", networkId: A }, status, createdBy });
  const ofCommons = (status: EventStatus = "published", createdBy: string | null = "someone-else"): EventSubject => ({ owner: { kind: "commons" }, status, createdBy });
  const memberB = actor([], [[B, "member"]]);
  const coordinatorB = actor([], [[B, "coordinator"]]);

  it("shows drafts to their organisers only: the network's coordinators, the creator, in the commons the moderators", () => {
    expect(can(coordinatorA, { type: "event.view", event: ofA("draft") })).toBe(true);
    expect(can(memberA, { type: "event.view", event: ofA("draft", "u") })).toBe(true);
    expect(can(memberA, { type: "event.view", event: ofA("draft") })).toBe(false);
    expect(can(observer, { type: "event.view", event: ofA("draft") })).toBe(false);
    expect(can(admin, { type: "event.view", event: ofA("draft") })).toBe(false);
    expect(can(moderator, { type: "event.view", event: ofCommons("draft") })).toBe(true);
    expect(can(memberA, { type: "event.view", event: ofCommons("draft") })).toBe(false);
    expect(can(memberA, { type: "event.view", event: ofCommons("draft", "u") })).toBe(true);
    // Published, cancelled and held events: whoever reads the owner.
    for (const status of ["published", "cancelled", "held"] as const) {
      expect(can(memberA, { type: "event.view", event: ofA(status) })).toBe(true);
      expect(can(observer, { type: "event.view", event: ofA(status) })).toBe(true);
      expect(can(memberB, { type: "event.view", event: ofA(status) })).toBe(false);
      expect(can(moderator, { type: "event.view", event: ofA(status) })).toBe(false);
      expect(can(memberB, { type: "event.view", event: ofCommons(status) })).toBe(true);
    }
    expect(can(nobody, { type: "event.view", event: ofCommons() })).toBe(false);
  });

  it("lets coordinators organise their network's events, creators their own, moderators the commons'", () => {
    expect(can(coordinatorA, { type: "event.organise", event: ofA() })).toBe(true);
    expect(can(coordinatorB, { type: "event.organise", event: ofA() })).toBe(false);
    expect(can(memberA, { type: "event.organise", event: ofA() })).toBe(false);
    expect(can(memberA, { type: "event.organise", event: ofA("published", "u") })).toBe(true);
    expect(can(memberA, { type: "event.organise", event: ofCommons("published", "u") })).toBe(true);
    expect(can(memberA, { type: "event.organise", event: ofCommons() })).toBe(false);
    expect(can(moderator, { type: "event.organise", event: ofCommons() })).toBe(true);
    expect(can(moderator, { type: "event.organise", event: ofA() })).toBe(false);
    expect(can(observer, { type: "event.organise", event: ofA() })).toBe(false);
    expect(can(admin, { type: "event.organise", event: ofA() })).toBe(false);
    expect(can(admin, { type: "event.organise", event: ofCommons() })).toBe(true);
    // A creator who left the network, or whose network was archived, organises no more.
    expect(can(memberB, { type: "event.organise", event: ofA("published", "u") })).toBe(false);
    expect(can(actor([], [[A, "member"]], [A]), { type: "event.organise", event: ofA("published", "u") })).toBe(false);
    expect(can(actor([], [[A, "coordinator"]], [A]), { type: "event.organise", event: ofA() })).toBe(false);
  });

  it("lets network members and moderators create events where they may, observers nowhere", () => {
    expect(can(memberA, { type: "event.create", owner: { kind: "network", networkId: A } })).toBe(true);
    expect(can(memberA, { type: "event.create", owner: { kind: "network", networkId: B } })).toBe(false);
    expect(can(memberA, { type: "event.create", owner: { kind: "commons" } })).toBe(true);
    expect(can(moderator, { type: "event.create", owner: { kind: "commons" } })).toBe(true);
    expect(can(moderator, { type: "event.create", owner: { kind: "network", networkId: A } })).toBe(false);
    expect(can(observer, { type: "event.create", owner: { kind: "commons" } })).toBe(false);
    expect(can(observer, { type: "event.create", owner: { kind: "network", networkId: A } })).toBe(false);
  });

  it("lets observers register for commons events but not for network events; only published events take registrations", () => {
    expect(can(observer, { type: "event.register", event: ofCommons() })).toBe(true);
    expect(can(observer, { type: "event.register", event: ofA() })).toBe(false);
    expect(can(memberA, { type: "event.register", event: ofA() })).toBe(true);
    expect(can(memberB, { type: "event.register", event: ofA() })).toBe(false);
    expect(can(memberB, { type: "event.register", event: ofCommons() })).toBe(true);
    expect(can(actor([], [[A, "member"]], [A]), { type: "event.register", event: ofA() })).toBe(false);
    for (const status of ["draft", "cancelled", "held"] as const) {
      expect(can(memberA, { type: "event.register", event: ofA(status, "u") })).toBe(false);
      expect(can(coordinatorA, { type: "event.register", event: ofA(status) })).toBe(false);
    }
  });

  it("lets a coordinator register colleagues only for their own network's events or the commons'", () => {
    expect(can(coordinatorA, { type: "event.registerColleagues", event: ofA(), networkId: A })).toBe(true);
    expect(can(coordinatorA, { type: "event.registerColleagues", event: ofCommons(), networkId: A })).toBe(true);
    expect(can(coordinatorB, { type: "event.registerColleagues", event: ofA(), networkId: B })).toBe(false);
    expect(can(coordinatorB, { type: "event.registerColleagues", event: ofCommons(), networkId: B })).toBe(true);
    // Naming a network one does not coordinate gives nothing.
    expect(can(coordinatorB, { type: "event.registerColleagues", event: ofA(), networkId: A })).toBe(false);
    expect(can(memberA, { type: "event.registerColleagues", event: ofA(), networkId: A })).toBe(false);
    expect(can(moderator, { type: "event.registerColleagues", event: ofCommons(), networkId: A })).toBe(false);
    expect(can(coordinatorA, { type: "event.registerColleagues", event: ofA("draft"), networkId: A })).toBe(false);
    expect(can(actor([], [[A, "coordinator"]], [A]), { type: "event.registerColleagues", event: ofA(), networkId: A })).toBe(false);
  });

  it("answers 404 for other networks' events and for drafts one may not see, 403 where the event is visible", () => {
    expect(denialStatus(memberB, { type: "event.view", event: ofA() })).toBe(404);
    expect(denialStatus(memberB, { type: "event.register", event: ofA() })).toBe(404);
    expect(denialStatus(coordinatorB, { type: "event.organise", event: ofA() })).toBe(404);
    expect(denialStatus(memberA, { type: "event.view", event: ofA("draft") })).toBe(404);
    expect(denialStatus(memberA, { type: "event.organise", event: ofA("draft") })).toBe(404);
    expect(denialStatus(observer, { type: "event.organise", event: ofA("draft") })).toBe(404);
    expect(denialStatus(memberA, { type: "event.organise", event: ofA() })).toBe(403);
    expect(denialStatus(observer, { type: "event.register", event: ofA() })).toBe(403);
    expect(denialStatus(memberB, { type: "event.create", owner: { kind: "network", networkId: A } })).toBe(404);
    expect(denialStatus(null, { type: "event.view", event: ofCommons() })).toBe(401);
  });
});
