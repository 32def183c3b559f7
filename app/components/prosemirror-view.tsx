/**
 * Read-only rendering of ProseMirror JSON (the schema of shared/editor/extensions.ts) as
 * semantic HTML, without loading the editor: for stored versions and other read views.
 *
 * Nothing from the document is trusted: text goes through React (escaped), attributes are
 * read from a short allow-list, and links become <a> only for absolute http, https and
 * mailto addresses — the same rule the editor applies when links are set. Anything else is
 * shown as plain text. Unknown node types show their content, unknown marks are ignored.
 */
import { Fragment, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { TableScroll } from "./table-scroll";

export interface PmMark {
  type?: string;
  attrs?: Record<string, unknown>;
}

export interface PmNode {
  type?: string;
  text?: string;
  attrs?: Record<string, unknown>;
  marks?: PmMark[];
  content?: PmNode[];
}

const LINK_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

/** The address if it may be a link here (absolute http, https or mailto), else null. */
export function safeHref(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  // Control characters or whitespace inside an address are a way round naive scheme checks.
  if (trimmed === "" || /[\u0000-\u001f\u007f\s]/.test(trimmed)) return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  if (!LINK_PROTOCOLS.has(url.protocol)) return null;
  if (url.protocol === "mailto:") return url.pathname.includes("@") ? trimmed : null;
  return url.hostname ? trimmed : null;
}

const span = (value: unknown): number | undefined => {
  const n = typeof value === "number" ? value : Number(value);
  return Number.isInteger(n) && n > 1 && n <= 1000 ? n : undefined;
};

function withMark(mark: PmMark, child: ReactNode, key: number): ReactNode {
  switch (mark.type) {
    case "bold":
      return <strong key={key}>{child}</strong>;
    case "italic":
      return <em key={key}>{child}</em>;
    case "underline":
      return <u key={key}>{child}</u>;
    case "strike":
      return <s key={key}>{child}</s>;
    case "code":
      return <code key={key}>{child}</code>;
    case "link": {
      const href = safeHref(mark.attrs?.href);
      return href ? (
        <a key={key} href={href} rel="noopener noreferrer nofollow">
          {child}
        </a>
      ) : (
        <Fragment key={key}>{child}</Fragment>
      );
    }
    default:
      return <Fragment key={key}>{child}</Fragment>;
  }
}

function renderText(node: PmNode, key: number): ReactNode {
  let out: ReactNode = node.text ?? "";
  // The first mark is the outermost, as ProseMirror serialises them.
  const marks = Array.isArray(node.marks) ? node.marks : [];
  for (let i = marks.length - 1; i >= 0; i--) out = withMark(marks[i]!, out, i);
  return <Fragment key={key}>{out}</Fragment>;
}

interface Options {
  /** Added to heading levels, so a document's "Heading 1" fits under the page's own headings. */
  headingOffset: number;
  /** The name of a table's scrolling box (tables in a text have no heading of their own). */
  tableLabel: string;
}

function children(node: PmNode, options: Options, context: { row?: number }): ReactNode[] {
  return (Array.isArray(node.content) ? node.content : []).map((child, index) => renderNode(child, index, options, { ...context, index }));
}

function renderNode(node: PmNode, key: number, options: Options, context: { row?: number; index?: number } = {}): ReactNode {
  if (typeof node.text === "string") return renderText(node, key);
  switch (node.type) {
    case "doc":
      return <Fragment key={key}>{children(node, options, {})}</Fragment>;
    case "paragraph":
      return <p key={key}>{children(node, options, {})}</p>;
    case "heading": {
      const level = Math.min(6, Math.max(1, Number(node.attrs?.level) || 1) + options.headingOffset);
      const Tag = `h${level}` as "h1" | "h2" | "h3" | "h4" | "h5" | "h6";
      return <Tag key={key}>{children(node, options, {})}</Tag>;
    }
    case "bulletList":
      return <ul key={key}>{children(node, options, {})}</ul>;
    case "orderedList": {
      const start = Number(node.attrs?.start);
      return (
        <ol key={key} start={Number.isInteger(start) && start !== 1 ? start : undefined}>
          {children(node, options, {})}
        </ol>
      );
    }
    case "listItem":
      return <li key={key}>{children(node, options, {})}</li>;
    case "blockquote":
      return <blockquote key={key}>{children(node, options, {})}</blockquote>;
    case "codeBlock":
      return (
        <pre key={key}>
          <code>{children(node, options, {})}</code>
        </pre>
      );
    case "hardBreak":
      return <br key={key} />;
    case "horizontalRule":
      return <hr key={key} />;
    case "table":
      return (
        <TableScroll key={key} label={options.tableLabel}>
          <table className="pm-table">
            <tbody>{(node.content ?? []).map((row, index) => renderNode(row, index, options, { row: index }))}</tbody>
          </table>
        </TableScroll>
      );
    case "tableRow":
      return <tr key={key}>{children(node, options, { row: context.row ?? 0 })}</tr>;
    case "tableHeader": {
      // Header cells of the first row head columns; elsewhere they head their row.
      const scope = context.row === 0 ? "col" : "row";
      return (
        <th key={key} scope={scope} colSpan={span(node.attrs?.colspan)} rowSpan={span(node.attrs?.rowspan)}>
          {children(node, options, {})}
        </th>
      );
    }
    case "tableCell":
      return (
        <td key={key} colSpan={span(node.attrs?.colspan)} rowSpan={span(node.attrs?.rowspan)}>
          {children(node, options, {})}
        </td>
      );
    default:
      return <Fragment key={key}>{children(node, options, {})}</Fragment>;
  }
}

export function ProseMirrorView({ doc, headingOffset = 0, className }: { doc: PmNode; headingOffset?: number; className?: string }) {
  const { t } = useTranslation();
  return <div className={className ?? "pm-view"}>{renderNode(doc, 0, { headingOffset, tableLabel: t("common:tableInText") })}</div>;
}

/** Whether the document has any text or other visible content at all. */
export function isEmptyDoc(doc: PmNode): boolean {
  if (typeof doc.text === "string") return doc.text.trim() === "";
  if (doc.type === "horizontalRule" || doc.type === "table") return false;
  return (doc.content ?? []).every(isEmptyDoc);
}
