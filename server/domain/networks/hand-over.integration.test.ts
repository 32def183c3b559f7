/**
 * Handing over coordination (networks carry on after the project ends): a coordinator passes
 * coordination to another member on the network page; roles swap (or are shared), the new
 * coordinator gets a mail in their language and the audit log records it. Members are refused
 * with 403, outsiders see 404, an archived network takes no hand-over. The dashboard and the
 * network page say whether the project still runs or has ended (PROJECT_END_DATE).
 */
import { describe, expect, it } from "vitest";
import { useTestServer } from "#server/testing/use-test-server";
import { TestClient } from "#server/testing/http-client";
import { buildNetwork, buildUser, uniq, type UserOptions } from "#server/testing/factories";
import { findMembership, listMembersOfNetwork } from "#db/queries/memberships";
import { listAuditEntries } from "#db/queries/audit";
import { listOutbox } from "#db/queries/outbox";
import { updateNetwork } from "#db/queries/networks";

// The project still runs on this server; `ended` below is a server whose project is over.
const server = useTestServer({ config: { projectEndDate: "2999-12-31" } });
const ended = useTestServer({ config: { projectEndDate: "2020-01-31" } });

async function signedIn(target: { url: string; db(): ReturnType<typeof server.db> }, options: UserOptions) {
  const user = await buildUser(target.db(), options);
  const client = new TestClient(target.url);
  await client.login(user.email, user.password);
  return { user, client };
}

/** A network with a coordinator (German), a member (Italian) and a second member, plus another network with its member. */
async function scene(target: typeof server = server) {
  const db = target.db();
  const network = await buildNetwork(db, { name: uniq("Handover network") });
  const other = await buildNetwork(db);
  const coordinator = await signedIn(target, { memberships: [{ networkId: network.id, role: "coordinator" }], locale: "de" });
  const member = await signedIn(target, { memberships: [{ networkId: network.id, role: "member" }], locale: "it", name: uniq("Giulia") });
  const secondMember = await buildUser(db, { memberships: [{ networkId: network.id, role: "member" }], locale: "en" });
  const outsider = await signedIn(target, { memberships: [{ networkId: other.id, role: "coordinator" }], locale: "en" });
  return { network, other, coordinator, member, secondMember, outsider };
}

const roleOf = async (networkId: string, userId: string) => (await findMembership(server.db(), networkId, userId))?.role ?? null;
const handOverEntries = async (networkId: string) =>
  (await listAuditEntries(server.db(), 1000)).filter((e) => e.action === "membership.coordination_handed_over" && (JSON.parse(e.details) as { networkId?: string }).networkId === networkId);
const mailsTo = async (email: string) => (await listOutbox(server.db(), 1000)).filter((m) => m.to_address === email && m.kind === "coordinationHandedOver");
const handOver = (client: TestClient, slug: string, fields: Record<string, string>) => client.post(`/networks/${slug}`, { intent: "handOver", ...fields });

describe(`handing over coordination (${process.env.TEST_DATABASE})`, () => {
  it("makes the chosen member coordinator and the coordinator a member, tells them by mail in their language and audits it", async () => {
    const { network, coordinator, member, secondMember } = await scene();
    const page = await coordinator.client.get(`/networks/${network.slug}`);
    expect(page.body).toContain("Koordination übergeben");
    // Only members are offered, never the coordinator themselves.
    expect(page.body).toContain(`value="${member.user.id}"`);
    expect(page.body).toContain(`value="${secondMember.id}"`);
    expect(page.body).not.toContain(`<option value="${coordinator.user.id}"`);

    const response = await handOver(coordinator.client, network.slug, { recipientId: member.user.id });
    expect(response.status).toBe(200);
    expect(response.body).toContain("koordiniert das Netzwerk jetzt. Sie sind von nun an Mitglied.");
    expect(await roleOf(network.id, member.user.id)).toBe("coordinator");
    expect(await roleOf(network.id, coordinator.user.id)).toBe("member");
    expect(await roleOf(network.id, secondMember.id)).toBe("member");

    const [mail, ...more] = await mailsTo(member.user.email);
    expect(more).toHaveLength(0);
    expect(mail?.locale).toBe("it");
    expect(mail?.subject).toBe(`Ora Lei coordina ${network.name}`);
    expect(mail?.text_body).toContain(`${server.url}/networks/${network.slug}`);
    expect(mail?.text_body).toContain("Le ha passato il coordinamento");

    const [entry, ...others] = await handOverEntries(network.id);
    expect(others).toHaveLength(0);
    expect(entry).toMatchObject({ actor_id: coordinator.user.id, target_type: "user", target_id: member.user.id });
    expect(JSON.parse(entry?.details ?? "{}")).toEqual({ networkId: network.id, stayCoordinator: false });

    // The former coordinator is a member now: no form, and posting it again is refused.
    expect((await coordinator.client.get(`/networks/${network.slug}`)).body).not.toContain('value="handOver"');
    expect((await handOver(coordinator.client, network.slug, { recipientId: secondMember.id })).status).toBe(403);
    // The new coordinator carries on: they hand over in turn and invite new partners.
    expect((await member.client.get(`/networks/${network.slug}`)).body).toContain('value="handOver"');
    const invite = await member.client.post(`/networks/${network.slug}`, { intent: "invite", email: `${uniq("partner")}@example.test`, role: "member", locale: "it" });
    expect(invite.status).toBe(200);
  });

  it("keeps both as coordinators when the coordinator stays coordinator as well", async () => {
    const { network, coordinator, secondMember } = await scene();
    const response = await handOver(coordinator.client, network.slug, { recipientId: secondMember.id, stayCoordinator: "on" });
    expect(response.status).toBe(200);
    expect(response.body).toContain("koordiniert das Netzwerk jetzt gemeinsam mit Ihnen.");
    expect(await roleOf(network.id, secondMember.id)).toBe("coordinator");
    expect(await roleOf(network.id, coordinator.user.id)).toBe("coordinator");
    const [mail] = await mailsTo(secondMember.email);
    expect(mail?.subject).toBe(`You now coordinate ${network.name} as well`);
    expect(mail?.text_body).toContain("stays coordinator too");
    const [entry] = await handOverEntries(network.id);
    expect(JSON.parse(entry?.details ?? "{}")).toEqual({ networkId: network.id, stayCoordinator: true });
  });

  it("refuses a member with 403 and changes nothing", async () => {
    const { network, coordinator, member, secondMember } = await scene();
    expect((await member.client.get(`/networks/${network.slug}`)).body).not.toContain('value="handOver"');
    const response = await handOver(member.client, network.slug, { recipientId: secondMember.id });
    expect(response.status).toBe(403);
    expect(await roleOf(network.id, member.user.id)).toBe("member");
    expect(await roleOf(network.id, secondMember.id)).toBe("member");
    expect(await roleOf(network.id, coordinator.user.id)).toBe("coordinator");
    expect(await handOverEntries(network.id)).toHaveLength(0);
    expect(await mailsTo(secondMember.email)).toHaveLength(0);
  });

  it("refuses a recipient outside the network with a translated message (400), keeping what was typed", async () => {
    const { network, coordinator, outsider } = await scene();
    const response = await handOver(coordinator.client, network.slug, { recipientId: outsider.user.id, stayCoordinator: "on" });
    expect(response.status).toBe(400);
    expect(response.body).toContain("Diese Person ist kein Mitglied des Netzwerks.");
    // The tick survives the refusal.
    expect(response.body).toMatch(/<input type="checkbox" name="stayCoordinator"[^>]*checked=""/);
    expect(await roleOf(network.id, coordinator.user.id)).toBe("coordinator");
    expect(await findMembership(server.db(), network.id, outsider.user.id)).toBeUndefined();
    expect(await handOverEntries(network.id)).toHaveLength(0);
    expect(await mailsTo(outsider.user.email)).toHaveLength(0);
  });

  it("refuses handing over to oneself, to a coordinator already, or to nobody (400)", async () => {
    const { network, coordinator } = await scene();
    const coCoordinator = await buildUser(server.db(), { memberships: [{ networkId: network.id, role: "coordinator" }] });
    const self = await handOver(coordinator.client, network.slug, { recipientId: coordinator.user.id });
    expect(self.status).toBe(400);
    expect(self.body).toContain("An sich selbst können Sie die Koordination nicht übergeben.");
    const already = await handOver(coordinator.client, network.slug, { recipientId: coCoordinator.id });
    expect(already.status).toBe(400);
    expect(already.body).toContain("Diese Person koordiniert das Netzwerk bereits.");
    const nobody = await handOver(coordinator.client, network.slug, { recipientId: "" });
    expect(nobody.status).toBe(400);
    expect(nobody.body).toContain("Bitte wählen Sie eine der Möglichkeiten.");
    expect(await roleOf(network.id, coordinator.user.id)).toBe("coordinator");
    expect(await handOverEntries(network.id)).toHaveLength(0);
  });

  it("answers 404 to people outside the network, as if it did not exist, and 403 to observers and admins", async () => {
    const { network, member, outsider } = await scene();
    const outside = await handOver(outsider.client, network.slug, { recipientId: member.user.id });
    expect(outside.status).toBe(404);
    expect(outside.body).not.toContain(network.canary);
    const moderator = await signedIn(server, { platformRoles: ["moderator"] });
    expect((await handOver(moderator.client, network.slug, { recipientId: member.user.id })).status).toBe(404);
    // Observers and admins see the network but do not coordinate it.
    const observer = await signedIn(server, { platformRoles: ["observer"] });
    expect((await handOver(observer.client, network.slug, { recipientId: member.user.id })).status).toBe(403);
    const admin = await signedIn(server, { platformRoles: ["admin"] });
    expect((await handOver(admin.client, network.slug, { recipientId: member.user.id })).status).toBe(403);
    const anonymous = await new TestClient(server.url).post(`/networks/${network.slug}`, { intent: "handOver", recipientId: member.user.id });
    expect(anonymous.status).toBe(302);
    expect(await roleOf(network.id, member.user.id)).toBe("member");
    expect(await handOverEntries(network.id)).toHaveLength(0);
  });

  it("refuses a hand-over in an archived network", async () => {
    const { network, coordinator, member } = await scene();
    const at = new Date().toISOString();
    await updateNetwork(server.db(), network.id, { archived_at: at, updated_at: at });
    expect((await coordinator.client.get(`/networks/${network.slug}`)).body).not.toContain('value="handOver"');
    const response = await handOver(coordinator.client, network.slug, { recipientId: member.user.id });
    expect(response.status).toBe(403);
    expect(await roleOf(network.id, member.user.id)).toBe("member");
    expect(await roleOf(network.id, coordinator.user.id)).toBe("coordinator");
    expect(await handOverEntries(network.id)).toHaveLength(0);
  });

  it("leaves the network with a coordinator whatever is handed over: the members list shows the new roles", async () => {
    const { network, coordinator, member } = await scene();
    await handOver(coordinator.client, network.slug, { recipientId: member.user.id });
    const roles = (await listMembersOfNetwork(server.db(), network.id)).map((m) => m.role);
    expect(roles.filter((r) => r === "coordinator")).toHaveLength(1);
  });
});

describe(`the project's end date (${process.env.TEST_DATABASE})`, () => {
  it("says on the dashboard until when the project runs while it runs", async () => {
    const { coordinator } = await scene(server);
    const english = await signedIn(server, {});
    const dashboard = await english.client.get("/dashboard");
    expect(dashboard.body).toContain("The project runs until December 31, 2999.");
    expect(dashboard.body).not.toContain("project ended");
    expect((await coordinator.client.get("/dashboard")).body).toContain("Das Projekt läuft bis zum 31. Dezember 2999.");
  });

  it("says on the dashboard and the network page that the project ended and the network carries on, and nothing becomes read-only", async () => {
    const { network, coordinator, member } = await scene(ended);
    const english = await signedIn(ended, { memberships: [{ networkId: network.id, role: "member" }] });
    const notice = "The ConnActions project ended on January 31, 2020. Your network carries on: coordinators can hand over coordination and invite new partners; all content stays.";
    const dashboard = await english.client.get("/dashboard");
    expect(dashboard.body).toContain(notice);
    expect(dashboard.body).not.toContain("The project runs until");
    expect((await english.client.get(`/networks/${network.slug}`)).body).toContain(notice);
    expect((await coordinator.client.get("/dashboard")).body).toContain("Das Projekt ConnActions endete am 31. Januar 2020.");

    // After the end the coordinator still hands over and invites.
    const handed = await handOver(coordinator.client, network.slug, { recipientId: member.user.id, stayCoordinator: "on" });
    expect(handed.status).toBe(200);
    const invite = await coordinator.client.post(`/networks/${network.slug}`, { intent: "invite", email: `${uniq("partner")}@example.test`, role: "member", locale: "de" });
    expect(invite.status).toBe(200);
  });
});
