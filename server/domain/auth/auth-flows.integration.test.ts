import { describe, expect, it } from "vitest";
import { useTestServer } from "#server/testing/use-test-server";
import { TestClient } from "#server/testing/http-client";
import { buildNetwork, buildUser } from "#server/testing/factories";
import { listOutbox } from "#db/queries/outbox";
import { MAX_FAILURES_PER_ACCOUNT } from "./login";

const server = useTestServer();

const linkIn = (text: string, path: string) => {
  const match = new RegExp(`https?://[^\\s]+${path}/[A-Za-z0-9_-]+`).exec(text);
  if (!match) throw new Error(`no ${path} link in mail:\n${text}`);
  return new URL(match[0]).pathname;
};

describe(`login and sessions (${process.env.TEST_DATABASE})`, () => {
  it("logs in with the right password, rotates the session and answers /dashboard", async () => {
    const user = await buildUser(server.services.db);
    const client = new TestClient(server.url);
    expect((await client.get("/dashboard")).status).toBe(302);
    const before = client.cookie("ca_session");
    const response = await client.login(user.email, user.password);
    expect(response.location).toBe("/dashboard");
    const setCookie = response.headers.getSetCookie().join("\n");
    expect(setCookie).toMatch(/ca_session=[^;]+;.*HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(client.cookie("ca_session")).not.toBe(before);
    const dashboard = await client.get("/dashboard");
    expect(dashboard.status).toBe(200);
  });

  it("gives the same generic message for an unknown account and a wrong password", async () => {
    const user = await buildUser(server.services.db);
    const client = new TestClient(server.url);
    const wrong = await client.post("/login", { email: user.email, password: "not-the-password" });
    const unknown = await client.post("/login", { email: "nobody@example.test", password: "whatever-it-is" });
    expect(wrong.status).toBe(400);
    expect(unknown.status).toBe(400);
    expect(wrong.body).toContain("E-mail address or password is wrong.");
    expect(unknown.body).toContain("E-mail address or password is wrong.");
    // What the user typed stays in the form.
    expect(wrong.body).toContain(`value="${user.email}"`);
  });

  it("throttles an account after repeated failures, even with the right password", async () => {
    const user = await buildUser(server.services.db);
    const client = new TestClient(server.url);
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      expect((await client.post("/login", { email: user.email, password: "wrong-password!" })).status).toBe(400);
    }
    const blocked = await client.post("/login", { email: user.email, password: user.password });
    expect(blocked.status).toBe(429);
    expect(blocked.body).toContain("Too many attempts");
  });

  it("refuses a form without CSRF token or from a foreign origin", async () => {
    const user = await buildUser(server.services.db);
    const client = new TestClient(server.url);
    expect((await client.post("/login", { email: user.email, password: user.password }, { csrf: null })).status).toBe(403);
    expect((await client.post("/login", { email: user.email, password: user.password }, { csrf: "forged-token-forged-token" })).status).toBe(403);
    expect((await client.post("/login", { email: user.email, password: user.password }, { origin: "https://evil.example" })).status).toBe(403);
  });

  it("logs out other sessions but keeps the current one", async () => {
    const user = await buildUser(server.services.db);
    const laptop = new TestClient(server.url);
    const phone = new TestClient(server.url);
    await laptop.login(user.email, user.password);
    await phone.login(user.email, user.password);
    const result = await laptop.post("/account", { intent: "logoutOthers" });
    expect(result.status).toBe(200);
    expect((await laptop.get("/dashboard")).status).toBe(200);
    const phoneAfter = await phone.get("/dashboard");
    expect(phoneAfter.status).toBe(302);
    expect(phoneAfter.location).toContain("/login");
  });

  it("resets a password by mail; the link works once and ends old sessions", async () => {
    const user = await buildUser(server.services.db, { locale: "it" });
    const oldSession = new TestClient(server.url);
    await oldSession.login(user.email, user.password);
    const client = new TestClient(server.url);
    const unknown = await client.post("/forgot-password", { email: "nobody-here@example.test" });
    const known = await client.post("/forgot-password", { email: user.email });
    expect(unknown.status).toBe(200);
    expect(known.status).toBe(200);
    const mail = (await listOutbox(server.services.db)).find((m) => m.to_address === user.email && m.kind === "passwordReset");
    expect(mail?.locale).toBe("it");
    expect(mail?.subject).toContain("Reimposti");
    const link = linkIn(mail!.text_body, "/reset-password");
    expect((await client.get(link)).status).toBe(200);
    const mismatch = await client.post(link, { password: "a-brand-new-pass", passwordConfirm: "different-pass" });
    expect(mismatch.status).toBe(400);
    const done = await client.post(link, { password: "a-brand-new-pass", passwordConfirm: "a-brand-new-pass" });
    expect(done.status).toBe(302);
    expect((await oldSession.get("/dashboard")).status).toBe(302);
    const reused = await client.get(link);
    expect(reused.body).toContain("Link already used");
    await new TestClient(server.url).login(user.email, "a-brand-new-pass");
  });
});

describe(`invitations (${process.env.TEST_DATABASE})`, () => {
  it("a coordinator invites by mail; the invitee sets name, password and language and lands in the network", async () => {
    const network = await buildNetwork(server.services.db);
    const coordinator = await buildUser(server.services.db, { memberships: [{ networkId: network.id, role: "coordinator" }] });
    const client = new TestClient(server.url);
    await client.login(coordinator.email, coordinator.password);
    const email = `invitee-${Date.now()}@example.test`;
    const sent = await client.post(`/networks/${network.slug}`, { intent: "invite", email, role: "member", locale: "de" });
    expect(sent.status).toBe(200);
    const mail = (await listOutbox(server.services.db)).find((m) => m.to_address === email);
    expect(mail?.subject).toContain("Einladung");
    const link = linkIn(mail!.text_body, "/invite");

    const invitee = new TestClient(server.url);
    const page = await invitee.get(link);
    expect(page.status).toBe(200);
    const bad = await invitee.post(link, { name: "", password: "short", passwordConfirm: "short", locale: "de" });
    expect(bad.status).toBe(400);
    const accepted = await invitee.post(link, { name: "Ina Invitee", password: "long-enough-pw", passwordConfirm: "long-enough-pw", locale: "it" });
    expect(accepted.status).toBe(302);
    expect(accepted.location).toBe(`/networks/${network.slug}`);
    const home = await invitee.get(`/networks/${network.slug}`);
    expect(home.status).toBe(200);
    expect(home.body).toContain('lang="it"');
    const again = await new TestClient(server.url).get(link);
    expect(again.body).toContain("Invitation already used");
  });

  it("an expired invitation says so", async () => {
    const network = await buildNetwork(server.services.db);
    const coordinator = await buildUser(server.services.db, { memberships: [{ networkId: network.id, role: "coordinator" }] });
    const client = new TestClient(server.url);
    await client.login(coordinator.email, coordinator.password);
    const email = `late-${Date.now()}@example.test`;
    await client.post(`/networks/${network.slug}`, { intent: "invite", email, role: "member", locale: "en" });
    await server.services.db.updateTable("invitations").set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where("email", "=", email).execute();
    const mail = (await listOutbox(server.services.db)).find((m) => m.to_address === email);
    const page = await new TestClient(server.url).get(linkIn(mail!.text_body, "/invite"));
    expect(page.body).toContain("Invitation expired");
  });
});
