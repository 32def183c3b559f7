/**
 * "Simple rich text": plain text where blank lines separate paragraphs and lines starting
 * with "- " are list items. It is rendered as React elements (paragraphs, lists, line
 * breaks), never as HTML, so nothing a writer types can become markup or script.
 * TODO(rich-text): tiptap-based rich text (as in work programmes) may replace it.
 */
import { Fragment } from "react";

export type SimpleBlock = { kind: "paragraph"; lines: string[] } | { kind: "list"; items: string[] };

const ITEM = /^\s*-\s+(.*)$/;

/** Blocks in order; a run of "- " lines is one list, other lines of a block one paragraph. */
export function parseSimpleRichText(text: string): SimpleBlock[] {
  const blocks: SimpleBlock[] = [];
  for (const chunk of text.replace(/\r\n?/g, "\n").split(/\n\s*\n/)) {
    let current: SimpleBlock | null = null;
    for (const line of chunk.split("\n")) {
      if (!line.trim()) continue;
      const item = ITEM.exec(line);
      if (item) {
        if (current?.kind !== "list") blocks.push((current = { kind: "list", items: [] }));
        current.items.push(item[1]!.trim());
      } else {
        if (current?.kind !== "paragraph") blocks.push((current = { kind: "paragraph", lines: [] }));
        current.lines.push(line.trim());
      }
    }
  }
  return blocks;
}

export function SimpleRichText({ text, className }: { text: string; className?: string }) {
  return (
    <div className={className}>
      {parseSimpleRichText(text).map((block, i) =>
        block.kind === "list" ? (
          <ul key={i}>
            {block.items.map((item, j) => (
              <li key={j}>{item}</li>
            ))}
          </ul>
        ) : (
          <p key={i}>
            {block.lines.map((line, j) => (
              <Fragment key={j}>
                {j > 0 ? <br /> : null}
                {line}
              </Fragment>
            ))}
          </p>
        ),
      )}
    </div>
  );
}
