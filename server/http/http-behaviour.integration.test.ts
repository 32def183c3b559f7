/**
 * What every HTTP response promises: security headers, translated error pages without
 * internals, session timeouts, audit entries for security events, the language switch.
 */
import http from "node:http";
import { describe, expect, it } from "vitest";
import { sql } from "kysely";
import { startTestServer } from "#server/testing/test-server";
import { useTestServer } from "#server/testing/use-test-server";
import { TestClient } from "#server/testing/http-client";
import { loggedInUser } from "#server/testing/logged-in-user";
import { buildNetwork, buildUser, type UserOptions } from "#server/testing/factories";
import { listAuditEntries } from "#db/queries/audit";
import { findUserById } from "#db/queries/users";

const server = useTestServer();

const loggedIn = (options?: UserOptions) => loggedInUser(server, options);

describe(`HTTP behaviour (${process.env.TEST_DATABASE})`, () => {
  it("sends the security headers on pages, errors and health checks", async () => {
    // The health check answers JSON before any page machinery runs: nothing may load at all.
    const health = await new TestClient(server.url).get("/healthz");
    expect(health.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(health.headers.get("x-content-type-options")).toBe("nosniff");
    expect(health.headers.get("x-powered-by")).toBeNull();
    expect(health.headers.get("set-cookie")).toBeNull();
    for (const path of ["/login", "/no-such-page"]) {
      const response = await new TestClient(server.url).get(path);
      const csp = response.headers.get("content-security-policy") ?? "";
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(response.headers.get("referrer-policy"), path).toBe("strict-origin-when-cross-origin");
      expect(response.headers.get("x-powered-by"), path).toBeNull();
    }
  });

  it("puts the CSP nonce on every inline script", async () => {
    const response = await new TestClient(server.url).get("/login");
    const nonce = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
    const scripts = [...response.body.matchAll(/<script([^>]*)>/g)].map((m) => m[1] ?? "");
    expect(scripts.length).toBeGreaterThan(0);
    for (const attributes of scripts) expect(attributes).toContain(`nonce="${nonce}"`);
  });

  it("answers unknown URLs with a translated 404 page in the browser's language", async () => {
    const client = new TestClient(server.url);
    const de = await client.get("/gibt-es-nicht", { "Accept-Language": "de-DE,de;q=0.9" });
    expect(de.status).toBe(404);
    expect(de.body).toContain('lang="de"');
    expect(de.body).toContain("Seite nicht gefunden");
    const it_ = await client.get("/non-esiste", { "Accept-Language": "it" });
    expect(it_.body).toContain("Pagina non trovata");
  });

  it("leaves no timer behind a finished page (each held its whole render for 5 s)", async () => {
    const pending = new Map<unknown, number>();
    const realSet = globalThis.setTimeout;
    const realClear = globalThis.clearTimeout;
    // Only the render's abort timer uses this delay (ABORT_DELAY in app/entry.server.tsx).
    const spySet = ((handler: () => void, delay?: number, ...args: unknown[]) => {
      const timer = realSet(handler, delay, ...args);
      if (delay === 5_000) pending.set(timer, delay);
      return timer;
    }) as typeof setTimeout;
    globalThis.setTimeout = spySet;
    globalThis.clearTimeout = ((timer?: Parameters<typeof clearTimeout>[0]) => {
      pending.delete(timer);
      realClear(timer);
    }) as typeof clearTimeout;
    try {
      const client = new TestClient(server.url);
      for (const path of ["/login", "/no-such-page", "/forgot-password"]) expect((await client.get(path)).status).toBeLessThan(500);
    } finally {
      globalThis.setTimeout = realSet;
      globalThis.clearTimeout = realClear;
    }
    expect(pending.size).toBe(0);
  });

  it("answers a missing file (favicon.ico, an old release's chunk) with the short 404 page, not a rendered one", async () => {
    const client = new TestClient(server.url);
    for (const path of ["/favicon.ico", "/robots.txt", "/assets/entry.client-GONE1234.js", "/assets/no-extension"]) {
      const response = await client.get(path, { "Accept-Language": "it" });
      expect(response.status, path).toBe(404);
      expect(response.body, path).toContain("Pagina non trovata");
      // The app's pages carry Remix's context and scripts; the short page has none.
      expect(response.body, path).not.toContain("__remixContext");
      expect(response.body, path).not.toContain("<script");
    }
    // Files the build has are served, and pages with a dot in their address still render.
    expect((await client.get("/favicon.svg")).status).toBe(200);
    const translations = await client.get("/translations/it.json");
    expect(translations.status).toBe(200);
    expect(translations.headers.get("content-type")).toContain("application/json");
  });

  it("answers an address it cannot read with a translated 400 page, not an error", async () => {
    const errors: unknown[] = [];
    const original = server.services.log.error;
    server.services.log.error = (...args: unknown[]) => void errors.push(args);
    try {
      const cases: Array<[string, string | undefined]> = [
        ["/%E0%A4%A", undefined],
        ["/collab/%ZZ", undefined],
        ["/networks/%C0%AF", undefined],
        ["/login", "exa mple.org"],
        ["/login", "[::1"],
      ];
      for (const [path, host] of cases) {
        const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
          const headers = { "Accept-Language": "it", ...(host ? { Host: host } : {}) };
          const request = http.get({ host: "127.0.0.1", port: new URL(server.url).port, path, headers }, (response) => {
            let body = "";
            response.on("data", (chunk) => (body += chunk));
            response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
          });
          request.on("error", reject);
        });
        expect(answer.status, `${path} ${host}`).toBe(400);
        expect(answer.body, `${path} ${host}`).toContain("Indirizzo non comprensibile");
      }
    } finally {
      server.services.log.error = original;
    }
    expect(errors).toEqual([]);
  });

  it("switches language for anonymous visitors by cookie and for users on their account", async () => {
    const anonymous = new TestClient(server.url);
    const switched = await anonymous.post("/language", { lng: "it", redirectTo: "/login" });
    expect(switched.status).toBe(302);
    expect(switched.location).toBe("/login");
    expect((await anonymous.get("/login")).body).toContain('<html lang="it"');

    const { user, client } = await loggedIn({ locale: "en" });
    await client.post("/language", { lng: "de", redirectTo: "https://evil.example/phish" });
    expect((await findUserById(server.services.db, user.id))?.locale).toBe("de");
    const fresh = new TestClient(server.url);
    await fresh.login(user.email, user.password);
    expect((await fresh.get("/dashboard", { "Accept-Language": "it" })).body).toContain('<html lang="de"');
  });

  it("refuses a cross-origin form with a translated page", async () => {
    const client = new TestClient(server.url);
    const response = await client.request("/login", {
      method: "POST",
      body: "email=a%40b.c&password=x",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "https://evil.example", "Accept-Language": "it" },
    });
    expect(response.status).toBe(403);
    expect(response.body).toContain('<html lang="it"');
    expect(response.body).toContain("Non consentito");
  });

  it("never redirects off-site after login", async () => {
    const user = await buildUser(server.services.db);
    const client = new TestClient(server.url);
    for (const target of ["https://evil.example", "//evil.example", "/\\evil.example"]) {
      const response = await client.post("/login", { email: user.email, password: user.password, redirectTo: target });
      expect(response.location).toBe("/dashboard");
    }
  });

  it("ends a session after the idle timeout and after the absolute timeout", async () => {
    const idle = await loggedIn();
    const longAgo = new Date(Date.now() - (server.services.config.sessionIdleMinutes + 1) * 60_000).toISOString();
    await server.services.db.updateTable("sessions").set({ last_seen_at: longAgo }).where("user_id", "=", idle.user.id).execute();
    expect((await idle.client.get("/dashboard")).status).toBe(302);

    const expired = await loggedIn();
    await server.services.db.updateTable("sessions").set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where("user_id", "=", expired.user.id).execute();
    expect((await expired.client.get("/dashboard")).status).toBe(302);
  });

  it("writes logins, failures, invitations and role changes to the audit log", async () => {
    const network = await buildNetwork(server.services.db);
    const { user: coordinator, client } = await loggedIn({ memberships: [{ networkId: network.id, role: "coordinator" }] });
    const member = await buildUser(server.services.db, { memberships: [{ networkId: network.id, role: "member" }] });
    await new TestClient(server.url).post("/login", { email: member.email, password: "wrong-password" });
    await client.post(`/networks/${network.slug}`, { intent: "invite", email: `audit-${Date.now()}@example.test`, role: "member", locale: "en" });
    await client.post(`/networks/${network.slug}`, { intent: "changeRole", userId: member.id, role: "coordinator" });
    const entries = await listAuditEntries(server.services.db, 1000);
    const mine = (action: string, actor: string | null) => entries.some((e) => e.action === action && e.actor_id === actor);
    expect(mine("login.succeeded", coordinator.id)).toBe(true);
    expect(mine("login.failed", member.id)).toBe(true);
    expect(mine("invitation.created", coordinator.id)).toBe(true);
    expect(entries.some((e) => e.action === "membership.role_changed" && e.target_id === member.id)).toBe(true);
    expect(entries.every((e) => !e.details.includes("wrong-password"))).toBe(true);
  });

  it("keeps at least one coordinator per network", async () => {
    const network = await buildNetwork(server.services.db);
    const { user, client } = await loggedIn({ memberships: [{ networkId: network.id, role: "coordinator" }] });
    const demote = await client.post(`/networks/${network.slug}`, { intent: "changeRole", userId: user.id, role: "member" });
    expect(demote.status).toBe(409);
    expect(demote.body).toContain("A network needs at least one coordinator");
  });

  it("does not count a disabled coordinator as the one that keeps the network running", async () => {
    const network = await buildNetwork(server.services.db);
    const gone = await buildUser(server.services.db, { memberships: [{ networkId: network.id, role: "coordinator" }] });
    await server.services.db.updateTable("users").set({ disabled_at: new Date().toISOString() }).where("id", "=", gone.id).execute();
    const { user, client } = await loggedIn({ memberships: [{ networkId: network.id, role: "coordinator" }] });
    const demote = await client.post(`/networks/${network.slug}`, { intent: "changeRole", userId: user.id, role: "member" });
    expect(demote.status).toBe(409);
  });

  it("shows a translated 500 page without internals when a page fails", async () => {
    const broken = await startTestServer();
    try {
      const user = await buildUser(broken.services.db, { platformRoles: ["observer"], locale: "it" });
      const client = new TestClient(broken.url);
      await client.login(user.email, user.password);
      // The dashboard's query now fails inside Remix, after the session was resolved.
      await sql`alter table networks rename to networks_gone`.execute(broken.services.db);
      const page = await client.get("/dashboard", { "Accept-Language": "it" });
      expect(page.status).toBe(500);
      expect(page.body).toContain("Qualcosa è andato storto");
      expect(page.body).not.toMatch(/no such table|does not exist|at .*\.(js|ts):\d+|SqliteError|error:/i);
    } finally {
      await broken.close();
    }
  });

  it("shows a translated 500 page when even the session lookup fails", async () => {
    const broken = await startTestServer();
    try {
      const user = await buildUser(broken.services.db);
      const client = new TestClient(broken.url);
      await client.login(user.email, user.password);
      await sql`drop table sessions`.execute(broken.services.db);
      const page = await client.get("/dashboard", { "Accept-Language": "de" });
      expect(page.status).toBe(500);
      expect(page.body).toContain("Etwas ist schiefgelaufen");
      expect(page.body).not.toMatch(/no such table|does not exist|at .*\.(js|ts):\d+/i);
    } finally {
      await broken.close();
    }
  });
});
