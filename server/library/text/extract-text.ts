/**
 * The text of one stored blob, by its sniffed kind: PDF through pdftotext, DOCX and ODT by
 * reading their XML, plain text and Markdown as they are. Everything else (images, archives,
 * unknown bytes) is "unsupported". Never throws for a bad file: every outcome is a result the
 * indexer stores, so one hostile upload cannot stop the queue.
 */
import type { BlobTextStatus } from "#db/schema";
import type { BlobStore } from "../storage/blob-store";
import { withLocalPath } from "../storage/local-path";
import { DEFAULT_TEXT_LIMITS, ExtractionStopped, type TextLimits } from "./text-limits";
import { extractOfficeText, type ExtractedText } from "./office-text";
import { extractPdfText, PdfToolMissing } from "./pdf-text";
import { extractPlainText } from "./plain-text";

export interface BlobToRead {
  sha256: string;
  kind: string;
  size: number;
}

export interface ExtractionResult {
  status: Exclude<BlobTextStatus, "pending" | "working">;
  text: string | null;
  truncated: boolean;
  note: string;
}

export const READABLE_KINDS = new Set(["pdf", "docx", "odt", "text", "markdown"]);


async function read(blobs: BlobStore, blob: BlobToRead, limits: TextLimits, signal: AbortSignal): Promise<ExtractedText> {
  switch (blob.kind) {
    case "pdf":
      return withLocalPath(blobs, blob.sha256, (file) => extractPdfText(file, limits, signal));
    case "docx":
    case "odt":
      return withLocalPath(blobs, blob.sha256, (file) => extractOfficeText(file, blob.kind as "docx" | "odt", limits, signal));
    default:
      return extractPlainText(blobs, blob.sha256, blob.size, limits);
  }
}

export async function extractText(blobs: BlobStore, blob: BlobToRead, limits: TextLimits = DEFAULT_TEXT_LIMITS): Promise<ExtractionResult> {
  if (!READABLE_KINDS.has(blob.kind)) return { status: "unsupported", text: null, truncated: false, note: "" };
  const signal = AbortSignal.timeout(limits.timeMs);
  try {
    const { text, truncated, note } = await read(blobs, blob, limits, signal);
    return text.length === 0 ? { status: "empty", text: "", truncated, note } : { status: "done", text, truncated, note };
  } catch (error) {
    if (error instanceof PdfToolMissing) return { status: "unsupported", text: null, truncated: false, note: error.message };
    const note = error instanceof ExtractionStopped ? error.message : `unexpected: ${error instanceof Error ? error.message : String(error)}`;
    return { status: "failed", text: null, truncated: false, note: note.slice(0, 300) };
  }
}
