import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, open, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NEVER_ENDING_PDF_BYTES, ZIP_BOMB_INFLATED_BYTES, buildHostileCorpus } from "./hostile-corpus";
import type { CorpusEntry, CorpusName } from "./hostile-corpus";

const run = promisify(execFile);
const PDFTOTEXT = "/usr/bin/pdftotext";
const UNZIP = "/usr/bin/unzip";

interface CentralEntry {
  name: string;
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  dataOffset: number;
}

/** Reads a zip the way a careful reader would: end record, then the central directory (no zip64). */
function centralDirectory(zip: Buffer): CentralEntry[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(end).toBeGreaterThan(0);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: CentralEntry[] = [];
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    expect(zip.readUInt32LE(local)).toBe(0x04034b50);
    entries.push({
      name: zip.toString("utf8", at + 46, at + 46 + nameLength),
      method: zip.readUInt16LE(at + 10),
      crc32: zip.readUInt32LE(at + 16),
      compressedSize: zip.readUInt32LE(at + 20),
      uncompressedSize: zip.readUInt32LE(at + 24),
      dataOffset: local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28),
    });
    at += 46 + skip;
  }
  return entries;
}

function entryBytes(zip: Buffer, entry: CentralEntry): Buffer {
  const data = zip.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  return entry.method === 8 ? zlib.inflateRawSync(data) : Buffer.from(data);
}

/** Inflates an entry without keeping its output: the byte count and CRC-32 of what comes out. */
async function inflateCounting(data: Buffer): Promise<{ size: number; crc32: number }> {
  const inflate = zlib.createInflateRaw();
  let size = 0;
  let crc32 = 0;
  inflate.on("data", (chunk: Buffer) => {
    size += chunk.length;
    crc32 = zlib.crc32(chunk, crc32);
  });
  await new Promise<void>((resolve, reject) => {
    inflate.on("end", resolve);
    inflate.on("error", reject);
    inflate.end(data);
  });
  return { size, crc32 };
}

let dir: string;
let corpus: Record<CorpusName, CorpusEntry>;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "hostile-corpus-"));
  const started = performance.now();
  corpus = await buildHostileCorpus(dir);
  // The corpus is rebuilt by every test file that uses it, so it has to stay cheap.
  expect(performance.now() - started).toBeLessThan(10_000);
}, 30_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("the hostile-upload corpus", () => {
  it("writes every file inside its directory, named by its key, never by its upload name", () => {
    for (const [name, entry] of Object.entries(corpus)) {
      expect(entry.path).toBe(path.join(dir, name));
      expect(existsSync(entry.path)).toBe(true);
    }
    expect(corpus.traversalName.uploadName).toBe("../../etc/passwd");
    expect(corpus.rtlName.uploadName).toBe("harmless\u202Efdp.exe");
    expect(corpus.longName.uploadName).toHaveLength(504);
    expect(corpus.controlCharName.uploadName).toBe("a\u0000b\u0007c.txt");
  });

  it("has a zip bomb: a DOCX under 10 MB whose document.xml inflates to at least 1 GiB", async () => {
    const zip = await readFile(corpus.zipBomb.path);
    expect(zip.length).toBeLessThan(10 * 2 ** 20);
    const entries = centralDirectory(zip);
    expect(entries.map((e) => e.name)).toEqual(["[Content_Types].xml", "_rels/.rels", "word/document.xml"]);
    const document = entries[2]!;
    expect(document.uncompressedSize).toBeGreaterThanOrEqual(ZIP_BOMB_INFLATED_BYTES);

    // The declared size and CRC are honest: a reader that trusts them really gets a gigabyte.
    const data = zip.subarray(document.dataOffset, document.dataOffset + document.compressedSize);
    const inflated = await inflateCounting(data);
    expect(inflated.size).toBe(document.uncompressedSize);
    expect(inflated.crc32 >>> 0).toBe(document.crc32);
  }, 60_000);

  it("has a valid DOCX whose word/document.xml says Ausbildungsordnung", async () => {
    const zip = await readFile(corpus.docx.path);
    const entries = centralDirectory(zip);
    expect(entries[0]?.name).toBe("[Content_Types].xml");
    const document = entries.find((e) => e.name === "word/document.xml");
    expect(document).toBeDefined();
    const xml = entryBytes(zip, document!);
    expect(zlib.crc32(xml) >>> 0).toBe(document!.crc32);
    expect(xml.toString("utf8")).toContain("Ausbildungsordnung");
    for (const entry of entries) expect(zlib.crc32(entryBytes(zip, entry)) >>> 0).toBe(entry.crc32);
  });

  it("has zips that Info-ZIP accepts too", async (ctx) => {
    if (!existsSync(UNZIP)) {
      console.warn(`${UNZIP} is missing: the corpus zips are checked by the built-in reader only`);
      ctx.skip();
      return;
    }
    await expect(run(UNZIP, ["-tq", corpus.docx.path])).resolves.toBeDefined();
    const { stdout } = await run(UNZIP, ["-l", corpus.zipBomb.path]);
    expect(stdout).toContain("word/document.xml");
  });

  it("has a PDF from which pdftotext extracts Berufsausbildung", async (ctx) => {
    const pdf = await readFile(corpus.pdf.path, "latin1");
    expect(pdf.startsWith("%PDF-")).toBe(true);
    expect(pdf.trimEnd().endsWith("%%EOF")).toBe(true);
    if (!existsSync(PDFTOTEXT)) {
      console.warn(`${PDFTOTEXT} is missing (install poppler-utils): pdf text extraction NOT checked`);
      ctx.skip();
      return;
    }
    const { stdout } = await run(PDFTOTEXT, ["-q", corpus.pdf.path, "-"]);
    expect(stdout).toContain("Berufsausbildung");
  });

  it("has a polyglot that starts as HTML with script and carries a PDF", async () => {
    const text = await readFile(corpus.polyglotPdfHtml.path, "latin1");
    expect(text.startsWith("<html><script>")).toBe(true);
    expect(text.indexOf("%PDF-")).toBeGreaterThan(0);
    expect(corpus.polyglotPdfHtml.uploadName).toBe("report.pdf");
  });

  it("has a 20 MB PDF that never ends", async () => {
    const bytes = await readFile(corpus.neverEndingPdf.path);
    expect(bytes.subarray(0, 8).toString("latin1")).toBe("%PDF-1.7");
    expect(bytes.length).toBeGreaterThanOrEqual(NEVER_ENDING_PDF_BYTES);
    expect(bytes.includes("%%EOF")).toBe(false);
    expect(bytes.includes("trailer")).toBe(false);
  });

  it("has a real PNG named notes.txt, with correct chunk CRCs", async () => {
    const png = await readFile(corpus.wrongExtension.path);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const types: string[] = [];
    for (let at = 8; at < png.length; ) {
      const length = png.readUInt32BE(at);
      const body = png.subarray(at + 4, at + 8 + length);
      types.push(body.toString("latin1", 0, 4));
      expect(png.readUInt32BE(at + 8 + length)).toBe(zlib.crc32(body) >>> 0);
      if (types.at(-1) === "IDAT") expect(zlib.inflateSync(body.subarray(4))).toHaveLength(2 * (1 + 2 * 3));
      at += 12 + length;
    }
    expect(types).toEqual(["IHDR", "IDAT", "IEND"]);
    expect(corpus.wrongExtension).toMatchObject({ uploadName: "notes.txt", declaredType: "text/plain" });
  });

  it("has markup with script: an SVG and an HTML page", async () => {
    expect(await readFile(corpus.svgWithScript.path, "utf8")).toMatch(/^<svg [^>]*><script>alert\(1\)<\/script><\/svg>/);
    expect(await readFile(corpus.html.path, "utf8")).toContain("<script>");
  });

  it("has an empty file", async () => {
    expect((await stat(corpus.empty.path)).size).toBe(0);
  });

  it("puts [Content_Types].xml first in the zip bomb, where type sniffing looks", async () => {
    const handle = await open(corpus.zipBomb.path, "r");
    try {
      const { buffer } = await handle.read(Buffer.alloc(64), 0, 64, 0);
      expect(buffer.toString("latin1", 30, 49)).toBe("[Content_Types].xml");
    } finally {
      await handle.close();
    }
  });
});
