/**
 * Comments on documents: observers may comment, mentions must name people who can read the
 * document, replies and mentions notify the right people, only authors edit or delete, and
 * ids from another document are refused. Runs on SQLite and PostgreSQL.
 */
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { useTestServer } from "#server/testing/use-test-server";
import { buildNetwork, buildUser, buildWorkProgramme } from "#server/testing/factories";
import { loadActor } from "#server/domain/auth/actor";
import { anchorInText } from "#shared/collab/anchors";
import { deleteComment, editComment, reply, setThreadResolved, startThread, threadsOfDocument, type DocumentRef } from "./comments";
import { listNotificationsOf } from "#db/queries/notifications";
import { listThreadsOfDocument } from "#db/queries/comments";

const server = useTestServer();

const anchor = () => {
  const doc = new Y.Doc();
  const text = new Y.XmlText("Ein Absatz zum Kommentieren");
  doc.getXmlFragment("content").insert(0, [text]);
  return anchorInText(text, 4, 10);
};

async function setting() {
  const network = await buildNetwork(server.services.db);
  const wp = await buildWorkProgramme(server.services.db, network.id, { title: "Arbeitsprogramm 2027" });
  const doc: DocumentRef = { docName: wp.docName, owner: { kind: "network", networkId: network.id }, state: "open", title: "Arbeitsprogramm 2027", path: `/networks/${network.slug}/work-programmes/${wp.id}` };
  const coordinator = await buildUser(server.services.db, { memberships: [{ networkId: network.id, role: "coordinator" }] });
  const member = await buildUser(server.services.db, { memberships: [{ networkId: network.id, role: "member" }] });
  const observer = await buildUser(server.services.db, { platformRoles: ["observer"] });
  const outsider = await buildUser(server.services.db, { memberships: [{ networkId: (await buildNetwork(server.services.db)).id, role: "member" }] });
  const actor = (id: string) => loadActor(server.services.db, id);
  return { network, wp, doc, coordinator, member, observer, outsider, actor };
}

const kindsFor = async (userId: string) => (await listNotificationsOf(server.services.db, userId)).map((n) => n.kind).sort();

describe(`comments (${process.env.TEST_DATABASE})`, () => {
  it("lets an observer comment and notifies the people mentioned", async () => {
    const s = await setting();
    const result = await startThread(server.services, await s.actor(s.observer.id), s.doc, {
      anchor: anchor(),
      quote: "Absatz",
      body: "Bitte Zeitplan prüfen @Koordination",
      mentions: [s.coordinator.id],
    });
    expect(result.ok).toBe(true);
    expect(await kindsFor(s.coordinator.id)).toEqual(["mention"]);
    const [thread] = await threadsOfDocument(server.services, await s.actor(s.member.id), s.doc.docName);
    expect(thread?.comments[0]?.body).toBe("Bitte Zeitplan prüfen @Koordination");
    expect(thread?.comments[0]?.mine).toBe(false);
  });

  it("refuses a mention of someone outside the network and stores nothing", async () => {
    const s = await setting();
    const result = await startThread(server.services, await s.actor(s.member.id), s.doc, { anchor: anchor(), quote: "x", body: "Hallo @Fremd", mentions: [s.outsider.id] });
    expect(result).toEqual({ ok: false, error: "mentionNoAccess" });
    expect((await listThreadsOfDocument(server.services.db, s.doc.docName)).threads).toHaveLength(0);
    expect(await kindsFor(s.outsider.id)).toEqual([]);
  });

  it("notifies everyone taking part in a thread about a reply, except the one who wrote it", async () => {
    const s = await setting();
    const started = await startThread(server.services, await s.actor(s.member.id), s.doc, { anchor: anchor(), quote: "x", body: "Frage", mentions: [] });
    if (!started.ok) throw new Error("thread not started");
    await reply(server.services, await s.actor(s.coordinator.id), s.doc, { threadId: started.threadId, body: "Antwort", mentions: [] });
    expect(await kindsFor(s.member.id)).toEqual(["reply"]);
    expect(await kindsFor(s.coordinator.id)).toEqual([]);
    await reply(server.services, await s.actor(s.member.id), s.doc, { threadId: started.threadId, body: "Danke", mentions: [] });
    expect(await kindsFor(s.coordinator.id)).toEqual(["reply"]);
  });

  it("lets only the author edit or delete a comment, and keeps a tombstone", async () => {
    const s = await setting();
    const started = await startThread(server.services, await s.actor(s.member.id), s.doc, { anchor: anchor(), quote: "x", body: "Original", mentions: [] });
    if (!started.ok) throw new Error("thread not started");
    const [thread] = await threadsOfDocument(server.services, await s.actor(s.member.id), s.doc.docName);
    const commentId = thread!.comments[0]!.id;
    expect(await editComment(server.services, await s.actor(s.coordinator.id), s.doc, { commentId, body: "Gekapert", mentions: [] })).toEqual({ ok: false, error: "notYours" });
    expect(await deleteComment(server.services, await s.actor(s.coordinator.id), s.doc, commentId)).toEqual({ ok: false, error: "notYours" });
    expect((await editComment(server.services, await s.actor(s.member.id), s.doc, { commentId, body: "Korrigiert", mentions: [] })).ok).toBe(true);
    expect((await deleteComment(server.services, await s.actor(s.member.id), s.doc, commentId)).ok).toBe(true);
    const [after] = await threadsOfDocument(server.services, await s.actor(s.member.id), s.doc.docName);
    expect(after?.comments[0]).toMatchObject({ deleted: true, body: "" });
  });

  it("an edit that adds a mention notifies only the newly mentioned; one naming an outsider changes nothing", async () => {
    const s = await setting();
    const colleague = await buildUser(server.services.db, { memberships: [{ networkId: s.network.id, role: "member" }] });
    const started = await startThread(server.services, await s.actor(s.member.id), s.doc, { anchor: anchor(), quote: "x", body: "Frage an @Koordination", mentions: [s.coordinator.id] });
    if (!started.ok) throw new Error("thread not started");
    const commentId = (await threadsOfDocument(server.services, await s.actor(s.member.id), s.doc.docName))[0]!.comments[0]!.id;
    const member = await s.actor(s.member.id);

    const refused = await editComment(server.services, member, s.doc, { commentId, body: "Frage an @Koordination und @Fremd", mentions: [s.coordinator.id, s.outsider.id] });
    expect(refused).toEqual({ ok: false, error: "mentionNoAccess" });
    expect((await threadsOfDocument(server.services, member, s.doc.docName))[0]!.comments[0]!.body).toBe("Frage an @Koordination");
    expect(await kindsFor(s.outsider.id)).toEqual([]);

    const edited = await editComment(server.services, member, s.doc, { commentId, body: "Frage an @Koordination und @Kollegin", mentions: [s.coordinator.id, colleague.id] });
    expect(edited.ok).toBe(true);
    expect(await kindsFor(colleague.id)).toEqual(["mention"]);
    expect(await kindsFor(s.coordinator.id)).toEqual(["mention"]); // from the first version only

    // Fixing a typo again notifies nobody a second time.
    await editComment(server.services, member, s.doc, { commentId, body: "Frage an @Koordination und @Kollegin!", mentions: [s.coordinator.id, colleague.id] });
    expect(await kindsFor(colleague.id)).toEqual(["mention"]);
  });

  it("resolves and reopens, and refuses thread ids of another document", async () => {
    const s = await setting();
    const other = await setting();
    const started = await startThread(server.services, await s.actor(s.member.id), s.doc, { anchor: anchor(), quote: "x", body: "Offen", mentions: [] });
    if (!started.ok) throw new Error("thread not started");
    expect((await setThreadResolved(server.services, await s.actor(s.observer.id), s.doc, started.threadId, true)).ok).toBe(true);
    expect((await threadsOfDocument(server.services, await s.actor(s.member.id), s.doc.docName))[0]?.status).toBe("resolved");
    expect((await setThreadResolved(server.services, await s.actor(s.member.id), s.doc, started.threadId, false)).ok).toBe(true);
    expect((await threadsOfDocument(server.services, await s.actor(s.member.id), s.doc.docName))[0]?.status).toBe("open");
    // The same thread id through another network's document: refused, nothing changes.
    expect(await setThreadResolved(server.services, await other.actor(other.member.id), other.doc, started.threadId, true)).toEqual({ ok: false, error: "notFound" });
    expect(await reply(server.services, await other.actor(other.member.id), other.doc, { threadId: started.threadId, body: "x", mentions: [] })).toEqual({ ok: false, error: "notFound" });
  });

  it("refuses anchors that are not Yjs relative positions", async () => {
    const s = await setting();
    const result = await startThread(server.services, await s.actor(s.member.id), s.doc, { anchor: { start: "<script>", end: "x".repeat(500) }, quote: "x", body: "y", mentions: [] });
    expect(result).toEqual({ ok: false, error: "invalidAnchor" });
  });
});
