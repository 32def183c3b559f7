/**
 * Handing the project team's functions on, over HTTP, on SQLite and PostgreSQL: a member of
 * the project team invites a successor by e-mail (a mail and an invitation with the
 * project_team role; an existing account gets the role at once), withdraws an open
 * invitation, and leaves the team (the role goes, audited), which the last active member may
 * not, not even two last members leaving at the same moment. Everyone else gets 403, the
 * anonymous the login.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { useTestServer } from "#server/testing/use-test-server";
import { buildNetwork, buildUser, uniq } from "#server/testing/factories";
import { TestClient } from "#server/testing/http-client";
import { loadActor } from "#server/domain/auth/actor";
import { acceptInvitation } from "#server/domain/invitations/accept";
import { listPlatformRoles } from "#db/queries/users";
import { leaveProjectTeam } from "./team";

const server = useTestServer();
const db = () => server.services.db;
const PAGE = "/intake/team";

type Person = Awaited<ReturnType<typeof buildUser>>;

async function loggedIn(options: Parameters<typeof buildUser>[1] = {}): Promise<{ person: Person; client: TestClient }> {
  const person = await buildUser(db(), options);
  const client = new TestClient(server.url);
  await client.login(person.email, person.password);
  return { person, client };
}

const teamMember = (name = uniq("Team")) => loggedIn({ platformRoles: ["project_team"], name });
const mailsTo = (address: string) => db().selectFrom("outbox").selectAll().where("to_address", "=", address).orderBy("created_at").execute();
const rolesOf = (userId: string) => listPlatformRoles(db(), userId);
const teamHolders = async () => (await db().selectFrom("platform_roles").select("user_id").where("role", "=", "project_team").execute()).map((r) => r.user_id);

let network: Awaited<ReturnType<typeof buildNetwork>>;
beforeAll(async () => {
  network = await buildNetwork(db());
});

describe(`the project team hands its functions on (${process.env.TEST_DATABASE})`, () => {
  it("lists the team and invites a successor by e-mail with the project team's role", async () => {
    const { person, client } = await teamMember("Anna Übergabe");
    const page = await client.get(PAGE);
    expect(page.status).toBe(200);
    expect(page.body).toContain("Anna Übergabe");
    expect(page.body).toContain("Invite a successor");

    const address = `${uniq("successor")}@example.test`;
    const invited = await client.post(PAGE, { intent: "invite", email: address.toUpperCase(), locale: "it" });
    expect(invited.status).toBe(200);
    expect(invited.body).toContain(`An invitation has gone to ${address}.`);
    const invitation = await db().selectFrom("invitations").selectAll().where("email", "=", address).executeTakeFirstOrThrow();
    expect(invitation).toMatchObject({ platform_role: "project_team", network_id: null, network_role: null, partnership_id: null, locale: "it", invited_by: person.id, accepted_at: null });
    const mails = await mailsTo(address);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ kind: "invitation", locale: "it" });
    const token = /\/invite\/([A-Za-z0-9_-]+)/.exec(mails[0]!.text_body)?.[1];
    expect(token).toBeTruthy();
    // The open invitation is listed on the page.
    expect((await client.get(PAGE)).body).toContain(address);

    // Accepting it makes a project team member.
    const accepted = await acceptInvitation(server.services, token!, { name: "Giulia Nachfolge", password: "a-long-enough-password", locale: "it", ip: "203.0.113.7", userAgent: "vitest" });
    expect(accepted.state).toBe("valid");
    const successor = await db().selectFrom("users").select("id").where("email", "=", address).executeTakeFirstOrThrow();
    expect(await rolesOf(successor.id)).toEqual(["project_team"]);
  });

  it("gives an existing account the role at once (told by mail), and refuses someone already in the team", async () => {
    const { client } = await teamMember();
    const existing = await buildUser(db(), { memberships: [{ networkId: network.id, role: "member" }] });
    const added = await client.post(PAGE, { intent: "invite", email: existing.email, locale: "de" });
    expect(added.status).toBe(200);
    expect(added.body).toContain("already had an account and is now in the project team");
    expect(await rolesOf(existing.id)).toEqual(["project_team"]);
    expect((await mailsTo(existing.email)).map((m) => m.kind)).toEqual(["addedToNetwork"]);
    expect(await db().selectFrom("invitations").select("id").where("email", "=", existing.email).execute()).toHaveLength(0);

    const again = await client.post(PAGE, { intent: "invite", email: existing.email, locale: "de" });
    expect(again.status).toBe(409);
    expect(again.body).toContain("This person is already in the project team.");
    expect(await mailsTo(existing.email)).toHaveLength(1);

    const invalid = await client.post(PAGE, { intent: "invite", email: "not-an-address", locale: "de" });
    expect(invalid.status).toBe(400);
  });

  it("withdraws an open invitation to the team, and only such invitations", async () => {
    const { client } = await teamMember();
    const address = `${uniq("withdrawn")}@example.test`;
    expect((await client.post(PAGE, { intent: "invite", email: address, locale: "en" })).status).toBe(200);
    const invitation = await db().selectFrom("invitations").select("id").where("email", "=", address).executeTakeFirstOrThrow();
    const withdrawn = await client.post(PAGE, { intent: "revokeInvitation", invitationId: invitation.id });
    expect(withdrawn.status).toBe(200);
    expect((await db().selectFrom("invitations").select("revoked_at").where("id", "=", invitation.id).executeTakeFirstOrThrow()).revoked_at).not.toBeNull();
    expect((await client.post(PAGE, { intent: "revokeInvitation", invitationId: invitation.id })).status).toBe(409);
  });

  it("lets a member leave (the role goes, audited as a change of platform roles), then closes the page to them", async () => {
    await teamMember(); // someone stays
    const { person, client } = await loggedIn({ platformRoles: ["project_team", "moderator"] });
    const left = await client.post(PAGE, { intent: "leave" });
    expect(left.status).toBe(302);
    expect(left.location).toBe("/dashboard");
    expect(await rolesOf(person.id)).toEqual(["moderator"]);
    const audit = await db().selectFrom("audit_log").selectAll().where("actor_id", "=", person.id).where("action", "=", "platform_roles.changed").execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.target_id).toBe(person.id);
    expect(JSON.parse(String(audit[0]!.details))).toEqual({ before: expect.arrayContaining(["project_team", "moderator"]), after: ["moderator"] });
    expect((await client.get(PAGE)).status).toBe(403);
    expect((await client.post(PAGE, { intent: "leave" })).status).toBe(403);
  });

  it("refuses the last active member (a disabled account does not count), even two leaving at once", async () => {
    const { person, client } = await teamMember();
    const other = await buildUser(db(), { platformRoles: ["project_team"] });
    // Only these two hold the role now.
    await db().deleteFrom("platform_roles").where("role", "=", "project_team").where("user_id", "not in", [person.id, other.id]).execute();

    await db().updateTable("users").set({ disabled_at: new Date().toISOString() }).where("id", "=", other.id).execute();
    const page = await client.get(PAGE);
    expect(page.body).toContain("You are the only active member of the project team");
    const refused = await client.post(PAGE, { intent: "leave" });
    expect(refused.status).toBe(409);
    expect(refused.body).toContain("You are the only active member of the project team");
    expect(await rolesOf(person.id)).toEqual(["project_team"]);

    // Both active: when both leave at the same moment, exactly one may go.
    await db().updateTable("users").set({ disabled_at: null }).where("id", "=", other.id).execute();
    const [a, b] = await Promise.all([
      leaveProjectTeam(server.services, await loadActor(db(), person.id), "203.0.113.8"),
      leaveProjectTeam(server.services, await loadActor(db(), other.id), "203.0.113.9"),
    ]);
    expect([a, b].filter((r) => r.ok)).toHaveLength(1);
    expect([a, b].filter((r) => !r.ok)).toEqual([{ ok: false, error: "lastMember" }]);
    expect(await teamHolders()).toHaveLength(1);
  });

  it("speaks German and Italian, with no untranslated keys", async () => {
    for (const [locale, title, leave] of [
      ["de", "Projektteam", "Projektteam verlassen"],
      ["it", "Team di progetto", "Lasciare il team di progetto"],
    ] as const) {
      const { client } = await loggedIn({ platformRoles: ["project_team"], locale });
      const page = await client.get(PAGE, { "Accept-Language": locale });
      expect(page.status).toBe(200);
      expect(page.body).toContain(title);
      expect(page.body).toContain(leave);
      expect(page.body).not.toMatch(/projectTeam\./);
    }
  });

  it("answers 403 to everyone outside the project team and sends the anonymous to the login", async () => {
    const outsiders = [
      await loggedIn({ memberships: [{ networkId: network.id, role: "member" }] }),
      await loggedIn({ memberships: [{ networkId: network.id, role: "coordinator" }] }),
      await loggedIn({ platformRoles: ["observer"] }),
      await loggedIn({ platformRoles: ["moderator"] }),
      await loggedIn({ platformRoles: ["admin"] }),
    ];
    for (const { client } of outsiders) {
      expect((await client.get(PAGE)).status).toBe(403);
      const address = `${uniq("nope")}@example.test`;
      expect((await client.post(PAGE, { intent: "invite", email: address, locale: "de" })).status).toBe(403);
      expect(await db().selectFrom("invitations").select("id").where("email", "=", address).execute()).toHaveLength(0);
      expect((await client.post(PAGE, { intent: "leave" })).status).toBe(403);
    }
    const anonymous = new TestClient(server.url);
    const page = await anonymous.get(PAGE);
    expect(page.status).toBe(302);
    expect(page.location).toBe(`/login?redirectTo=${encodeURIComponent(PAGE)}`);
    expect((await anonymous.post(PAGE, { intent: "invite", email: "x@example.test", locale: "de" })).status).toBe(302);
  });
});
