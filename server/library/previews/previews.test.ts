/**
 * Previews from real files with the real tools: sharp thumbnails of an image and of a PDF's first
 * page (pdftoppm), a DOCX as sanitised HTML (mammoth in its own process), and the limits: an image
 * whose header promises billions of pixels, the zip bomb and the endless PDF are refused quickly,
 * remembered as failed and never tried twice.
 */
import { mkdtemp, mkdir, readdir, rm, writeFile, copyFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLocalBlobStore } from "../storage/local-blob-store";
import type { BlobStore } from "../storage/blob-store";
import { buildHostileCorpus, pngChunk, type CorpusEntry, type CorpusName } from "../testing/hostile-corpus";
import { docxWithText, minimalPdf } from "../testing/text-documents";
import { createLogger } from "#server/log";
import { createPreviewMaker, type PreviewMaker } from "./preview-maker";
import { sanitiseDocumentHtml } from "./docx-html";

let dir: string;
let blobs: BlobStore;
let maker: PreviewMaker;
let corpus: Record<CorpusName, CorpusEntry>;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "previews-"));
  blobs = createLocalBlobStore(path.join(dir, "blobs"));
  maker = createPreviewMaker(blobs, path.join(dir, "previews"), createLogger("error"));
  await mkdir(path.join(dir, "corpus"));
  corpus = await buildHostileCorpus(path.join(dir, "corpus"));
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

async function store(bytes: Buffer | string): Promise<string> {
  const file = path.join(dir, `in-${Math.random().toString(36).slice(2)}`);
  await writeFile(file, bytes);
  return (await blobs.putFile(file)).sha256;
}

async function storeCorpus(name: CorpusName): Promise<string> {
  const copy = path.join(dir, `copy-${name}`);
  await copyFile(corpus[name].path, copy);
  return (await blobs.putFile(copy)).sha256;
}

/** A PNG whose header claims `width`×`height` pixels, with one byte of image data. */
function pngClaiming(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8);
  header.writeUInt8(2, 9);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk("IHDR", header), pngChunk("IDAT", zlib.deflateSync(Buffer.alloc(1))), pngChunk("IEND", Buffer.alloc(0))]);
}

describe("previews", () => {
  it("makes a WebP thumbnail of an image, fitted inside 480 px", async () => {
    const png = await sharp({ create: { width: 2000, height: 1000, channels: 3, background: { r: 0, g: 146, b: 70 } } }).png().toBuffer();
    const preview = await maker.get({ sha256: await store(png), kind: "image" }, "thumbnail");
    expect(preview?.contentType).toBe("image/webp");
    const meta = await sharp(preview!.bytes).metadata();
    expect(meta).toMatchObject({ format: "webp", width: 480, height: 240 });
  });

  it("makes a thumbnail of a PDF's first page", async () => {
    const preview = await maker.get({ sha256: await store(minimalPdf("Berufsausbildung")), kind: "pdf" }, "thumbnail");
    const meta = await sharp(preview!.bytes).metadata();
    expect(meta.format).toBe("webp");
    expect(Math.max(meta.width!, meta.height!)).toBe(480);
  });

  it("turns a DOCX into sanitised HTML that keeps its text and loses any markup inside it", async () => {
    const docx = docxWithText(["Duale Ausbildung & Schule", `<script>alert(1)</script><img src=x onerror=alert(2)>`]);
    const preview = await maker.get({ sha256: await store(docx), kind: "docx" }, "html");
    const html = preview!.bytes.toString("utf8");
    expect(html).toContain("<p>Duale Ausbildung &amp; Schule</p>");
    expect(html).toContain("&lt;script&gt;");
    expect(html).not.toMatch(/<script|<img|<[^>]*onerror/i);
  });

  it("sanitises to a short allowlist", () => {
    const dirty =
      `<p style="color:red" onclick="x()">ok</p><script>bad()</script><a href="javascript:alert(1)">j</a><a href="https://example.org/a">h</a>` +
      `<img src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=" alt="svg"><img src="data:image/png;base64,iVBORw0KGgo=" alt="png"><iframe src="/"></iframe>`;
    const clean = sanitiseDocumentHtml(dirty);
    expect(clean).toBe(
      `<p>ok</p><a rel="noopener noreferrer" target="_blank">j</a><a href="https://example.org/a" rel="noopener noreferrer" target="_blank">h</a><img src="data:image/png;base64,iVBORw0KGgo=" alt="png" />`,
    );
  });

  it("refuses an image whose header promises billions of pixels, a zip bomb and an endless PDF, quickly, and remembers", async () => {
    const started = performance.now();
    const bomb = await store(pngClaiming(100_000, 100_000));
    expect(await maker.get({ sha256: bomb, kind: "image" }, "thumbnail")).toBeNull();
    const zipBomb = await storeCorpus("zipBomb");
    expect(await maker.get({ sha256: zipBomb, kind: "docx" }, "html")).toBeNull();
    const endless = await storeCorpus("neverEndingPdf");
    expect(await maker.get({ sha256: endless, kind: "pdf" }, "thumbnail")).toBeNull();
    const ms = performance.now() - started;
    console.log(`image bomb, zip bomb and endless PDF refused in ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(20_000);
    // Each left a failure marker and nothing else; asking again costs a file read, not another attempt.
    const previews = path.join(dir, "previews");
    const files = (await Promise.all((await readdir(previews)).map(async (sub) => readdir(path.join(previews, sub))))).flat();
    for (const sha of [bomb, zipBomb, endless]) expect(files.filter((f) => f.startsWith(sha))).toEqual([expect.stringMatching(/\.failed$/)]);
    const again = performance.now();
    expect(await maker.get({ sha256: zipBomb, kind: "docx" }, "html")).toBeNull();
    expect(performance.now() - again).toBeLessThan(100);
  });

  it("has no preview for kinds without one", async () => {
    expect(await maker.get({ sha256: await store("plain"), kind: "text" }, "thumbnail")).toBeNull();
    expect(await maker.get({ sha256: await store("x"), kind: "other" }, "html")).toBeNull();
  });
});
