/**
 * Issue 8, finding 3: a document nesting 8,000 paragraphs inside each other (stored before
 * the ingestion limit existed, or written straight into the database) is derived, exported,
 * versioned and restored like any other; and a document whose derivation fails is logged,
 * listed for admins until it derives again, and keeps nobody's automatic versions from
 * being made. Runs on SQLite and PostgreSQL.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import mammoth from "mammoth";
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestServer } from "#server/testing/use-test-server";
import { loggedInUser } from "#server/testing/logged-in-user";
import { buildNetwork, buildWorkProgramme, uniq } from "#server/testing/factories";
import { eventually } from "#server/testing/collab-client";
import { findDerived, upsertSnapshot } from "#db/queries/collab";
import { insertVersion, listVersions } from "#db/queries/versions";
import { MAX_DOCUMENT_DEPTH } from "#shared/collab/limits";
import { CONTENT_FIELD } from "#shared/collab/work-programme-doc";
import { nowIso } from "#shared/time";
import type { DocumentType, DocumentTypes } from "#server/documents/document-type";
import { workProgrammeDocumentType } from "../domain/work-programmes/document-type";
import { WORK_PROGRAMME_DOC_TYPE } from "#shared/collab/doc-names";
import { deriveContent } from "./derive";
import { noteDerivationFailed, noteDerivationSucceeded } from "./derivation-health";
import enAdmin from "../../locales/en/admin.json";
import enHistory from "../../locales/en/history.json";

const LEVELS = 8000;
const INNERMOST = "Kanarienvogel im innersten Absatz";

/** Work programmes whose projection (afterDerive) fails: a derivation failure other than depth. */
const failingProjection = new Set<string>();
const workProgrammes: DocumentType = {
  ...workProgrammeDocumentType,
  async afterDerive(services, id, doc) {
    if (failingProjection.has(id)) throw new Error(`projection of ${id} exploded`);
    await workProgrammeDocumentType.afterDerive?.(services, id, doc);
  },
};
const documentTypes: DocumentTypes = new Map([[WORK_PROGRAMME_DOC_TYPE, workProgrammes]]);
// A variable, not a literal: the test server's option type does not list documentTypes, createPlatformServer takes it.
const collab = { idleAfterMs: 200, documentTypes };
const server = useTestServer({ collab });

let dir: string;
let network: Awaited<ReturnType<typeof buildNetwork>>;
let member: Awaited<ReturnType<typeof loggedInUser>>;
let admin: Awaited<ReturnType<typeof loggedInUser>>;
let deep: { id: string; docName: string };
let other: { id: string; docName: string };
let deepState: Uint8Array;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ca-deep-"));
  const db = server.db();
  network = await buildNetwork(db);
  member = await loggedInUser(server, { memberships: [{ networkId: network.id, role: "member" }] });
  admin = await loggedInUser(server, { platformRoles: ["admin"] });
  deep = await buildWorkProgramme(db, network.id, { title: uniq("Tief verschachtelt") });
  other = await buildWorkProgramme(db, network.id, { title: uniq("Ganz normal") });

  // Built in a fresh Y.Doc and stored as the document's snapshot: what an old database holds.
  const doc = new Y.Doc();
  doc.transact(() => {
    let parent: Y.XmlFragment | Y.XmlElement = doc.getXmlFragment(CONTENT_FIELD);
    for (let level = 1; level <= LEVELS; level++) {
      const paragraph = new Y.XmlElement("paragraph");
      parent.insert(0, [paragraph]);
      paragraph.insert(0, [new Y.XmlText(level === LEVELS ? INNERMOST : `Ebene ${level}`)]);
      parent = paragraph;
    }
  });
  deepState = Y.encodeStateAsUpdate(doc);
  await upsertSnapshot(db, deep.docName, deepState, nowIso());
  doc.destroy();

  // A change to each, as an editor makes it: the rooms derive, go idle and make automatic versions.
  await server.server.collab.change(deep.docName, member.user.id, (d) => appendParagraph(d, "Nachtrag oben"));
  await server.server.collab.change(other.docName, member.user.id, (d) => appendParagraph(d, "Ein ganz normaler Text"));
});

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function appendParagraph(doc: Y.Doc, text: string) {
  const fragment = doc.getXmlFragment(CONTENT_FIELD);
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  fragment.insert(fragment.length, [paragraph]);
}

async function download(urlPath: string) {
  const response = await fetch(new URL(urlPath, server.url), { headers: { "Accept-Language": "en", Cookie: member.client.cookieHeader() }, redirect: "manual" });
  return { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
}

/** Levels of a Y.XmlFragment as the ingestion check counts them (texts too), with a loop: toJSON would overflow. */
function depthOf(fragment: Y.XmlFragment): number {
  let max = 0;
  const stack: Array<[Y.XmlElement | Y.XmlText, number]> = [];
  for (const child of fragment.toArray()) if (child instanceof Y.XmlElement || child instanceof Y.XmlText) stack.push([child, 1]);
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    max = Math.max(max, depth);
    if (node instanceof Y.XmlElement) for (const child of node.toArray()) if (child instanceof Y.XmlElement || child instanceof Y.XmlText) stack.push([child, depth + 1]);
  }
  return max;
}

const wpPath = (wp: { id: string }) => `/networks/${network.slug}/work-programmes/${wp.id}`;

describe(`a document nested 8,000 levels deep (${process.env.TEST_DATABASE})`, () => {
  it("is derived: stored text and JSON hold the innermost words", async () => {
    await eventually(async () => ((await findDerived(server.db(), deep.docName))?.text ?? "").includes(INNERMOST), 10_000, "derived text of the deep document");
    const derived = (await findDerived(server.db(), deep.docName))!;
    expect(derived.text).toContain("Ebene 1");
    expect(derived.text).toContain("Nachtrag oben");
    expect(derived.json).toContain(INNERMOST);
    expect(() => JSON.parse(derived.json)).not.toThrow();
  });

  it("exports as DOCX and PDF (200), with its words in the DOCX", async () => {
    const docx = await download(`${wpPath(deep)}/export/docx`);
    expect(docx.status).toBe(200);
    const file = path.join(dir, `deep-${crypto.randomBytes(4).toString("hex")}.docx`);
    fs.writeFileSync(file, docx.body);
    const text = (await mammoth.extractRawText({ path: file })).value;
    expect(text).toContain(INNERMOST);
    expect(text).toContain("Ebene 1");
    const pdf = await download(`${wpPath(deep)}/export/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.body.subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("gets an automatic version, and so does another document", async () => {
    await eventually(async () => (await listVersions(server.db(), deep.docName)).length > 0, 10_000, "automatic version of the deep document");
    await eventually(async () => (await listVersions(server.db(), other.docName)).length > 0, 10_000, "automatic version of the other document");
    const [version] = await listVersions(server.db(), deep.docName);
    expect(version!.kind).toBe("auto");
    // The version's page and its downloads work too.
    const page = await member.client.get(`${wpPath(deep)}/history/${version!.id}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain(INNERMOST);
    expect((await download(`${wpPath(deep)}/export/docx?version=${version!.id}`)).status).toBe(200);
    expect((await download(`${wpPath(deep)}/export/pdf?version=${version!.id}`)).status).toBe(200);
  });

  it("refuses a restore over it with a translated message, changing nothing (deleting it would overflow Yjs)", async () => {
    const before = await listVersions(server.db(), deep.docName);
    const response = await member.client.post(`${wpPath(deep)}/history/${before.at(-1)!.id}`, { intent: "restore" });
    expect(response.status).toBe(409);
    expect(response.body).toContain(enHistory.restore.tooDeep);
    expect(await listVersions(server.db(), deep.docName)).toHaveLength(before.length);
    const live = await server.server.collab.read(deep.docName);
    try {
      expect(depthOf(live.getXmlFragment(CONTENT_FIELD))).toBe(LEVELS + 1);
    } finally {
      live.destroy();
    }
  });

  it("restores it as a version into a document of normal depth: up to the editor's limit, with every word", async () => {
    // A version written straight into the database, of a programme whose text is normal now.
    const wp = await buildWorkProgramme(server.db(), network.id, { title: uniq("Flach jetzt") });
    await server.server.collab.change(wp.docName, member.user.id, (d) => appendParagraph(d, "Heute flach"));
    const versionId = crypto.randomUUID();
    await insertVersion(server.db(), {
      id: versionId,
      doc_name: wp.docName,
      network_id: network.id,
      kind: "auto",
      name: null,
      created_by: null,
      created_at: nowIso(),
      state: deepState,
      text: "",
      contributors: "[]",
      restored_from: null,
    });
    const response = await member.client.post(`${wpPath(wp)}/history/${versionId}`, { intent: "restore" });
    expect(response.status).toBe(302);
    const live = await server.server.collab.read(wp.docName);
    try {
      expect(depthOf(live.getXmlFragment(CONTENT_FIELD))).toBe(MAX_DOCUMENT_DEPTH);
      expect(deriveContent(live).text).toContain(INNERMOST);
      expect(deriveContent(live).text).not.toContain("Heute flach");
    } finally {
      live.destroy();
    }
    // What was stored loads again from the database, and compacts.
    await eventually(() => !server.server.collab.rooms.has(wp.docName), 10_000, "the room unloaded");
    const stored = await server.server.collab.read(wp.docName);
    try {
      expect(depthOf(stored.getXmlFragment(CONTENT_FIELD))).toBe(MAX_DOCUMENT_DEPTH);
    } finally {
      stored.destroy();
    }
    await server.server.collab.store.compact(wp.docName);
  });
});

describe(`documents with problems (${process.env.TEST_DATABASE})`, () => {
  const problemRows = (body: string) => [...body.matchAll(/data-doc-name="([^"]+)"/g)].map((m) => m[1]);

  it("lists a recorded failure with title, error and time for admins, and not once it is cleared", async () => {
    const wp = await buildWorkProgramme(server.db(), network.id, { title: uniq("Problemfall") });
    const unknown = `mystery.${crypto.randomUUID()}`;
    await noteDerivationFailed(server.services, wp.docName, new RangeError("Maximum call stack size exceeded"));
    await noteDerivationFailed(server.services, unknown, "not an error object");
    const page = await admin.client.get("/admin/documents");
    expect(page.status).toBe(200);
    expect(page.body).toContain(enAdmin.documents.title);
    expect(problemRows(page.body)).toEqual(expect.arrayContaining([wp.docName, unknown]));
    const row = page.body.slice(page.body.indexOf(`data-doc-name="${wp.docName}"`)).split("</tr>")[0]!;
    expect(row).toContain(`href="${wpPath(wp)}"`);
    expect(row).toContain("RangeError: Maximum call stack size exceeded");
    // A short message for the page; the stack only goes to the log.
    expect(row).not.toContain("deep-documents.integration.test");
    expect(row).toMatch(/\d{4}|\d{1,2}:\d{2}/);
    expect(page.body).toContain(enAdmin.documents.unknownDocument);

    await noteDerivationSucceeded(server.services, wp.docName);
    await noteDerivationSucceeded(server.services, unknown);
    const after = await admin.client.get("/admin/documents");
    expect(problemRows(after.body)).not.toContain(wp.docName);
    expect(problemRows(after.body)).not.toContain(unknown);
  });

  it("lists a document whose derivation fails, keeps making versions, and drops it once derivation succeeds", async () => {
    const failing = await buildWorkProgramme(server.db(), network.id, { title: uniq("Projektion kaputt") });
    const healthy = await buildWorkProgramme(server.db(), network.id, { title: uniq("Gesund") });
    failingProjection.add(failing.id);
    await server.server.collab.change(failing.docName, member.user.id, (d) => appendParagraph(d, "Text trotz Fehler"));
    await server.server.collab.change(healthy.docName, member.user.id, (d) => appendParagraph(d, "Gesunder Text"));

    await eventually(async () => problemRows((await admin.client.get("/admin/documents")).body).includes(failing.docName), 10_000, "the failing document on the admin page");
    const page = await admin.client.get("/admin/documents");
    expect(page.body).toContain(`projection of ${failing.id} exploded`);
    expect(problemRows(page.body)).not.toContain(healthy.docName);
    // Versions of both documents are made all the same.
    await eventually(async () => (await listVersions(server.db(), failing.docName)).length > 0, 10_000, "automatic version of the failing document");
    await eventually(async () => (await listVersions(server.db(), healthy.docName)).length > 0, 10_000, "automatic version of the healthy document");

    failingProjection.delete(failing.id);
    await server.server.collab.change(failing.docName, member.user.id, (d) => appendParagraph(d, "Jetzt klappt es"));
    await eventually(async () => !problemRows((await admin.client.get("/admin/documents")).body).includes(failing.docName), 10_000, "the failing document gone from the admin page");
  });

  it("says so when no document has problems, and only admins see the page", async () => {
    // Earlier tests cleared their failures; the deep document derives without one.
    const page = await admin.client.get("/admin/documents");
    expect(problemRows(page.body)).toEqual([]);
    expect(page.body).toContain(enAdmin.documents.empty);
    expect((await member.client.get("/admin/documents")).status).toBe(403);
  });
});
