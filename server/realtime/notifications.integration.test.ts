/**
 * Notifications over socket.io with real clients: they reach only the addressed person,
 * a client cannot join another person's room or another network's document room, and
 * notifications are mailed in the recipient's language unless turned off.
 */
import { afterAll, describe, expect, it } from "vitest";
import { io as connect, type Socket } from "socket.io-client";
import { useTestServer } from "#server/testing/use-test-server";
import { loggedInUser } from "#server/testing/logged-in-user";
import { buildNetwork, buildUser, buildWorkProgramme, type UserOptions } from "#server/testing/factories";
import { eventually } from "#server/testing/collab-client";
import { SOCKET_PATH, type JoinResult } from "#shared/realtime-events";
import { notify } from "#server/domain/notifications/notify";
import { markNotificationsRead, saveEmailChoices } from "#server/domain/notifications/centre";
import { listOutbox } from "#db/queries/outbox";

const server = useTestServer();
const sockets: Socket[] = [];
afterAll(() => {
  for (const s of sockets) s.close();
});

async function connected(options: UserOptions = {}) {
  const { user, client } = await loggedInUser(server, options);
  const socket = connect(server.url, { path: SOCKET_PATH, transports: ["websocket"], extraHeaders: { Cookie: client.cookieHeader() }, reconnection: false });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.on("connect", () => resolve());
    socket.on("connect_error", reject);
  });
  return { user, client, socket };
}

const join = (socket: Socket, room: string) => new Promise<JoinResult>((resolve) => socket.emit("doc:join", room, resolve));

describe(`notifications over socket.io (${process.env.TEST_DATABASE})`, () => {
  it("reach only the addressed person, live, with the unread count", async () => {
    const network = await buildNetwork(server.services.db);
    const alice = await connected({ memberships: [{ networkId: network.id, role: "member" }] });
    const bob = await connected({ memberships: [{ networkId: network.id, role: "member" }] });
    const bobGot: unknown[] = [];
    bob.socket.on("notification:new", (payload) => bobGot.push(payload));
    const aliceGot = new Promise<{ unread: number; notification: { excerpt: string } }>((resolve) => alice.socket.on("notification:new", resolve));
    await notify(server.services, [
      { recipientId: alice.user.id, kind: "mention", actorId: bob.user.id, networkId: network.id, docName: null, title: "Arbeitsprogramm", excerpt: "@Alice bitte prüfen", link: "/dashboard" },
    ]);
    const received = await aliceGot;
    expect(received.unread).toBe(1);
    expect(received.notification.excerpt).toBe("@Alice bitte prüfen");
    await new Promise((r) => setTimeout(r, 200));
    expect(bobGot).toEqual([]);

    const cleared = new Promise<{ unread: number }>((resolve) => alice.socket.on("notification:unread", resolve));
    await markNotificationsRead(server.services, alice.user.id, "all");
    expect((await cleared).unread).toBe(0);
  });

  it("cannot be redirected: a client cannot join another person's room by name", async () => {
    const victim = await connected();
    const attacker = await connected();
    const got: unknown[] = [];
    attacker.socket.on("notification:new", (p) => got.push(p));
    // Room names are never accepted from clients: only documents, and only after authorisation.
    expect(await join(attacker.socket, `user:${victim.user.id}`)).toEqual({ ok: false, error: "invalid" });
    expect(await join(attacker.socket, `../user:${victim.user.id}`)).toEqual({ ok: false, error: "invalid" });
    await notify(server.services, [{ recipientId: victim.user.id, kind: "reply", actorId: null, networkId: null, docName: null, title: "x", excerpt: "secret", link: "/" }]);
    await new Promise((r) => setTimeout(r, 200));
    expect(got).toEqual([]);
  });

  it("lets a member join their own network's document room, but not another network's", async () => {
    const mine = await buildNetwork(server.services.db);
    const theirs = await buildNetwork(server.services.db);
    const wpMine = await buildWorkProgramme(server.services.db, mine.id);
    const wpTheirs = await buildWorkProgramme(server.services.db, theirs.id);
    const member = await connected({ memberships: [{ networkId: mine.id, role: "member" }] });
    const insider = await connected({ memberships: [{ networkId: theirs.id, role: "member" }] });
    expect(await join(member.socket, wpMine.docName)).toEqual({ ok: true });
    expect(await join(member.socket, wpTheirs.docName)).toEqual({ ok: false, error: "notFound" });
    expect(await join(insider.socket, wpTheirs.docName)).toEqual({ ok: true });
    const leaked: unknown[] = [];
    member.socket.on("comments:changed", (p) => leaked.push(p));
    const insiderGot = new Promise((resolve) => insider.socket.on("comments:changed", resolve));
    server.services.events.emit("comments.changed", { docName: wpTheirs.docName, threadId: "t1" });
    expect(await insiderGot).toEqual({ docName: wpTheirs.docName, threadId: "t1" });
    await new Promise((r) => setTimeout(r, 100));
    expect(leaked).toEqual([]);
  });

  it("drops a removed member from the document room", async () => {
    const network = await buildNetwork(server.services.db);
    const wp = await buildWorkProgramme(server.services.db, network.id);
    const coordinator = await connected({ memberships: [{ networkId: network.id, role: "coordinator" }] });
    const member = await connected({ memberships: [{ networkId: network.id, role: "member" }] });
    expect(await join(member.socket, wp.docName)).toEqual({ ok: true });
    await coordinator.client.post(`/networks/${network.slug}`, { intent: "removeMember", userId: member.user.id });
    await eventually(async () => {
      const sockets = await server.server.io.in(`doc:${wp.docName}`).fetchSockets();
      return !sockets.some((s) => s.data.userId === member.user.id);
    }, 3000, "member left the document room");
  });

  it("mails notifications in the recipient's language, unless that kind is turned off", async () => {
    const italian = await buildUser(server.services.db, { locale: "it" });
    await notify(server.services, [{ recipientId: italian.id, kind: "mention", actorId: null, networkId: null, docName: null, title: "Programma", excerpt: "ciao", link: "/" }]);
    const mails = (await listOutbox(server.services.db)).filter((m) => m.to_address === italian.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toContain("menzionata");
    await saveEmailChoices(server.services, italian.id, { mention: false, reply: true, version: true, discussion: true, recommendation: true, event: true });
    await notify(server.services, [{ recipientId: italian.id, kind: "mention", actorId: null, networkId: null, docName: null, title: "Programma", excerpt: "ancora", link: "/" }]);
    expect((await listOutbox(server.services.db)).filter((m) => m.to_address === italian.email)).toHaveLength(1);
  });
});
