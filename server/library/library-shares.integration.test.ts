/**
 * Sharing a network's file into the commons library and withdrawing it, on SQLite and
 * PostgreSQL over real HTTP: the commons shows the chosen version (same bytes, no copy, its
 * text searchable there), every network reads it, only the sharing network changes or
 * withdraws it, and after withdrawal the commons has nothing left of it while the network's
 * own file is untouched.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { useTestServer } from "#server/testing/use-test-server";
import { signedInClients } from "#server/testing/signed-in-clients";
import { TestClient } from "#server/testing/http-client";
import { buildNetwork, findingInput } from "#server/testing/factories";
import { downloadBytes, sha256, uploadToLibrary } from "#server/testing/library-uploads";
import { docxWithText } from "#server/library/testing/text-documents";
import { postFinding } from "#server/domain/commons/findings";
import { loadActor } from "#server/domain/auth/actor";

const server = useTestServer();

let netA: Awaited<ReturnType<typeof buildNetwork>>;
let netB: Awaited<ReturnType<typeof buildNetwork>>;
const clients = {} as Record<"memberA" | "coordinatorA" | "memberB" | "observer" | "moderator", TestClient>;

const COMMONS = "/network-of-networks/library";
const WORD = "Gesellenbriefverleihung";
const first = docxWithText([`Erster Entwurf: ${WORD} im Mai`]);
const second = docxWithText([`Zweiter Entwurf: ${WORD} im Juni`]);
let fileId = "";
let versionIds: string[] = [];

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
  const v1 = await uploadToLibrary(clients.memberA, server.url, first, { library: netA.id, name: "pruefungsordnung.docx" });
  if (!v1.ok) throw new Error("upload refused");
  const v2 = await uploadToLibrary(clients.memberA, server.url, second, { library: netA.id, name: "pruefungsordnung.docx", fileId: v1.fileId });
  if (!v2.ok) throw new Error("upload refused");
  fileId = v1.fileId;
  versionIds = [v1.versionId, v2.versionId];
  await server.server.textIndexer.idle();
});

const filePageA = () => `/networks/${netA.slug}/library/files/${fileId}`;

async function mirror() {
  return server.db().selectFrom("library_files").selectAll().where("shared_from_file_id", "=", fileId).executeTakeFirst();
}

async function commonsUsage(): Promise<string> {
  const page = await clients.moderator.get(COMMONS);
  return /<meter id="library-usage"[^>]*value="([^"]*)"/.exec(page.body)?.[1] ?? "";
}

describe("sharing a library file into the commons", () => {
  it("shares a chosen version: the commons shows its bytes and text to every network, without a copy", async () => {
    const usageBefore = await commonsUsage();
    expect(usageBefore).not.toBe("");
    const response = await clients.memberA.post(filePageA(), { intent: "share", versionId: versionIds[0]! });
    expect(response.status).toBe(200);
    expect(response.body).toContain("Version 1 is now shared in the network of networks.");
    const shared = await mirror();
    expect(shared).toMatchObject({ network_id: null, name: "pruefungsordnung.docx", shared_from_network_id: netA.id, shared_version_number: 1 });

    // Every network reads it in the commons: list, page (with whose it is), download of version 1's bytes.
    const list = await clients.memberB.get(COMMONS);
    expect(list.body).toContain(`/files/${shared!.id}`);
    expect(list.body).toContain(`Shared by ${netA.name}`);
    const page = await clients.memberB.get(`${COMMONS}/files/${shared!.id}`);
    expect(page.body).toContain(`Shared by the network ${netA.name} (its version 1)`);
    const version = await server.db().selectFrom("library_file_versions").selectAll().where("file_id", "=", shared!.id).executeTakeFirstOrThrow();
    const download = await downloadBytes(clients.memberB, server.url, `${COMMONS}/files/${shared!.id}/versions/${version.id}/download`);
    expect(sha256(download.bytes)).toBe(sha256(first));
    // The same blob: nothing copied, and the commons quota does not pay for the network's bytes.
    const original = await server.db().selectFrom("library_file_versions").select("blob_sha256").where("id", "=", versionIds[0]!).executeTakeFirstOrThrow();
    expect(version.blob_sha256).toBe(original.blob_sha256);
    expect(await commonsUsage()).toBe(usageBefore);

    // Its text is searchable in the commons at once (the blob was read when it was uploaded).
    const search = await clients.memberB.get(`${COMMONS}/search?q=${WORD}`);
    expect(search.body).toContain(`/files/${shared!.id}`);
    expect(search.body).toContain("im Mai");

    // The network's page says what is shared.
    const own = await clients.memberA.get(filePageA());
    expect(own.body).toContain("Version 1 is shared in the network of networks");
  });

  it("shares another version instead as a new version of the commons file, and ignores a repeat", async () => {
    const response = await clients.coordinatorA.post(filePageA(), { intent: "share", versionId: versionIds[1]! });
    expect(response.status).toBe(200);
    const shared = await mirror();
    expect(shared?.shared_version_number).toBe(2);
    const versions = await server.db().selectFrom("library_file_versions").select(["number", "blob_sha256"]).where("file_id", "=", shared!.id).orderBy("number").execute();
    expect(versions).toHaveLength(2);
    const download = await downloadBytes(clients.memberB, server.url, `${COMMONS}/files/${shared!.id}/versions/${shared!.current_version_id}/download`);
    expect(sha256(download.bytes)).toBe(sha256(second));
    // The same version again adds nothing.
    await clients.memberA.post(filePageA(), { intent: "share", versionId: versionIds[1]! });
    expect(await server.db().selectFrom("library_file_versions").select("id").where("file_id", "=", shared!.id).execute()).toHaveLength(2);
  });

  it("lets only the sharing network change or withdraw it; others read", async () => {
    const shared = (await mirror())!;
    const commonsFile = `${COMMONS}/files/${shared.id}`;
    // Another network cannot share A's file, nor withdraw it from the commons.
    expect((await clients.memberB.post(filePageA(), { intent: "share", versionId: versionIds[0]! })).status).toBe(404);
    expect((await clients.memberB.post(commonsFile, { intent: "withdrawShare" })).status).toBe(403);
    expect((await clients.observer.post(filePageA(), { intent: "share", versionId: versionIds[0]! })).status).toBe(403);
    expect((await clients.moderator.post(commonsFile, { intent: "withdrawShare" })).status).toBe(403);
    // … nor change its details, its current version, or upload a version into it.
    expect((await clients.memberB.post(commonsFile, { intent: "metadata", title: "Hijacked", language: "it", keywords: "" })).status).toBe(403);
    const restore = await clients.memberB.post(commonsFile, { intent: "restoreVersion", versionId: shared.current_version_id! });
    expect(restore.body).toContain("no longer available");
    const upload = await uploadToLibrary(clients.memberB, server.url, Buffer.from("other bytes"), { library: "commons", name: "x.docx", fileId: shared.id });
    expect(upload.ok).toBe(false);
    // The sharing network's people may edit its details in the commons.
    expect((await clients.memberA.post(commonsFile, { intent: "metadata", title: "Prüfungsordnung (Entwurf)", language: "de", keywords: "" })).status).toBe(200);
    expect((await mirror())?.title).toBe("Prüfungsordnung (Entwurf)");
    // A share id is not a file of network B.
    expect((await clients.memberB.post(`/networks/${netB.slug}/library/files/${fileId}`, { intent: "withdrawShare" })).status).toBe(404);
    expect(await mirror()).toBeDefined();
  });

  it("withdraws from the network's page: nothing of it stays in the commons, the network's file is untouched", async () => {
    const shared = (await mirror())!;
    const response = await clients.memberA.post(filePageA(), { intent: "withdrawShare" });
    expect(response.status).toBe(200);
    expect(response.body).toContain("The file was withdrawn from the network of networks.");
    expect(await mirror()).toBeUndefined();
    expect((await clients.memberB.get(`${COMMONS}/files/${shared.id}`)).status).toBe(404);
    expect((await clients.memberB.get(`${COMMONS}/files/${shared.id}/versions/${shared.current_version_id}/download`)).status).toBe(404);
    expect((await clients.memberB.get(`${COMMONS}/search?q=${WORD}`)).body).not.toContain(shared.id);
    expect((await clients.memberB.get(COMMONS)).body).not.toContain("pruefungsordnung.docx");
    // The network keeps both versions and their bytes.
    const own = await downloadBytes(clients.memberA, server.url, `${filePageA()}/versions/${versionIds[0]}/download`);
    expect(sha256(own.bytes)).toBe(sha256(first));
  });

  it("withdraws from the commons page too, back to the commons library with a notice", async () => {
    await clients.memberA.post(filePageA(), { intent: "share", versionId: versionIds[0]! });
    const shared = (await mirror())!;
    const response = await clients.coordinatorA.post(`${COMMONS}/files/${shared.id}`, { intent: "withdrawShare" });
    expect(response.status).toBe(302);
    expect(response.location).toBe(`${COMMONS}?withdrawn=1`);
    expect(await mirror()).toBeUndefined();
    expect((await clients.coordinatorA.get(`${COMMONS}?withdrawn=1`)).body).toContain("The file was withdrawn from the network of networks.");
  });

  it("turns a library document's address in a finding's discussion into a link to it, and nothing else", async () => {
    await clients.memberA.post(filePageA(), { intent: "share", versionId: versionIds[0]! });
    const shared = (await mirror())!;
    const author = await server.db().selectFrom("users").select("id").where("id", "=", shared.created_by!).executeTakeFirstOrThrow();
    const finding = await postFinding(server.services, await loadActor(server.db(), author.id), findingInput(netA.id, { title: "Prüfungen im Verbund", body: "Was wir gelernt haben." }));
    if (!finding.ok) throw new Error("finding not posted");
    const findingPage = `/network-of-networks/findings/${finding.id}`;
    const address = `${server.url}${COMMONS}/files/${shared.id}`;
    const comment = await clients.memberB.post(findingPage, { intent: "comment", body: `Siehe ${address} und https://example.org/${COMMONS}/x` });
    expect(comment.status).toBe(200);
    const page = await clients.observer.get(findingPage);
    expect(page.body).toContain(`<a class="library-link" data-discover="true" href="${COMMONS}/files/${shared.id}">${address}</a>`);
    // Another address stays text.
    expect(page.body).not.toContain('href="https://example.org');
    // The file page offers that address to paste.
    expect((await clients.memberB.get(`${COMMONS}/files/${shared.id}`)).body).toContain(`value="${address}"`);
  });
});
