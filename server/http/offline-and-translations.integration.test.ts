/**
 * What the browser keeps for working offline, seen from the server: the page language's
 * texts are one cacheable JSON file per language and release; the service worker and the app
 * manifest are served from our origin; starting and ending a session tells the browser to
 * drop what it kept (Clear-Site-Data), so one person's copies never reach the next.
 */
import { describe, expect, it } from "vitest";
import { useTestServer } from "#server/testing/use-test-server";
import { TestClient } from "#server/testing/http-client";
import { buildUser } from "#server/testing/factories";

const server = useTestServer();

describe(`offline shell and translations (${process.env.TEST_DATABASE})`, () => {
  it("serves one language's texts as JSON, cached for good only under the current version", async () => {
    const client = new TestClient(server.url);
    const page = await client.get("/login", { "Accept-Language": "it" });
    const href = /<link rel="preload" as="fetch" href="([^"]+)"[^>]*data-translations/.exec(page.body)?.[1]?.replace(/&amp;/g, "&");
    expect(href).toMatch(/^\/translations\/it\.json\?v=[\w-]{12}$/);

    const current = await client.get(href!);
    expect(current.status).toBe(200);
    expect(current.headers.get("content-type")).toContain("application/json");
    expect(current.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const texts = JSON.parse(current.body) as Record<string, Record<string, unknown>>;
    expect(texts.common?.appName).toBe("ConnActions");
    expect(texts.auth).toBeDefined();
    // Mails are written by the server only; the browser never needs their texts.
    expect(texts.mail).toBeUndefined();

    const stale = await client.get("/translations/it.json?v=old-version");
    expect(stale.headers.get("cache-control")).toBe("no-cache");
    expect(stale.body).toBe(current.body);
    expect((await client.get("/translations/fr.json")).status).toBe(404);
    expect((await client.get("/translations/it.js")).status).toBe(404);
  });

  it("serves the service worker and the manifest from our origin", async () => {
    const client = new TestClient(server.url);
    const worker = await client.get("/sw.js");
    expect(worker.status).toBe(200);
    expect(worker.headers.get("content-type")).toMatch(/javascript/);
    const manifest = await client.get("/manifest.webmanifest");
    expect(manifest.status).toBe(200);
    const parsed = JSON.parse(manifest.body) as { start_url: string; display: string; icons: Array<{ sizes: string }> };
    expect(parsed).toMatchObject({ start_url: "/dashboard", display: "standalone" });
    expect(parsed.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  });

  it("tells the browser to drop the device's copies when a session starts and when it ends", async () => {
    const user = await buildUser(server.services.db);
    const client = new TestClient(server.url);
    const login = await client.login(user.email, user.password);
    expect(login.headers.get("clear-site-data")).toBe('"storage"');
    const logout = await client.post("/logout", {});
    expect(logout.status).toBe(302);
    expect(logout.headers.get("clear-site-data")).toBe('"storage"');
    // Pages do not send it: only the start and end of a session clear the device.
    expect((await client.get("/login")).headers.get("clear-site-data")).toBeNull();
  });
});
