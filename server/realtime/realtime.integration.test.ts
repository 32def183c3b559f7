/**
 * Real socket.io and WebSocket clients against the real server: who may connect, what
 * each upgrade path answers, and that ending a session or changing access reaches the
 * affected browser live.
 */
import { describe, expect, it } from "vitest";
import { io as connect, type Socket } from "socket.io-client";
import WebSocket from "ws";
import { useTestServer } from "#server/testing/use-test-server";
import { TestClient } from "#server/testing/http-client";
import { loggedInUser } from "#server/testing/logged-in-user";
import { buildNetwork, type UserOptions } from "#server/testing/factories";
import { SOCKET_PATH } from "#shared/realtime-events";

const server = useTestServer();

function socketFor(client: TestClient | null, origin?: string): Socket {
  const extraHeaders: Record<string, string> = {};
  if (client) extraHeaders.Cookie = client.cookieHeader();
  if (origin) extraHeaders.Origin = origin;
  return connect(server.url, { path: SOCKET_PATH, transports: ["websocket"], extraHeaders, reconnection: false, timeout: 5000 });
}

const outcome = (socket: Socket) =>
  new Promise<"connected" | string>((resolve) => {
    socket.on("connect", () => resolve("connected"));
    socket.on("connect_error", (error) => resolve(error.message));
  });

const loggedInClient = (options?: UserOptions) => loggedInUser(server, options);

/** Answers the HTTP status of a refused upgrade, or "open" when the WebSocket opened. */
function upgrade(path: string, headers: Record<string, string> = {}) {
  return new Promise<number | "open">((resolve) => {
    const ws = new WebSocket(`${server.url.replace("http", "ws")}${path}`, { headers });
    ws.on("open", () => {
      ws.close();
      resolve("open");
    });
    ws.on("unexpected-response", (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on("error", () => resolve(0));
  });
}

describe(`socket.io (${process.env.TEST_DATABASE})`, () => {
  it("refuses anonymous clients", async () => {
    const socket = socketFor(null);
    expect(await outcome(socket)).toBe("unauthorised");
    socket.close();
  });

  it("refuses a foreign Origin even with a valid session", async () => {
    const { client } = await loggedInClient();
    const socket = socketFor(client, "https://evil.example");
    expect(await outcome(socket)).not.toBe("connected");
    socket.close();
  });

  it("accepts a logged-in browser from our own origin", async () => {
    const { client } = await loggedInClient();
    const socket = socketFor(client, server.origin);
    expect(await outcome(socket)).toBe("connected");
    socket.close();
  });

  it("ends the other sessions' sockets live when someone logs out their other sessions", async () => {
    const { user, client: laptop } = await loggedInClient();
    const phone = new TestClient(server.url);
    await phone.login(user.email, user.password);
    const phoneSocket = socketFor(phone, server.origin);
    const laptopSocket = socketFor(laptop, server.origin);
    // Listen on both before awaiting either: the second may connect while we wait for the first.
    const [phoneState, laptopState] = await Promise.all([outcome(phoneSocket), outcome(laptopSocket)]);
    expect(phoneState).toBe("connected");
    expect(laptopState).toBe("connected");
    const ended = new Promise((resolve) => phoneSocket.on("session:ended", resolve));
    const disconnected = new Promise((resolve) => phoneSocket.on("disconnect", resolve));
    let laptopEnded = false;
    laptopSocket.on("session:ended", () => (laptopEnded = true));
    await laptop.post("/account", { intent: "logoutOthers" });
    expect(await ended).toEqual({ reason: "revoked" });
    await disconnected;
    expect(laptopSocket.connected).toBe(true);
    expect(laptopEnded).toBe(false);
    phoneSocket.close();
    laptopSocket.close();
  });

  it("tells a member live when a coordinator removes them, and nobody else", async () => {
    const network = await buildNetwork(server.services.db);
    const { client: coordinator } = await loggedInClient({ memberships: [{ networkId: network.id, role: "coordinator" }] });
    const { user: member, client: memberClient } = await loggedInClient({ memberships: [{ networkId: network.id, role: "member" }] });
    const { client: bystander } = await loggedInClient({ memberships: [{ networkId: network.id, role: "member" }] });
    const memberSocket = socketFor(memberClient, server.origin);
    const bystanderSocket = socketFor(bystander, server.origin);
    await Promise.all([outcome(memberSocket), outcome(bystanderSocket)]);
    const received: unknown[] = [];
    bystanderSocket.on("access:changed", (payload) => received.push(payload));
    const changed = new Promise((resolve) => memberSocket.on("access:changed", resolve));
    const response = await coordinator.post(`/networks/${network.slug}`, { intent: "removeMember", userId: member.id });
    expect(response.status).toBe(200);
    expect(await changed).toEqual({ networkId: network.id, role: null });
    expect((await memberClient.get(`/networks/${network.slug}`)).status).toBe(404);
    expect(received).toEqual([]);
    memberSocket.close();
    bystanderSocket.close();
  });
});

describe(`WebSocket upgrade router (${process.env.TEST_DATABASE})`, () => {
  it("refuses upgrades on paths nobody serves", async () => {
    expect(await upgrade("/something-else")).toBe(404);
    expect(await upgrade("/")).toBe(404);
  });

  it("refuses an anonymous collab upgrade", async () => {
    expect(await upgrade("/collab/workprogramme.abc")).toBe(401);
  });

  it("refuses malformed document names before anything else", async () => {
    const { client } = await loggedInClient();
    expect(await upgrade("/collab/..%2F..%2Fetc", { Cookie: client.cookieHeader() })).toBe(400);
  });

  it("answers 404 for a document that does not exist (or that the caller may not see)", async () => {
    const { client } = await loggedInClient();
    expect(await upgrade("/collab/workprogramme.does-not-exist", { Cookie: client.cookieHeader() })).toBe(404);
  });

  it("refuses any upgrade from a foreign Origin", async () => {
    const { client } = await loggedInClient();
    expect(await upgrade("/collab/workprogramme.abc", { Cookie: client.cookieHeader(), Origin: "https://evil.example" })).toBe(403);
    expect(await upgrade("/elsewhere", { Origin: "https://evil.example" })).toBe(403);
  });

  it("keeps serving HTTP after a burst of refused upgrades", async () => {
    await Promise.all(Array.from({ length: 20 }, () => upgrade("/nope")));
    const health = await fetch(`${server.url}/healthz`);
    expect(await health.json()).toEqual({ status: "ok", database: server.services.dialect });
  });
});
