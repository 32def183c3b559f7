/**
 * Two real instances (child processes) on one PostgreSQL database and one Redis: stock
 * y-websocket clients split across both converge and see each other's presence, a socket.io
 * notification caused by an action on A reaches a person connected to B, removing a member
 * or logging out closes their sockets on both, a person's connection limit and the login
 * throttle hold across instances, and automatic versions are recorded once per idle moment.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { io as connect, type Socket } from "socket.io-client";
import { createTestDatabase, type TestDatabase } from "#db/testing/test-database";
import { buildNetwork, buildUser, buildWorkProgramme, type UserOptions } from "#server/testing/factories";
import { TestClient } from "#server/testing/http-client";
import { eventually, openDoc, type DocClient } from "#server/testing/collab-client";
import { health, startInstance, startTestRedis, stopInstance, type ClusterInstance, type TestRedis } from "#server/testing/cluster";
import { anchorInText } from "#shared/collab/anchors";
import { COLLAB_CLOSE } from "#shared/collab/protocol";
import { SOCKET_PATH } from "#shared/realtime-events";
import { storedText } from "#server/testing/stored-document";
import { latestVersion, listVersions } from "#db/queries/versions";

let database: TestDatabase;
let redis: TestRedis;
let a: ClusterInstance;
let b: ClusterInstance;
const docs: DocClient[] = [];
const sockets: Socket[] = [];

beforeAll(async () => {
  database = await createTestDatabase("postgres");
  redis = await startTestRedis();
  const shared = { databaseUrl: database.databaseUrl!, redisUrl: redis.url, dataDir: database.dataDir };
  // A connection limit small enough to reach in a test.
  [a, b] = await Promise.all([startInstance(shared, { COLLAB_MAX_SOCKETS_PER_USER: "3" }), startInstance(shared, { COLLAB_MAX_SOCKETS_PER_USER: "3" })]);
});
afterAll(async () => {
  for (const d of docs) d.destroy();
  for (const s of sockets) s.close();
  await Promise.all([a, b].filter(Boolean).map((instance) => stopInstance(instance)));
  await redis?.stop();
  await database?.drop();
});

async function person(url: string, options: UserOptions = {}) {
  const user = await buildUser(database.db, options);
  const client = new TestClient(url);
  await client.login(user.email, user.password);
  return { user, client };
}

const open = (instance: ClusterInstance, client: TestClient, docName: string) => {
  const d = openDoc(instance.url, client, docName);
  docs.push(d);
  return d;
};

describe("two instances on one PostgreSQL and one Redis", () => {
  it("both say in /healthz that they share Redis, each under its own name", async () => {
    const [ha, hb] = await Promise.all([health(a.url), health(b.url)]);
    expect(ha).toMatchObject({ status: "ok", database: "postgres", redis: "connected" });
    expect(hb).toMatchObject({ status: "ok", database: "postgres", redis: "connected" });
    expect(ha.instance).not.toBe(hb.instance);
  });

  it("co-editing: clients split across both instances converge, and everything typed is stored", async () => {
    const network = await buildNetwork(database.db);
    const wp = await buildWorkProgramme(database.db, network.id);
    const people = await Promise.all([0, 1, 2, 3].map(() => person(a.url, { memberships: [{ networkId: network.id, role: "member" }] })));
    const clients = people.map(({ client }, i) => open(i % 2 === 0 ? a : b, client, wp.docName));
    await Promise.all(clients.map((c) => c.synced));
    const expected: string[] = [];
    for (let round = 0; round < 25; round++) {
      clients.forEach((c, i) => {
        const tag = `[${i}:${round}]`;
        expected.push(tag);
        c.doc.getText("t").insert(c.doc.getText("t").length, tag);
      });
      await new Promise((r) => setTimeout(r, 5));
    }
    const texts = () => clients.map((c) => c.doc.getText("t").toString());
    await eventually(() => new Set(texts()).size === 1 && expected.every((tag) => texts()[0]!.includes(tag)), 10_000, "clients on both instances converge");
    // A latecomer on B loads what is stored and what A still holds, and sees the same text.
    const late = open(b, people[0]!.client, wp.docName);
    await late.synced;
    await eventually(() => late.doc.getText("t").toString() === texts()[0], 5_000, "a latecomer on B sees everything");
    await eventually(async () => (await storedText(database.db, wp.docName)) === texts()[0], 5_000, "the database holds every edit");
  });

  it("automatic versions: one per idle moment, recorded once, also when people on B go on after A's left", async () => {
    const network = await buildNetwork(database.db);
    const wp = await buildWorkProgramme(database.db, network.id);
    const alice = await person(a.url, { memberships: [{ networkId: network.id, role: "member" }] });
    const bruno = await person(b.url, { memberships: [{ networkId: network.id, role: "member" }] });
    const onA = open(a, alice.client, wp.docName);
    const onB = open(b, bruno.client, wp.docName);
    await Promise.all([onA.synced, onB.synced]);
    const paragraph = (c: DocClient, words: string) => {
      const fragment = c.doc.getXmlFragment("content");
      const p = new Y.XmlElement("paragraph");
      p.insert(0, [new Y.XmlText(words)]);
      fragment.insert(fragment.length, [p]);
    };
    paragraph(onA, "Alice schreibt");
    paragraph(onB, "Bruno schreibt");
    await eventually(() => onA.doc.getXmlFragment("content").length === 2 && onB.doc.getXmlFragment("content").length === 2, 5_000, "both see both paragraphs");
    // Alice leaves: the last person on A, so A records the automatic version of both paragraphs.
    onA.destroy();
    await eventually(async () => (await listVersions(database.db, wp.docName)).length === 1, 10_000, "one automatic version");
    // Bruno goes on alone on B, then leaves too: his later text gets its own version, recorded
    // by B (A's claim of the idle work ended with its version; it must not block B's).
    paragraph(onB, "Bruno schreibt weiter");
    await new Promise((r) => setTimeout(r, 300));
    onB.destroy();
    await eventually(async () => (await listVersions(database.db, wp.docName)).length === 2, 10_000, "a second automatic version");
    await new Promise((r) => setTimeout(r, 500));
    const versions = await listVersions(database.db, wp.docName);
    expect(versions.map((v) => v.kind)).toEqual(["auto", "auto"]);
    const latest = await latestVersion(database.db, wp.docName);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, latest!.state);
    expect(doc.getXmlFragment("content").toString()).toContain("Bruno schreibt weiter");
  });

  it("login throttling counts failures on both instances together", async () => {
    const { user } = await person(a.url);
    // Five wrong passwords, alternating between the instances, use up the account's budget...
    for (let i = 0; i < 5; i++) {
      const response = await new TestClient(i % 2 === 0 ? a.url : b.url).post("/login", { email: user.email, password: "wrong password" });
      expect(response.status).toBe(400);
    }
    // ...on both: the right password is now refused on either, as one process would refuse it.
    for (const instance of [a, b]) expect((await new TestClient(instance.url).post("/login", { email: user.email, password: user.password })).status).toBe(429);
  });

  it("presence crosses instances: a caret set on A appears on B, and leaves with its editor", async () => {
    const network = await buildNetwork(database.db);
    const wp = await buildWorkProgramme(database.db, network.id);
    const alice = await person(a.url, { memberships: [{ networkId: network.id, role: "member" }], name: "Alice Aperto" });
    const bruno = await person(b.url, { memberships: [{ networkId: network.id, role: "member" }] });
    const onA = open(a, alice.client, wp.docName);
    const onB = open(b, bruno.client, wp.docName);
    await Promise.all([onA.synced, onB.synced]);
    onA.provider.awareness.setLocalStateField("cursor", { anchor: 1, head: 1 });
    const aliceId = onA.doc.clientID;
    await eventually(() => onB.provider.awareness.getStates().get(aliceId)?.cursor !== undefined, 5_000, "Alice's caret on B");
    // The server stamps the person's own name on presence, wherever it is relayed.
    expect((onB.provider.awareness.getStates().get(aliceId)?.user as { name?: string } | undefined)?.name).toBe("Alice Aperto");
    onA.provider.disconnect();
    await eventually(() => !onB.provider.awareness.getStates().has(aliceId), 5_000, "Alice's caret gone from B");
  });

  it("a notification caused by an action on A reaches the person's socket.io connection on B", async () => {
    const network = await buildNetwork(database.db);
    const wp = await buildWorkProgramme(database.db, network.id);
    const mentioner = await person(a.url, { memberships: [{ networkId: network.id, role: "member" }] });
    const mentioned = await person(b.url, { memberships: [{ networkId: network.id, role: "member" }] });
    const socket = connect(b.url, { path: SOCKET_PATH, transports: ["websocket"], extraHeaders: { Cookie: mentioned.client.cookieHeader() }, reconnection: false });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.on("connect", () => resolve());
      socket.on("connect_error", reject);
    });
    const received = new Promise<{ unread: number; notification: { excerpt: string } }>((resolve) => socket.on("notification:new", resolve));
    const text = new Y.XmlText("Ein Absatz zum Kommentieren");
    new Y.Doc().getXmlFragment("content").insert(0, [text]);
    const anchor = anchorInText(text, 4, 10);
    const response = await mentioner.client.post(`/networks/${network.slug}/work-programmes/${wp.id}/comments`, {
      intent: "startThread",
      anchorStart: anchor.start,
      anchorEnd: anchor.end,
      quote: "Absatz",
      body: "Bitte prüfen @B",
      mentions: [mentioned.user.id],
    });
    expect(response.status, response.body).toBe(200);
    const got = await received;
    expect(got.unread).toBe(1);
    expect(got.notification.excerpt).toContain("Bitte prüfen");
  });

  it("removing a member on A closes that person's collab sockets on A and on B, and their socket.io rooms", async () => {
    const network = await buildNetwork(database.db);
    const wp = await buildWorkProgramme(database.db, network.id);
    const coordinator = await person(a.url, { memberships: [{ networkId: network.id, role: "coordinator" }] });
    const member = await person(a.url, { memberships: [{ networkId: network.id, role: "member" }] });
    const onA = open(a, member.client, wp.docName);
    const onB = open(b, member.client, wp.docName);
    await Promise.all([onA.synced, onB.synced]);
    const closedA = onA.nextClose();
    const closedB = onB.nextClose();
    const socket = connect(b.url, { path: SOCKET_PATH, transports: ["websocket"], extraHeaders: { Cookie: member.client.cookieHeader() }, reconnection: false });
    sockets.push(socket);
    await new Promise<void>((resolve) => socket.on("connect", () => resolve()));
    expect(await new Promise((resolve) => socket.emit("doc:join", wp.docName, resolve))).toEqual({ ok: true });
    const accessChanged = new Promise((resolve) => socket.on("access:changed", resolve));

    const response = await coordinator.client.post(`/networks/${network.slug}`, { intent: "removeMember", userId: member.user.id });
    expect(response.status).toBe(200);
    expect(await closedA).toBe(COLLAB_CLOSE.accessRevoked);
    expect(await closedB).toBe(COLLAB_CLOSE.accessRevoked);
    expect(await accessChanged).toEqual({ networkId: network.id, role: null });
  });

  it("logging out on A ends that session's sockets on B: co-editing and socket.io", async () => {
    const network = await buildNetwork(database.db);
    const wp = await buildWorkProgramme(database.db, network.id);
    const member = await person(a.url, { memberships: [{ networkId: network.id, role: "member" }] });
    const onB = open(b, member.client, wp.docName);
    await onB.synced;
    const closedB = onB.nextClose();
    const socket = connect(b.url, { path: SOCKET_PATH, transports: ["websocket"], extraHeaders: { Cookie: member.client.cookieHeader() }, reconnection: false });
    sockets.push(socket);
    await new Promise<void>((resolve) => socket.on("connect", () => resolve()));
    const ended = new Promise((resolve) => socket.on("session:ended", resolve));
    const response = await member.client.post("/logout", {});
    expect(response.status).toBe(302);
    expect(await closedB).toBe(COLLAB_CLOSE.sessionEnded);
    await ended;
  });

  it("a person's connection limit holds across instances: the fourth socket is refused wherever it lands", async () => {
    const network = await buildNetwork(database.db);
    const wps = await Promise.all([0, 1, 2, 3].map(() => buildWorkProgramme(database.db, network.id)));
    const member = await person(a.url, { memberships: [{ networkId: network.id, role: "member" }] });
    // Three connections (the limit), split across both instances, each to its own document.
    const held = [open(a, member.client, wps[0]!.docName), open(b, member.client, wps[1]!.docName), open(a, member.client, wps[2]!.docName)];
    await Promise.all(held.map((c) => c.synced));
    const fourth = open(b, member.client, wps[3]!.docName);
    expect(await fourth.nextClose()).toBe(COLLAB_CLOSE.tooManyConnections);
    fourth.provider.disconnect();
    // Once one closes, a new one is welcome again, on either instance.
    held[0]!.provider.disconnect();
    await new Promise((r) => setTimeout(r, 300));
    const again = open(b, member.client, wps[3]!.docName);
    await again.synced;
    expect(again.provider.wsconnected).toBe(true);
  });
});
