/**
 * The version-history pages over real HTTP: who sees the history and a version (everyone
 * who can see the network; outsiders 404), who may name versions (coordinators; members
 * 403) and restore them (members and coordinators; observers 403; archived programmes 403),
 * that a version of another document is a 404 everywhere, and that versions download as
 * DOCX and PDF through the export route. A refused request changes nothing.
 * Runs on SQLite and PostgreSQL.
 */
import { beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import mammoth from "mammoth";
import { useTestServer } from "#server/testing/use-test-server";
import { TestClient } from "#server/testing/http-client";
import { buildNetwork, buildUser, buildWorkProgramme, uniq } from "#server/testing/factories";
import { eventually } from "#server/testing/collab-client";
import { addActivity, writeBlocks, writeParagraph } from "#server/testing/work-programme-edits";
import { listVersions } from "#db/queries/versions";
import { deriveContent } from "#server/collab/derive";
import { createNamedVersion } from "./versions";
import { notificationCentre } from "../notifications/centre";
import en from "../../../locales/en/history.json";
import enCommon from "../../../locales/en/common.json";

const ROLES = ["anonymous", "coordinatorA", "memberA", "observer", "admin", "memberB"] as const;
type Role = (typeof ROLES)[number];

const server = useTestServer({ collab: { idleAfterMs: 200 } });
let netA: Awaited<ReturnType<typeof buildNetwork>>;
let netB: Awaited<ReturnType<typeof buildNetwork>>;
let wpA: { id: string; docName: string };
let wpOther: { id: string; docName: string };
let wpB: { id: string; docName: string };
const users = {} as Record<Exclude<Role, "anonymous">, { id: string; email: string; password: string }>;
const clients = {} as Record<Role, TestClient>;
let namedA: { id: string };
let otherVersion: { id: string };

/** Writes through the live document, as an editor would, and waits for the automatic version. */
async function edit(docName: string, userId: string, change: (doc: Y.Doc) => void) {
  const before = (await listVersions(server.services.db, docName)).length;
  await server.server.collab.change(docName, userId, change);
  await eventually(async () => (await listVersions(server.services.db, docName)).length > before, 5000, `automatic version of ${docName}`);
}

const currentText = async (docName: string) => {
  const doc = await server.server.collab.read(docName);
  try {
    return deriveContent(doc).text;
  } finally {
    doc.destroy();
  }
};

beforeAll(async () => {
  const db = server.services.db;
  netA = await buildNetwork(db);
  netB = await buildNetwork(db);
  wpA = await buildWorkProgramme(db, netA.id, { title: "Programme of A" });
  wpOther = await buildWorkProgramme(db, netA.id, { title: "Other programme of A" });
  wpB = await buildWorkProgramme(db, netB.id, { title: "Programme of B" });
  const specs: Record<Exclude<Role, "anonymous">, Parameters<typeof buildUser>[1]> = {
    coordinatorA: { memberships: [{ networkId: netA.id, role: "coordinator" }], name: "Cora Coordinator" },
    memberA: { memberships: [{ networkId: netA.id, role: "member" }], name: "Mia Member" },
    observer: { platformRoles: ["observer"] },
    admin: { platformRoles: ["admin"] },
    memberB: { memberships: [{ networkId: netB.id, role: "member" }] },
  };
  clients.anonymous = new TestClient(server.url);
  for (const [role, spec] of Object.entries(specs) as Array<[Exclude<Role, "anonymous">, Parameters<typeof buildUser>[1]]>) {
    users[role] = await buildUser(db, spec);
    clients[role] = new TestClient(server.url);
    await clients[role].login(users[role].email, users[role].password);
  }

  // The member writes the March text; the coordinator names it; the member writes on.
  await edit(wpA.docName, users.memberA.id, (doc) => {
    writeParagraph(doc, "Fassung März für das Begleitgremium");
    addActivity(doc, "act-1", "Studienreise nach Modena");
  });
  namedA = await createNamedVersion(server.services, server.server.collab, {
    docName: wpA.docName,
    name: "sent to the advisory board, March",
    userId: users.coordinatorA.id,
  });
  await edit(wpA.docName, users.memberA.id, (doc) => writeParagraph(doc, "Fassung Mai mit neuen Zielen"));

  await edit(wpOther.docName, users.memberA.id, (doc) => writeParagraph(doc, "Text of the other programme"));
  otherVersion = (await listVersions(server.services.db, wpOther.docName))[0]!;
});

/** Page text without the comment markers React puts between adjacent text pieces. */
const visible = (html: string) => html.replace(/<!-- -->/g, "");

const historyPath = (wp = wpA, net = netA) => `/networks/${net.slug}/work-programmes/${wp.id}/history`;
const versionPath = (id: string, wp = wpA, net = netA) => `${historyPath(wp, net)}/${id}`;

/** Who can see network A's pages (policy: network.view). */
const viewA: Record<Role, number> = { anonymous: 302, coordinatorA: 200, memberA: 200, observer: 200, admin: 200, memberB: 404 };
/** Who may restore in network A (network.contribute): its members only. */
const restoreA: Record<Role, number> = { anonymous: 302, coordinatorA: 302, memberA: 302, observer: 403, admin: 403, memberB: 404 };
/** Who may name versions (workProgramme.manage): coordinators only. */
const nameA: Record<Role, number> = { anonymous: 302, coordinatorA: 200, memberA: 403, observer: 403, admin: 403, memberB: 404 };

describe(`version history pages (${process.env.TEST_DATABASE})`, () => {
  it.each(ROLES)("GET the history of a work programme as %s", async (role) => {
    const response = await clients[role].get(historyPath());
    expect(response.status).toBe(viewA[role]);
    if (response.status !== 200) {
      expect(response.body).not.toContain("sent to the advisory board");
      return;
    }
    expect(response.body).toContain(en.list.title);
    expect(response.body).toContain("sent to the advisory board, March");
    expect(response.body).toContain(en.kinds.auto);
    // Who changed the text since the version before.
    expect(response.body).toContain("Mia Member");
    expect(response.body).toContain(`/history/${namedA.id}`);
    // Only coordinators get the form for named versions.
    expect(response.body.includes(en.name.heading), role).toBe(role === "coordinatorA");
  });

  it("each work programme on the network's list links to its history", async () => {
    const response = await clients.observer.get(`/networks/${netA.slug}/work-programmes`);
    expect(response.status).toBe(200);
    for (const wp of [wpA, wpOther]) expect(response.body).toContain(`href="${historyPath(wp)}"`);
  });

  it("lists the versions newest first", async () => {
    const response = await clients.memberA.get(historyPath());
    const ids = [...response.body.matchAll(/data-version-id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual((await listVersions(server.services.db, wpA.docName)).map((v) => v.id));
    expect(ids.length).toBeGreaterThanOrEqual(3);
  });

  it.each(ROLES)("GET one version and its comparison as %s", async (role) => {
    const page = await clients[role].get(versionPath(namedA.id));
    expect(page.status).toBe(viewA[role]);
    if (page.status !== 200) {
      expect(page.body).not.toContain("Fassung März");
      return;
    }
    expect(page.body).toContain("<p>Fassung März für das Begleitgremium</p>");
    expect(page.body).toContain("Studienreise nach Modena");
    expect(page.body).toContain(`export/docx?version=${namedA.id}`);
    expect(page.body).toContain(`export/pdf?version=${namedA.id}`);
    // The restore button only for those who may restore.
    expect(page.body.includes(en.restore.start), role).toBe(restoreA[role] === 302);

    const compare = await clients[role].get(`${versionPath(namedA.id)}?compare=1`);
    expect(compare.status).toBe(200);
    expect(compare.body).toContain(en.compare.legendLabel);
    expect(compare.body).toMatch(/<del class="diff-removed">[^<]*März[^<]*<\/del>/);
    expect(compare.body).toMatch(/<ins class="diff-added">[^<]*Mai[^<]*<\/ins>/);
  });

  it("the comparison keeps headings and numbered lists, with the changed words inside them", async () => {
    await edit(wpOther.docName, users.memberA.id, (doc) =>
      writeBlocks(doc, [{ heading: "Ziele", level: 1 }, { orderedList: ["Lernaufgaben", "Studienreise nach Modena"] }]),
    );
    const version = await createNamedVersion(server.services, server.server.collab, { docName: wpOther.docName, name: "structure", userId: users.memberA.id });
    await edit(wpOther.docName, users.memberA.id, (doc) =>
      writeBlocks(doc, [{ heading: "Ziele 2026", level: 1 }, { orderedList: ["Lernaufgaben", "Studienreise nach Bologna"] }]),
    );
    const compare = visible((await clients.memberA.get(`${versionPath(version.id, wpOther)}?compare=1`)).body);
    const diff = compare.slice(compare.indexOf('<div class="diff">'));
    // The document's "Heading 1" is a heading under the page's "Changes" (h2), not a line of text.
    expect(diff).toMatch(/<h3 class="diff-block diff-block--changed">Ziele[^]*?<ins class="diff-added">[^<]*2026[^<]*<\/ins>[^]*?<\/h3>/);
    expect(diff).toMatch(/<ol><li class="diff-block diff-block--same diff-li--depth-0">Lernaufgaben<\/li><li class="diff-block diff-block--changed diff-li--depth-0">Studienreise nach [^]*?<del class="diff-removed">Modena<\/del>[^]*?<ins class="diff-added">Bologna<\/ins>[^]*?<\/li><\/ol>/);
  });

  it("a version of another document, an unknown or malformed id is a 404, for the page and the download", async () => {
    for (const role of ["coordinatorA", "observer", "admin"] as const) {
      for (const id of [otherVersion.id, "no-such-version", "..%2Fx", "x".repeat(80)]) {
        expect((await clients[role].get(versionPath(id))).status, `${role} ${id}`).toBe(404);
        expect((await clients[role].get(`/networks/${netA.slug}/work-programmes/${wpA.id}/export/docx?version=${id}`)).status, `${role} ${id}`).toBe(404);
      }
      // A version under the other network's address, and a programme of another network.
      expect((await clients[role].get(versionPath(namedA.id, wpA, netB))).status).toBe(404);
      expect((await clients[role].get(historyPath(wpB, netA))).status).toBe(404);
    }
    const response = await clients.memberA.post(versionPath(otherVersion.id), { intent: "restore" });
    expect(response.status).toBe(404);
    expect(await currentText(wpA.docName)).toBe("Fassung Mai mit neuen Zielen");
  });

  it.each(ROLES)("POST a named version as %s", async (role) => {
    const name = uniq(`Named by ${role}`);
    const before = await listVersions(server.services.db, wpA.docName);
    const response = await clients[role].post(historyPath(), { intent: "name", name });
    expect(response.status).toBe(nameA[role]);
    const after = await listVersions(server.services.db, wpA.docName);
    const created = after.find((v) => v.name === name);
    if (nameA[role] === 200) {
      expect(created?.kind).toBe("named");
      expect(created?.created_by).toBe(users.coordinatorA.id);
      expect(response.body).toContain(name);
    } else {
      expect(created).toBeUndefined();
      expect(after.length).toBe(before.length);
    }
  });

  it("naming a version notifies the people who edited the document, with a link to the version", async () => {
    const name = uniq("for the partners");
    const response = await clients.coordinatorA.post(historyPath(), { intent: "name", name });
    expect(response.status).toBe(200);
    const version = (await listVersions(server.services.db, wpA.docName)).find((v) => v.name === name)!;
    const { items } = await notificationCentre(server.services, users.memberA.id);
    const notification = items.find((n) => n.excerpt === name);
    expect(notification?.kind).toBe("version");
    expect(notification?.title).toBe("Programme of A");
    expect(notification?.link).toBe(versionPath(version.id));
    // Nobody is told about their own action, and outsiders hear nothing.
    expect((await notificationCentre(server.services, users.coordinatorA.id)).items.find((n) => n.excerpt === name)).toBeUndefined();
    expect((await notificationCentre(server.services, users.memberB.id)).items).toEqual([]);
  });

  it("refuses an empty or over-long name and a form without the CSRF token", async () => {
    const before = (await listVersions(server.services.db, wpA.docName)).length;
    expect((await clients.coordinatorA.post(historyPath(), { intent: "name", name: "   " })).status).toBe(400);
    expect((await clients.coordinatorA.post(historyPath(), { intent: "name", name: "x".repeat(201) })).status).toBe(400);
    expect((await clients.coordinatorA.post(historyPath(), { intent: "name", name: "No token" }, { csrf: null })).status).toBe(403);
    expect((await clients.memberA.post(versionPath(namedA.id), { intent: "restore" }, { csrf: null })).status).toBe(403);
    expect((await listVersions(server.services.db, wpA.docName)).length).toBe(before);
  });

  it.each(["observer", "admin", "memberB", "anonymous"] as const)("POST restore as %s changes nothing", async (role) => {
    const before = await listVersions(server.services.db, wpA.docName);
    const text = await currentText(wpA.docName);
    const response = await clients[role].post(versionPath(namedA.id), { intent: "restore" });
    expect(response.status).toBe(restoreA[role]);
    if (response.status === 403) {
      // The translated "not allowed" page, not a bare status.
      expect(response.body).toContain(enCommon.errors.forbidden.title);
    }
    expect(await currentText(wpA.docName)).toBe(text);
    expect((await listVersions(server.services.db, wpA.docName)).length).toBe(before.length);
  });

  it.each(["memberA", "coordinatorA"] as const)("POST restore as %s restores the version and keeps every earlier one", async (role) => {
    await edit(wpA.docName, users.memberA.id, (doc) => writeParagraph(doc, uniq("Zwischenstand")));
    const before = await listVersions(server.services.db, wpA.docName);
    const preRestoreText = await currentText(wpA.docName);
    const response = await clients[role].post(versionPath(namedA.id), { intent: "restore" });
    expect(response.status).toBe(302);
    expect(response.location).toBe(`/networks/${netA.slug}/work-programmes/${wpA.id}?notice=versionRestored`);
    expect(await currentText(wpA.docName)).toBe("Fassung März für das Begleitgremium");
    const after = await listVersions(server.services.db, wpA.docName);
    for (const v of before) expect(after.map((a) => a.id)).toContain(v.id);
    const added = after.filter((a) => !before.some((b) => b.id === a.id));
    const restore = added.find((a) => a.kind === "restore");
    expect(restore?.restored_from).toBe(namedA.id);
    expect(restore?.created_by).toBe(users[role].id);
    // The state before the restore is kept as a version (a new one, or the latest one when it already held it).
    const texts = await server.services.db.selectFrom("document_versions").select("text").where("doc_name", "=", wpA.docName).execute();
    expect(texts.some((v) => v.text === preRestoreText)).toBe(true);

    // The history says where the restore came from and who did it.
    const history = await clients.observer.get(historyPath());
    expect(history.body).toContain(en.list.restoredFrom);
    const editor = await clients[role].get(response.location!);
    expect(editor.status).toBe(200);
    expect(editor.body).toContain(en.restore.done);
    // The editor page links to the history.
    expect(editor.body).toContain(`href="${historyPath()}"`);
  });

  it("an archived work programme's versions can be read and downloaded, not restored", async () => {
    const archived = await buildWorkProgramme(server.services.db, netA.id, { title: "Archived programme", archived: true });
    const version = await createNamedVersion(server.services, server.server.collab, {
      docName: archived.docName,
      name: "final",
      userId: users.coordinatorA.id,
    });
    const page = await clients.memberA.get(versionPath(version.id, archived));
    expect(page.status).toBe(200);
    expect(page.body).not.toContain(en.restore.start);
    expect(page.body).toContain(en.list.archivedNote);
    const response = await clients.coordinatorA.post(versionPath(version.id, archived), { intent: "restore" });
    expect(response.status).toBe(403);
    expect((await listVersions(server.services.db, archived.docName)).length).toBe(1);
  });

  it("downloads a version as DOCX and PDF, as it was then, for everyone who can see the network", async () => {
    // A version whose text differs from the current one (the restores brought back March).
    const may = (await server.services.db.selectFrom("document_versions").select(["id", "text"]).where("doc_name", "=", wpA.docName).execute()).find((v) =>
      v.text.includes("Fassung Mai"),
    )!;
    expect(await currentText(wpA.docName)).not.toContain("Fassung Mai");
    for (const role of ["observer", "memberA"] as const) {
      for (const format of ["docx", "pdf"] as const) {
        const response = await fetch(new URL(`/networks/${netA.slug}/work-programmes/${wpA.id}/export/${format}?version=${may.id}`, server.url), {
          headers: { Cookie: clients[role].cookieHeader(), "Accept-Language": "en" },
          redirect: "manual",
        });
        expect(response.status, `${role} ${format}`).toBe(200);
        expect(response.headers.get("content-disposition")).toMatch(/^attachment;/);
        const body = Buffer.from(await response.arrayBuffer());
        expect(body.subarray(0, format === "docx" ? 2 : 4).toString("latin1")).toBe(format === "docx" ? "PK" : "%PDF");
        if (format === "docx") {
          const text = (await mammoth.extractRawText({ buffer: body })).value;
          expect(text).toContain("Fassung Mai mit neuen Zielen");
          expect(text).not.toContain("Fassung März");
        }
      }
    }
    const outsider = await clients.memberB.get(`/networks/${netA.slug}/work-programmes/${wpA.id}/export/pdf?version=${namedA.id}`);
    expect(outsider.status).toBe(404);
  });

  it("shows an empty history with its note", async () => {
    const fresh = await buildWorkProgramme(server.services.db, netA.id, { title: "Fresh programme" });
    const response = await clients.memberA.get(historyPath(fresh));
    expect(response.status).toBe(200);
    expect(response.body).toContain(en.list.empty);
  });
});
