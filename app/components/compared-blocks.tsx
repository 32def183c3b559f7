/**
 * A comparison drawn in the document's own structure: headings stay headings (two levels
 * below the page's, so they fit under "Changes"), list items stay in numbered or bulleted
 * lists at their depth, quotes stay quotes. Added and removed words are <ins>/<del> with
 * words for screen readers at their edges; a whole block added or removed is marked too.
 */
import { Fragment, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { DiffBlock, DiffSegment } from "#shared/diff-blocks";

function Segments({ segments }: { segments: DiffSegment[] }) {
  const { t } = useTranslation("history");
  return (
    <>
      {segments.map((s, index) =>
        s.kind === "same" ? (
          <Fragment key={index}>{s.text}</Fragment>
        ) : s.kind === "added" ? (
          <Fragment key={index}>
            <span className="visually-hidden">{t("compare.addedStart")} </span>
            <ins className="diff-added">{s.text}</ins>
            <span className="visually-hidden"> {t("compare.addedEnd")}</span>
          </Fragment>
        ) : (
          <Fragment key={index}>
            <span className="visually-hidden">{t("compare.removedStart")} </span>
            <del className="diff-removed">{s.text}</del>
            <span className="visually-hidden"> {t("compare.removedEnd")}</span>
          </Fragment>
        ),
      )}
    </>
  );
}

const blockClass = (block: DiffBlock) => `diff-block diff-block--${block.status}`;

function Block({ block }: { block: DiffBlock }) {
  const content = <Segments segments={block.segments} />;
  switch (block.shape.type) {
    case "heading": {
      const Tag = `h${Math.min(6, block.shape.level + 2)}` as "h3";
      return <Tag className={blockClass(block)}>{content}</Tag>;
    }
    case "quote":
      return (
        <blockquote className={blockClass(block)}>
          <p>{content}</p>
        </blockquote>
      );
    case "code":
      return (
        <pre className={blockClass(block)}>
          <code>{content}</code>
        </pre>
      );
    default:
      return <p className={blockClass(block)}>{content}</p>;
  }
}

/** Consecutive list items of one kind become one list; depth is shown by indentation. */
export function ComparedBlocks({ blocks }: { blocks: DiffBlock[] }) {
  const out: ReactNode[] = [];
  for (let i = 0; i < blocks.length; ) {
    const first = blocks[i]!;
    if (first.shape.type !== "listItem") {
      out.push(<Block key={i} block={first} />);
      i += 1;
      continue;
    }
    const ordered = first.shape.ordered;
    const items: ReactNode[] = [];
    const start = i;
    for (; i < blocks.length; i++) {
      const block = blocks[i]!;
      if (block.shape.type !== "listItem" || (block.shape.depth === 0 && block.shape.ordered !== ordered && i > start)) break;
      items.push(
        <li key={i} className={`${blockClass(block)} diff-li--depth-${Math.min(block.shape.depth, 6)}`}>
          <Segments segments={block.segments} />
        </li>,
      );
    }
    const List = ordered ? "ol" : "ul";
    out.push(<List key={start}>{items}</List>);
  }
  return <div className="diff">{out}</div>;
}
