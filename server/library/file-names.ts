/**
 * The names users give library files and folders. They are only ever shown and sent back in
 * Content-Disposition, never used as paths (blobs are stored by hash), but they still travel into
 * other people's browsers and download folders. So a name is cleaned once, on the way in, of what
 * could disguise it (bidi overrides such as `invoice\u202Efdp.exe` showing as "invoiceexe.pdf"),
 * break a header or a listing (control characters), or act as a path on someone's disk (`/`, `\`,
 * `..`), while German and Italian accents, other scripts and emoji are kept as typed.
 */

export const MAX_DISPLAY_NAME = 255;
/** Longer "extensions" are just text after a dot, not worth keeping when a name is shortened. */
const MAX_KEPT_EXTENSION = 16;

const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F-\u009F]/g;
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
/** Half a surrogate pair cannot be encoded as UTF-8 (encodeURIComponent throws on it). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const wellFormed = (value: string) => value.replace(LONE_SURROGATE, "\uFFFD");

/** Windows drops trailing dots and spaces itself, so "report.pdf." would silently become another name. */
const trimName = (value: string) => value.replace(/^\s+/u, "").replace(/[\s.]+$/u, "");

/** The text after the last dot, as typed, when it looks like an extension (no spaces, not a leading dot). */
function extensionPart(name: string): string {
  const dot = name.lastIndexOf(".");
  if (dot <= 0) return "";
  const extension = name.slice(dot + 1);
  return /^[^\s./\\]+$/u.test(extension) ? extension : "";
}

/** Shortens to MAX_DISPLAY_NAME code points (never half an emoji's surrogate pair), keeping a short extension. */
function capLength(name: string): string {
  const chars = [...name];
  if (chars.length <= MAX_DISPLAY_NAME) return name;
  const extension = [...extensionPart(name)];
  if (extension.length > 0 && extension.length <= MAX_KEPT_EXTENSION) {
    const stem = trimName(chars.slice(0, MAX_DISPLAY_NAME - extension.length - 1).join(""));
    return `${stem}.${extension.join("")}`;
  }
  return trimName(chars.slice(0, MAX_DISPLAY_NAME).join(""));
}

/** A name safe to store and show; `fallback` when nothing usable is left (empty, ".", ".."). */
export function cleanDisplayName(raw: string, fallback: string): string {
  const cleaned = trimName(
    wellFormed(raw)
      .normalize("NFC")
      .replace(CONTROL_CHARACTERS, "")
      .replace(BIDI_CONTROLS, "")
      // Look-alikes keep the name readable ("Q1/Q2 Plan") while no tool can split it into a path.
      .replaceAll("/", "\u2215")
      .replaceAll("\\", "\u29F5"),
  );
  return cleaned === "" ? fallback : capLength(cleaned);
}

/** The extension in lower case without the dot, "" if none (".bashrc" has none). */
export function extensionOf(name: string): string {
  return extensionPart(name).toLowerCase();
}

/** RFC 5987 value: UTF-8, percent-encoded except the attr-chars (encodeURIComponent leaves ' ( ) * too). */
function encodeExtValue(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * A Content-Disposition header (RFC 6266): `filename` in printable ASCII for old clients, with
 * anything else, quotes, backslashes and "%" (which some browsers decode) as "_", and the real
 * name in `filename*`. Neither part can contain a raw control character, so no header injection.
 */
export function contentDisposition(kind: "inline" | "attachment", name: string): string {
  const full = wellFormed(name) || "download";
  const ascii = [...full].map((c) => (/^[\x20-\x7E]$/.test(c) && !`"\\%/`.includes(c) ? c : "_")).join("");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeExtValue(full)}`;
}
