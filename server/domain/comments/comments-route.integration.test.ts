/**
 * The comments resource route over real HTTP (/networks/:slug/work-programmes/:id/comments):
 * who may read and write comments (anonymous → login, outsiders 404, members, coordinators
 * and advisory-board observers may comment, archived work programmes too), CSRF, translated
 * refusals (mention of someone without access, someone else's comment, ids of another
 * network's document), and that a refused request stores nothing. Runs on SQLite and PostgreSQL.
 */
import { beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { useTestServer } from "#server/testing/use-test-server";
import { TestClient, type TestResponse } from "#server/testing/http-client";
import { buildNetwork, buildUser, buildWorkProgramme } from "#server/testing/factories";
import { anchorInText } from "#shared/collab/anchors";
import { findComment, listThreadsOfDocument } from "#db/queries/comments";
import { listNotificationsOf } from "#db/queries/notifications";
import en from "../../../locales/en/comments.json";
import de from "../../../locales/de/comments.json";

const ROLES = ["anonymous", "coordinatorA", "memberA", "observer", "memberB"] as const;
type Role = (typeof ROLES)[number];
type Person = Exclude<Role, "anonymous">;

const server = useTestServer();
let netA: Awaited<ReturnType<typeof buildNetwork>>;
let netB: Awaited<ReturnType<typeof buildNetwork>>;
let wpA: { id: string; docName: string };
let wpArchived: { id: string; docName: string };
let wpB: { id: string; docName: string };
const users = {} as Record<Person | "germanMember", { id: string; email: string; password: string }>;
const clients = {} as Record<Role | "germanMember", TestClient>;

const anchor = () => {
  const doc = new Y.Doc();
  const text = new Y.XmlText("Ein Absatz zum Kommentieren");
  doc.getXmlFragment("content").insert(0, [text]);
  return anchorInText(text, 4, 10);
};

const commentsPath = (wp: { id: string }, net: { slug: string }) => `/networks/${net.slug}/work-programmes/${wp.id}/comments`;

const json = (response: TestResponse) => JSON.parse(response.body) as Record<string, unknown> & { ok: boolean; error?: string; message?: string; threadId?: string };

async function startOn(client: TestClient, wp = wpA, net = netA, extra: Record<string, string | string[]> = {}) {
  const a = anchor();
  return client.post(commentsPath(wp, net), { intent: "startThread", anchorStart: a.start, anchorEnd: a.end, quote: "Absatz", body: "Bitte prüfen", ...extra });
}

async function startedThread(client: TestClient, wp = wpA, net = netA): Promise<string> {
  const response = await startOn(client, wp, net);
  expect(response.status, response.body).toBe(200);
  return json(response).threadId!;
}

const threadsOf = async (docName: string) => listThreadsOfDocument(server.services.db, docName);

beforeAll(async () => {
  const db = server.services.db;
  netA = await buildNetwork(db);
  netB = await buildNetwork(db);
  wpA = await buildWorkProgramme(db, netA.id, { title: "Arbeitsprogramm A" });
  wpArchived = await buildWorkProgramme(db, netA.id, { title: "Archiviertes Programm", archived: true });
  wpB = await buildWorkProgramme(db, netB.id, { title: "Programm B" });
  const specs: Record<Person | "germanMember", Parameters<typeof buildUser>[1]> = {
    coordinatorA: { memberships: [{ networkId: netA.id, role: "coordinator" }], name: "Cora Coordinator" },
    memberA: { memberships: [{ networkId: netA.id, role: "member" }], name: "Mia Member" },
    observer: { platformRoles: ["observer"], name: "Olga Observer" },
    memberB: { memberships: [{ networkId: netB.id, role: "member" }], name: "Otto Outsider" },
    germanMember: { memberships: [{ networkId: netA.id, role: "member" }], name: "Greta Deutsch", locale: "de" },
  };
  clients.anonymous = new TestClient(server.url);
  for (const [role, spec] of Object.entries(specs) as Array<[Person | "germanMember", Parameters<typeof buildUser>[1]]>) {
    users[role] = await buildUser(db, spec);
    clients[role] = new TestClient(server.url);
    await clients[role].login(users[role].email, users[role].password);
  }
});

describe(`comments route (${process.env.TEST_DATABASE})`, () => {
  const canView: Record<Role, number> = { anonymous: 302, coordinatorA: 200, memberA: 200, observer: 200, memberB: 404 };

  it.each(ROLES)("GET the threads as %s", async (role) => {
    const response = await clients[role].get(commentsPath(wpA, netA));
    expect(response.status).toBe(canView[role]);
    if (role === "anonymous") {
      expect(response.location).toBe(`/login?redirectTo=${encodeURIComponent(commentsPath(wpA, netA))}`);
      return;
    }
    const body = json(response);
    if (role === "memberB") {
      expect(body).toEqual({ ok: false, error: "errors.notFound", message: en.errors.notFound });
      expect(response.body).not.toContain("Mia Member");
      return;
    }
    expect(response.headers.get("cache-control")).toContain("no-store");
    expect(body.ok).toBe(true);
    expect(Array.isArray(body.threads)).toBe(true);
    // Everyone who can read the network may be mentioned, except oneself; outsiders never.
    const names = (body.candidates as Array<{ id: string; name: string }>).map((c) => c.name);
    expect(names).not.toContain("Otto Outsider");
    for (const [person, name] of [
      ["coordinatorA", "Cora Coordinator"],
      ["memberA", "Mia Member"],
      ["observer", "Olga Observer"],
    ] as const) {
      expect(names.includes(name), `${name} offered to ${role}`).toBe(person !== role);
    }
  });

  it.each(ROLES)("POST a new thread as %s", async (role) => {
    const before = (await threadsOf(wpA.docName)).threads.length;
    const response = await startOn(clients[role], wpA, netA, { body: `Kommentar von ${role}` });
    const expected: Record<Role, number> = { anonymous: 302, coordinatorA: 200, memberA: 200, observer: 200, memberB: 404 };
    expect(response.status, response.body).toBe(expected[role]);
    const after = await threadsOf(wpA.docName);
    if (expected[role] !== 200) {
      expect(after.threads).toHaveLength(before);
      return;
    }
    const body = json(response);
    expect(body).toMatchObject({ ok: true, intent: "startThread" });
    expect(after.threads).toHaveLength(before + 1);
    // The author sees it as their own in the sidebar's data.
    const listed = json(await clients[role].get(commentsPath(wpA, netA))).threads as Array<{ id: string; quote: string; comments: Array<{ body: string; mine: boolean }> }>;
    const thread = listed.find((t) => t.id === body.threadId);
    expect(thread?.quote).toBe("Absatz");
    expect(thread?.comments).toEqual([expect.objectContaining({ body: `Kommentar von ${role}`, mine: true })]);
  });

  it("lets members and observers comment on an archived work programme", async () => {
    for (const role of ["memberA", "observer"] as const) {
      const response = await startOn(clients[role], wpArchived, netA);
      expect(response.status, response.body).toBe(200);
    }
    expect((await threadsOf(wpArchived.docName)).threads).toHaveLength(2);
  });

  it("refuses a POST without the CSRF token with 403 and stores nothing", async () => {
    const before = (await threadsOf(wpA.docName)).threads.length;
    const a = anchor();
    const response = await clients.memberA.post(commentsPath(wpA, netA), { intent: "startThread", anchorStart: a.start, anchorEnd: a.end, quote: "x", body: "ohne Token" }, { csrf: null });
    expect(response.status).toBe(403);
    expect(json(response)).toEqual({ ok: false, error: "errors.forbidden", message: en.errors.forbidden });
    const wrong = await clients.memberA.post(commentsPath(wpA, netA), { intent: "startThread", anchorStart: a.start, anchorEnd: a.end, quote: "x", body: "falsches Token" }, { csrf: "not-the-token" });
    expect(wrong.status).toBe(403);
    expect((await threadsOf(wpA.docName)).threads).toHaveLength(before);
  });

  it("refuses a mention of someone outside the network with the translated message and stores and notifies nothing", async () => {
    const before = (await threadsOf(wpA.docName)).threads.length;
    const response = await startOn(clients.germanMember, wpA, netA, { body: "Hallo @Otto Outsider", mentions: [users.memberB.id] });
    expect(response.status).toBe(400);
    expect(json(response)).toEqual({ ok: false, error: "errors.mentionNoAccess", message: de.errors.mentionNoAccess });
    const english = await startOn(clients.memberA, wpA, netA, { body: "Hello @Otto Outsider", mentions: [users.coordinatorA.id, users.memberB.id] });
    expect(english.status).toBe(400);
    expect(json(english).message).toBe(en.errors.mentionNoAccess);
    expect((await threadsOf(wpA.docName)).threads).toHaveLength(before);
    expect(await listNotificationsOf(server.services.db, users.memberB.id)).toEqual([]);

    // Replies check mentions too; an unknown id is no better than an outsider's.
    const threadId = await startedThread(clients.memberA);
    const reply = await clients.memberA.post(commentsPath(wpA, netA), { intent: "reply", threadId, body: "und @Niemand", mentions: ["no-such-user"] });
    expect(reply.status).toBe(400);
    expect(json(reply).error).toBe("errors.mentionNoAccess");
    expect((await threadsOf(wpA.docName)).comments.filter((c) => c.thread_id === threadId)).toHaveLength(1);
  });

  it("notifies people mentioned who can read the document (observers included)", async () => {
    const response = await startOn(clients.memberA, wpA, netA, { body: "@Olga Observer bitte ansehen", mentions: [users.observer.id] });
    expect(response.status, response.body).toBe(200);
    const kinds = (await listNotificationsOf(server.services.db, users.observer.id)).map((n) => n.kind);
    expect(kinds).toContain("mention");
  });

  it("replies, resolves and reopens threads for everyone who can comment", async () => {
    const threadId = await startedThread(clients.memberA);
    const path = commentsPath(wpA, netA);
    const reply = await clients.observer.post(path, { intent: "reply", threadId, body: "Antwort des Begleitgremiums" });
    expect(reply.status, reply.body).toBe(200);
    expect(json(await clients.coordinatorA.post(path, { intent: "resolve", threadId })).ok).toBe(true);
    let thread = (await threadsOf(wpA.docName)).threads.find((t) => t.id === threadId);
    expect(thread?.status).toBe("resolved");
    expect(json(await clients.memberA.post(path, { intent: "reopen", threadId })).ok).toBe(true);
    thread = (await threadsOf(wpA.docName)).threads.find((t) => t.id === threadId);
    expect(thread?.status).toBe("open");
  });

  it("lets authors edit and delete their own comments only", async () => {
    const threadId = await startedThread(clients.memberA);
    const comment = (await threadsOf(wpA.docName)).comments.find((c) => c.thread_id === threadId)!;
    const path = commentsPath(wpA, netA);
    for (const role of ["coordinatorA", "observer"] as const) {
      const edit = await clients[role].post(path, { intent: "edit", commentId: comment.id, body: "übernommen" });
      expect(edit.status).toBe(403);
      expect(json(edit)).toEqual({ ok: false, error: "errors.notYours", message: en.errors.notYours });
      const removal = await clients[role].post(path, { intent: "delete", commentId: comment.id });
      expect(removal.status).toBe(403);
    }
    let stored = await findComment(server.services.db, comment.id);
    expect(stored?.body).toBe("Bitte prüfen");
    expect(stored?.deleted_at).toBeNull();

    const edit = await clients.memberA.post(path, { intent: "edit", commentId: comment.id, body: "Bitte bis Freitag prüfen" });
    expect(json(edit)).toMatchObject({ ok: true, intent: "edit", threadId });
    const listed = json(await clients.coordinatorA.get(path)).threads as Array<{ id: string; comments: Array<{ body: string; editedAt: string | null; mine: boolean }> }>;
    expect(listed.find((t) => t.id === threadId)?.comments[0]).toMatchObject({ body: "Bitte bis Freitag prüfen", mine: false, editedAt: expect.any(String) });

    expect(json(await clients.memberA.post(path, { intent: "delete", commentId: comment.id })).ok).toBe(true);
    stored = await findComment(server.services.db, comment.id);
    expect(stored?.deleted_at).not.toBeNull();
    const afterDelete = json(await clients.coordinatorA.get(path)).threads as Array<{ id: string; comments: Array<{ body: string; deleted: boolean }> }>;
    expect(afterDelete.find((t) => t.id === threadId)?.comments[0]).toMatchObject({ body: "", deleted: true });
  });

  it("refuses thread and comment ids of another network's document, and a work programme of another network", async () => {
    const foreignThread = await startedThread(clients.memberB, wpB, netB);
    const foreignComment = (await threadsOf(wpB.docName)).comments.find((c) => c.thread_id === foreignThread)!;
    const path = commentsPath(wpA, netA);
    const attempts: Array<Record<string, string>> = [
      { intent: "reply", threadId: foreignThread, body: "Einmischung" },
      { intent: "resolve", threadId: foreignThread },
      { intent: "reopen", threadId: foreignThread },
      { intent: "edit", commentId: foreignComment.id, body: "Einmischung" },
      { intent: "delete", commentId: foreignComment.id },
    ];
    for (const fields of attempts) {
      const response = await clients.coordinatorA.post(path, fields);
      expect(response.status, fields.intent).toBe(404);
      expect(json(response)).toEqual({ ok: false, error: "errors.notFound", message: en.errors.notFound });
    }
    // Network A's slug with network B's work programme: not found, nothing written.
    expect((await clients.coordinatorA.get(commentsPath(wpB, netA))).status).toBe(404);
    expect((await startOn(clients.coordinatorA, wpB, netA)).status).toBe(404);
    const foreign = await threadsOf(wpB.docName);
    expect(foreign.threads).toHaveLength(1);
    expect(foreign.threads[0]?.status).toBe("open");
    expect(foreign.comments).toHaveLength(1);
    expect(foreign.comments[0]?.body).toBe("Bitte prüfen");
    // Nor does anything of B's document show up in A's list.
    expect((await clients.coordinatorA.get(path)).body).not.toContain(foreignThread);
  });

  it("refuses empty comments, broken anchors, oversized and malformed requests with translated messages", async () => {
    const before = (await threadsOf(wpA.docName)).threads.length;
    const path = commentsPath(wpA, netA);
    const empty = await startOn(clients.memberA, wpA, netA, { body: "   " });
    expect(empty.status).toBe(400);
    expect(json(empty)).toEqual({ ok: false, error: "errors.empty", message: en.errors.empty });

    const broken = await clients.memberA.post(path, { intent: "startThread", anchorStart: "!!!", anchorEnd: "###", quote: "x", body: "Text" });
    expect(broken.status).toBe(400);
    expect(json(broken).error).toBe("errors.invalidAnchor");

    const long = await startOn(clients.memberA, wpA, netA, { body: "x".repeat(5001) });
    expect(long.status).toBe(400);
    expect(json(long).error).toBe("errors.tooLong");

    const malformed: Array<Record<string, string>> = [{ intent: "shout" }, { intent: "reply", body: "ohne Thread" }, {}];
    for (const fields of malformed) {
      const response = await clients.memberA.post(path, fields);
      expect(response.status).toBe(400);
      expect(json(response)).toEqual({ ok: false, error: "errors.invalid", message: en.errors.invalid });
    }
    expect((await threadsOf(wpA.docName)).threads).toHaveLength(before);
  });
});
