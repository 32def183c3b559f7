/**
 * The hostile-upload corpus (server/library/testing/hostile-corpus.ts) through the real server,
 * on SQLite and PostgreSQL: every entry is uploaded with the real tus client under its hostile
 * name and declared type, then fetched back from `…/view` and `…/download`. The real type comes
 * from the bytes; only images, PDF and plain text are ever inline, always from a sandboxed,
 * nosniff response; SVG, HTML and the PDF/HTML polyglot go out as anonymous downloads; a zip
 * bomb is stored whole without being inflated (the server keeps answering); hostile names are
 * stored readable and harmless, never used as paths; an upload cut off at any point leaves no
 * file behind; reading text for search gives up on the bomb and the endless PDF within its limits.
 */
import fs from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestServer } from "#server/testing/use-test-server";
import { TestClient } from "#server/testing/http-client";
import { buildNetwork, buildUser } from "#server/testing/factories";
import { createRawUpload, downloadBytes, randomBytes, sha256, tusHeaders, uploadToLibrary } from "#server/testing/library-uploads";
import { buildHostileCorpus, DOCX_MIME, type CorpusEntry, type CorpusName } from "./testing/hostile-corpus";

const MiB = 1024 * 1024;
const server = useTestServer({ config: { uploadMaxBytes: 24 * MiB, libraryQuotaBytes: 128 * MiB } });

let tmpDir: string;
let corpus: Record<CorpusName, CorpusEntry>;
let net: Awaited<ReturnType<typeof buildNetwork>>;
let member: TestClient;
type Stored = { fileId: string; versionId: string; sha256: string; size: number };
const stored = new Map<CorpusName, Stored>();
const refused = new Map<CorpusName, string>();
/** /healthz while the zip bomb was uploaded, finished and its text read, and right after. */
const health = { slowestMs: 0, failures: 0, checks: 0, afterMs: Number.NaN, afterStatus: 0 };

const library = () => `/networks/${net.slug}/library`;
const filePath = (fileId: string) => `${library()}/files/${fileId}`;
const versionPath = (name: CorpusName, mode: "download" | "view") => {
  const file = entry(name);
  return `${filePath(file.fileId)}/versions/${file.versionId}/${mode}`;
};

function entry(name: CorpusName): Stored {
  const file = stored.get(name);
  if (!file) throw new Error(`${name} was not stored: ${refused.get(name) ?? "not uploaded"}`);
  return file;
}

async function timedHealth(): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const response = await fetch(`${server.url}/healthz`);
  await response.arrayBuffer();
  return { status: response.status, ms: performance.now() - started };
}

/** Asks /healthz every `everyMs` while `work` runs: how many times, how many failed, the slowest answer. */
async function healthWhile(everyMs: number, work: () => Promise<unknown>) {
  const seen = { slowestMs: 0, failures: 0, checks: 0 };
  let working = true;
  const poller = (async () => {
    while (working) {
      const check = await timedHealth().catch(() => ({ status: 0, ms: Number.POSITIVE_INFINITY }));
      seen.slowestMs = Math.max(seen.slowestMs, check.ms);
      seen.checks += 1;
      if (check.status !== 200) seen.failures += 1;
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  try {
    await work();
  } finally {
    working = false;
    await poller;
  }
  return seen;
}

async function upload(name: CorpusName): Promise<void> {
  const data = await fs.readFile(corpus[name].path);
  const result = await uploadToLibrary(member, server.url, data, { library: net.id, name: corpus[name].uploadName });
  if (result.ok) stored.set(name, { fileId: result.fileId, versionId: result.versionId, sha256: sha256(data), size: data.length });
  else refused.set(name, `${result.status} ${result.body}`);
}

beforeAll(async () => {
  tmpDir = await fs.mkdtemp(path.join(os.tmpdir(), "connactions-hostile-"));
  corpus = await buildHostileCorpus(tmpDir);
  net = await buildNetwork(server.db());
  const user = await buildUser(server.db(), { memberships: [{ networkId: net.id, role: "member" }] });
  member = new TestClient(server.url);
  await member.login(user.email, user.password);

  // The zip bomb first, with /healthz asked every 25 ms while its bytes travel, it is sniffed and its text is read.
  Object.assign(
    health,
    await healthWhile(25, async () => {
      await upload("zipBomb");
      await server.server.textIndexer.idle();
    }),
  );
  const after = await timedHealth();
  health.afterMs = after.ms;
  health.afterStatus = after.status;

  for (const name of Object.keys(corpus) as CorpusName[]) if (name !== "zipBomb") await upload(name);
});

afterAll(async () => {
  if (tmpDir) await fs.rm(tmpDir, { recursive: true, force: true });
});

/** GETs a file response and checks what every one of them must carry. */
async function fetchFile(name: CorpusName, mode: "download" | "view") {
  const response = await downloadBytes(member, server.url, versionPath(name, mode));
  expect(response.status, `${name} ${mode}`).toBe(200);
  expect(response.headers.get("content-security-policy"), `${name} ${mode}`).toMatch(/^sandbox/);
  expect(response.headers.get("x-content-type-options"), `${name} ${mode}`).toBe("nosniff");
  const type = response.headers.get("content-type") ?? "";
  expect(type, `${name} ${mode}`).not.toMatch(/^(image\/svg\+xml|text\/html|application\/xhtml\+xml|text\/xml|application\/xml)/);
  return { ...response, type, disposition: response.headers.get("content-disposition") ?? "" };
}

async function blobOf(name: CorpusName) {
  const version = await server.db().selectFrom("library_file_versions").select("blob_sha256").where("id", "=", entry(name).versionId).executeTakeFirstOrThrow();
  return server.db().selectFrom("library_blobs").selectAll().where("sha256", "=", version.blob_sha256).executeTakeFirstOrThrow();
}

async function storedName(name: CorpusName): Promise<string> {
  const row = await server.db().selectFrom("library_files").select("name").where("id", "=", entry(name).fileId).executeTakeFirstOrThrow();
  return row.name;
}

/** As React writes text into the page. */
const escapeHtml = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#x27;");

async function walk(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const item of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, item.name);
    found.push(full);
    if (item.isDirectory()) found.push(...(await walk(full)));
  }
  return found;
}

const ALL = (): CorpusName[] => Object.keys(corpus) as CorpusName[];
/** The entries that were stored (a refused one fails its own test, not every test that loops). */
const STORED = (): CorpusName[] => [...stored.keys()];
const NAMED: CorpusName[] = ["traversalName", "rtlName", "controlCharName", "longName"];

describe(`hostile uploads (${process.env.TEST_DATABASE})`, () => {
  it("stores every corpus entry, byte-identical, under its real (sniffed) type", async () => {
    for (const name of STORED()) {
      const download = await fetchFile(name, "download");
      expect(download.disposition, name).toMatch(/^attachment;/);
      expect(download.bytes.length, name).toBe(entry(name).size);
      expect(sha256(download.bytes), name).toBe(entry(name).sha256);
    }
    expect(Object.fromEntries(refused), "uploads the server refused").toEqual({});
    expect(STORED().sort()).toEqual(ALL().sort());
  });

  it("every inline or attachment response is sandboxed and nosniff, and a file page never carries the file's script", async () => {
    for (const name of STORED()) {
      await fetchFile(name, "view");
      const page = await member.get(filePath(entry(name).fileId));
      expect(page.status, name).toBe(200);
      expect(page.body, name).not.toContain("<script>alert");
      expect(page.body, name).not.toContain('<script>fetch("/api/session")');
    }
  });

  it("stores the zip bomb whole as a DOCX without inflating it, serves it as a download and keeps answering", async () => {
    expect(health.failures).toBe(0);
    console.log(`zip bomb uploaded and its text read: slowest /healthz ${health.slowestMs.toFixed(0)} ms over ${health.checks} checks`);
    expect(health.checks).toBeGreaterThan(3);
    expect(health.slowestMs, "slowest /healthz while the zip bomb was uploaded and read").toBeLessThan(2000);
    expect(health.afterStatus).toBe(200);
    expect(health.afterMs, "/healthz right after the zip bomb").toBeLessThan(1000);
    for (const name of ["zipBomb", "docx"] as const) {
      const blob = await blobOf(name);
      expect(blob.kind, name).toBe("docx");
      expect(blob.inline_safe, name).toBe(0);
      expect(Number(blob.size), name).toBe(entry(name).size);
      const view = await fetchFile(name, "view");
      expect(view.disposition, name).toMatch(/^attachment/);
      expect(view.type, name).toBe(DOCX_MIME);
      expect(sha256(view.bytes), name).toBe(entry(name).sha256);
    }
    // The bomb is about a megabyte on disk and in transit, never the gigabyte it inflates to.
    expect(entry("zipBomb").size).toBeLessThan(8 * MiB);
  });

  it("reads text for search within its limits: the zip bomb and the endless PDF end unreadable while /healthz keeps answering", async () => {
    // Every stored entry was queued for reading; watch /healthz while the indexer works through them.
    const started = performance.now();
    const during = await healthWhile(50, () => server.server.textIndexer.idle());
    console.log(`text of the corpus read in ${(performance.now() - started).toFixed(0)} ms; slowest /healthz meanwhile ${during.slowestMs.toFixed(0)} ms over ${during.checks} checks`);
    expect(during.failures).toBe(0);
    expect(during.slowestMs).toBeLessThan(2000);

    const expected: Partial<Record<CorpusName, string>> = {
      zipBomb: "unreadable",
      neverEndingPdf: "unreadable",
      pdf: "indexed",
      docx: "indexed",
      empty: "noText",
      wrongExtension: "notText",
      svgWithScript: "notText",
      html: "notText",
      polyglotPdfHtml: "notText",
      traversalName: "indexed",
    };
    for (const [name, status] of Object.entries(expected) as Array<[CorpusName, string]>) {
      const page = await member.get(filePath(entry(name).fileId));
      expect(page.body, name).toContain(`data-search-status="${status}"`);
    }
    // Both stay downloadable, byte for byte.
    for (const name of ["zipBomb", "neverEndingPdf"] as const) expect(sha256((await fetchFile(name, "download")).bytes), name).toBe(entry(name).sha256);
    // And search finds the well-formed files by the words inside them.
    const found = await member.get(`${library()}/search?q=ausbildungsordnung`);
    expect(found.body).toContain(`/files/${entry("docx").fileId}`);
    expect(found.body).toContain("<mark>Ausbildungsordnung</mark>");
  });

  it("makes previews only of what it can read safely: sandboxed WebP and HTML, a plain 404 for the rest", async () => {
    const previewOf = async (name: CorpusName, mode: "thumbnail" | "preview") => {
      const file = entry(name);
      return downloadBytes(member, server.url, `${filePath(file.fileId)}/versions/${file.versionId}/${mode}`);
    };
    const started = performance.now();
    for (const [name, mode] of [
      ["zipBomb", "preview"],
      ["neverEndingPdf", "thumbnail"],
      ["svgWithScript", "thumbnail"],
      ["polyglotPdfHtml", "thumbnail"],
      ["html", "preview"],
      ["traversalName", "thumbnail"],
    ] as const) {
      expect((await previewOf(name, mode)).status, `${name} ${mode}`).toBe(404);
    }
    expect(performance.now() - started, "hostile previews refused within their limits").toBeLessThan(30_000);
    for (const [name, mode, type] of [
      ["pdf", "thumbnail", "image/webp"],
      ["wrongExtension", "thumbnail", "image/webp"],
      ["docx", "preview", "text/html; charset=utf-8"],
    ] as const) {
      const response = await previewOf(name, mode);
      expect(response.status, `${name} ${mode}`).toBe(200);
      expect(response.headers.get("content-type"), name).toBe(type);
      expect(response.headers.get("content-security-policy"), name).toMatch(/^sandbox/);
      expect(response.headers.get("x-content-type-options"), name).toBe("nosniff");
    }
    const html = new TextDecoder().decode((await previewOf("docx", "preview")).bytes);
    expect(html).toContain("<p>Ausbildungsordnung</p>");
    expect(html).not.toMatch(/<script/i);
  });

  it("sends SVG with script, HTML and the PDF/HTML polyglot as anonymous downloads, never as markup or inline", async () => {
    for (const name of ["svgWithScript", "html", "polyglotPdfHtml"] as const) {
      const blob = await blobOf(name);
      expect(blob.inline_safe, name).toBe(0);
      expect(blob.mime, name).toBe("application/octet-stream");
      for (const mode of ["view", "download"] as const) {
        const response = await fetchFile(name, mode);
        expect(response.disposition, `${name} ${mode}`).toMatch(/^attachment/);
        expect(response.type, `${name} ${mode}`).toBe("application/octet-stream");
      }
    }
  });

  it("trusts the bytes, not the name or declared type: a PNG named notes.txt is shown as a PNG, PDFs as PDF", async () => {
    const png = await fetchFile("wrongExtension", "view");
    expect(png.disposition).toMatch(/^inline/);
    expect(png.type).toBe("image/png");
    expect((await blobOf("wrongExtension")).kind).toBe("image");

    const pdf = await fetchFile("pdf", "view");
    expect(pdf.disposition).toMatch(/^inline/);
    expect(pdf.type).toBe("application/pdf");
    expect(sha256(pdf.bytes)).toBe(entry("pdf").sha256);

    // The PDF that never ends is stored and downloadable like any other (its parser is the browser's).
    expect((await blobOf("neverEndingPdf")).kind).toBe("pdf");
    const endless = await fetchFile("neverEndingPdf", "download");
    expect(sha256(endless.bytes)).toBe(entry("neverEndingPdf").sha256);
  });

  it("stores an empty file and sends it back with Content-Length 0", async () => {
    // Whatever the client was told must be true: a refused upload has no file, an accepted one exactly one.
    const files = await server.db().selectFrom("library_files").select("id").where("network_id", "=", net.id).where("name", "=", "empty.txt").execute();
    expect(files.length, `files named empty.txt (the client was told: ${refused.get("empty") ?? "stored"})`).toBe(stored.has("empty") ? 1 : 0);
    expect(entry("empty").size).toBe(0);
    for (const mode of ["download", "view"] as const) {
      const response = await fetchFile("empty", mode);
      expect(response.headers.get("content-length"), mode).toBe("0");
      expect(response.bytes.length, mode).toBe(0);
    }
  });

  it("stores hostile names readable and harmless and sends them in a safe Content-Disposition", async () => {
    const folderPage = await member.get(library());
    expect(folderPage.status).toBe(200);
    for (const name of NAMED) {
      const shown = await storedName(name);
      expect(shown, name).not.toMatch(/[/\\\u202A-\u202E\u2066-\u2069\u0000-\u001F\u007F-\u009F]/);
      expect([...shown].length, name).toBeLessThanOrEqual(255);
      expect(shown.length, name).toBeGreaterThan(0);
      expect(folderPage.body, `the folder page lists ${name}`).toContain(escapeHtml(shown));
      for (const mode of ["download", "view"] as const) {
        const { disposition } = await fetchFile(name, mode);
        const match = /^(?:inline|attachment); filename="([^"]*)"; filename\*=UTF-8''([A-Za-z0-9%!#$&+\-.^_`|~]+)$/.exec(disposition);
        expect(match, `${name} ${mode}: ${disposition}`).not.toBeNull();
        expect(match![1], name).toMatch(/^[\x20-\x7E]*$/);
        expect(match![1], name).not.toMatch(/["/\\]/);
        expect(decodeURIComponent(match![2]!), name).toBe(shown);
      }
    }
    expect(await storedName("traversalName")).toContain("passwd");
    expect(await storedName("rtlName")).toMatch(/^harmless.*\.exe$/);
    expect(await storedName("controlCharName")).toMatch(/^a.*b.*c\.txt$/);
    const long = await storedName("longName");
    expect(long.startsWith("Rahmenlehrplan-")).toBe(true);
    expect(long.endsWith(".txt")).toBe(true);
  });

  it("never takes a disk path from a name: nothing outside <dataDir>/library, no file named after an upload", async () => {
    const dataDir = server.services.config.dataDir;
    expect(await fs.readdir(dataDir)).toEqual(["library"]);
    const everything = await walk(dataDir);
    for (const found of everything) {
      expect(path.relative(dataDir, found).split(path.sep)[0], found).toBe("library");
      expect(path.basename(found), found).not.toMatch(/passwd|fdp|harmless|Rahmenlehrplan|notes|drawing|page\.html|report|endless|\.txt$|\.pdf$|\.docx$/i);
    }
    // Not beside the data directory either (../../etc/passwd from the upload directory).
    await expect(fs.stat(path.join(dataDir, "etc"))).rejects.toThrow();
    await expect(fs.stat(path.join(path.dirname(dataDir), "etc", "passwd"))).rejects.toThrow();
  });

  it("answers a full disk with a translated 507 and loses nothing already stored", async () => {
    // The kernel's own "no space left on device": the upload's file is replaced by /dev/full,
    // which accepts opening and refuses every write with ENOSPC.
    const total = 64 * 1024;
    const name = "disk-full.bin";
    const headers = tusHeaders(member, server.url);
    const create = await createRawUpload(member, server.url, { size: total, name, library: net.id });
    expect(create.status).toBe(201);
    const location = create.location!;
    const onDisk = path.join(server.services.library.uploadDir, location.pathname.split("/").pop()!);
    await fs.rm(onDisk);
    await fs.symlink("/dev/full", onDisk);
    try {
      const patch = await fetch(location, {
        method: "PATCH",
        headers: { ...headers, "Tus-Resumable": "1.0.0", "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream" },
        body: new Uint8Array(randomBytes(total)),
      });
      // In the uploader's language (this member's is English), never a stack trace.
      expect(patch.status).toBe(507);
      expect(await patch.text()).toBe("The server's storage is full. Nothing already stored was lost; please tell the administrators.");
    } finally {
      await fs.rm(onDisk, { force: true });
    }
    expect(await server.db().selectFrom("library_files").select("id").where("name", "=", name).execute()).toEqual([]);
    // Everything stored before is still there, byte for byte, and the server still answers.
    for (const stored of ["pdf", "docx", "wrongExtension"] as const) expect(sha256((await fetchFile(stored, "download")).bytes), stored).toBe(entry(stored).sha256);
    expect((await timedHealth()).status).toBe(200);
  });

  it("leaves no file behind from an upload cut off at any point", async () => {
    const total = 512 * 1024;
    const data = randomBytes(total);
    const filesBefore = await server.db().selectFrom("library_files").select("id").where("network_id", "=", net.id).execute();
    for (const cutAt of [0, total / 2, total - 1]) {
      const name = `interrupted-at-${cutAt}.bin`;
      const headers = tusHeaders(member, server.url);
      const create = await createRawUpload(member, server.url, { size: total, name, library: net.id });
      expect(create.status, name).toBe(201);
      const location = create.location!;
      const uploadId = location.pathname.split("/").pop()!;
      const onDisk = path.join(server.services.library.uploadDir, uploadId);

      if (cutAt > 0) {
        // PATCH promising every byte, send only `cutAt` of them, wait until the server wrote them, then drop the connection.
        const request = http.request(location, {
          method: "PATCH",
          headers: {
            ...headers,
            "Tus-Resumable": "1.0.0",
            "Upload-Offset": "0",
            "Content-Type": "application/offset+octet-stream",
            "Content-Length": String(total),
          },
        });
        const settled = new Promise<void>((resolve) => {
          request.on("error", () => resolve());
          request.on("response", (response) => {
            response.resume();
            response.on("end", resolve);
          });
          request.on("close", resolve);
        });
        request.write(data.subarray(0, cutAt));
        const deadline = Date.now() + 5000;
        while (Date.now() < deadline) {
          const size = await fs.stat(onDisk).then((s) => s.size).catch(() => 0);
          if (size >= cutAt) break;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        expect((await fs.stat(onDisk)).size, `${name}: the server had the bytes before the cut`).toBe(cutAt);
        request.destroy();
        await settled;
        // Give the server time to see the connection go and clean up its request.
        await new Promise((resolve) => setTimeout(resolve, 200));
      }

      const row = await server.db().selectFrom("library_uploads").selectAll().where("id", "=", uploadId).executeTakeFirstOrThrow();
      expect(row.result_file_id, name).toBeNull();
      expect(row.finished_at, name).toBeNull();
      expect(await server.db().selectFrom("library_files").select("id").where("name", "=", name).execute(), name).toEqual([]);
      const page = await member.get(library());
      expect(page.status).toBe(200);
      expect(page.body, name).not.toContain(name);
      // The bytes so far are kept for a resume, but never more than arrived.
      expect((await fs.stat(onDisk)).size, name).toBe(cutAt);
    }
    const filesAfter = await server.db().selectFrom("library_files").select("id").where("network_id", "=", net.id).execute();
    expect(filesAfter.length).toBe(filesBefore.length);
    expect((await timedHealth()).status).toBe(200);
  });
});
