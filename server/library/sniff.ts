/**
 * What a stored file really is, from its bytes. The declared Content-Type and the extension are
 * chosen by the uploader, so neither decides how the file is served: only a type found here may be
 * shown inline, and only the few a browser renders without running anything (raster images, PDF
 * in its viewer, plain text). Everything else, markup above all (HTML, SVG, XML can carry script),
 * is sent as a download. Deliberately conservative: a harmless file wrongly sent as a download
 * costs a click, a hostile one wrongly shown inline can run as the platform.
 */
import { open } from "node:fs/promises";
import { fileTypeFromFile } from "file-type";
import { extensionOf } from "./file-names";

export type FileKind = "image" | "pdf" | "text" | "markdown" | "docx" | "odt" | "other";

export interface SniffedType {
  mime: string;
  kind: FileKind;
  /** may be shown inline (from a sandboxed response): only raster images (png, jpeg, gif, webp), PDF, plain text/markdown */
  inlineSafe: boolean;
}

const OCTET_STREAM = "application/octet-stream";
/** Enough to judge text, small enough to read for every upload. */
const TEXT_PREFIX_BYTES = 64 * 1024;

const RASTER_IMAGES = new Set(["image/png", "image/apng", "image/jpeg", "image/gif", "image/webp"]);
/** Detected markup still goes out as an anonymous download, so no browser or viewer is tempted to render it. */
const MARKUP_MIMES = new Set(["application/xml", "text/xml", "text/html", "image/svg+xml", "application/xhtml+xml"]);
const MARKUP_START = /^(?:<!doctype|<html|<svg|<\?xml|<script)/;
const MARKUP_ANYWHERE = /<(?:script|svg|html)/;

const other = (mime = OCTET_STREAM): SniffedType => ({ mime, kind: "other", inlineSafe: false });

/** The first `length` bytes of the file (fewer if it is shorter) and whether that is all of it. */
async function readPrefix(path: string, length: number): Promise<{ bytes: Buffer; complete: boolean }> {
  const handle = await open(path, "r");
  try {
    // One byte more than needed tells "exactly 64 KiB" apart from "longer".
    const buffer = Buffer.alloc(length + 1);
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return { bytes: buffer.subarray(0, Math.min(filled, length)), complete: filled <= length };
  } finally {
    await handle.close();
  }
}

/** The prefix as text, or null if it is not UTF-8 or holds a NUL byte (binary). */
function decodeText(bytes: Buffer, complete: boolean): string | null {
  if (bytes.includes(0)) return null;
  try {
    // `stream: true` lets a multi-byte character cut off by the 64 KiB limit pass; invalid bytes still throw.
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: !complete });
  } catch {
    return null;
  }
}

function looksLikeMarkup(text: string): boolean {
  const lower = text.toLowerCase();
  // trimStart() also strips the BOM (U+FEFF counts as white space in JavaScript).
  return MARKUP_START.test(lower.trimStart()) || MARKUP_ANYWHERE.test(lower);
}

export async function sniffFile(path: string, fileName: string): Promise<SniffedType> {
  // file-type refuses oversized or broken containers by throwing; such a file is simply not recognised.
  const detected = await fileTypeFromFile(path).catch(() => undefined);
  if (detected) {
    const { mime } = detected;
    if (RASTER_IMAGES.has(mime)) return { mime, kind: "image", inlineSafe: true };
    if (mime === "application/pdf") {
      // file-type only checks "%PDF"; the viewer must not be handed anything but a PDF header at byte 0.
      const { bytes } = await readPrefix(path, 5);
      return bytes.toString("latin1") === "%PDF-" ? { mime, kind: "pdf", inlineSafe: true } : other();
    }
    if (mime === "application/vnd.openxmlformats-officedocument.wordprocessingml.document") return { mime, kind: "docx", inlineSafe: false };
    if (mime === "application/vnd.oasis.opendocument.text") return { mime, kind: "odt", inlineSafe: false };
    return MARKUP_MIMES.has(mime) ? other() : other(mime);
  }

  const { bytes, complete } = await readPrefix(path, TEXT_PREFIX_BYTES);
  if (bytes.length === 0) return { mime: "text/plain; charset=utf-8", kind: "text", inlineSafe: true };
  const text = decodeText(bytes, complete);
  if (text === null || looksLikeMarkup(text)) return other();
  const extension = extensionOf(fileName);
  return extension === "md" || extension === "markdown"
    ? { mime: "text/markdown; charset=utf-8", kind: "markdown", inlineSafe: true }
    : { mime: "text/plain; charset=utf-8", kind: "text", inlineSafe: true };
}
