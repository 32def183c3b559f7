/**
 * Findings and recommendations citing documents of the commons library, over real HTTP on
 * SQLite and PostgreSQL: the forms offer live commons files only; the finding page, the
 * recommendation page and its DOCX export name and link a cited document (a shared copy with
 * the network that shared it); once the file leaves the library (trashed, inside a trashed
 * folder, purged, share withdrawn) the pages say "no longer in the library" without its name;
 * and a network library's file (its name carries a canary) is refused as a citation with a
 * translated message, and its name never reaches anyone.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestServer } from "#server/testing/use-test-server";
import type { TestClient, TestResponse } from "#server/testing/http-client";
import { loggedInUser } from "#server/testing/logged-in-user";
import { buildNetwork, buildRecommendation, findingInput, uniq } from "#server/testing/factories";
import { buildLibraryFile } from "#server/testing/library-files";
import { loadActor } from "#server/domain/auth/actor";
import { editFinding, postFinding } from "#server/domain/commons/findings";
import { setCitations } from "#server/domain/commons/recommendations";
import { CITABLE_LIBRARY_LIMIT, citableLibraryDocuments } from "#server/domain/commons/library-citations";
import { listCitations } from "#db/queries/recommendations";
import en from "../../../locales/en/commons.json";

const server = useTestServer();
const db = () => server.services.db;

type Person = Awaited<ReturnType<typeof loggedInUser>>;
let netA: Awaited<ReturnType<typeof buildNetwork>>;
let netB: Awaited<ReturnType<typeof buildNetwork>>;
let author: Person;
let memberB: Person;
let moderator: Person;
let observer: Person;
let dir = "";
/** Every response any test received: the canary must be in none of them. */
const seen: Array<{ where: string; body: string }> = [];

const NEW = "/network-of-networks/findings/new";
const findingPath = (id: string) => `/network-of-networks/findings/${id}`;
const recPath = (id: string) => `/network-of-networks/recommendations/${id}`;
const filePath = (id: string) => `/network-of-networks/library/files/${id}`;

async function get(person: Person, url: string): Promise<TestResponse> {
  const response = await person.client.get(url);
  seen.push({ where: `GET ${url}`, body: response.body });
  return response;
}

async function post(person: Person, url: string, fields: Record<string, string | string[]>): Promise<TestResponse> {
  const response = await person.client.post(url, fields);
  seen.push({ where: `POST ${url}`, body: response.body });
  return response;
}

/** The DOCX export's text (mammoth), as the test reads it. */
async function docxText(person: Person, recId: string): Promise<string> {
  const response = await fetch(new URL(`${recPath(recId)}/export/docx`, server.url), { headers: { "Accept-Language": "en", Cookie: person.client.cookieHeader() }, redirect: "manual" });
  expect(response.status).toBe(200);
  const file = path.join(dir, `${uniq("rec")}.docx`);
  fs.writeFileSync(file, Buffer.from(await response.arrayBuffer()));
  const text = (await mammoth.extractRawText({ path: file })).value;
  seen.push({ where: `DOCX ${recId}`, body: text });
  return text;
}

async function commonsFile(name: string, folderId: string | null = null) {
  const { fileId } = await buildLibraryFile(server.services, { networkId: null, userId: author.user.id, name, bytes: Buffer.from(`Inhalt von ${name}\n`), folderId });
  return fileId;
}

const findingFields = (overrides: Record<string, string | string[]> = {}) => ({
  networkId: netA.id,
  title: uniq("Erkenntnis mit Dokument"),
  body: "Die Vereinbarung hat geholfen.",
  actionAreas: ["cooperation"],
  country: "both",
  ...overrides,
});

async function postFindingViaForm(libraryDocuments: string[]) {
  const response = await post(author, NEW, findingFields({ libraryDocuments }));
  expect(response.status, response.body.slice(0, 300)).toBe(302);
  return response.location!.split("/").pop()!;
}

async function citeViaForm(recId: string, libraryDocuments: string[]) {
  return post(author, recPath(recId), { intent: "cite", findings: [], goodPractices: [], libraryDocuments });
}

const evidenceRows = (findingId: string) => db().selectFrom("finding_evidence").select(["kind", "target_id"]).where("finding_id", "=", findingId).orderBy("position").execute();
const countFindings = async () => Number((await db().selectFrom("findings").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
/** The checkbox of a library document in a form: "checked", "unchecked", or "absent" (React renders defaultChecked as checked=""). */
function checkbox(body: string, id: string): "checked" | "unchecked" | "absent" {
  const input = [...body.matchAll(/<input [^>]*>/g)].map((m) => m[0]).find((tag) => tag.includes('name="libraryDocuments"') && tag.includes(`value="${id}"`));
  return input === undefined ? "absent" : input.includes('checked=""') ? "checked" : "unchecked";
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ca-lib-cite-"));
  netA = await buildNetwork(db());
  netB = await buildNetwork(db());
  author = await loggedInUser(server, { memberships: [{ networkId: netA.id, role: "member" }] });
  memberB = await loggedInUser(server, { memberships: [{ networkId: netB.id, role: "member" }] });
  moderator = await loggedInUser(server, { platformRoles: ["moderator"] });
  observer = await loggedInUser(server, { platformRoles: ["observer"] });
});

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe(`citing documents of the commons library (${process.env.TEST_DATABASE})`, () => {
  it("offers commons documents in the finding form; the finding page names and links the cited one", async () => {
    const name = `${uniq("Kooperationsvereinbarung")}.txt`;
    const fileId = await commonsFile(name);

    const form = await get(author, NEW);
    expect(form.status).toBe(200);
    expect(form.body).toContain(en.libraryDocuments.legend);
    expect(form.body).toContain(name);
    expect(checkbox(form.body, fileId)).toBe("unchecked");

    const id = await postFindingViaForm([fileId]);
    expect(await evidenceRows(id)).toEqual([{ kind: "libraryDocument", target_id: fileId }]);
    for (const reader of [memberB, observer, moderator, author]) {
      const page = await get(reader, findingPath(id));
      expect(page.status).toBe(200);
      expect(page.body).toContain(`href="${filePath(fileId)}"`);
      expect(page.body).toContain(`>${name}</a>`);
      expect(page.body).toContain(`(<!-- -->${en.libraryDocuments.kind}<!-- -->)`);
      expect(page.body).not.toContain(en.libraryDocuments.gone);
    }
    // The edit form keeps it checked; saving without it drops it.
    const edit = await get(author, `${findingPath(id)}/edit`);
    expect(checkbox(edit.body, fileId)).toBe("checked");
    expect((await post(author, `${findingPath(id)}/edit`, findingFields({ libraryDocuments: [] }))).status).toBe(302);
    expect(await evidenceRows(id)).toEqual([]);
  });

  it("lets a recommendation cite a commons document: page and DOCX export name it", async () => {
    const name = `${uniq("Leitfaden Lernortkooperation")}.txt`;
    const fileId = await commonsFile(name);
    const rec = await buildRecommendation(db(), { stage: "draft" });

    const before = await get(author, recPath(rec.id));
    expect(before.body).toContain(en.libraryDocuments.legend);
    expect(checkbox(before.body, fileId)).toBe("unchecked");
    const cited = await citeViaForm(rec.id, [fileId]);
    expect(cited.status, cited.body.slice(0, 300)).toBe(200);
    expect(await listCitations(db(), rec.id)).toEqual([{ kind: "libraryDocument", target_id: fileId }]);

    for (const reader of [memberB, observer]) {
      const page = await get(reader, recPath(rec.id));
      expect(page.status).toBe(200);
      expect(page.body).toContain(`<a href="${filePath(fileId)}">${name}</a>`);
      expect(page.body).toContain(en.libraryDocuments.kindTag);
    }
    expect(checkbox((await get(author, recPath(rec.id))).body, fileId)).toBe("checked");
    expect(await docxText(memberB, rec.id)).toContain(name);
  });

  it("shows a shared copy with its network; after the share is withdrawn, no longer in the library and no name", async () => {
    const name = `${uniq("Pruefungsordnung")}.txt`;
    const own = await buildLibraryFile(server.services, { networkId: netA.id, userId: author.user.id, name, bytes: Buffer.from("Entwurf\n") });
    // The network's own library pages are not commons pages: their answers are not checked for the canary.
    const shared = await author.client.post(`/networks/${netA.slug}/library/files/${own.fileId}`, { intent: "share", versionId: own.versionId });
    expect(shared.status).toBe(200);
    const copy = await db().selectFrom("library_files").select("id").where("shared_from_file_id", "=", own.fileId).executeTakeFirstOrThrow();

    expect((await get(author, NEW)).body).toContain(`${name} (shared by ${netA.name})`);
    const findingId = await postFindingViaForm([copy.id]);
    const rec = await buildRecommendation(db(), { stage: "draft" });
    expect((await citeViaForm(rec.id, [copy.id])).status).toBe(200);
    expect((await get(memberB, findingPath(findingId))).body).toContain(`shared by ${netA.name}`);
    expect((await get(memberB, recPath(rec.id))).body).toContain(`shared by ${netA.name}`);

    expect((await author.client.post(`/networks/${netA.slug}/library/files/${own.fileId}`, { intent: "withdrawShare" })).status).toBe(200);
    for (const page of [await get(memberB, findingPath(findingId)), await get(memberB, recPath(rec.id))]) {
      expect(page.body).toContain(en.libraryDocuments.gone);
      expect(page.body).not.toContain(name);
      expect(page.body).not.toContain(filePath(copy.id));
    }
    expect(await docxText(memberB, rec.id)).not.toContain(name);
  });

  it("says 'no longer in the library' without the name once the file is trashed, in a trashed folder, or purged", async () => {
    const trashedName = `${uniq("Ausbildungsplan im Papierkorb")}.txt`;
    const purgedName = `${uniq("Geloeschtes Protokoll")}.txt`;
    const folderName = uniq("Ordner");
    const inFolderName = `${uniq("Datei im Ordner")}.txt`;
    const createdFolder = await post(moderator, "/network-of-networks/library", { intent: "createFolder", name: folderName, parentId: "" });
    expect(createdFolder.status).toBe(200);
    const folder = await db().selectFrom("library_folders").select("id").where("network_id", "is", null).where("name", "=", folderName).executeTakeFirstOrThrow();
    const trashed = await commonsFile(trashedName);
    const purged = await commonsFile(purgedName);
    const inFolder = await commonsFile(inFolderName, folder.id);
    const all = [trashed, purged, inFolder];
    const names = [trashedName, purgedName, inFolderName];

    const findingId = await postFindingViaForm(all);
    const rec = await buildRecommendation(db(), { stage: "draft" });
    expect((await citeViaForm(rec.id, all)).status).toBe(200);
    const page = await get(memberB, findingPath(findingId));
    for (const name of names) expect(page.body).toContain(name);

    expect((await post(moderator, "/network-of-networks/library", { intent: "trash", kind: "file", id: trashed })).status).toBe(200);
    expect((await post(moderator, "/network-of-networks/library", { intent: "trash", kind: "folder", id: folder.id })).status).toBe(200);
    await db().deleteFrom("library_files").where("id", "=", purged).execute();

    const after = await get(memberB, findingPath(findingId));
    expect(after.body.split(en.libraryDocuments.gone).length - 1).toBe(3);
    const recPage = await get(observer, recPath(rec.id));
    expect(recPage.body.split(en.libraryDocuments.gone).length - 1).toBe(3);
    const docx = await docxText(observer, rec.id);
    for (const [where, body] of [
      ["finding page", after.body],
      ["recommendation page", recPage.body],
      ["docx", docx],
    ] as const) {
      for (const name of names) expect(body, `${where}: ${name}`).not.toContain(name);
      for (const id of all) expect(body, `${where}: ${id}`).not.toContain(filePath(id));
    }
    // The forms no longer offer them; the finding's edit form keeps them checked, unnamed.
    const form = await get(author, NEW);
    for (const name of names) expect(form.body).not.toContain(name);
    const edit = await get(author, `${findingPath(findingId)}/edit`);
    for (const name of names) expect(edit.body).not.toContain(name);
    for (const id of all) expect(checkbox(edit.body, id)).toBe("checked");
    expect(edit.body).toContain(en.libraryDocuments.gone);
    // Saving them again is refused with the message; unticking them saves.
    const again = await post(author, `${findingPath(findingId)}/edit`, findingFields({ libraryDocuments: all }));
    expect(again.status).toBe(400);
    expect(again.body).toContain(en.findings.errors.libraryDocumentNotCitable);
    expect((await post(author, `${findingPath(findingId)}/edit`, findingFields({ libraryDocuments: [] }))).status).toBe(302);
  });

  it("refuses a network library's file (or an unknown id) as a citation, and never shows its name", async () => {
    const canaryName = `Vertraulich-${netA.canary}.txt`;
    const secret = await buildLibraryFile(server.services, { networkId: netA.id, userId: author.user.id, name: canaryName, bytes: Buffer.from(`Geheim ${netA.canary}\n`) });
    const findingsBefore = await countFindings();

    // Even the network's own member, who may read the file in the network's library.
    for (const [person, ids] of [
      [author, [secret.fileId]],
      [memberB, [secret.fileId]],
      [author, ["no-such-file"]],
    ] as const) {
      const response = await post(person, NEW, findingFields({ networkId: person === author ? netA.id : netB.id, libraryDocuments: [...ids] }));
      expect(response.status).toBe(400);
      expect(response.body).toContain(en.findings.errors.libraryDocumentNotCitable);
    }
    expect(await countFindings()).toBe(findingsBefore);

    // Editing: refused, the evidence stays as it was.
    const goodDoc = await commonsFile(`${uniq("Offenes Dokument")}.txt`);
    const findingId = await postFindingViaForm([goodDoc]);
    const edit = await post(author, `${findingPath(findingId)}/edit`, findingFields({ libraryDocuments: [goodDoc, secret.fileId] }));
    expect(edit.status).toBe(400);
    expect(edit.body).toContain(en.findings.errors.libraryDocumentNotCitable);
    expect(await evidenceRows(findingId)).toEqual([{ kind: "libraryDocument", target_id: goodDoc }]);

    // A recommendation's citations: refused, nothing changes.
    const rec = await buildRecommendation(db(), { stage: "draft" });
    expect((await citeViaForm(rec.id, [goodDoc])).status).toBe(200);
    const refused = await citeViaForm(rec.id, [secret.fileId]);
    expect(refused.status).toBe(400);
    expect(refused.body).toContain(en.libraryDocuments.errors.notCitable);
    expect(await listCitations(db(), rec.id)).toEqual([{ kind: "libraryDocument", target_id: goodDoc }]);

    // The domain functions refuse it themselves, whoever calls them.
    const actor = await loadActor(db(), author.user.id);
    expect(await postFinding(server.services, actor, findingInput(netA.id, { libraryDocuments: [secret.fileId] }))).toEqual({ ok: false, error: "libraryDocumentNotCitable" });
    expect(await editFinding(server.services, actor, findingId, findingInput(netA.id, { libraryDocuments: [secret.fileId] }))).toEqual({ ok: false, error: "libraryDocumentNotCitable" });
    expect(await setCitations(server.services, actor, rec.id, { findings: [], goodPractices: [], libraryDocuments: [secret.fileId] })).toEqual({ ok: false, error: "libraryDocumentNotCitable" });
    expect(await countFindings()).toBe(findingsBefore + 1);

    // Were such a row stored anyway (an old bug, a restored backup), it still shows no name.
    await db().insertInto("finding_evidence").values({ finding_id: findingId, position: 1, kind: "libraryDocument", target_id: secret.fileId, url: null, label: null }).execute();
    await db().insertInto("recommendation_citations").values({ recommendation_id: rec.id, position: 1, kind: "libraryDocument", target_id: secret.fileId }).execute();
    const page = await get(author, findingPath(findingId));
    expect(page.body).toContain(en.libraryDocuments.gone);
    expect((await get(memberB, recPath(rec.id))).body).toContain(en.libraryDocuments.gone);

    // Everyone, everywhere: forms, pages, exports.
    for (const person of [author, memberB, observer, moderator]) {
      await get(person, findingPath(findingId));
      await get(person, recPath(rec.id));
      await docxText(person, rec.id);
    }
    await get(author, NEW);
    await get(memberB, NEW);
    await get(author, `${findingPath(findingId)}/edit`);
    expect(seen.length).toBeGreaterThan(20);
    for (const { where, body } of seen) {
      expect(body, where).not.toContain(netA.canary);
      expect(body, where).not.toContain(canaryName);
    }
  });

  // Last: it fills the commons library with the most recently changed files.
  it("offers the 200 most recently changed live documents, sorted by name, says so, and keeps cited ones on offer", async () => {
    const older = await commonsFile(`${uniq("Aelteres Dokument")}.txt`);
    const later = "2999-01-01T00:00:00.000Z";
    const row = (name: string, deletedAt: string | null = null) => ({
      id: uniq("bulk"),
      network_id: null,
      folder_id: null,
      name,
      title: "",
      description: "",
      language: "other",
      tags: "[]",
      keywords: "",
      current_version_id: null,
      created_by: null,
      created_at: later,
      updated_by: null,
      updated_at: later,
      deleted_at: deletedAt,
      deleted_by: null,
      shared_from_file_id: null,
      shared_from_network_id: null,
      shared_version_number: null,
    });
    const bulk = Array.from({ length: 201 }, (_, i) => row(`Sammlung ${String(300 - i).padStart(3, "0")}.txt`));
    await db().insertInto("library_files").values([...bulk, row("Im Papierkorb.txt", later)]).execute();

    const actor = await loadActor(db(), author.user.id);
    const offer = await citableLibraryDocuments(server.services, actor);
    expect(offer.cappedAt).toBe(CITABLE_LIBRARY_LIMIT);
    expect(offer.items).toHaveLength(CITABLE_LIBRARY_LIMIT);
    expect(offer.items.every((d) => d.label.startsWith("Sammlung "))).toBe(true);
    expect(offer.items.map((d) => d.label)).toEqual(offer.items.map((d) => d.label).sort());
    // A document the finding already cites stays on offer although it is older.
    const withCited = await citableLibraryDocuments(server.services, actor, [older]);
    expect(withCited.items.map((d) => d.id)).toContain(older);

    const form = await get(author, NEW);
    expect(form.body).toContain(en.libraryDocuments.capped.replace("{{limit}}", String(CITABLE_LIBRARY_LIMIT)));
    expect(form.body).not.toContain("Im Papierkorb.txt");
    expect(form.body).not.toContain(older);
    const findingId = await postFindingViaForm([older]);
    expect(checkbox((await get(author, `${findingPath(findingId)}/edit`)).body, older)).toBe("checked");
  });
});
