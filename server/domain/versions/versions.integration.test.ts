/**
 * Version history against the real collab server: automatic versions on idle, named
 * versions, and restore — every connected editor gets the old content live, and the
 * history keeps every earlier version (a restore deletes nothing and can be undone).
 */
import { describe, expect, it } from "vitest";
import { useTestServer } from "#server/testing/use-test-server";
import { buildNetwork, buildWorkProgramme } from "#server/testing/factories";
import { eventually, openDoc, type DocClient } from "#server/testing/collab-client";
import { loggedInUser } from "#server/testing/logged-in-user";
import { addActivity, writeParagraph } from "#server/testing/work-programme-edits";
import { createNamedVersion, restoreVersion, versionHistory } from "./versions";
import { listVersions } from "#db/queries/versions";
import { ACTIVITIES_FIELD, CONTENT_FIELD, readActivities } from "#shared/collab/work-programme-doc";
import { deriveContent } from "#server/collab/derive";

const server = useTestServer({ collab: { idleAfterMs: 200 } });

const textOf = (c: DocClient) => deriveContent(c.doc).text;

async function setting() {
  const network = await buildNetwork(server.services.db);
  const wp = await buildWorkProgramme(server.services.db, network.id);
  const people = [];
  for (let i = 0; i < 2; i++) {
    people.push(await loggedInUser(server, { memberships: [{ networkId: network.id, role: i === 0 ? "coordinator" : "member" }] }));
  }
  return { network, wp, people };
}

describe(`version history (${process.env.TEST_DATABASE})`, () => {
  it("records an automatic version when a changed document goes idle, naming who changed it", async () => {
    const { wp, people } = await setting();
    const editor = openDoc(server.url, people[1]!.client, wp.docName);
    await editor.synced;
    writeParagraph(editor.doc, "Erster Entwurf");
    await eventually(async () => (await listVersions(server.services.db, wp.docName)).length === 1, 5000, "automatic version");
    const [version] = await versionHistory(server.services, wp.docName);
    expect(version?.kind).toBe("auto");
    expect(version?.contributors).toHaveLength(1);
    editor.destroy();
  });

  it("restores an old version for every connected client and keeps every earlier version", async () => {
    const { network, wp, people } = await setting();
    const [coordinator, member] = people as [(typeof people)[0], (typeof people)[0]];
    const a = openDoc(server.url, coordinator.client, wp.docName);
    const b = openDoc(server.url, member.client, wp.docName);
    await Promise.all([a.synced, b.synced]);

    writeParagraph(a.doc, "Fassung März: an das Begleitgremium");
    addActivity(a.doc, "act-1", "Studienreise nach Modena");
    await eventually(() => textOf(b) === "Fassung März: an das Begleitgremium", 3000, "b sees march text");
    const march = await createNamedVersion(server.services, server.server.collab, { docName: wp.docName, name: "an das Begleitgremium, März", userId: coordinator.user.id });

    writeParagraph(b.doc, "Fassung Mai, ganz anders");
    b.doc.getArray(ACTIVITIES_FIELD).delete(0, 1);
    await eventually(() => textOf(a) === "Fassung Mai, ganz anders", 3000, "a sees may text");
    await eventually(async () => (await listVersions(server.services.db, wp.docName)).length >= 2, 5000, "auto version of may");
    const before = (await listVersions(server.services.db, wp.docName)).map((v) => v.id);

    const result = await restoreVersion(server.services, server.server.collab, { docName: wp.docName, versionId: march.id, userId: coordinator.user.id });
    expect(result.ok).toBe(true);
    for (const client of [a, b]) {
      await eventually(() => textOf(client) === "Fassung März: an das Begleitgremium", 3000, "restored text live");
      expect(readActivities(client.doc).map((x) => x.title)).toEqual(["Studienreise nach Modena"]);
    }
    // Nothing was deleted: every earlier version is still there, plus the restore itself; the
    // state before the restore is a version too (here the automatic one of "Fassung Mai").
    const after = await listVersions(server.services.db, wp.docName);
    for (const id of before) expect(after.map((v) => v.id)).toContain(id);
    expect(after.length).toBeGreaterThanOrEqual(before.length + 1);
    expect(after[0]?.kind).toBe("restore");

    // …and the restore can be undone from the history.
    if (!result.ok) throw new Error("restore failed");
    await restoreVersion(server.services, server.server.collab, { docName: wp.docName, versionId: result.before.id, userId: member.user.id });
    await eventually(() => textOf(a) === "Fassung Mai, ganz anders" && textOf(b) === "Fassung Mai, ganz anders", 3000, "undo of the restore");
    a.destroy();
    b.destroy();
  });

  it("refuses a version of another document", async () => {
    const one = await setting();
    const other = await setting();
    const version = await createNamedVersion(server.services, server.server.collab, { docName: one.wp.docName, name: "v1", userId: one.people[0]!.user.id });
    const result = await restoreVersion(server.services, server.server.collab, { docName: other.wp.docName, versionId: version.id, userId: other.people[0]!.user.id });
    expect(result).toEqual({ ok: false, error: "notFound" });
  });

  it("restores a closed document without inventing an extra automatic version", async () => {
    const { network, wp, people } = await setting();
    const [coordinator] = people as [(typeof people)[0]];
    const editor = openDoc(server.url, coordinator.client, wp.docName);
    await editor.synced;
    writeParagraph(editor.doc, "Fassung eins");
    const one = await createNamedVersion(server.services, server.server.collab, { docName: wp.docName, name: "eins", userId: coordinator.user.id });
    writeParagraph(editor.doc, "Fassung zwei");
    editor.destroy();
    // Leaving records "Fassung zwei" as an automatic version.
    await eventually(async () => (await listVersions(server.services.db, wp.docName)).length === 2 && !server.server.collab.rooms.has(wp.docName), 5000, "auto version, room closed");

    const result = await restoreVersion(server.services, server.server.collab, { docName: wp.docName, versionId: one.id, userId: coordinator.user.id });
    if (!result.ok) throw new Error("restore failed");
    await eventually(() => !server.server.collab.rooms.has(wp.docName), 5000, "room closed again");
    await new Promise((r) => setTimeout(r, 300));
    const kinds = (await listVersions(server.services.db, wp.docName)).map((v) => v.kind);
    // named "eins", auto "zwei" (reused as the "before" snapshot: nothing changed since), the restore.
    expect(kinds).toEqual(["restore", "auto", "named"]);
    expect(result.before.kind).toBe("auto");
  });

  it("credits a named version to everyone who changed the text since the previous version", async () => {
    const { network, wp, people } = await setting();
    const [coordinator, member] = people as [(typeof people)[0], (typeof people)[0]];
    const editor = openDoc(server.url, member.client, wp.docName);
    await editor.synced;
    writeParagraph(editor.doc, "vom Mitglied geschrieben");
    await eventually(async () => (await server.server.collab.read(wp.docName)).getXmlFragment(CONTENT_FIELD).length > 0, 3000, "edit arrived");
    const named = await createNamedVersion(server.services, server.server.collab, { docName: wp.docName, name: "März", userId: coordinator.user.id });
    expect(JSON.parse(named.contributors).sort()).toEqual([coordinator.user.id, member.user.id].sort());
    editor.destroy();
  });
});
