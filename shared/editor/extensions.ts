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
import StarterKit from "@tiptap/starter-kit";
import { TableKit } from "@tiptap/extension-table";

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

export function editorExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      // Collaboration brings its own undo/redo that only undoes one's own changes.
      undoRedo: false,
      heading: { levels: [1, 2, 3] },
      // Code is not part of a work programme; keep the schema small.
      code: false,
      codeBlock: false,
      // Appending a trailing paragraph runs on every client at once (duplicates) and on
      // read-only clients (edits the server drops); the gap cursor gets past a final table.
      trailingNode: false,
      link: {
        openOnClick: false,
        autolink: true,
        linkOnPaste: true,
        defaultProtocol: "https",
        protocols: [],
        isAllowedUri: (url) => isAllowedLinkUrl(url),
        // Only addresses typed with their scheme become links; bare "www.…" stays text.
        shouldAutoLink: (url) => isAllowedLinkUrl(url),
        HTMLAttributes: { target: "_blank", rel: "noopener noreferrer nofollow", class: null },
      },
    }),
    TableKit.configure({ table: { resizable: false } }),
  ];
}
