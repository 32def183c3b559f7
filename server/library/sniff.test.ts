import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sniffFile } from "./sniff";
import type { SniffedType } from "./sniff";
import { DOCX_MIME, buildHostileCorpus } from "./testing/hostile-corpus";
import type { CorpusEntry, CorpusName } from "./testing/hostile-corpus";

const TEXT: SniffedType = { mime: "text/plain; charset=utf-8", kind: "text", inlineSafe: true };
const MARKDOWN: SniffedType = { mime: "text/markdown; charset=utf-8", kind: "markdown", inlineSafe: true };
const DOWNLOAD: SniffedType = { mime: "application/octet-stream", kind: "other", inlineSafe: false };

let dir: string;
let corpus: Record<CorpusName, CorpusEntry>;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "sniff-"));
  corpus = await buildHostileCorpus(dir);
}, 30_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const sniffEntry = (name: CorpusName) => sniffFile(corpus[name].path, corpus[name].uploadName);

async function sniffBytes(bytes: string | Uint8Array, fileName: string): Promise<SniffedType> {
  const file = path.join(dir, `sample-${Math.random().toString(36).slice(2)}`);
  await writeFile(file, bytes);
  return sniffFile(file, fileName);
}

describe("sniffing the hostile corpus", () => {
  const expected: Record<CorpusName, SniffedType> = {
    zipBomb: { mime: DOCX_MIME, kind: "docx", inlineSafe: false },
    docx: { mime: DOCX_MIME, kind: "docx", inlineSafe: false },
    svgWithScript: DOWNLOAD,
    html: DOWNLOAD,
    polyglotPdfHtml: DOWNLOAD,
    wrongExtension: { mime: "image/png", kind: "image", inlineSafe: true },
    empty: TEXT,
    pdf: { mime: "application/pdf", kind: "pdf", inlineSafe: true },
    // Still a PDF by its header: surviving it is the text extractor's job (with a time limit).
    neverEndingPdf: { mime: "application/pdf", kind: "pdf", inlineSafe: true },
    traversalName: TEXT,
    rtlName: TEXT,
    longName: TEXT,
    controlCharName: TEXT,
  };

  for (const [name, type] of Object.entries(expected) as [CorpusName, SniffedType][]) {
    it(`${name} → ${type.kind} ${type.mime}${type.inlineSafe ? ", inline" : ", download only"}`, async () => {
      expect(await sniffEntry(name)).toEqual(type);
    });
  }
});

describe("sniffing text", () => {
  it("calls UTF-8 text with a .md or .markdown name markdown", async () => {
    expect(await sniffBytes("# Ausbildungsplan\n\n- Woche 1: Einführung\n", "Plan.MD")).toEqual(MARKDOWN);
    expect(await sniffBytes("# Titolo\n", "note.markdown")).toEqual(MARKDOWN);
    expect(await sniffBytes("# Titolo\n", "note.txt")).toEqual(TEXT);
  });

  it("accepts accents and emoji, and a BOM", async () => {
    expect(await sniffBytes("Prüfung für Köche, città, perché 🎉\n", "notes.txt")).toEqual(TEXT);
    expect(await sniffBytes("\uFEFFmit BOM\n", "bom.txt")).toEqual(TEXT);
  });

  it("does not cut a multi-byte character in half at the 64 KiB limit and call that binary", async () => {
    expect(await sniffBytes(`${"a".repeat(64 * 1024 - 1)}ü and more`, "long.txt")).toEqual(TEXT);
  });

  it("treats NUL bytes and invalid UTF-8 as binary", async () => {
    expect(await sniffBytes("abc\u0000def", "a.txt")).toEqual(DOWNLOAD);
    expect(await sniffBytes(Buffer.from([0x48, 0x69, 0xff, 0xfe, 0x20]), "a.txt")).toEqual(DOWNLOAD);
  });

  it("sends markup as a download, whatever its name, case or leading white space", async () => {
    const markup = [
      "<!DOCTYPE html><p>hi</p>",
      "\uFEFF  \n<HTML><body>x</body></HTML>",
      '<svg xmlns="http://www.w3.org/2000/svg"/>',
      '<?xml version="1.0"?><svg/>',
      "<script>alert(1)</script>",
      "Looks like notes\n\n<ScRiPt>alert(1)</script>",
      "plain words then <svg onload=alert(1)>",
    ];
    for (const content of markup) {
      expect(await sniffBytes(content, "notes.md"), content).toEqual(DOWNLOAD);
    }
  });
});

describe("sniffing what file-type recognises", () => {
  it("keeps the mime of a known binary type that is not shown inline", async () => {
    const gzip = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0, 0x03, 0x03, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(await sniffBytes(gzip, "photo.png")).toEqual({ mime: "application/gzip", kind: "other", inlineSafe: false });
  });

  it("recognises JPEG, GIF and WebP as inline images", async () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
    const gif = Buffer.from("GIF89a\x01\x00\x01\x00\x00\x00\x00;", "latin1");
    const webp = Buffer.concat([Buffer.from("RIFF\x1a\x00\x00\x00WEBPVP8 ", "latin1"), Buffer.alloc(14)]);
    expect(await sniffBytes(jpeg, "a.bin")).toEqual({ mime: "image/jpeg", kind: "image", inlineSafe: true });
    expect(await sniffBytes(gif, "a.bin")).toEqual({ mime: "image/gif", kind: "image", inlineSafe: true });
    expect(await sniffBytes(webp, "a.bin")).toEqual({ mime: "image/webp", kind: "image", inlineSafe: true });
  });

  it("does not show a '%PDF' file inline unless it starts with '%PDF-'", async () => {
    expect(await sniffBytes("%PDF<html><script>alert(1)</script>", "x.pdf")).toEqual(DOWNLOAD);
  });

  it("sends an XML declaration (which file-type calls application/xml) as a download", async () => {
    expect(await sniffBytes('<?xml version="1.0"?>\n<note>hi</note>', "note.txt")).toEqual(DOWNLOAD);
  });
});
