/**
 * How far preview making may go with one file. Previews are made when first asked for and kept,
 * one at a time per instance; a file that fails is remembered and not tried again.
 */
export const PREVIEW_LIMITS = {
  /** Wall-clock time for one preview (pdftoppm, the DOCX converter). */
  timeMs: 20_000,
  /** Pixels an image may have before it is not decoded at all (a decompression bomb). */
  maxInputPixels: 80_000_000,
  /** The thumbnail's longest side, in pixels. */
  thumbnailSize: 480,
  /** DOCX: word/document.xml may inflate to this much before no HTML preview is tried. */
  maxDocxXmlBytes: 16 * 1024 * 1024,
  /** DOCX: the converted HTML kept at most (bigger documents get the download button). */
  maxHtmlBytes: 4 * 1024 * 1024,
  /** DOCX: heap of the converter's own process. */
  converterHeapMb: 256,
} as const;
