/**
 * Archiving a network: an admin archives it on its admin page; its members and observers still
 * read everything, nobody changes anything (pages, forms and the open editor alike), the
 * network leaves the network of networks, and reactivating gives everything back.
 */
import { describe, expect, it } from "vitest";
import { useTestServer } from "#server/testing/use-test-server";
import { TestClient } from "#server/testing/http-client";
import { loggedInUser } from "#server/testing/logged-in-user";
import { buildNetwork, buildUser, buildWorkProgramme, uniq, type UserOptions } from "#server/testing/factories";
import { eventually, openDoc } from "#server/testing/collab-client";
import { findNetworkById } from "#db/queries/networks";
import { listAuditEntries } from "#db/queries/audit";
import { listUpdates } from "#db/queries/collab";
import { listOutbox } from "#db/queries/outbox";
import { COLLAB_CLOSE } from "#shared/collab/protocol";

const server = useTestServer();

const person = (options: Pick<UserOptions, "platformRoles" | "memberships">) => loggedInUser(server, { ...options, locale: "en" });

/** A network with an admin, a coordinator, a member and an observer, all logged in. */
async function scene() {
  const network = await buildNetwork(server.db(), { name: uniq("Archivable network") });
  const [admin, coordinator, member, observer] = await Promise.all([
    person({ platformRoles: ["admin"] }),
    person({ memberships: [{ networkId: network.id, role: "coordinator" }] }),
    person({ memberships: [{ networkId: network.id, role: "member" }] }),
    person({ platformRoles: ["observer"] }),
  ]);
  return { network, admin, coordinator, member, observer };
}

const archive = (admin: TestClient, networkId: string, intent: "archive" | "reactivate" = "archive") => admin.post(`/admin/networks/${networkId}`, { intent });

const inviteLinkFor = async (email: string) => {
  const mail = (await listOutbox(server.db())).find((m) => m.to_address === email);
  const match = /https?:\/\/\S+(\/invite\/[A-Za-z0-9_-]+)/.exec(mail?.text_body ?? "");
  if (!match?.[1]) throw new Error(`no invitation mail to ${email}`);
  return match[1];
};

const auditActions = async (networkId: string) =>
  (await listAuditEntries(server.db(), 1000)).filter((e) => e.target_id === networkId).map((e) => e.action);

describe(`archiving a network (${process.env.TEST_DATABASE})`, () => {
  it("is done by an admin once, audited, and undone by reactivating", async () => {
    const { network, admin, coordinator } = await scene();
    expect((await coordinator.client.post(`/admin/networks/${network.id}`, { intent: "archive" })).status).toBe(403);
    expect((await findNetworkById(server.db(), network.id))?.archived_at).toBeNull();

    const archived = await archive(admin.client, network.id);
    expect(archived.status).toBe(200);
    expect(archived.body).toContain("The network has been archived");
    expect((await findNetworkById(server.db(), network.id))?.archived_at).not.toBeNull();
    // A second click changes nothing and writes no second entry.
    await archive(admin.client, network.id);
    expect((await auditActions(network.id)).filter((a) => a === "network.archived")).toHaveLength(1);
    expect((await admin.client.get(`/admin/networks/${network.id}`)).body).toContain("Reactivate network");

    const reactivated = await archive(admin.client, network.id, "reactivate");
    expect(reactivated.body).toContain("The network is active again.");
    expect((await findNetworkById(server.db(), network.id))?.archived_at).toBeNull();
    expect(await auditActions(network.id)).toContain("network.reactivated");
  });

  it("keeps everything readable for members and observers and refuses every change, until reactivated", async () => {
    const { network, admin, coordinator, member, observer } = await scene();
    const wp = await buildWorkProgramme(server.db(), network.id);
    await archive(admin.client, network.id);

    for (const reader of [coordinator, member, observer]) {
      const home = await reader.client.get(`/networks/${network.slug}`);
      expect(home.status).toBe(200);
      expect(home.body).toContain("nothing can be changed any more");
      expect((await reader.client.get(`/networks/${network.slug}/work-programmes/${wp.id}`)).status).toBe(200);
    }
    // The coordinator's forms are gone from the page, and posting them anyway is refused.
    const home = await coordinator.client.get(`/networks/${network.slug}`);
    expect(home.body).not.toContain('name="intent" value="invite"');
    const invite = await coordinator.client.post(`/networks/${network.slug}`, { intent: "invite", email: "late@example.test", role: "member", locale: "it" });
    expect(invite.status).toBe(403);
    const create = await coordinator.client.post(`/networks/${network.slug}/work-programmes`, { intent: "create", title: "After the end" });
    expect(create.status).toBe(403);
    // The dashboard says so; the network of networks no longer lists it.
    expect((await member.client.get("/dashboard")).body).toMatch(/archived<\/span>/);
    expect((await member.client.get("/network-of-networks")).body).not.toContain(network.name);

    await archive(admin.client, network.id, "reactivate");
    const again = await coordinator.client.post(`/networks/${network.slug}/work-programmes`, { intent: "create", title: "A new phase" });
    expect(again.status).toBe(302);
  });

  it("turns an open editor into a reader at once, and stores nothing it writes afterwards", async () => {
    const { network, admin, member } = await scene();
    const wp = await buildWorkProgramme(server.db(), network.id);
    const editor = openDoc(server.url, member.client, wp.docName);
    try {
      await editor.synced;
      editor.doc.getText("t").insert(0, "before");
      await eventually(async () => (await listUpdates(server.db(), wp.docName)).length > 0, 5000, "the edit stored");
      const closed = editor.nextClose();
      await archive(admin.client, network.id);
      expect(await closed).toBe(COLLAB_CLOSE.accessChanged);
      // The stock client reconnects by itself, now as a reader: what it writes is dropped.
      await eventually(() => editor.provider.wsconnected && editor.provider.synced, 5000, "reconnected");
      const storedBefore = (await listUpdates(server.db(), wp.docName)).length;
      editor.doc.getText("t").insert(0, "after the archive ");
      await new Promise((r) => setTimeout(r, 300));
      expect((await listUpdates(server.db(), wp.docName)).length).toBe(storedBefore);
      expect((await server.server.collab.read(wp.docName)).getText("t").toString()).toBe("before");
    } finally {
      editor.destroy();
    }
  });

  it("takes nobody new: open invitations are withdrawn, and admins cannot add members or invite to it", async () => {
    const { network, admin, coordinator } = await scene();
    const email = `${uniq("invitee")}@example.test`;
    expect((await coordinator.client.post(`/networks/${network.slug}`, { intent: "invite", email, role: "member", locale: "en" })).status).toBe(200);
    const link = await inviteLinkFor(email);
    await archive(admin.client, network.id);

    const page = await new TestClient(server.url).get(link);
    expect(page.body).toContain("Invitation withdrawn");
    const accepted = await new TestClient(server.url).post(link, { name: "Late Comer", password: "long-enough-pw", passwordConfirm: "long-enough-pw", locale: "en" });
    expect(accepted.body).toContain("Invitation withdrawn");
    const entry = (await listAuditEntries(server.db(), 1000)).find((e) => e.target_id === network.id && e.action === "network.archived");
    expect(JSON.parse(entry?.details ?? "{}")).toMatchObject({ withdrawnInvitations: 1 });

    // The admin's forms no longer offer the network, and posting it anyway is refused.
    const outsider = await buildUser(server.db(), {});
    const personPage = await admin.client.get(`/admin/people/${outsider.id}`);
    expect(personPage.body).not.toContain(`value="${network.id}"`);
    expect((await admin.client.get("/admin/invite")).body).not.toContain(`value="${network.id}"`);
    const add = await admin.client.post(`/admin/people/${outsider.id}`, { intent: "addMembership", networkId: network.id, role: "member" });
    expect(add.status).toBe(403);
    // Memberships of the archived network are shown as part of its record, without controls.
    const coordinatorPage = await admin.client.get(`/admin/people/${coordinator.user.id}`);
    expect(coordinatorPage.body).toContain(network.name);
    expect(coordinatorPage.body).not.toContain(`name="networkId" value="${network.id}"`);
  });
});
