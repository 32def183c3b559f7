import { describe, expect, it } from "vitest";
import { useTestServer } from "#server/testing/use-test-server";
import { TestClient } from "#server/testing/http-client";
import { loggedInUser } from "#server/testing/logged-in-user";
import { buildNetwork, buildOrganisation, buildUser, uniq, type UserOptions } from "#server/testing/factories";
import { listOutbox } from "#db/queries/outbox";
import { findNetworkBySlug } from "#db/queries/networks";
import { findOrganisation } from "#db/queries/organisations";
import { findUserById, listPlatformRoles } from "#db/queries/users";
import { findMembership } from "#db/queries/memberships";
import { listSessionsOfUser } from "#db/queries/sessions";
import { listOrganisationIdsOfNetwork } from "#db/queries/admin-networks";
import { listAuditEntries } from "#db/queries/audit";
import { listOpenInvitations } from "#db/queries/invitations";
import type { PlatformEventMap } from "#server/events";

const server = useTestServer();

const loggedIn = (options?: UserOptions) => loggedInUser(server, options);

const asAdmin = () => loggedIn({ platformRoles: ["admin"], name: uniq("Admin") });

/** Page text without the comment markers React puts between adjacent text pieces. */
const visible = (html: string) => html.replace(/<!-- -->/g, "");

/** The <article data-testid="outbox-mail"> whose recipient is `to`, as HTML. */
function outboxMailFor(html: string, to: string): string | undefined {
  return html.split('data-testid="outbox-mail"').slice(1).find((chunk) => chunk.includes(`>${to}<`));
}

async function auditActions(targetId: string): Promise<string[]> {
  return (await listAuditEntries(server.db(), 1000)).filter((e) => e.target_id === targetId).map((e) => e.action);
}

describe(`admin pages: access (${process.env.TEST_DATABASE})`, () => {
  it("shows empty states on a fresh platform", async () => {
    const { client } = await asAdmin();
    const outbox = await client.get("/admin/outbox");
    expect(outbox.status).toBe(200);
    expect(outbox.body).toContain("No e-mails have been written yet.");
    expect(outbox.body).not.toContain('data-testid="outbox-mail"');
  });

  it("refuses every admin page and admin form to members, moderators and observers (403) and sends guests to login", async () => {
    const network = await buildNetwork(server.db());
    const organisation = await buildOrganisation(server.db());
    const target = await buildUser(server.db(), { memberships: [{ networkId: network.id, role: "member" }] });
    const pages = [
      "/admin",
      "/admin/networks",
      "/admin/networks/new",
      `/admin/networks/${network.id}`,
      "/admin/organisations",
      "/admin/organisations/new",
      `/admin/organisations/${organisation.id}`,
      "/admin/people",
      `/admin/people/${target.id}`,
      "/admin/invite",
      "/admin/outbox",
      "/admin/documents",
      "/admin/audit",
    ];
    const slug = uniq("forbidden");
    const posts: Array<[string, Record<string, string | string[]>]> = [
      ["/admin/networks/new", { name: "Sneaky", slug, occupationalField: "ict" }],
      [`/admin/networks/${network.id}`, { name: "Renamed", slug: network.slug, occupationalField: "ict" }],
      ["/admin/organisations/new", { name: "Sneaky org", country: "DE", city: "X", region: "Y", type: "company", sector: "private" }],
      [`/admin/organisations/${organisation.id}`, { name: "Renamed org", country: "DE", city: "X", region: "Y", type: "company", sector: "private" }],
      [`/admin/people/${target.id}`, { intent: "profile", name: "Hacked", email: "hacked@example.test", locale: "en", platformRoles: ["admin"], disabled: "no" }],
      [`/admin/people/${target.id}`, { intent: "removeMembership", networkId: network.id }],
      ["/admin/invite", { email: "sneaky@example.test", locale: "en", platformRole: "admin" }],
    ];

    const coordinator = await loggedIn({ memberships: [{ networkId: network.id, role: "coordinator" }] });
    const moderator = await loggedIn({ platformRoles: ["moderator", "observer"] });
    for (const { client } of [coordinator, moderator]) {
      for (const path of pages) expect((await client.get(path)).status, `GET ${path}`).toBe(403);
      for (const [path, fields] of posts) expect((await client.post(path, fields)).status, `POST ${path}`).toBe(403);
    }
    // Nothing happened.
    expect(await findNetworkBySlug(server.db(), slug)).toBeUndefined();
    expect((await findUserById(server.db(), target.id))?.name).not.toBe("Hacked");
    expect(await listPlatformRoles(server.db(), target.id)).toEqual([]);
    expect(await findMembership(server.db(), network.id, target.id)).toBeDefined();
    expect((await listOutbox(server.db())).some((m) => m.to_address === "sneaky@example.test")).toBe(false);

    const guest = new TestClient(server.url);
    const page = await guest.get("/admin/people");
    expect(page.status).toBe(302);
    expect(page.location).toContain("/login?redirectTo=%2Fadmin%2Fpeople");
  });

  it("lets an admin open every admin page", async () => {
    const network = await buildNetwork(server.db());
    const organisation = await buildOrganisation(server.db());
    const person = await buildUser(server.db());
    const { client } = await asAdmin();
    for (const path of [
      "/admin",
      "/admin/networks",
      "/admin/networks/new",
      `/admin/networks/${network.id}`,
      "/admin/organisations",
      "/admin/organisations/new",
      `/admin/organisations/${organisation.id}`,
      "/admin/people",
      `/admin/people/${person.id}`,
      "/admin/invite",
      "/admin/outbox",
      "/admin/documents",
      "/admin/audit",
    ]) {
      const response = await client.get(path);
      expect(response.status, path).toBe(200);
      expect(response.body, path).toMatch(/<h1[^>]*>/);
      expect(response.body, path).not.toMatch(/style="/);
    }
    expect((await client.get("/admin/networks/no-such-network")).status).toBe(404);
    expect((await client.get("/admin/people/no-such-person")).status).toBe(404);
  });

  it("speaks German and Italian on every admin page, with no untranslated keys", async () => {
    const network = await buildNetwork(server.db());
    const person = await buildUser(server.db(), { memberships: [{ networkId: network.id, role: "member" }] });
    const expected = { de: ["Verwaltung", "Netzwerke", "Postausgang"], it: ["Amministrazione", "Reti", "Posta in uscita"] } as const;
    for (const locale of ["de", "it"] as const) {
      const { client } = await loggedIn({ platformRoles: ["admin"], locale });
      for (const path of ["/admin", "/admin/networks", `/admin/networks/${network.id}`, "/admin/organisations/new", `/admin/people/${person.id}`, "/admin/invite", "/admin/outbox", "/admin/documents", "/admin/audit"]) {
        const response = await client.get(path);
        expect(response.body, path).toContain(`lang="${locale}"`);
        for (const word of expected[locale]) expect(response.body, `${path} ${word}`).toContain(word);
        const text = visible(response.body.replace(/<script[\s\S]*?<\/script>/g, ""));
        expect(text, path).not.toMatch(/>\s*(?:admin:)?(?:nav|overview|networks|organisations|people|invite|outbox|documents|audit|form|paging)\.[a-zA-Z.]+\s*</);
      }
    }
  });
});

describe(`admin pages: networks and organisations (${process.env.TEST_DATABASE})`, () => {
  it("creates a network with themes and organisations; a taken slug is refused and the typed values stay", async () => {
    const { client } = await asAdmin();
    const orgDe = await buildOrganisation(server.db(), { country: "DE" });
    const orgIt = await buildOrganisation(server.db(), { country: "IT" });
    const slug = uniq("logistik-veneto");
    const name = uniq("Logistik Bayern Veneto");
    const created = await client.post("/admin/networks/new", {
      name,
      slug,
      description: "Gemeinsame Ausbildung in der Logistik.",
      occupationalField: "logistics",
      themes: ["digitalisation", "skilledWorkers"],
      organisationIds: [orgDe.id, orgIt.id],
    });
    expect(created.status).toBe(302);
    const network = await findNetworkBySlug(server.db(), slug);
    expect(network?.name).toBe(name);
    expect(JSON.parse(network!.themes)).toEqual(["digitalisation", "skilledWorkers"]);
    expect(created.location).toBe(`/admin/networks/${network!.id}?done=created`);
    expect((await listOrganisationIdsOfNetwork(server.db(), network!.id)).sort()).toEqual([orgDe.id, orgIt.id].sort());
    expect(await auditActions(network!.id)).toContain("network.created");

    const editPage = await client.get(created.location!);
    expect(editPage.body).toContain("The network has been created.");
    expect(editPage.body).toContain(`href="/networks/${slug}"`);
    const publicPage = await client.get(`/networks/${slug}`);
    expect(publicPage.status).toBe(200);
    expect(publicPage.body).toContain(name);

    const duplicate = await client.post("/admin/networks/new", {
      name: "Second try network",
      slug,
      occupationalField: "ict",
      themes: ["careerGuidance"],
    });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body).toContain("This address is already in use.");
    expect(duplicate.body).toContain('value="Second try network"');
    expect(duplicate.body).toMatch(/<input type="checkbox" name="themes" checked="" value="careerGuidance"/);
    expect(duplicate.body).toMatch(/<input type="checkbox" name="themes" value="digitalisation"/);

    const badSlug = await client.post("/admin/networks/new", { name: "Bad slug", slug: "Not A Slug", occupationalField: "ict" });
    expect(badSlug.status).toBe(400);
    expect(badSlug.body).toContain("Use lower-case letters, digits and hyphens only.");
  });

  it("edits a network: fields, themes and member organisations; another network's slug is refused", async () => {
    const { client } = await asAdmin();
    const network = await buildNetwork(server.db());
    const other = await buildNetwork(server.db());
    const newOrg = await buildOrganisation(server.db(), { country: "IT" });
    const newSlug = uniq("renamed");
    const saved = await client.post(`/admin/networks/${network.id}`, {
      name: "Renamed network",
      slug: newSlug,
      description: "Neue Beschreibung",
      occupationalField: "wine",
      themes: ["imageOfDualVet"],
      organisationIds: [newOrg.id],
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toContain("Your changes to the network have been saved.");
    const stored = await findNetworkBySlug(server.db(), newSlug);
    expect(stored?.id).toBe(network.id);
    expect(stored?.occupational_field).toBe("wine");
    expect(await listOrganisationIdsOfNetwork(server.db(), network.id)).toEqual([newOrg.id]);
    expect(await auditActions(network.id)).toContain("network.updated");

    const taken = await client.post(`/admin/networks/${network.id}`, { name: "Renamed network", slug: other.slug, occupationalField: "wine" });
    expect(taken.status).toBe(400);
    expect(taken.body).toContain("This address is already in use.");
    expect((await findNetworkBySlug(server.db(), newSlug))?.id).toBe(network.id);
  });

  it("creates and edits an organisation; a website must be http(s)", async () => {
    const { client } = await asAdmin();
    const fields = {
      name: uniq("Berufsschule Bozen"),
      country: "IT",
      city: "Bolzano",
      region: "Trentino-Alto Adige",
      type: "vocational_school",
      sector: "public",
      website: "ftp://example.org",
      description: "Zweisprachige Berufsschule.",
    };
    const bad = await client.post("/admin/organisations/new", fields);
    expect(bad.status).toBe(400);
    expect(bad.body).toContain("Please enter a full web address starting with https://.");
    expect(bad.body).toContain(`value="${fields.name}"`);

    const created = await client.post("/admin/organisations/new", { ...fields, website: "https://schule.example.org" });
    expect(created.status).toBe(302);
    const id = created.location!.match(/^\/admin\/organisations\/([^?]+)\?done=created$/)?.[1];
    expect(id).toBeTruthy();
    expect((await findOrganisation(server.db(), id!))?.website).toBe("https://schule.example.org");

    const edited = await client.post(`/admin/organisations/${id}`, { ...fields, city: "Merano", website: "" });
    expect(edited.status).toBe(200);
    expect(edited.body).toContain("Your changes to the organisation have been saved.");
    const stored = await findOrganisation(server.db(), id!);
    expect(stored?.city).toBe("Merano");
    expect(stored?.website).toBeNull();
    expect(await auditActions(id!)).toEqual(expect.arrayContaining(["organisation.created", "organisation.updated"]));

    const list = await client.get("/admin/organisations");
    expect(list.body).toContain(fields.name);
    const profile = await client.get(`/organisations/${id}`);
    expect(profile.body).toContain("Merano");
  });
});

describe(`admin pages: people (${process.env.TEST_DATABASE})`, () => {
  const profileFields = (overrides: Record<string, string | string[]> = {}) => ({
    intent: "profile",
    name: "Giulia Bianchi",
    email: `${uniq("giulia")}@example.test`,
    locale: "it",
    organisationId: "",
    platformRoles: [] as string[],
    disabled: "no",
    ...overrides,
  });

  it("edits a person's platform roles and the audit log shows it", async () => {
    const { client } = await asAdmin();
    const person = await buildUser(server.db(), { name: uniq("Giulia") });
    const organisation = await buildOrganisation(server.db(), { country: "IT" });
    const saved = await client.post(
      `/admin/people/${person.id}`,
      profileFields({ name: "Giulia Bianchi", organisationId: organisation.id, platformRoles: ["moderator", "observer"] }),
    );
    expect(saved.status).toBe(200);
    expect(saved.body).toContain("Your changes to this person have been saved.");
    expect((await listPlatformRoles(server.db(), person.id)).sort()).toEqual(["moderator", "observer"]);
    const stored = await findUserById(server.db(), person.id);
    expect(stored?.locale).toBe("it");
    expect(stored?.organisation_id).toBe(organisation.id);
    expect(await auditActions(person.id)).toEqual(expect.arrayContaining(["platform_roles.changed", "person.updated"]));

    const audit = await client.get("/admin/audit");
    expect(audit.status).toBe(200);
    expect(audit.body).toContain("Platform roles changed");
    expect(visible(audit.body)).toContain("Person: Giulia Bianchi");

    const people = await client.get("/admin/people");
    expect(people.body).toContain("Giulia Bianchi");
    expect(people.body).toContain("Moderator");
  });

  it("refuses an e-mail address another person uses", async () => {
    const { client } = await asAdmin();
    const person = await buildUser(server.db());
    const other = await buildUser(server.db());
    const response = await client.post(`/admin/people/${person.id}`, profileFields({ name: "Kept Name", email: other.email }));
    expect(response.status).toBe(400);
    expect(response.body).toContain("Another person already uses this e-mail address.");
    expect(response.body).toContain('value="Kept Name"');
    expect((await findUserById(server.db(), person.id))?.email).toBe(person.email);
  });

  it("announces a changed e-mail address to the old address, in the person's language; an unchanged one sends nothing", async () => {
    const { client } = await asAdmin();
    const person = await buildUser(server.db(), { locale: "de" });
    const newEmail = `${uniq("neu")}@example.test`;
    const saved = await client.post(`/admin/people/${person.id}`, profileFields({ name: "Paula Neumann", email: newEmail, locale: "it" }));
    expect(saved.status).toBe(200);
    const mails = (await listOutbox(server.db())).filter((m) => m.kind === "emailChanged" && m.to_address === person.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.locale).toBe("it");
    expect(mails[0]!.text_body).toContain(newEmail);
    expect(mails[0]!.text_body).toContain(person.email);
    expect(visible(outboxMailFor((await client.get("/admin/outbox")).body, person.email) ?? "")).toContain("E-mail address changed");

    await client.post(`/admin/people/${person.id}`, profileFields({ name: "Renamed only", email: newEmail, locale: "it" }));
    expect((await listOutbox(server.db())).filter((m) => m.kind === "emailChanged" && [person.email, newEmail].includes(m.to_address))).toHaveLength(1);
  });

  it("an admin can neither remove their own admin role nor disable themselves", async () => {
    const { user, client } = await asAdmin();
    const dropRole = await client.post(`/admin/people/${user.id}`, profileFields({ email: user.email, platformRoles: ["moderator"] }));
    expect(dropRole.status).toBe(409);
    expect(dropRole.body).toContain("You cannot take away your own platform admin role.");
    expect(await listPlatformRoles(server.db(), user.id)).toEqual(["admin"]);

    const disable = await client.post(`/admin/people/${user.id}`, profileFields({ email: user.email, platformRoles: ["admin"], disabled: "yes" }));
    expect(disable.status).toBe(409);
    expect(disable.body).toContain("You cannot disable your own account.");
    expect((await findUserById(server.db(), user.id))?.disabled_at).toBeNull();
    expect((await client.get("/admin")).status).toBe(200);
  });

  it("disabling a person ends their sessions; enabling lets them log in again", async () => {
    const { client } = await asAdmin();
    const person = await loggedIn();
    expect((await person.client.get("/dashboard")).status).toBe(200);
    expect(await listSessionsOfUser(server.db(), person.user.id)).toHaveLength(1);
    const revoked: Array<PlatformEventMap["sessions.revoked"]> = [];
    const off = server.services.events.on("sessions.revoked", (e) => revoked.push(e));

    const fields = profileFields({ email: person.user.email, locale: "en" });
    const disabled = await client.post(`/admin/people/${person.user.id}`, { ...fields, disabled: "yes" });
    off();
    expect(disabled.status).toBe(200);
    expect((await findUserById(server.db(), person.user.id))?.disabled_at).not.toBeNull();
    expect(await listSessionsOfUser(server.db(), person.user.id)).toEqual([]);
    expect(revoked.some((e) => e.userId === person.user.id && e.sessionIds.length === 1)).toBe(true);
    expect((await person.client.get("/dashboard")).status).toBe(302);
    await expect(new TestClient(server.url).login(person.user.email, person.user.password)).rejects.toThrow();
    expect(await auditActions(person.user.id)).toContain("person.disabled");
    expect((await client.get("/admin/people")).body).toContain("Disabled");

    const enabled = await client.post(`/admin/people/${person.user.id}`, { ...fields, disabled: "no" });
    expect(enabled.status).toBe(200);
    await new TestClient(server.url).login(person.user.email, person.user.password);
    expect(await auditActions(person.user.id)).toContain("person.enabled");
  });

  it("adds to a network, changes the role and removes; the last coordinator cannot be removed or demoted", async () => {
    const { client } = await asAdmin();
    const network = await buildNetwork(server.db());
    const coordinator = await buildUser(server.db(), { memberships: [{ networkId: network.id, role: "coordinator" }] });
    const newcomer = await buildUser(server.db());
    const changes: Array<PlatformEventMap["membership.changed"]> = [];
    const off = server.services.events.on("membership.changed", (e) => changes.push(e));

    const removeLast = await client.post(`/admin/people/${coordinator.id}`, { intent: "removeMembership", networkId: network.id });
    expect(removeLast.status).toBe(409);
    expect(removeLast.body).toContain("A network needs at least one coordinator.");
    const demoteLast = await client.post(`/admin/people/${coordinator.id}`, { intent: "changeMembership", networkId: network.id, role: "member" });
    expect(demoteLast.status).toBe(409);
    expect((await findMembership(server.db(), network.id, coordinator.id))?.role).toBe("coordinator");

    const added = await client.post(`/admin/people/${newcomer.id}`, { intent: "addMembership", networkId: network.id, role: "coordinator" });
    expect(added.status).toBe(200);
    expect(added.body).toContain("The person has been added to the network.");
    const again = await client.post(`/admin/people/${newcomer.id}`, { intent: "addMembership", networkId: network.id, role: "member" });
    expect(again.status).toBe(409);
    expect((await findMembership(server.db(), network.id, newcomer.id))?.role).toBe("coordinator");

    const demoted = await client.post(`/admin/people/${coordinator.id}`, { intent: "changeMembership", networkId: network.id, role: "member" });
    expect(demoted.status).toBe(200);
    const removed = await client.post(`/admin/people/${coordinator.id}`, { intent: "removeMembership", networkId: network.id });
    expect(removed.status).toBe(200);
    off();
    expect(await findMembership(server.db(), network.id, coordinator.id)).toBeUndefined();
    expect(changes).toEqual([
      { userId: newcomer.id, networkId: network.id, role: "coordinator" },
      { userId: coordinator.id, networkId: network.id, role: "member" },
      { userId: coordinator.id, networkId: network.id, role: null },
    ]);
    expect(await auditActions(coordinator.id)).toEqual(expect.arrayContaining(["membership.role_changed", "membership.removed"]));
    expect(await auditActions(newcomer.id)).toContain("membership.added");
  });
});

describe(`admin pages: invitations and outbox (${process.env.TEST_DATABASE})`, () => {
  it("invites with a platform role; the outbox shows the mail with a working link", async () => {
    const { client } = await asAdmin();
    const email = `${uniq("observer")}@example.test`;
    const missing = await client.post("/admin/invite", { email, locale: "it", networkId: "", networkRole: "member", platformRole: "" });
    expect(missing.status).toBe(400);
    expect(missing.body).toContain("Choose a network or a platform role.");
    expect(missing.body).toContain(`value="${email}"`);

    const sent = await client.post("/admin/invite", { email, locale: "it", networkId: "", networkRole: "member", platformRole: "observer" });
    expect(sent.status).toBe(200);
    expect(sent.body).toContain(`An invitation has been sent to ${email}.`);
    const mail = (await listOutbox(server.db())).find((m) => m.to_address === email);
    expect(mail?.kind).toBe("invitation");
    expect(mail?.locale).toBe("it");

    const outbox = await client.get("/admin/outbox");
    expect(outbox.status).toBe(200);
    const article = outboxMailFor(outbox.body, email);
    expect(article).toBeDefined();
    expect(article).toContain("Invitation");
    expect(article).toContain("Not sent (kept in the outbox only)");
    // The mail's language is named in the interface's language, like every other fact here.
    expect(visible(article!)).toContain("<dd>Italian</dd>");
    expect(article).not.toContain("Italiano");
    const pre = /<pre class="mail"[^>]*>([\s\S]*?)<\/pre>/.exec(article!)?.[1] ?? "";
    const link = /https?:\/\/\S+\/invite\/[A-Za-z0-9_-]+/.exec(pre)?.[0];
    expect(link).toBeDefined();

    const invitee = new TestClient(server.url);
    const path = new URL(link!).pathname;
    expect((await invitee.get(path)).status).toBe(200);
    const accepted = await invitee.post(path, { name: "Olga Observer", password: "long-enough-pw", passwordConfirm: "long-enough-pw", locale: "it" });
    expect(accepted.status).toBe(302);
    const account = (await client.get("/admin/people")).body;
    expect(account).toContain("Olga Observer");
    const audit = await client.get("/admin/audit");
    expect(audit.body).toContain("Invitation sent");
    expect(visible(audit.body)).toContain(`Invitation: ${email}`);
  });

  it("lists open invitations of every kind; withdrawing one kills its link, and only admins may", async () => {
    const { client } = await asAdmin();
    const network = await buildNetwork(server.db());
    const platformOnly = `${uniq("moderator")}@example.test`;
    const toNetwork = `${uniq("member")}@example.test`;
    await client.post("/admin/invite", { email: platformOnly, locale: "de", networkId: "", networkRole: "member", platformRole: "moderator" });
    await client.post("/admin/invite", { email: toNetwork, locale: "de", networkId: network.id, networkRole: "coordinator", platformRole: "" });
    const page = visible((await client.get("/admin/invite")).body);
    expect(page).toContain("Open invitations");
    expect(page).toMatch(new RegExp(`${platformOnly}</td><td><span class="badge">Moderator</span>`));
    expect(page).toContain(`${network.name} · Coordinator`);

    const invitations = await listOpenInvitations(server.db(), new Date().toISOString());
    const target = invitations.find((i) => i.email === platformOnly)!;
    const linkOf = async (email: string) => {
      const mail = (await listOutbox(server.db())).find((m) => m.to_address === email && m.kind === "invitation")!;
      return new URL(/https?:\/\/\S+\/invite\/[A-Za-z0-9_-]+/.exec(mail.text_body)![0]).pathname;
    };

    // A coordinator (of any network) cannot withdraw an admin's invitation through this page.
    const coordinator = await loggedIn({ memberships: [{ networkId: network.id, role: "coordinator" }] });
    expect((await coordinator.client.post("/admin/invite", { intent: "revokeInvitation", invitationId: target.id })).status).toBe(403);
    expect((await new TestClient(server.url).get(await linkOf(platformOnly))).status).toBe(200);

    const withdrawn = await client.post("/admin/invite", { intent: "revokeInvitation", invitationId: target.id, email: platformOnly });
    expect(withdrawn.status).toBe(200);
    expect(visible(withdrawn.body)).toContain(`The invitation to ${platformOnly} has been withdrawn`);
    const after = visible((await client.get("/admin/invite")).body);
    expect(after).not.toContain(platformOnly);
    expect(after).toContain(toNetwork);
    const link = await new TestClient(server.url).get(await linkOf(platformOnly));
    expect(link.body).toContain("withdrawn");

    const again = await client.post("/admin/invite", { intent: "revokeInvitation", invitationId: target.id, email: platformOnly });
    expect(again.status).toBe(409);
    expect(again.body).toContain("This invitation is no longer open");
    const audit = await listAuditEntries(server.db(), 500);
    expect(audit.filter((e) => e.action === "invitation.revoked" && e.target_id === target.id)).toHaveLength(1);
  });

  it("invites to a network: an existing account gets the membership at once", async () => {
    const { client } = await asAdmin();
    const network = await buildNetwork(server.db());
    const person = await buildUser(server.db());
    const response = await client.post("/admin/invite", { email: person.email, locale: "de", networkId: network.id, networkRole: "", platformRole: "" });
    expect(response.status).toBe(200);
    expect(response.body).toContain("already had an account");
    expect((await findMembership(server.db(), network.id, person.id))?.role).toBe("member");
    const unknown = await client.post("/admin/invite", { email: "x@example.test", locale: "de", networkId: "no-such-network", networkRole: "member", platformRole: "" });
    expect(unknown.status).toBe(400);
  });
});
