/**
 * THE tiptap extension list of work programmes (and later other rich-text documents):
 * one definition for the editor in the browser and for the server, which builds the same
 * ProseMirror schema from it (demo seed, exports). Collaboration and carets are added by
 * the editor only; they are not part of the schema.
 *
 * Links: only absolute http, https and mailto addresses. Anything else (javascript:, data:,
 * relative paths, other schemes) is refused when set, typed, pasted or parsed from HTML.
 */
import type { AnyExtension } from "@tiptap/core";
import { Blockquote } from "@tiptap/extension-blockquote";
import { Bold } from "@tiptap/extension-bold";
import { Document } from "@tiptap/extension-document";
import { HardBreak } from "@tiptap/extension-hard-break";
import { Heading } from "@tiptap/extension-heading";
import { HorizontalRule } from "@tiptap/extension-horizontal-rule";
import { Italic } from "@tiptap/extension-italic";
import { Link } from "@tiptap/extension-link";
import { BulletList } from "@tiptap/extension-list/bullet-list";
import { ListItem } from "@tiptap/extension-list/item";
import { ListKeymap } from "@tiptap/extension-list/keymap";
import { OrderedList } from "@tiptap/extension-list/ordered-list";
import { Paragraph } from "@tiptap/extension-paragraph";
import { Strike } from "@tiptap/extension-strike";
import { Text } from "@tiptap/extension-text";
import { Underline } from "@tiptap/extension-underline";
import { Dropcursor } from "@tiptap/extensions/drop-cursor";
import { Gapcursor } from "@tiptap/extensions/gap-cursor";
import { TableKit } from "@tiptap/extension-table/kit";
import { SectionIds, type SectionIdMode } from "./section-ids";

export const ALLOWED_LINK_PROTOCOLS = ["http:", "https:", "mailto:"] as const;

/** Whether `value` is an absolute http(s) or mailto address (no whitespace tricks). */
export function isAllowedLinkUrl(value: string | null | undefined): boolean {
  if (typeof value !== "string") return false;
  const trimmed = value.trim();
  // Control characters and whitespace inside the scheme are a classic way round naive checks.
  if (trimmed === "" || /[\u0000-\u001f\u007f\s]/.test(trimmed)) return false;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return false;
  }
  if (!(ALLOWED_LINK_PROTOCOLS as readonly string[]).includes(url.protocol)) return false;
  if (url.protocol === "mailto:") return url.pathname.length > 0 && url.pathname.includes("@");
  return url.hostname.length > 0;
}

/**
 * Each extension is named here, not taken from StarterKit: the starter kit imports every
 * extension it knows (code blocks, undo history, task lists…) even when they are switched
 * off, and the editor page's JavaScript budget cannot carry them (decision 0016). What is
 * left out: undo/redo (Collaboration brings its own, which only undoes one's own changes);
 * code and code blocks (not part of a work programme); the trailing paragraph (appending
 * it runs on every client at once, duplicating it, and on read-only clients, whose edits
 * the server drops; the gap cursor gets past a final table). The order is StarterKit's, so
 * the schema is the one documents were written with (extensions.test.ts pins it).
 */
export function editorExtensions(options: { sectionIds?: SectionIdMode } = {}): AnyExtension[] {
  return [
    Bold,
    Blockquote,
    BulletList,
    Document,
    Dropcursor,
    Gapcursor,
    HardBreak,
    Heading.configure({ levels: [1, 2, 3] }),
    HorizontalRule,
    Italic,
    ListItem,
    ListKeymap,
    Link.configure({
      openOnClick: false,
      autolink: true,
      linkOnPaste: true,
      defaultProtocol: "https",
      protocols: [],
      isAllowedUri: (url) => isAllowedLinkUrl(url),
      // Only addresses typed with their scheme become links; bare "www.…" stays text.
      shouldAutoLink: (url) => isAllowedLinkUrl(url),
      HTMLAttributes: { target: "_blank", rel: "noopener noreferrer nofollow", class: null },
    }),
    OrderedList,
    Paragraph,
    Strike,
    Text,
    Underline,
    TableKit.configure({ table: { resizable: false } }),
    // Last: a global attribute on the block types above (section-ids.ts); the editor decides
    // whether its plugin names blocks (a source) or only clears duplicates (a language version).
    SectionIds.configure({ mode: options.sectionIds ?? "off" }),
  ];
}
