/**
 * The hostile-upload corpus: files and names an attacker (or an unlucky user) could send to the
 * document library, plus a few well-formed files to prove the happy path. Everything is built from
 * code into a directory the caller owns: no downloads, no binary fixtures in the repository, and
 * the bytes are the same on every run. Files are written under the entry's own key, never under
 * its upload name (which is the hostile part for several entries).
 */
import { open, writeFile } from "node:fs/promises";
import path from "node:path";
import zlib from "node:zlib";
import { deflatedEntry, storedEntry, writeZip } from "./zip-writer";
import type { ZipEntry } from "./zip-writer";
import { DOCUMENT_HEAD, DOCUMENT_TAIL, DOCX_MIME, docxPackage, minimalPdf } from "./text-documents";

export type CorpusName =
  | "zipBomb"
  | "svgWithScript"
  | "html"
  | "polyglotPdfHtml"
  | "traversalName"
  | "rtlName"
  | "longName"
  | "controlCharName"
  | "empty"
  | "wrongExtension"
  | "pdf"
  | "docx"
  | "neverEndingPdf";

export interface CorpusEntry {
  path: string;
  /** The file name the upload claims. */
  uploadName: string;
  /** The Content-Type the upload claims. */
  declaredType: string;
}

export { DOCX_MIME };
/** The zip bomb's word/document.xml inflates to a little more than this. */
export const ZIP_BOMB_INFLATED_BYTES = 2 ** 30;
export const NEVER_ENDING_PDF_BYTES = 20 * 2 ** 20;


/**
 * word/document.xml of about 1 GiB in about 1 MB. Deflating a gigabyte takes seconds, so one MiB
 * of text is deflated once, from a fresh stream and ending in a full flush: the output is then
 * self-contained (no back-references, byte-aligned, not final) and can be repeated 1024 times.
 * The head and tail are deflated the same way, the tail ending the stream. The CRC-32 is computed
 * over the real inflated bytes, so the entry is a valid one that a careless reader will inflate.
 */
function zipBombDocument(): ZipEntry {
  const independent = (text: string | Buffer, last = false) =>
    zlib.deflateRawSync(text, { level: 9, finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_FULL_FLUSH });
  const head = Buffer.from(DOCUMENT_HEAD);
  const tail = Buffer.from(DOCUMENT_TAIL);
  const chunk = Buffer.alloc(2 ** 20, "Ausbildungsplan ");
  const repeats = ZIP_BOMB_INFLATED_BYTES / chunk.length;

  const deflatedChunk = independent(chunk);
  let crc = zlib.crc32(head);
  for (let i = 0; i < repeats; i++) crc = zlib.crc32(chunk, crc);
  crc = zlib.crc32(tail, crc);

  const data = Buffer.concat([independent(head), ...Array.from({ length: repeats }, () => deflatedChunk), independent(tail, true)]);
  return { name: "word/document.xml", method: 8, data, crc32: crc, uncompressedSize: head.length + repeats * chunk.length + tail.length };
}

/** One PNG chunk: length, type, data and its CRC-32. */
export function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

/** A 2×2 RGB PNG: signature, IHDR, one IDAT, IEND. */
function tinyPng(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0); // width
  header.writeUInt32BE(2, 4); // height
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(2, 9); // colour type: RGB (compression, filter, interlace stay 0)
  // Each scanline: filter type 0, then two pixels.
  const pixels = Buffer.from([0, 0x00, 0x92, 0x46, 0xff, 0xff, 0xff, 0, 0xce, 0x2b, 0x37, 0xff, 0xff, 0xff]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", zlib.deflateSync(pixels)),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/**
 * `%PDF-1.7`, then object headers promising huge streams, each followed by noise, for 20 MB, and
 * no xref, trailer or `%%EOF`: a parser has to give up rather than search or wait forever. The
 * noise is printable and never contains "%", so `%%EOF` cannot appear by chance.
 */
async function writeNeverEndingPdf(file: string): Promise<void> {
  const block = Buffer.alloc(2 ** 20);
  let seed = 0x2545f491;
  let at = 0;
  for (let object = 1; at < block.length; object++) {
    at += block.write(`${object} 0 obj\n<< /Length 2147483647 /Kids [${object + 1} 0 R] >>\nstream\n`, at, "latin1");
    for (let i = 0; i < 4000 && at < block.length; i++, at++) {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      block[at] = 0x26 + ((seed >>> 0) % 0x58); // "&" to "}", which excludes "%"
    }
  }
  const handle = await open(file, "w");
  try {
    await handle.write("%PDF-1.7\n");
    for (let written = 0; written < NEVER_ENDING_PDF_BYTES; written += block.length) await handle.write(block);
  } finally {
    await handle.close();
  }
}

/** Writes every corpus file into `dir` (which must exist) and says what each upload claims to be. */
export async function buildHostileCorpus(dir: string): Promise<Record<CorpusName, CorpusEntry>> {
  const at = (name: CorpusName) => path.join(dir, name);
  const corpus = {} as Record<CorpusName, CorpusEntry>;
  const add = async (name: CorpusName, uploadName: string, declaredType: string, bytes: string | Uint8Array | null) => {
    if (bytes !== null) await writeFile(at(name), bytes);
    corpus[name] = { path: at(name), uploadName, declaredType };
  };

  const document = `${DOCUMENT_HEAD}Ausbildungsordnung${DOCUMENT_TAIL}`;
  await writeZip(at("zipBomb"), docxPackage(zipBombDocument()));
  await add("zipBomb", "Ausbildungsplan.docx", DOCX_MIME, null);
  await writeZip(at("docx"), docxPackage(storedEntry("word/document.xml", document)));
  await add("docx", "Ausbildungsordnung.docx", DOCX_MIME, null);

  await add(
    "svgWithScript",
    "drawing.svg",
    "image/svg+xml",
    `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>\n`,
  );
  await add("html", "page.html", "text/html", `<!DOCTYPE html>\n<html><body><script>alert(document.cookie)</script></body></html>\n`);
  await add(
    "polyglotPdfHtml",
    "report.pdf",
    "application/pdf",
    `<html><script>fetch("/api/session").then((r) => r.text()).then(alert)</script>\n${minimalPdf("Bericht")}`,
  );
  await add("pdf", "Berufsausbildung.pdf", "application/pdf", minimalPdf("Berufsausbildung"));
  await writeNeverEndingPdf(at("neverEndingPdf"));
  await add("neverEndingPdf", "endless.pdf", "application/pdf", null);
  await add("wrongExtension", "notes.txt", "text/plain", tinyPng());
  await add("empty", "empty.txt", "text/plain", "");

  await add("traversalName", "../../etc/passwd", "text/plain", "hello");
  await add("rtlName", "harmless\u202Efdp.exe", "application/octet-stream", "just some text, not a program\n");
  await add("longName", `${"Rahmenlehrplan-".repeat(34).slice(0, 500)}.txt`, "text/plain", "a long name, short content\n");
  await add("controlCharName", "a\u0000b\u0007c.txt", "text/plain", "control characters live in the name only\n");
  return corpus;
}
