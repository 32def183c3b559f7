/**
 * Search inside the library on SQLite and PostgreSQL, through real uploads and the real text
 * indexer: a word that exists only inside an uploaded PDF (read by pdftotext) and one only
 * inside a DOCX are found with their passage; the same words in another network's files never
 * show, nor do trashed files, files in trashed folders or words of a replaced version; a hostile
 * file ends as "unreadable" while the server keeps answering.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { useTestServer } from "#server/testing/use-test-server";
import { signedInClients } from "#server/testing/signed-in-clients";
import { TestClient } from "#server/testing/http-client";
import { buildNetwork } from "#server/testing/factories";
import { uploadToLibrary } from "#server/testing/library-uploads";
import { docxWithText, minimalPdf, odtWithText } from "#server/library/testing/text-documents";

const server = useTestServer();

let netA: Awaited<ReturnType<typeof buildNetwork>>;
let netB: Awaited<ReturnType<typeof buildNetwork>>;
const clients = {} as Record<"memberA" | "memberB" | "outsider" | "moderator", TestClient>;

// Words found nowhere else: each test asserts exactly where they appear.
const PDF_WORD = "Zwetschgendatschi";
const DOCX_WORD = "Quarzsandstrahlkabine";
const ODT_WORD = "Fischbrötchenautomat";
const SHARED_WORD = "Lernortkooperationsvertrag";

beforeAll(async () => {
  const db = server.db();
  netA = await buildNetwork(db);
  netB = await buildNetwork(db);
  const specs = {
    memberA: { memberships: [{ networkId: netA.id, role: "member" as const }] },
    memberB: { memberships: [{ networkId: netB.id, role: "member" as const }] },
    outsider: {},
    moderator: { platformRoles: ["moderator" as const] },
  };
  Object.assign(clients, await signedInClients(server, specs));
});

async function upload(role: keyof typeof clients, library: string, data: Buffer | string, name: string, extra: { fileId?: string; folderId?: string } = {}) {
  const result = await uploadToLibrary(clients[role], server.url, Buffer.from(data), { library, name, ...extra });
  if (!result.ok) throw new Error(`upload refused: ${result.status} ${result.body}`);
  return result;
}

const searchPath = (slug: string, q: string) => `/networks/${slug}/library/search?q=${encodeURIComponent(q)}`;

/** The result names and passages a search page lists, read from its HTML. */
async function search(role: keyof typeof clients, path: string) {
  const response = await clients[role].get(path);
  const names = [...response.body.matchAll(/<h2 class="library-result__name"><a [^>]*href="[^"]*\/files\/([^"]+)">([^<]*)<\/a>/g)].map((m) => ({ id: m[1]!, name: m[2]! }));
  const passages = [...response.body.matchAll(/<blockquote class="library-result__passage"[^>]*>(.*?)<\/blockquote>/gs)].map((m) => m[1]!.replace(/<\/?span>/g, ""));
  return { status: response.status, body: response.body, names, passages };
}

describe("search inside the library", () => {
  it("finds a word that appears only inside a PDF and one only inside a DOCX, with the passage", async () => {
    const pdf = await upload("memberA", netA.id, minimalPdf(`Rezept ${PDF_WORD} mit Hefeteig`), "rezept.pdf");
    const docx = await upload("memberA", netA.id, docxWithText(["Arbeitsschutz in der Werkstatt", `Die ${DOCX_WORD} steht in Halle 3.`]), "werkstatt.docx");
    const odt = await upload("memberA", netA.id, odtWithText([`Ein ${ODT_WORD} am Hafen`]), "hafen.odt");
    await server.server.textIndexer.idle();

    const byPdf = await search("memberA", searchPath(netA.slug, PDF_WORD.toLowerCase()));
    expect(byPdf.names).toEqual([{ id: pdf.fileId, name: "rezept.pdf" }]);
    expect(byPdf.passages[0]).toContain(`<mark>${PDF_WORD}</mark>`);

    const byDocx = await search("memberA", searchPath(netA.slug, DOCX_WORD.toUpperCase()));
    expect(byDocx.names).toEqual([{ id: docx.fileId, name: "werkstatt.docx" }]);
    expect(byDocx.passages[0]).toContain(`<mark>${DOCX_WORD}</mark>`);
    expect(byDocx.passages[0]).toContain("steht in Halle");

    // The start of a word is enough, and case and accents beyond ASCII fold on both databases.
    const byOdt = await search("memberA", searchPath(netA.slug, "FISCHBRÖTCHEN"));
    expect(byOdt.names.map((n) => n.id)).toEqual([odt.fileId]);

    // The file page says its text is searchable.
    const page = await clients.memberA.get(`/networks/${netA.slug}/library/files/${pdf.fileId}`);
    expect(page.body).toContain('data-search-status="indexed"');
  });

  it("needs every word, and matches names and details as well as text", async () => {
    const file = await upload("memberA", netA.id, "nur ein paar Zeilen\n", "Ausbildungsplan Mechatronik.txt");
    await server.server.textIndexer.idle();
    expect((await search("memberA", searchPath(netA.slug, "ausbildungsplan mechatronik"))).names.map((n) => n.id)).toEqual([file.fileId]);
    expect((await search("memberA", searchPath(netA.slug, "ausbildungsplan chemie"))).names).toEqual([]);
    const both = await search("memberA", searchPath(netA.slug, "zeilen mechatronik"));
    expect(both.names).toEqual([]); // "mechatronik" is only in the name, "zeilen" only in the text: no single field has both
    const metadataOnly = await search("memberA", searchPath(netA.slug, "mechatronik"));
    expect(metadataOnly.passages).toEqual([]);
    expect(metadataOnly.body).toContain("The words appear in the name or the details.");
  });

  it("never returns a file of another network, and hides the library from outsiders", async () => {
    const mine = await upload("memberA", netA.id, minimalPdf(`Vorlage ${SHARED_WORD} A`), "vertrag-a.pdf");
    const theirs = await upload("memberB", netB.id, docxWithText([`Modello ${SHARED_WORD} B`]), "vertrag-b.docx");
    await server.server.textIndexer.idle();

    const a = await search("memberA", searchPath(netA.slug, SHARED_WORD));
    expect(a.names.map((n) => n.id)).toEqual([mine.fileId]);
    expect(a.body).not.toContain("vertrag-b");
    const b = await search("memberB", searchPath(netB.slug, SHARED_WORD));
    expect(b.names.map((n) => n.id)).toEqual([theirs.fileId]);

    // B's member searching A's canary words in B's library finds nothing of A …
    for (const word of [PDF_WORD, DOCX_WORD, "rezept"]) {
      const result = await search("memberB", searchPath(netB.slug, word));
      expect(result.names).toEqual([]);
      expect(result.body).not.toContain("rezept.pdf");
      expect(result.body).not.toContain("Hefeteig");
    }
    // … and A's search page is a plain 404 for B's member and for an outsider, with no file name in it.
    for (const role of ["memberB", "outsider"] as const) {
      const result = await search(role, searchPath(netA.slug, PDF_WORD));
      expect(result.status).toBe(404);
      expect(result.body).not.toContain("rezept.pdf");
      // The query itself is echoed (it is in the URL); the text around it in A's PDF is not.
      expect(result.body).not.toContain("Hefeteig");
    }
    // The commons library's search does not reach into a network's files.
    const commons = await search("moderator", `/network-of-networks/library/search?q=${PDF_WORD}`);
    expect(commons.status).toBe(200);
    expect(commons.names).toEqual([]);
  });

  it("leaves out trashed files, files in trashed folders, and the words of replaced versions", async () => {
    const word = "Kältemittelrückgewinnung";
    const file = await upload("memberA", netA.id, docxWithText([`Version eins: ${word}`]), "kaelte.docx");
    await server.server.textIndexer.idle();
    expect((await search("memberA", searchPath(netA.slug, word))).names.map((n) => n.id)).toEqual([file.fileId]);

    // A new version without the word: the file is no longer found by it, but by the new word.
    await upload("memberA", netA.id, docxWithText(["Version zwei: Wärmepumpe"]), "kaelte.docx", { fileId: file.fileId });
    await server.server.textIndexer.idle();
    expect((await search("memberA", searchPath(netA.slug, word))).names).toEqual([]);
    expect((await search("memberA", searchPath(netA.slug, "wärmepumpe"))).names.map((n) => n.id)).toEqual([file.fileId]);

    const trash = await clients.memberA.post(`/networks/${netA.slug}/library`, { intent: "trash", kind: "file", id: file.fileId });
    expect(trash.status).toBe(200);
    expect((await search("memberA", searchPath(netA.slug, "wärmepumpe"))).names).toEqual([]);

    const folderForm = await clients.memberA.post(`/networks/${netA.slug}/library`, { intent: "createFolder", name: "Archiv", parentId: "" });
    expect(folderForm.status).toBe(200);
    const folder = await server.db().selectFrom("library_folders").select("id").where("network_id", "=", netA.id).where("name", "=", "Archiv").executeTakeFirstOrThrow();
    await upload("memberA", netA.id, "Druckluftleckage im Archiv\n", "druckluft.txt", { folderId: folder.id });
    await server.server.textIndexer.idle();
    expect((await search("memberA", searchPath(netA.slug, "druckluftleckage"))).names).toHaveLength(1);
    await clients.memberA.post(`/networks/${netA.slug}/library`, { intent: "trash", kind: "folder", id: folder.id });
    expect((await search("memberA", searchPath(netA.slug, "druckluftleckage"))).names).toEqual([]);
  });

  it("treats query syntax as words, and an empty query as a prompt", async () => {
    for (const q of [`"${PDF_WORD}" OR x*`, `${PDF_WORD}:* & !a | b`, `NEAR(${PDF_WORD} x)`, "'; drop table library_files; --"]) {
      const result = await search("memberA", searchPath(netA.slug, q));
      expect(result.status, q).toBe(200);
    }
    const empty = await search("memberA", searchPath(netA.slug, "  "));
    expect(empty.status).toBe(200);
    expect(empty.body).toContain("Type one or more words.");
  });
});
