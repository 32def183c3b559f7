/**
 * What the editor's status line relies on from the collab server: MESSAGE_SAVED after each
 * stored batch and on (re)connect, with a snapshot (state vector + delete set) that covers
 * the editor's own clock and deletions; and a reconnectable close when its rights change.
 * These were found as gaps while building the editor (pinned with it.fails then) and fixed
 * in the server.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import * as decoding from "lib0/decoding";
import { useTestServer } from "#server/testing/use-test-server";
import { TestClient } from "#server/testing/http-client";
import { buildNetwork, buildUser, buildWorkProgramme } from "#server/testing/factories";
import { eventually, openDoc, type DocClient } from "#server/testing/collab-client";
import { COLLAB_CLOSE, MESSAGE_SAVED } from "#shared/collab/protocol";
import { checkStored, deletionsOf, type PendingDeletions } from "#shared/collab/saved-snapshot";
import { setWorkProgrammeArchived } from "./manage";

const server = useTestServer();
let member: TestClient;
let networkId: string;
const open: DocClient[] = [];

beforeAll(async () => {
  const network = await buildNetwork(server.services.db);
  networkId = network.id;
  const user = await buildUser(server.services.db, { memberships: [{ networkId, role: "member" }] });
  member = new TestClient(server.url);
  await member.login(user.email, user.password);
});
afterAll(() => {
  for (const client of open) client.destroy();
});

/** An editor-like client: asks for acknowledgements and checks them like the editor does. */
function editorClient(docName: string) {
  const client = openDoc(server.url, member, docName, { ack: true });
  open.push(client);
  const acks: Uint8Array[] = [];
  let pending: PendingDeletions = [];
  client.doc.on("afterTransaction", (tr: Y.Transaction) => {
    if (tr.local) pending = pending.concat(deletionsOf(tr));
  });
  client.provider.messageHandlers[MESSAGE_SAVED] = (_encoder, decoder) => {
    acks.push(decoding.readVarUint8Array(decoder));
  };
  const covered = () => {
    const last = acks.at(-1);
    if (!last) return false;
    const stored = checkStored(last, client.doc.clientID, pending);
    return stored.clock >= Y.getState(client.doc.store, client.doc.clientID) && stored.remaining.length === 0;
  };
  return { client, acks, covered };
}

const text = (doc: Y.Doc) => doc.getXmlFragment("content");
const insertParagraph = (doc: Y.Doc, words: string) => {
  const p = new Y.XmlElement("paragraph");
  p.insert(0, [new Y.XmlText(words)]);
  text(doc).push([p]);
};

describe(`saving acknowledgements for the editor (${process.env.TEST_DATABASE})`, () => {
  it("acknowledges an insert with a stored vector that covers the editor's own clock", async () => {
    const { docName } = await buildWorkProgramme(server.services.db, networkId);
    const { client, acks, covered } = editorClient(docName);
    await client.synced;
    insertParagraph(client.doc, "Stored, then acknowledged.");
    await eventually(() => acks.length > 0 && covered(), 5000, "MESSAGE_SAVED covering the insert");
  });

  it("confirms a deletion as stored (deletions do not advance the clock, the delete set shows them)", async () => {
    const { docName } = await buildWorkProgramme(server.services.db, networkId);
    const { client, acks, covered } = editorClient(docName);
    await client.synced;
    insertParagraph(client.doc, "To be deleted.");
    await eventually(() => acks.length > 0 && covered(), 5000, "the insert acknowledged");
    const before = acks.length;
    text(client.doc).delete(0, 1);
    // Not covered by what was acknowledged so far…
    expect(covered()).toBe(false);
    // …until the batch with the deletion is stored.
    await eventually(() => acks.length > before && covered(), 5000, "the deletion acknowledged");
  });

  it("tells an editor that reconnects what is stored, even when nothing new arrives", async () => {
    const { docName } = await buildWorkProgramme(server.services.db, networkId);
    const first = editorClient(docName);
    await first.client.synced;
    // The edit leaves, the socket goes before the acknowledgement can come back.
    insertParagraph(first.client.doc, "Sent just before the connection dropped.");
    first.client.provider.disconnect();
    await eventually(async () => (await server.services.db.selectFrom("collab_updates").select("id").where("name", "=", docName).execute()).length > 0, 5000, "the edit stored");
    expect(first.covered()).toBe(false);
    first.client.provider.connect();
    await first.client.synced;
    // Nothing new reaches the server; the greeting of the new connection says what is stored.
    await eventually(() => first.covered() && first.acks.length > 0, 2000, "MESSAGE_SAVED after reconnecting");
  });

  it("tells an open editor at once when its work programme is archived, and then stores nothing it writes", async () => {
    const wp = await buildWorkProgramme(server.services.db, networkId);
    const { client } = editorClient(wp.docName);
    await client.synced;
    const closed = client.nextClose();
    await setWorkProgrammeArchived(server.services, wp.id, true);
    expect(await closed).toBe(COLLAB_CLOSE.accessChanged);
    // The stock client reconnects by itself and is now a reader: what it writes is dropped.
    await eventually(() => client.provider.synced, 5000, "reconnected");
    const storedBefore = (await server.services.db.selectFrom("collab_updates").select("id").where("name", "=", wp.docName).execute()).length;
    insertParagraph(client.doc, "Written after archiving.");
    await new Promise((r) => setTimeout(r, 300));
    const storedAfter = (await server.services.db.selectFrom("collab_updates").select("id").where("name", "=", wp.docName).execute()).length;
    expect(storedAfter).toBe(storedBefore);
  });
});
