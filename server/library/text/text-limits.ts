/**
 * How far text extraction may go with one file. A hostile upload (a zip bomb, a PDF that never
 * ends) must cost bounded time, memory and CPU, and a large but honest file still yields the
 * text of its first few hundred pages, which is what search needs.
 */
export interface TextLimits {
  /** Wall-clock time for one file, from opening it to the last character. */
  timeMs: number;
  /** Characters of text kept per file; more is cut (the file is marked truncated). */
  maxChars: number;
  /**
   * Bytes of XML inflated from a DOCX/ODT (a zip bomb stops here). The XML parser may hold up to
   * this much of one text node, so it also bounds memory; a 300-page DOCX has 5–10 MB of XML.
   */
  maxInflatedBytes: number;
  /** Bytes read from a plain-text or Markdown file. */
  maxPlainBytes: number;
  /** Pages pdftotext reads. */
  maxPdfPages: number;
  /** Entries looked at in a zip's central directory before giving up. */
  maxZipEntries: number;
}

export const DEFAULT_TEXT_LIMITS: TextLimits = {
  timeMs: 30_000,
  maxChars: 1_000_000,
  maxInflatedBytes: 32 * 1024 * 1024,
  maxPlainBytes: 4 * 1024 * 1024,
  maxPdfPages: 500,
  maxZipEntries: 20_000,
};

/** Why extraction stopped or failed; kept as the row's note for the log and the file page. */
export class ExtractionStopped extends Error {
  override name = "ExtractionStopped";
}
