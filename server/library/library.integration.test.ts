/**
 * The document library over real HTTP, on SQLite and PostgreSQL: resumable uploads with
 * the real tus client through a connection that is cut mid-upload (the stored file is
 * byte-identical), versions (list, download, restore), folders and moves, the trash, size
 * and quota refused before any byte is stored, and outsiders who learn nothing.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestServer } from "#server/testing/use-test-server";
import { signedInClients } from "#server/testing/signed-in-clients";
import { TestClient } from "#server/testing/http-client";
import { buildNetwork, buildUser } from "#server/testing/factories";
import { cuttingProxy, downloadBytes, randomBytes, sha256, uploadToLibrary } from "#server/testing/library-uploads";

const MiB = 1024 * 1024;
const server = useTestServer({ config: { uploadMaxBytes: 24 * MiB, libraryQuotaBytes: 64 * MiB } });

let netA: Awaited<ReturnType<typeof buildNetwork>>;
let netB: Awaited<ReturnType<typeof buildNetwork>>;
const clients = {} as Record<"memberA" | "coordinatorA" | "memberB" | "observer" | "moderator", TestClient>;

beforeAll(async () => {
  const db = server.db();
  netA = await buildNetwork(db);
  netB = await buildNetwork(db);
  const specs = {
    memberA: { memberships: [{ networkId: netA.id, role: "member" as const }] },
    coordinatorA: { memberships: [{ networkId: netA.id, role: "coordinator" as const }] },
    memberB: { memberships: [{ networkId: netB.id, role: "member" as const }] },
    observer: { platformRoles: ["observer" as const] },
    moderator: { platformRoles: ["moderator" as const] },
  };
  Object.assign(clients, await signedInClients(server, specs));
});

const libraryA = () => `/networks/${netA.slug}/library`;
const filePathA = (fileId: string) => `${libraryA()}/files/${fileId}`;
const versionPathA = (fileId: string, versionId: string, mode: "download" | "view" = "download") => `${filePathA(fileId)}/versions/${versionId}/${mode}`;

async function upload(role: keyof typeof clients, data: Buffer, options: { name: string; folderId?: string; fileId?: string; note?: string; library?: string }) {
  const result = await uploadToLibrary(clients[role], server.url, data, { library: options.library ?? netA.id, ...options });
  return result;
}

async function uploaded(role: keyof typeof clients, data: Buffer, options: { name: string; folderId?: string; fileId?: string; note?: string }) {
  const result = await upload(role, data, options);
  if (!result.ok) throw new Error(`upload refused: ${result.status} ${result.body}`);
  return result;
}

async function createFolder(name: string, parentId = "") {
  const response = await clients.memberA.post(libraryA(), { intent: "createFolder", name, parentId });
  expect(response.status).toBe(200);
  const rows = await server.db().selectFrom("library_folders").select(["id", "name"]).where("network_id", "=", netA.id).where("name", "=", name).execute();
  return rows[rows.length - 1]!.id;
}

async function uploadDirEntries(): Promise<string[]> {
  return fs.readdir(server.services.library.uploadDir).catch(() => []);
}

describe(`library uploads (${process.env.TEST_DATABASE})`, () => {
  it("resumes an upload after the connection is cut and stores a byte-identical file", async () => {
    const data = randomBytes(6 * MiB + 12345);
    const proxy = await cuttingProxy(server.url, 2 * MiB);
    try {
      const result = await uploadToLibrary(clients.memberA, server.url, data, { library: netA.id, name: "Ausbildungsordnung.pdf", via: proxy.url });
      expect(proxy.cuts(), "the proxy really cut the connection once").toBe(1);
      expect(result.ok, JSON.stringify(result)).toBe(true);
      if (!result.ok) return;
      const download = await downloadBytes(clients.memberA, server.url, versionPathA(result.fileId, result.versionId));
      expect(download.status).toBe(200);
      expect(download.bytes.length).toBe(data.length);
      expect(sha256(download.bytes)).toBe(sha256(data));
      // After the cut the client asked for the offset and went on from there: starting again
      // from zero would have sent the 2 MiB before the cut twice.
      expect(proxy.forwarded()).toBeLessThan(data.length + MiB);
      const stored = await server.db().selectFrom("library_file_versions").select("size").where("id", "=", result.versionId).executeTakeFirstOrThrow();
      expect(Number(stored.size)).toBe(data.length);
    } finally {
      await proxy.close();
    }
  });

  it("lists a new file with its sniffed type, size and uploader, and shows no half file while bytes travel", async () => {
    const before = await server.db().selectFrom("library_files").select("id").where("network_id", "=", netA.id).execute();
    const data = Buffer.from("Lernfeld 1: Betriebliche Abläufe\n");
    const result = await uploaded("memberA", data, { name: "lernfelder.txt" });
    const page = await clients.memberA.get(libraryA());
    expect(page.status).toBe(200);
    expect(page.body).toContain("lernfelder.txt");
    const after = await server.db().selectFrom("library_files").select("id").where("network_id", "=", netA.id).execute();
    expect(after.length).toBe(before.length + 1);
    const view = await downloadBytes(clients.memberA, server.url, versionPathA(result.fileId, result.versionId, "view"));
    expect(view.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(view.headers.get("content-disposition")).toMatch(/^inline;/);
    expect(view.headers.get("content-security-policy")).toMatch(/^sandbox/);
    expect(view.headers.get("x-content-type-options")).toBe("nosniff");
    expect(view.bytes.toString()).toBe(data.toString());
  });

  it("keeps every version: upload a new one, download any, make an older one current again", async () => {
    const v1 = Buffer.from("Version eins\n");
    const v2 = Buffer.from("Version zwei, überarbeitet\n");
    const first = await uploaded("memberA", v1, { name: "curriculum.txt" });
    const second = await uploaded("memberA", v2, { name: "curriculum-neu.txt", fileId: first.fileId, note: "Nach dem Workshop" });
    expect(second.fileId).toBe(first.fileId);

    let page = await clients.memberA.get(filePathA(first.fileId));
    expect(page.status).toBe(200);
    expect(page.body).toContain("Nach dem Workshop");
    expect((await downloadBytes(clients.memberA, server.url, versionPathA(first.fileId, first.versionId))).bytes.equals(v1)).toBe(true);
    expect((await downloadBytes(clients.memberA, server.url, versionPathA(first.fileId, second.versionId))).bytes.equals(v2)).toBe(true);

    const restored = await clients.memberA.post(filePathA(first.fileId), { intent: "restoreVersion", versionId: first.versionId });
    expect(restored.status).toBe(200);
    const versions = await server.db().selectFrom("library_file_versions").selectAll().where("file_id", "=", first.fileId).orderBy("number").execute();
    expect(versions.map((v) => v.number)).toEqual([1, 2, 3]);
    expect(versions[2]!.restored_from).toBe(first.versionId);
    expect(versions[2]!.blob_sha256).toBe(versions[0]!.blob_sha256);
    const file = await server.db().selectFrom("library_files").selectAll().where("id", "=", first.fileId).executeTakeFirstOrThrow();
    expect(file.current_version_id).toBe(versions[2]!.id);
    expect((await downloadBytes(clients.memberA, server.url, versionPathA(first.fileId, versions[2]!.id))).bytes.equals(v1)).toBe(true);
    page = await clients.memberA.get(filePathA(first.fileId));
    expect(page.body).toContain("restored from version 1");
  });

  it("moves files and folders across folders and never puts a folder inside itself", async () => {
    const reports = await createFolder("Berichte");
    const archive = await createFolder("Archiv");
    const inner = await createFolder("2026", reports);
    const file = await uploaded("memberA", Buffer.from("Bericht"), { name: "bericht.txt", folderId: reports });
    expect((await clients.memberA.get(`${libraryA()}?folder=${reports}`)).body).toContain("bericht.txt");

    const moved = await clients.memberA.post(libraryA(), { intent: "move", kind: "file", id: file.fileId, targetFolderId: archive });
    expect(moved.status).toBe(200);
    expect((await clients.memberA.get(`${libraryA()}?folder=${reports}`)).body).not.toContain("bericht.txt");
    expect((await clients.memberA.get(`${libraryA()}?folder=${archive}`)).body).toContain("bericht.txt");

    const intoItself = await clients.memberA.post(libraryA(), { intent: "move", kind: "folder", id: reports, targetFolderId: inner });
    expect(intoItself.status).toBe(400);
    expect(intoItself.body).toContain("no longer available");
    const folderMoved = await clients.memberA.post(libraryA(), { intent: "move", kind: "folder", id: inner, targetFolderId: archive });
    expect(folderMoved.status).toBe(200);
    const page = await clients.memberA.get(`${libraryA()}?folder=${inner}`);
    expect(page.body).toContain("Archiv");
  });

  it("trashes and restores files and folders; a coordinator empties the trash and orphaned bytes leave the disk", async () => {
    const folder = await createFolder("Fotos Studienreise");
    const photo = await uploaded("memberA", randomBytes(2048), { name: "foto-bologna.bin", folderId: folder });
    const loose = await uploaded("memberA", randomBytes(4096), { name: "loose-file.bin" });

    expect((await clients.memberA.post(libraryA(), { intent: "trash", kind: "folder", id: folder })).status).toBe(200);
    expect((await clients.memberA.get(libraryA())).body).not.toContain("Fotos Studienreise");
    expect((await downloadBytes(clients.memberA, server.url, versionPathA(photo.fileId, photo.versionId))).status).toBe(404);
    const trash = await clients.memberA.get(`${libraryA()}/trash`);
    expect(trash.body).toContain("Fotos Studienreise");
    // Inside a trashed folder, files come back with it and are not listed on their own.
    expect(trash.body).not.toContain("foto-bologna.bin");

    expect((await clients.memberA.post(`${libraryA()}/trash`, { intent: "restore", kind: "folder", id: folder })).status).toBe(200);
    expect((await clients.memberA.get(`${libraryA()}?folder=${folder}`)).body).toContain("foto-bologna.bin");

    expect((await clients.memberA.post(libraryA(), { intent: "trash", kind: "file", id: loose.fileId })).status).toBe(200);
    const blobPath = server.services.library.blobs.localPath(await blobOf(loose.versionId));
    expect(blobPath).not.toBeNull();
    await expect(fs.stat(blobPath!)).resolves.toBeTruthy();
    expect((await clients.memberA.post(`${libraryA()}/trash`, { intent: "empty" })).status).toBe(403);
    expect((await clients.coordinatorA.post(`${libraryA()}/trash`, { intent: "empty" })).status).toBe(200);
    await expect(fs.stat(blobPath!)).rejects.toThrow();
    expect(await server.db().selectFrom("library_files").select("id").where("id", "=", loose.fileId).executeTakeFirst()).toBeUndefined();
  });

  it("stores an identical file once (content-addressed)", async () => {
    const data = randomBytes(10_000);
    const a = await uploaded("memberA", data, { name: "copy-1.bin" });
    const b = await uploaded("memberA", data, { name: "copy-2.bin" });
    expect(a.fileId).not.toBe(b.fileId);
    expect(await blobOf(a.versionId)).toBe(await blobOf(b.versionId));
  });

  it("refuses a file above the size limit and one beyond the quota before storing any byte, with a translated message", async () => {
    const entriesBefore = await uploadDirEntries();
    const tooLarge = await upload("memberA", randomBytes(25 * MiB), { name: "film.mp4" });
    expect(tooLarge.ok).toBe(false);
    if (!tooLarge.ok) {
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.body).toContain("larger than");
    }
    // Fill the quota close to its end, then ask for more than is left.
    await uploaded("memberA", randomBytes(20 * MiB), { name: "big-1.bin" });
    await uploaded("memberA", randomBytes(20 * MiB), { name: "big-2.bin" });
    const beyond = await upload("memberA", randomBytes(20 * MiB), { name: "big-3.bin" });
    expect(beyond.ok).toBe(false);
    if (!beyond.ok) {
      expect(beyond.status).toBe(413);
      expect(beyond.body).toContain("no room left");
    }
    // Refused uploads left nothing in the upload directory (the finished ones were moved out).
    expect(await uploadDirEntries()).toEqual(entriesBefore);
    const german = new TestClient(server.url);
    const user = await buildUser(server.db(), { memberships: [{ networkId: netA.id, role: "member" }], locale: "de" });
    await german.login(user.email, user.password);
    const refusedDe = await uploadToLibrary(german, server.url, randomBytes(20 * MiB), { library: netA.id, name: "gross.bin" });
    expect(refusedDe.ok || refusedDe.body).toContain("kein Platz");
  });

  it("lets outsiders learn nothing: uploads, pages and downloads of A answer 404 to members of B and to moderators", async () => {
    const secret = await uploaded("memberA", Buffer.from(`secret ${netA.canary}`), { name: `protokoll-${netA.canary}.txt` });
    for (const role of ["memberB", "moderator"] as const) {
      const refused = await upload(role, Buffer.from("intrusion"), { name: "x.txt" });
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(refused.status).toBe(404);
      for (const path of [libraryA(), filePathA(secret.fileId), `${libraryA()}/trash`, versionPathA(secret.fileId, secret.versionId), versionPathA(secret.fileId, secret.versionId, "view")]) {
        const response = await clients[role].get(path);
        expect(response.status, `${role} GET ${path}`).toBe(404);
        expect(response.body).not.toContain(netA.canary);
      }
    }
    // Observers read A's library but add nothing to it.
    expect((await clients.observer.get(filePathA(secret.fileId))).status).toBe(200);
    const observerUpload = await upload("observer", Buffer.from("x"), { name: "x.txt" });
    expect(observerUpload.ok).toBe(false);
    if (!observerUpload.ok) expect(observerUpload.status).toBe(403);
    // The file of A is not reachable under B's address either.
    expect((await clients.memberB.get(`/networks/${netB.slug}/library/files/${secret.fileId}`)).status).toBe(404);
  });

  it("lets only the starter continue or inspect an upload", async () => {
    const create = await fetch(`${server.url}/uploads`, {
      method: "POST",
      headers: {
        Cookie: clients.memberA.cookieHeader(),
        "X-CSRF-Token": clients.memberA.cookie("ca_csrf") ?? "",
        Origin: server.url,
        "Tus-Resumable": "1.0.0",
        "Upload-Length": "10",
        "Upload-Metadata": `filename ${Buffer.from("a.txt").toString("base64")},library ${Buffer.from(netA.id).toString("base64")}`,
      },
    });
    expect(create.status).toBe(201);
    const location = create.headers.get("location")!;
    const head = (client: TestClient) =>
      fetch(new URL(location, server.url), {
        method: "HEAD",
        headers: { Cookie: client.cookieHeader(), "X-CSRF-Token": client.cookie("ca_csrf") ?? "", Origin: server.url, "Tus-Resumable": "1.0.0" },
      });
    expect((await head(clients.memberA)).status).toBe(200);
    await clients.coordinatorA.get("/dashboard");
    expect((await head(clients.coordinatorA)).status).toBe(404);
    // Without the page's CSRF token, even the starter is refused.
    const noToken = await fetch(new URL(location, server.url), { method: "HEAD", headers: { Cookie: clients.memberA.cookieHeader(), Origin: server.url, "Tus-Resumable": "1.0.0" } });
    expect(noToken.status).toBe(403);
  });

  it("stores hostile names as display names only and sends them back safely", async () => {
    const result = await uploaded("memberA", Buffer.from("hello"), { name: "../../etc/passwd" });
    const file = await server.db().selectFrom("library_files").select("name").where("id", "=", result.fileId).executeTakeFirstOrThrow();
    expect(file.name).not.toContain("/");
    expect(file.name).toContain("passwd");
    const rtl = await uploaded("memberA", Buffer.from("x"), { name: "rechnung\u202Efdp.exe" });
    const rtlFile = await server.db().selectFrom("library_files").select("name").where("id", "=", rtl.fileId).executeTakeFirstOrThrow();
    expect(rtlFile.name).not.toContain("\u202E");
    const download = await downloadBytes(clients.memberA, server.url, versionPathA(result.fileId, result.versionId));
    expect(download.headers.get("content-disposition")).toMatch(/^attachment; filename="[^"/\\]*"; filename\*=UTF-8''/);
    // Nothing was written outside the data directory's library folders.
    const dataDir = server.services.config.dataDir;
    expect(await fs.readdir(dataDir)).toEqual(["library"]);
    expect((await fs.readdir(path.join(dataDir, "library"))).sort()).toEqual(["blobs", "uploads"]);
  });
});

async function blobOf(versionId: string): Promise<string> {
  const row = await server.db().selectFrom("library_file_versions").select("blob_sha256").where("id", "=", versionId).executeTakeFirstOrThrow();
  return row.blob_sha256;
}
