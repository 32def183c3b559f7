/**
 * The shipped deploy/nginx/connactions.conf, run by a real nginx in front of two tiny
 * HTTP + WebSocket servers: balancing, WebSocket upgrades on /collab/ and /socket.io/, the
 * forwarded headers the app trusts with TRUST_PROXY=true, large bodies, and a dead instance.
 * No database: this is about the proxy, not the app.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket, { WebSocketServer } from "ws";
import { nginxAvailable, startNginx, type RunningNginx } from "./nginx";
import { freePort } from "./server-process";

const missing = nginxAvailable();
const inCi = process.env.CI === "true";
if (missing && !inCi) {
  console.warn(`\n!!! SKIPPING the nginx tests: ${missing}\n!!! (in CI, where CI=true, they fail instead)\n`);
}

interface Upstream {
  name: string;
  port: number;
  close(): Promise<void>;
}

interface Seen {
  instance: string;
  url: string;
  host: string | undefined;
  forwardedFor: string | undefined;
  forwardedProto: string | undefined;
  bodyBytes: number;
}

/** Answers every request with what it saw; echoes every WebSocket message prefixed with its name. */
async function startUpstream(name: string): Promise<Upstream> {
  const server = http.createServer((req, res) => {
    let bodyBytes = 0;
    req.on("data", (chunk: Buffer) => (bodyBytes += chunk.length));
    req.on("end", () => {
      const seen: Seen = {
        instance: name,
        url: req.url ?? "",
        host: req.headers.host,
        forwardedFor: req.headers["x-forwarded-for"] as string | undefined,
        forwardedProto: req.headers["x-forwarded-proto"] as string | undefined,
        bodyBytes,
      };
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify(seen));
    });
  });
  const wss = new WebSocketServer({ noServer: true });
  server.on("upgrade", (req, socket, head) => {
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.send(`${name} ${req.url} ${String(req.headers["x-forwarded-for"])} ${String(req.headers["x-forwarded-proto"])}`);
      ws.on("message", (data) => ws.send(`${name}: ${String(data)}`));
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    name,
    port: (server.address() as AddressInfo).port,
    close: async () => {
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function get(url: string, headers: Record<string, string> = {}): Promise<Seen> {
  const response = await fetch(url, { headers });
  expect(response.status).toBe(200);
  return (await response.json()) as Seen;
}

/** Opens a WebSocket, returns the greeting and the echo of one message. */
async function wsRoundTrip(url: string): Promise<{ greeting: string; echo: string }> {
  const ws = new WebSocket(url);
  const messages: string[] = [];
  const done = new Promise<void>((resolve, reject) => {
    ws.on("message", (data) => {
      messages.push(String(data));
      if (messages.length === 1) ws.send("hello");
      if (messages.length === 2) resolve();
    });
    ws.on("error", reject);
    ws.on("unexpected-response", (_req, res) => reject(new Error(`upgrade refused: HTTP ${res.statusCode}`)));
    ws.on("close", () => reject(new Error(`closed after ${messages.length} messages`)));
  });
  try {
    await done;
  } finally {
    ws.terminate();
  }
  return { greeting: messages[0]!, echo: messages[1]! };
}

describe.runIf(!missing || inCi)("nginx in front of two instances (deploy/nginx/connactions.conf)", () => {
  let a: Upstream;
  let b: Upstream;
  let nginx: RunningNginx;

  beforeAll(async () => {
    if (missing) throw new Error(`nginx is required in CI: ${missing}`);
    a = await startUpstream("a");
    b = await startUpstream("b");
    nginx = await startNginx({ upstreamPorts: [a.port, b.port] });
  });

  afterAll(async () => {
    await nginx?.stop();
    await a?.close().catch(() => undefined);
    await b?.close().catch(() => undefined);
  });

  it("balances plain HTTP across both instances", async () => {
    const instances = new Set<string>();
    for (let i = 0; i < 6; i++) instances.add((await get(`${nginx.url}/some/page?i=${i}`)).instance);
    expect([...instances].sort()).toEqual(["a", "b"]);
  });

  it("forwards the client's address and scheme, and the Host with its port", async () => {
    // A forged X-Forwarded-For from the client is replaced, not appended to.
    const seen = await get(`${nginx.url}/`, { "X-Forwarded-For": "203.0.113.9" });
    expect(seen.forwardedFor).toBe("127.0.0.1");
    expect(seen.forwardedProto).toBe("http");
    expect(seen.host).toBe(`127.0.0.1:${nginx.port}`);
  });

  it("passes a form post of several megabytes (client_max_body_size)", async () => {
    const body = new Uint8Array(5 * 1024 * 1024).fill(97);
    const response = await fetch(`${nginx.url}/upload`, { method: "POST", body });
    expect(response.status).toBe(200);
    expect(((await response.json()) as Seen).bodyBytes).toBe(body.length);
  });

  it("upgrades /collab/<doc> to a WebSocket that echoes", async () => {
    const { greeting, echo } = await wsRoundTrip(`ws://127.0.0.1:${nginx.port}/collab/x`);
    expect(greeting).toMatch(/^[ab] \/collab\/x 127\.0\.0\.1 http$/);
    expect(echo).toMatch(/^[ab]: hello$/);
  });

  it("upgrades socket.io's websocket transport, query string intact", async () => {
    const { greeting, echo } = await wsRoundTrip(`ws://127.0.0.1:${nginx.port}/socket.io/?EIO=4&transport=websocket`);
    expect(greeting).toMatch(/^[ab] \/socket\.io\/\?EIO=4&transport=websocket 127\.0\.0\.1 http$/);
    expect(echo).toMatch(/^[ab]: hello$/);
  });

  it("keeps serving through the other instance when one is gone", async () => {
    await a.close();
    for (let i = 0; i < 6; i++) expect((await get(`${nginx.url}/after/${i}`)).instance).toBe("b");
    // Both WebSocket upstreams fail over too (socket.io's hash may well have picked a).
    expect((await wsRoundTrip(`ws://127.0.0.1:${nginx.port}/collab/y`)).echo).toBe("b: hello");
    expect((await wsRoundTrip(`ws://127.0.0.1:${nginx.port}/socket.io/?EIO=4&transport=websocket`)).echo).toBe("b: hello");
    const post = await fetch(`${nginx.url}/form`, { method: "POST", body: "x=1" });
    // A POST is not retried elsewhere once sent, but a refused connect means nothing was
    // sent, and the dead instance is marked failed by now anyway.
    expect(post.status).toBe(200);
  });
});
