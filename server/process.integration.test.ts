/**
 * The production server as a real child process, the way `npm start` runs it: it
 * migrates and seeds an empty database, answers /healthz with its dialect, refuses bad
 * configuration with one clear message per variable, and exits cleanly on SIGTERM.
 */
import { spawn } from "node:child_process";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "#db/testing/test-database";
import { TestClient } from "#server/testing/http-client";
import { DEMO_PASSWORD, demoPeople } from "#db/seed/demo-data";
import { freePort } from "#server/testing/server-process";

const BUILD_DIR = process.env.BUILD_DIR || "build";
let database: TestDatabase;

beforeAll(async () => {
  // Empty, unmigrated: the server must create the schema and seed the demo itself.
  database = await createTestDatabase(undefined, { migrate: false });
});
afterAll(async () => {
  await database?.drop();
});

function startServer(env: Record<string, string>) {
  const child = spawn(process.execPath, [`${BUILD_DIR}/platform-server.js`], {
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", DATA_DIR: database.dataDir, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function waitForHealth(url: string, attempts = 100) {
  for (let i = 0; i < attempts; i++) {
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return (await response.json()) as { status: string; database: string };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("server did not become healthy");
}

describe(`production server process (${process.env.TEST_DATABASE})`, () => {
  it("starts on an empty database with the demo, serves every demo account, stops cleanly on SIGTERM", async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const server = startServer({ PORT: String(port), HOST: "127.0.0.1", ...(database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : {}) });
    try {
      const health = await waitForHealth(url);
      expect(health).toEqual({ status: "ok", database: database.dialect });
      expect(server.output()).toContain("demo seeded");
      for (const person of demoPeople) {
        const client = new TestClient(url);
        const response = await client.post("/login", { email: person.email, password: DEMO_PASSWORD });
        expect(response.status, person.email).toBe(302);
        expect((await client.get("/dashboard")).status, person.email).toBe(200);
      }
    } finally {
      server.child.kill("SIGTERM");
    }
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain("[shutdown] done");
  });

  it("refuses to start with bad configuration and names each problem", async () => {
    const server = startServer({ PORT: "not-a-port", DATABASE_URL: "mysql://x@y/z", SESSION_IDLE_MINUTES: "-3" });
    expect(await server.exited).toBe(2);
    const output = server.output();
    expect(output).toContain("PORT must be a whole number");
    expect(output).toContain("DATABASE_URL must be a postgres://");
    expect(output).toContain("SESSION_IDLE_MINUTES");
    expect(output).not.toMatch(/at .*\.js:\d+/); // no stack trace
  });

  it("names a port that is already in use and exits with status 2, without a stack trace", async () => {
    const port = await freePort();
    const squatter = net.createServer();
    await new Promise<void>((resolve) => squatter.listen(port, "127.0.0.1", resolve));
    try {
      const server = startServer({ PORT: String(port), HOST: "127.0.0.1", ...(database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : {}) });
      expect(await server.exited).toBe(2);
      expect(server.output()).toContain(`PORT ${port} on HOST 127.0.0.1 is already in use`);
      expect(server.output()).not.toMatch(/at .*\.js:\d+/);
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  });
});
