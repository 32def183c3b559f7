/**
 * The work-programme pages over real HTTP: who sees the list and the editor page, who may
 * create, rename, archive and restore (coordinators of the network only; members, observers
 * and admins who are not members get 403, outsiders 404), and that an id of one network
 * requested under another network's address is a 404. Runs on SQLite and PostgreSQL.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { useTestServer } from "#server/testing/use-test-server";
import { TestClient } from "#server/testing/http-client";
import { buildNetwork, buildUser, buildWorkProgramme, uniq } from "#server/testing/factories";
import { findWorkProgramme, listWorkProgrammesOfNetwork } from "#db/queries/work-programmes";
import en from "../../../locales/en/workprogramme.json";

const ROLES = ["anonymous", "coordinatorA", "memberA", "observer", "admin", "memberB", "memberAB"] as const;
type Role = (typeof ROLES)[number];

const server = useTestServer();
let netA: Awaited<ReturnType<typeof buildNetwork>>;
let netB: Awaited<ReturnType<typeof buildNetwork>>;
let wpA: { id: string };
let wpB: { id: string };
let archivedA: { id: string };
const clients = {} as Record<Role, TestClient>;

beforeAll(async () => {
  const db = server.services.db;
  netA = await buildNetwork(db);
  netB = await buildNetwork(db);
  wpA = await buildWorkProgramme(db, netA.id, { title: "Programme of A" });
  wpB = await buildWorkProgramme(db, netB.id, { title: "Programme of B" });
  archivedA = await buildWorkProgramme(db, netA.id, { title: "Old programme of A", archived: true });
  const specs: Record<Exclude<Role, "anonymous">, Parameters<typeof buildUser>[1]> = {
    coordinatorA: { memberships: [{ networkId: netA.id, role: "coordinator" }] },
    memberA: { memberships: [{ networkId: netA.id, role: "member" }] },
    observer: { platformRoles: ["observer"] },
    admin: { platformRoles: ["admin"] },
    memberB: { memberships: [{ networkId: netB.id, role: "member" }] },
    memberAB: {
      memberships: [
        { networkId: netA.id, role: "coordinator" },
        { networkId: netB.id, role: "coordinator" },
      ],
    },
  };
  clients.anonymous = new TestClient(server.url);
  for (const [role, spec] of Object.entries(specs) as Array<[Exclude<Role, "anonymous">, Parameters<typeof buildUser>[1]]>) {
    const user = await buildUser(db, spec);
    clients[role] = new TestClient(server.url);
    await clients[role].login(user.email, user.password);
  }
});

const listPath = () => `/networks/${netA.slug}/work-programmes`;
const pagePath = () => `/networks/${netA.slug}/work-programmes/${wpA.id}`;

/** Who can see network A's pages: its members, observers and admins (policy: network.view). */
const viewA: Record<Role, number> = { anonymous: 302, coordinatorA: 200, memberA: 200, observer: 200, admin: 200, memberB: 404, memberAB: 200 };
/** Who may manage A's work programmes: its coordinators only (policy: workProgramme.manage). */
const manageA: Record<Role, number> = { anonymous: 302, coordinatorA: 200, memberA: 403, observer: 403, admin: 403, memberB: 404, memberAB: 200 };

describe(`work programme pages (${process.env.TEST_DATABASE})`, () => {
  it.each(ROLES)("GET the list of network A as %s", async (role) => {
    const response = await clients[role].get(listPath());
    expect(response.status).toBe(viewA[role]);
    if (response.status === 200) {
      expect(response.body).toContain("Programme of A");
      expect(response.body).toContain(en.list.archived);
      expect(response.body).not.toContain("Programme of B");
      // Only coordinators get the management forms.
      expect(response.body.includes(en.list.createHeading)).toBe(manageA[role] === 200);
    } else {
      expect(response.body).not.toContain("Programme of A");
    }
  });

  it.each(ROLES)("GET a work programme of network A as %s", async (role) => {
    const response = await clients[role].get(pagePath());
    expect(response.status).toBe(viewA[role]);
    if (response.status !== 200) return expect(response.body).not.toContain("Programme of A");
    expect(response.body).toContain("Programme of A");
    // Observers and admins outside the network read only; members and coordinators edit.
    const readOnly = role === "observer" || role === "admin";
    expect(response.body.includes(en.page.readOnlyNote), role).toBe(readOnly);
    // The editor itself is client-only: the server sends the loading note, never editor markup.
    expect(response.body).toContain(en.page.loading);
    expect(response.body).toContain(`workprogramme.${wpA.id}`);
  });

  it("an archived work programme is read-only for everyone, coordinators included", async () => {
    for (const role of ["coordinatorA", "memberA", "observer"] as const) {
      const response = await clients[role].get(`/networks/${netA.slug}/work-programmes/${archivedA.id}`);
      expect(response.status).toBe(200);
      expect(response.body, role).toContain(en.page.archivedNote);
    }
  });

  it("an id of network B under network A's address, or an unknown id, is a 404, even for people in both networks", async () => {
    for (const role of ["memberAB", "observer", "admin"] as const) {
      expect((await clients[role].get(`/networks/${netA.slug}/work-programmes/${wpB.id}`)).status, role).toBe(404);
      expect((await clients[role].get(`/networks/${netB.slug}/work-programmes/${wpA.id}`)).status, role).toBe(404);
      expect((await clients[role].get(`/networks/${netA.slug}/work-programmes/no-such-programme`)).status, role).toBe(404);
      expect((await clients[role].get(`/networks/${netA.slug}/work-programmes/..%2F${wpA.id}`)).status, role).toBe(404);
    }
    // Rename and archive under the wrong network change nothing.
    const rename = await clients.memberAB.post(listPath(), { intent: "rename", id: wpB.id, title: "Hijacked" });
    expect(rename.status).toBe(404);
    const archive = await clients.memberAB.post(listPath(), { intent: "archive", id: wpB.id });
    expect(archive.status).toBe(404);
    const row = await findWorkProgramme(server.services.db, wpB.id);
    expect(row?.title).toBe("Programme of B");
    expect(row?.archived_at).toBeNull();
  });

  it.each(ROLES)("POST create in network A as %s", async (role) => {
    const title = uniq(`Created by ${role}`);
    const response = await clients[role].post(listPath(), { intent: "create", title });
    const created = (await listWorkProgrammesOfNetwork(server.services.db, netA.id)).find((w) => w.title === title);
    if (manageA[role] === 200) {
      expect(response.status).toBe(302);
      expect(created).toBeDefined();
      expect(response.location).toBe(`/networks/${netA.slug}/work-programmes/${created!.id}`);
    } else {
      expect(response.status).toBe(manageA[role]);
      expect(created).toBeUndefined();
    }
  });

  it.each(ROLES)("POST rename, archive and restore in network A as %s", async (role) => {
    const target = await buildWorkProgramme(server.services.db, netA.id, { title: "Before" });
    const rename = await clients[role].post(listPath(), { intent: "rename", id: target.id, title: "After" });
    const archive = await clients[role].post(listPath(), { intent: "archive", id: target.id });
    const afterArchive = await findWorkProgramme(server.services.db, target.id);
    const restore = await clients[role].post(listPath(), { intent: "unarchive", id: target.id });
    const afterRestore = await findWorkProgramme(server.services.db, target.id);
    for (const response of [rename, archive, restore]) expect(response.status).toBe(manageA[role]);
    const allowed = manageA[role] === 200;
    expect(afterRestore?.title).toBe(allowed ? "After" : "Before");
    expect(Boolean(afterArchive?.archived_at)).toBe(allowed);
    expect(afterRestore?.archived_at).toBeNull();
  });

  it("refuses an empty title and a form without the CSRF token", async () => {
    const empty = await clients.coordinatorA.post(listPath(), { intent: "create", title: "   " });
    expect(empty.status).toBe(400);
    const tooLong = await clients.coordinatorA.post(listPath(), { intent: "rename", id: wpA.id, title: "x".repeat(201) });
    expect(tooLong.status).toBe(400);
    expect((await findWorkProgramme(server.services.db, wpA.id))?.title).toBe("Programme of A");
    const noToken = await clients.coordinatorA.post(listPath(), { intent: "create", title: "No token" }, { csrf: null });
    expect(noToken.status).toBe(403);
    const unknown = await clients.coordinatorA.post(listPath(), { intent: "explode", id: wpA.id });
    expect(unknown.status).toBe(400);
  });

  it("the network home page links to the work programmes", async () => {
    const response = await clients.memberA.get(`/networks/${netA.slug}`);
    expect(response.status).toBe(200);
    expect(response.body).toContain(`href="/networks/${netA.slug}/work-programmes"`);
    expect(response.body).toContain(en.networkLink.link);
  });
});
