/**
 * Domain code reaches documents through DocumentAccess: a server-side change reaches every
 * connected editor live and is stored; read() sees unsaved live edits; a changed document
 * that goes idle is reported once, with the people who changed it.
 */
import { describe, expect, it } from "vitest";
import type * as Y from "yjs";
import { useTestServer } from "#server/testing/use-test-server";
import { TestClient } from "#server/testing/http-client";
import { buildNetwork, buildUser, buildWorkProgramme } from "#server/testing/factories";
import { eventually, openDoc } from "#server/testing/collab-client";
import { listUpdates } from "#db/queries/collab";

const server = useTestServer({ collab: { idleAfterMs: 300 } });

async function member(networkId: string) {
  const user = await buildUser(server.services.db, { memberships: [{ networkId, role: "member" }] });
  const client = new TestClient(server.url);
  await client.login(user.email, user.password);
  return { user, client };
}

describe(`document access (${process.env.TEST_DATABASE})`, () => {
  it("applies a server-side change live for every editor and stores it", async () => {
    const network = await buildNetwork(server.services.db);
    const wp = await buildWorkProgramme(server.services.db, network.id);
    const { user, client } = await member(network.id);
    const editor = openDoc(server.url, client, wp.docName);
    await editor.synced;
    await server.server.collab.change(wp.docName, user.id, (doc) => doc.getText("t").insert(0, "vom Server"));
    await eventually(() => editor.doc.getText("t").toString() === "vom Server", 3000, "live change");
    expect((await listUpdates(server.services.db, wp.docName)).length).toBeGreaterThan(0);
    editor.destroy();
  });

  it("reads live content, and stored content when nobody has the document open", async () => {
    const network = await buildNetwork(server.services.db);
    const wp = await buildWorkProgramme(server.services.db, network.id);
    const { client } = await member(network.id);
    const editor = openDoc(server.url, client, wp.docName);
    await editor.synced;
    editor.doc.getText("t").insert(0, "gerade getippt");
    await eventually(async () => (await server.server.collab.read(wp.docName)).getText("t").toString() === "gerade getippt", 3000, "live read");
    editor.destroy();
    await eventually(() => !server.server.collab.rooms.has(wp.docName), 5000, "unloaded");
    expect((await server.server.collab.read(wp.docName)).getText("t").toString()).toBe("gerade getippt");
  });

  it("reports a changed document once it goes idle, with who changed it", async () => {
    const network = await buildNetwork(server.services.db);
    const wp = await buildWorkProgramme(server.services.db, network.id);
    const a = await member(network.id);
    const b = await member(network.id);
    const seen: Array<{ text: string; contributors: string[] }> = [];
    const off = server.server.collab.onIdle(async (name, doc: Y.Doc, contributors) => {
      if (name === wp.docName) seen.push({ text: doc.getText("t").toString(), contributors: [...contributors].sort() });
    });
    const ea = openDoc(server.url, a.client, wp.docName);
    const eb = openDoc(server.url, b.client, wp.docName);
    await Promise.all([ea.synced, eb.synced]);
    ea.doc.getText("t").insert(0, "A");
    await eventually(() => eb.doc.getText("t").toString() === "A", 3000, "B sees A");
    eb.doc.getText("t").insert(1, "B");
    await eventually(() => seen.length === 1, 3000, "idle report");
    expect(seen[0]).toEqual({ text: "AB", contributors: [a.user.id, b.user.id].sort() });
    // Nothing changed since: leaving does not report again.
    ea.destroy();
    eb.destroy();
    await eventually(() => !server.server.collab.rooms.has(wp.docName), 5000, "unloaded");
    expect(seen).toHaveLength(1);
    off();
  });
});
