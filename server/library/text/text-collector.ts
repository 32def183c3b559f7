/**
 * Gathers extracted text up to a character limit: runs of spaces collapse, paragraph breaks
 * stay (they keep the passages shown in search results readable), and control characters go.
 * `full` tells the extractor to stop reading, which is how a zip bomb of text ends early.
 */
export class TextCollector {
  private parts: string[] = [];
  private length = 0;
  /** The limit was reached: whatever comes next is dropped, so the reader may stop. */
  truncated = false;

  constructor(private readonly maxChars: number) {}

  add(raw: string): void {
    if (this.truncated || raw.length === 0) return;
    const cleaned = raw.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, " ");
    const room = this.maxChars - this.length;
    const piece = cleaned.length > room ? cleaned.slice(0, room) : cleaned;
    if (piece.length < cleaned.length) this.truncated = true;
    this.parts.push(piece);
    this.length += piece.length;
  }

  /** Ends a paragraph (DOCX w:p, ODT text:p). */
  breakLine(): void {
    this.add("\n");
  }

  text(): string {
    return this.parts
      .join("")
      .replace(/[ \t\u00a0]+/g, " ")
      .replace(/ *\n[ \n]*/g, "\n")
      .trim();
  }
}
