/** One-line blocks of the export model, for the parts of a document that are not its text. */
import type { Block } from "./model";
import { cleanLine } from "./text";

export const lineParagraph = (text: string): Block => ({ kind: "paragraph", inlines: [{ kind: "text", text: cleanLine(text) }] });
export const lineHeading = (text: string): Block => ({ kind: "heading", level: 1, inlines: [{ kind: "text", text: cleanLine(text) }] });
/** A bulleted (or numbered) list of one-line items. */
export const lineList = (lines: readonly string[], ordered = false): Block => ({ kind: "list", ordered, start: 1, items: lines.map((line) => [lineParagraph(line)]) });
