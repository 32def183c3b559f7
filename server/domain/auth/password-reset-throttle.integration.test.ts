/**
 * Requesting password resets is limited: a person's inbox gets a bounded number of mails
 * however often someone asks (silently, so the answer still does not tell whether the
 * address has an account), and one connection asking too often is told to wait, in its
 * language, with what it typed kept.
 */
import { describe, expect, it } from "vitest";
import { useTestServer } from "#server/testing/use-test-server";
import { TestClient } from "#server/testing/http-client";
import { buildUser } from "#server/testing/factories";
import { listOutbox } from "#db/queries/outbox";
import { listAuditEntries } from "#db/queries/audit";
import { MAX_RESET_MAILS_PER_ACCOUNT, MAX_RESET_REQUESTS_PER_IP } from "./password-reset";
import itAuth from "../../../locales/it/auth.json";
import enAuth from "../../../locales/en/auth.json";

// Behind a (test) proxy, so each test can speak from its own address.
const server = useTestServer({ config: { trustProxy: true } });

const from = (ip: string) => ({ headers: { "X-Forwarded-For": ip } });
const resetMailsTo = async (email: string) =>
  (await listOutbox(server.services.db)).filter((m) => m.to_address === email && m.kind === "passwordReset").length;

describe(`password reset limits (${process.env.TEST_DATABASE})`, () => {
  it("mails one person at most the allowed number of times, answering every request the same", async () => {
    const user = await buildUser(server.services.db);
    const client = new TestClient(server.url);
    const answers = [];
    for (let i = 0; i < MAX_RESET_MAILS_PER_ACCOUNT + 3; i++) {
      // Different connections, so only the per-account limit can apply.
      const response = await client.post("/forgot-password", { email: user.email }, from(`198.51.100.${i + 1}`));
      answers.push([response.status, response.body.includes(enAuth.forgot.sent)]);
    }
    expect(answers).toEqual(Array.from({ length: MAX_RESET_MAILS_PER_ACCOUNT + 3 }, () => [200, true]));
    expect(await resetMailsTo(user.email)).toBe(MAX_RESET_MAILS_PER_ACCOUNT);
    const audit = await listAuditEntries(server.services.db, 500);
    expect(audit.filter((e) => e.action === "password.reset_throttled" && e.actor_id === user.id)).toHaveLength(3);
  });

  it("tells a connection that asks too often to wait, translated, and keeps the address it typed", async () => {
    const user = await buildUser(server.services.db);
    const client = new TestClient(server.url);
    const ip = "203.0.113.77";
    for (let i = 0; i < MAX_RESET_REQUESTS_PER_IP; i++) {
      const response = await client.post("/forgot-password", { email: `someone-${i}@example.test` }, from(ip));
      expect(response.status).toBe(200);
    }
    const refused = await client.post("/forgot-password", { email: user.email }, { headers: { "X-Forwarded-For": ip, "Accept-Language": "it" } });
    expect(refused.status).toBe(429);
    expect(refused.body).toContain(itAuth.forgot.throttled);
    expect(refused.body).toContain(`value="${user.email}"`);
    expect(await resetMailsTo(user.email)).toBe(0);

    // Another connection is not affected.
    const other = await client.post("/forgot-password", { email: user.email }, from("203.0.113.78"));
    expect(other.status).toBe(200);
    expect(await resetMailsTo(user.email)).toBe(1);
  });
});
