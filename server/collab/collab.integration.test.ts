/**
 * The collab endpoint with the stock y-websocket client provider in Node against the real
 * server: convergence, refusal of outsiders, read-only observers, live revocation,
 * awareness stamping, and a battery of hostile frames. Runs on SQLite and PostgreSQL.
 */
import { afterAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import * as encoding from "lib0/encoding";
import * as decoding from "lib0/decoding";
import { checkStored } from "#shared/collab/saved-snapshot";
import { useTestServer } from "#server/testing/use-test-server";
import { TestClient } from "#server/testing/http-client";
import { loggedInUser } from "#server/testing/logged-in-user";
import { buildNetwork, buildWorkProgramme, type UserOptions } from "#server/testing/factories";
import { eventually, openDoc, rawCollabSocket, type DocClient } from "#server/testing/collab-client";
import { listUpdates, findSnapshot, findDerived } from "#db/queries/collab";
import { listActivities, listMilestones } from "#db/queries/work-programme-items";
import { COLLAB_CLOSE, MESSAGE_AWARENESS, MESSAGE_SAVED, MESSAGE_SYNC } from "#shared/collab/protocol";
import { encodeAwarenessUpdate } from "./awareness-stamp";
import { ACTIVITIES_FIELD, CONTENT_FIELD, MILESTONES_FIELD } from "#shared/collab/work-programme-doc";

const server = useTestServer();
const open: DocClient[] = [];

afterAll(() => {
  for (const c of open) c.destroy();
});

const person = (options?: UserOptions) => loggedInUser(server, options);

async function setting() {
  const network = await buildNetwork(server.services.db);
  const wp = await buildWorkProgramme(server.services.db, network.id);
  return { network, wp };
}

function track(c: DocClient) {
  open.push(c);
  return c;
}

const text = (c: DocClient) => c.doc.getText("t").toString();

const raw = (path: string, cookie: string) => rawCollabSocket(server.url, path, cookie);

async function storedBytes(name: string): Promise<string> {
  const [snapshot, updates] = await Promise.all([findSnapshot(server.services.db, name), listUpdates(server.services.db, name)]);
  return JSON.stringify([snapshot ? Buffer.from(snapshot.state).toString("base64") : null, updates.map((u) => Buffer.from(u.data).toString("base64"))]);
}

describe(`collab endpoint (${process.env.TEST_DATABASE})`, () => {
  it("lets two members converge, and stores the result", async () => {
    const { network, wp } = await setting();
    const a = await person({ memberships: [{ networkId: network.id, role: "member" }] });
    const b = await person({ memberships: [{ networkId: network.id, role: "coordinator" }] });
    const ca = track(openDoc(server.url, a.client, wp.docName));
    const cb = track(openDoc(server.url, b.client, wp.docName));
    await Promise.all([ca.synced, cb.synced]);
    ca.doc.getText("t").insert(0, "Grüße aus Augsburg. ");
    cb.doc.getText("t").insert(0, "Saluti da Modena. ");
    await eventually(() => text(ca) === text(cb) && text(ca).length === "Grüße aus Augsburg. Saluti da Modena. ".length, 5000, "convergence");
    // A third client opening later sees the same text, from the server.
    const later = track(openDoc(server.url, a.client, wp.docName));
    await later.synced;
    expect(text(later)).toBe(text(ca));
    await eventually(async () => (await listUpdates(server.services.db, wp.docName)).length > 0, 2000, "stored updates");
  });

  it("refuses anonymous clients and people outside the network before the upgrade", async () => {
    const { wp } = await setting();
    const outsider = await person({ memberships: [{ networkId: (await buildNetwork(server.services.db)).id, role: "coordinator" }] });
    const moderator = await person({ platformRoles: ["moderator"] });
    for (const cookie of ["", outsider.client.cookieHeader(), moderator.client.cookieHeader()]) {
      const attempt = raw(`/collab/${wp.docName}`, cookie);
      await expect(attempt.opened).rejects.toThrow(cookie ? "refused 404" : "refused 401");
    }
  });

  it("lets an observer read, but their edits leave the stored document byte-for-byte unchanged", async () => {
    const { network, wp } = await setting();
    const member = await person({ memberships: [{ networkId: network.id, role: "member" }] });
    const observer = await person({ platformRoles: ["observer"] });
    const cm = track(openDoc(server.url, member.client, wp.docName));
    await cm.synced;
    cm.doc.getText("t").insert(0, "Stand: März");
    await eventually(async () => (await storedBytes(wp.docName)).includes("[\""), 2000, "member edit stored");
    await new Promise((r) => setTimeout(r, 150));
    const before = await storedBytes(wp.docName);

    const co = track(openDoc(server.url, observer.client, wp.docName));
    await co.synced;
    expect(text(co)).toBe("Stand: März");
    co.doc.getText("t").insert(0, "OBSERVER WAS HERE ");
    co.doc.getXmlFragment(CONTENT_FIELD).insert(0, [new Y.XmlText("sneaky")]);
    await new Promise((r) => setTimeout(r, 400));
    expect(await storedBytes(wp.docName)).toBe(before);
    expect(text(cm)).toBe("Stand: März");
  });

  it("closes a member's socket within seconds when a coordinator removes them", async () => {
    const { network, wp } = await setting();
    const coordinator = await person({ memberships: [{ networkId: network.id, role: "coordinator" }] });
    const member = await person({ memberships: [{ networkId: network.id, role: "member" }] });
    const cm = track(openDoc(server.url, member.client, wp.docName));
    await cm.synced;
    const closed = cm.nextClose();
    const response = await coordinator.client.post(`/networks/${network.slug}`, { intent: "removeMember", userId: member.user.id });
    expect(response.status).toBe(200);
    expect(await closed).toBe(COLLAB_CLOSE.accessRevoked);
    // …and the stock client does not hammer the server with reconnects afterwards.
    expect(cm.provider.shouldConnect).toBe(false);
  });

  it("closes the sockets of a session that was logged out elsewhere", async () => {
    const { network, wp } = await setting();
    const { user, client } = await person({ memberships: [{ networkId: network.id, role: "member" }] });
    const other = new TestClient(server.url);
    await other.login(user.email, user.password);
    const c = track(openDoc(server.url, other, wp.docName));
    await c.synced;
    const closed = c.nextClose();
    await client.post("/account", { intent: "logoutOthers" });
    expect(await closed).toBe(COLLAB_CLOSE.sessionEnded);
  });

  it("stamps awareness with the authenticated person and ignores updates for other clients", async () => {
    const { network, wp } = await setting();
    const alice = await person({ name: "Alice Antrieb", memberships: [{ networkId: network.id, role: "member" }] });
    const mallory = await person({ name: "Mallory Mischief", memberships: [{ networkId: network.id, role: "member" }] });
    const watcher = await person({ memberships: [{ networkId: network.id, role: "member" }] });
    const ca = track(openDoc(server.url, alice.client, wp.docName));
    const cw = track(openDoc(server.url, watcher.client, wp.docName));
    await Promise.all([ca.synced, cw.synced]);
    ca.provider.awareness.setLocalStateField("user", { name: "Somebody Else", color: "#000" });
    ca.provider.awareness.setLocalStateField("cursor", { anchor: 1, head: 1 });
    await eventually(() => (cw.provider.awareness.getStates().get(ca.doc.clientID) as { user?: { name?: string } } | undefined)?.user?.name === "Alice Antrieb", 3000, "stamped name");

    // Record everything the watcher ever sees of Alice: a spoof would show up here even if
    // Alice's own client repaired its state a moment later.
    const seenOfAlice: string[] = [];
    cw.provider.awareness.on("change", ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
      if (removed.includes(ca.doc.clientID)) seenOfAlice.push("(removed)");
      if ([...added, ...updated].includes(ca.doc.clientID)) {
        seenOfAlice.push((cw.provider.awareness.getStates().get(ca.doc.clientID) as { user?: { name?: string } } | undefined)?.user?.name ?? "?");
      }
    });
    // Mallory claims Alice's client id: a new state, then a removal. Both must be ignored.
    const m = raw(`/collab/${wp.docName}`, mallory.client.cookieHeader());
    await m.opened;
    const forged = (state: string, clock: number) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
      encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate([{ clientId: ca.doc.clientID, clock, state }]));
      return encoding.toUint8Array(encoder);
    };
    m.ws.send(forged(JSON.stringify({ user: { name: "Alice (hacked)" } }), 999));
    m.ws.send(forged("null", 1000));
    // Mallory's own state claiming to be Alice is stamped with Mallory's real name.
    const own = encoding.createEncoder();
    encoding.writeVarUint(own, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(own, encodeAwarenessUpdate([{ clientId: 4242, clock: 1, state: JSON.stringify({ user: { name: "Alice Antrieb" } }) }]));
    m.ws.send(encoding.toUint8Array(own));
    await eventually(() => (cw.provider.awareness.getStates().get(4242) as { user?: { name?: string } } | undefined)?.user?.name === "Mallory Mischief", 3000, "mallory stamped");
    const aliceSeen = cw.provider.awareness.getStates().get(ca.doc.clientID) as { user?: { name?: string } } | undefined;
    expect(aliceSeen?.user?.name).toBe("Alice Antrieb");
    expect(seenOfAlice.filter((name) => name !== "Alice Antrieb")).toEqual([]);
    m.ws.close();
  });

  it("strips the caret of read-only connections", async () => {
    const { network, wp } = await setting();
    const member = await person({ memberships: [{ networkId: network.id, role: "member" }] });
    const observer = await person({ platformRoles: ["observer"], name: "Olga Observer" });
    const cm = track(openDoc(server.url, member.client, wp.docName));
    const co = track(openDoc(server.url, observer.client, wp.docName));
    await Promise.all([cm.synced, co.synced]);
    co.provider.awareness.setLocalStateField("cursor", { anchor: 3, head: 5 });
    await eventually(() => (cm.provider.awareness.getStates().get(co.doc.clientID) as { user?: { name?: string } } | undefined)?.user?.name === "Olga Observer", 3000, "observer presence");
    const seen = cm.provider.awareness.getStates().get(co.doc.clientID) as Record<string, unknown>;
    expect(seen.cursor).toBeUndefined();
    expect((seen.user as { readOnly?: boolean }).readOnly).toBe(true);
  });

  it("survives a battery of hostile frames, closing only the offending sockets", async () => {
    const { network, wp } = await setting();
    const honest = await person({ memberships: [{ networkId: network.id, role: "member" }] });
    const hostile = await person({ memberships: [{ networkId: network.id, role: "member" }] });
    const c1 = track(openDoc(server.url, honest.client, wp.docName));
    const c2 = track(openDoc(server.url, honest.client, wp.docName));
    await Promise.all([c1.synced, c2.synced]);

    const hugeLength = encoding.createEncoder();
    encoding.writeVarUint(hugeLength, MESSAGE_SYNC);
    encoding.writeVarUint(hugeLength, 2);
    encoding.writeVarUint(hugeLength, 2 ** 30);
    const badUpdate = encoding.createEncoder();
    encoding.writeVarUint(badUpdate, MESSAGE_SYNC);
    encoding.writeVarUint(badUpdate, 2);
    encoding.writeVarUint8Array(badUpdate, new Uint8Array([255, 255, 255, 255, 255, 1, 2, 3]));
    const badAwareness = encoding.createEncoder();
    encoding.writeVarUint(badAwareness, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(badAwareness, new Uint8Array([5, 1]));
    const frames: Array<[string, (ws: WebSocket) => void, number[]]> = [
      // Random bytes behind a first byte that is no message type (a random first byte could
      // by chance form a valid message, which is then rightly answered instead of refused).
      ["random bytes", (ws) => ws.send(Buffer.from([4 + Math.floor(Math.random() * 120), ...Array.from({ length: 200 }, () => Math.floor(Math.random() * 256))])), [COLLAB_CLOSE.malformed]],
      ["an auth message (only servers send those)", (ws) => ws.send(Buffer.from([2, 0])), [COLLAB_CLOSE.malformed]],
      ["a text frame", (ws) => ws.send("hello"), [COLLAB_CLOSE.malformed]],
      ["a truncated varint", (ws) => ws.send(Buffer.from([0xff, 0xff])), [COLLAB_CLOSE.malformed]],
      ["a huge length prefix", (ws) => ws.send(Buffer.from(encoding.toUint8Array(hugeLength))), [COLLAB_CLOSE.malformed]],
      ["an update Yjs cannot read", (ws) => ws.send(Buffer.from(encoding.toUint8Array(badUpdate))), [COLLAB_CLOSE.malformed]],
      ["a broken awareness update", (ws) => ws.send(Buffer.from(encoding.toUint8Array(badAwareness))), [COLLAB_CLOSE.malformed]],
      ["an unknown message type", (ws) => ws.send(Buffer.from([77, 1, 2])), [COLLAB_CLOSE.malformed]],
      ["our own SAVED message type", (ws) => ws.send(Buffer.from([MESSAGE_SAVED, 0])), [COLLAB_CLOSE.malformed]],
      ["an oversized frame", (ws) => ws.send(Buffer.alloc(1024 * 1024 + 10, 1)), [COLLAB_CLOSE.tooLarge, 1006]],
    ];
    for (const [label, send, codes] of frames) {
      const h = raw(`/collab/${wp.docName}`, hostile.client.cookieHeader());
      await h.opened;
      send(h.ws);
      expect(codes, label).toContain(await h.closed);
    }
    // Everyone else carries on: the honest clients still converge, other rooms still load.
    c1.doc.getText("t").insert(0, "still here");
    await eventually(() => text(c2) === "still here", 5000, "honest clients converge after the battery");
    const other = await setting();
    const member = await person({ memberships: [{ networkId: other.network.id, role: "member" }] });
    const c3 = track(openDoc(server.url, member.client, other.wp.docName));
    await c3.synced;
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it("closes a connection that never completes the sync handshake", { timeout: 20_000 }, async () => {
    const { network, wp } = await setting();
    const lazy = await person({ memberships: [{ networkId: network.id, role: "member" }] });
    const h = raw(`/collab/${wp.docName}`, lazy.client.cookieHeader());
    await h.opened;
    expect(await h.closed).toBe(COLLAB_CLOSE.handshakeTimeout);
  });

  it("refuses connections beyond the per-person limit", async () => {
    const { network, wp } = await setting();
    const greedy = await person({ memberships: [{ networkId: network.id, role: "member" }] });
    const clients = Array.from({ length: 21 }, () => raw(`/collab/${wp.docName}`, greedy.client.cookieHeader()));
    const codes = await Promise.all(clients.map(async (c) => {
      await c.opened;
      return Promise.race([c.closed, new Promise<number>((r) => setTimeout(() => r(-1), 500))]);
    }));
    expect(codes.filter((code) => code === COLLAB_CLOSE.tooManyConnections)).toHaveLength(1);
    for (const c of clients) c.ws.close();
  });

  it("tells an editor that asked for it when its changes are stored, and only then", async () => {
    const { network, wp } = await setting();
    const member = await person({ memberships: [{ networkId: network.id, role: "member" }] });
    const c = track(openDoc(server.url, member.client, wp.docName, { ack: true }));
    const saved: Uint8Array[] = [];
    (c.provider as unknown as { messageHandlers: Array<(...args: unknown[]) => void> }).messageHandlers[MESSAGE_SAVED] = (_enc, decoder) => {
      saved.push(decoding.readVarUint8Array(decoder as decoding.Decoder));
    };
    await c.synced;
    c.doc.getText("t").insert(0, "speichern bitte");
    const own = () => Y.getState(c.doc.store, c.doc.clientID);
    await eventually(() => saved.some((s) => checkStored(s, c.doc.clientID, []).clock >= own()), 3000, "saved message covering the edit");
    // By the time it says so, the edit is in the database.
    expect((await listUpdates(server.services.db, wp.docName)).length).toBeGreaterThan(0);
  });

  it("derives text and JSON and projects activities and milestones, sanitising what clients wrote", async () => {
    const { network, wp } = await setting();
    const member = await person({ memberships: [{ networkId: network.id, role: "member" }] });
    const c = openDoc(server.url, member.client, wp.docName);
    await c.synced;
    c.doc.transact(() => {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText("Ziel: gemeinsame Lernaufgaben")]);
      c.doc.getXmlFragment(CONTENT_FIELD).insert(0, [paragraph]);
      const activity = new Y.Map<unknown>();
      activity.set("id", "a1");
      activity.set("title", "Studienreise nach Modena");
      activity.set("responsible", ["org-1", 42, "bad id!"]);
      activity.set("start", "2026-03");
      activity.set("end", "2026-13");
      activity.set("status", "in_progress");
      const hostile = new Y.Map<unknown>();
      hostile.set("id", "../../etc");
      hostile.set("title", "<script>");
      const milestone = new Y.Map<unknown>();
      milestone.set("id", "m1");
      milestone.set("title", "Arbeitsprogramm an das Begleitgremium");
      milestone.set("due", "2026-06-30");
      milestone.set("reached", "yes");
      c.doc.getArray(ACTIVITIES_FIELD).insert(0, [activity, hostile]);
      c.doc.getArray(MILESTONES_FIELD).insert(0, [milestone]);
    });
    await eventually(async () => (await listUpdates(server.services.db, wp.docName)).length > 0, 2000, "stored");
    c.destroy();
    // The last member left: the room stores everything, derives, and unloads.
    await eventually(() => !server.server.collab.rooms.has(wp.docName), 5000, "room unloaded");
    const derived = await findDerived(server.services.db, wp.docName);
    expect(derived?.text).toContain("Ziel: gemeinsame Lernaufgaben");
    expect(JSON.parse(derived!.json).content[0].type).toBe("paragraph");
    const activities = await listActivities(server.services.db, [network.id]);
    expect(activities.map((a) => [a.id, a.title, a.start_month, a.end_month, a.status, a.responsible])).toEqual([
      ["a1", "Studienreise nach Modena", "2026-03", "", "in_progress", JSON.stringify(["org-1"])],
    ]);
    const milestones = await listMilestones(server.services.db, [network.id]);
    expect(milestones.map((m) => [m.id, m.due_date, m.reached])).toEqual([["m1", "2026-06-30", 0]]);
    // Nothing of this network shows up when asking for another network.
    expect(await listActivities(server.services.db, [(await buildNetwork(server.services.db)).id])).toEqual([]);
  });
});
