/**
 * Text of a plain-text or Markdown file: its first bytes (the limit), decoded as UTF-8 with
 * broken sequences replaced rather than refused. Markdown stays as written: its marks are few
 * and search passages read fine with them.
 */
import type { BlobStore } from "../storage/blob-store";
import type { TextLimits } from "./text-limits";
import { TextCollector } from "./text-collector";
import type { ExtractedText } from "./office-text";

export async function extractPlainText(blobs: BlobStore, sha256: string, size: number, limits: TextLimits): Promise<ExtractedText> {
  if (size === 0) return { text: "", truncated: false, note: "" };
  const cut = size > limits.maxPlainBytes;
  const stream = await blobs.read(sha256, { start: 0, end: Math.min(size, limits.maxPlainBytes) - 1 });
  const decoder = new TextDecoder("utf-8");
  const collector = new TextCollector(limits.maxChars);
  for await (const chunk of stream as AsyncIterable<Buffer>) collector.add(decoder.decode(chunk, { stream: true }));
  collector.add(decoder.decode());
  const truncated = cut || collector.truncated;
  return { text: collector.text(), truncated, note: truncated ? "size limit" : "" };
}
