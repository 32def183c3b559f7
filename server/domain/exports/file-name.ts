/**
 * File names for downloads: `<title>_<network>_<YYYY-MM-DD>.<ext>`, e.g.
 * `Arbeitsprogramm-2026_Mechatronik-Bayern-Emilia-Romagna_2026-11-21.docx`.
 * Two spellings: plain ASCII (umlauts spelled out, accents dropped) for the `filename`
 * parameter every browser understands, and the original letters for `filename*` (RFC 6266 /
 * RFC 8187). Neither can contain path separators, quotes, control characters or anything a
 * file system refuses, and neither is longer than MAX_FILE_NAME characters.
 */
import { DISPLAY_TIME_ZONE } from "#shared/i18n/config";
import { cleanLine, toAscii } from "./text";

export const MAX_FILE_NAME = 120;
const MAX_TITLE = 60;

export interface ExportFileName {
  /** Only A–Z, a–z, 0–9, "-", "_" and one "." before the extension. */
  ascii: string;
  /** Letters and digits of any script, joined by "-" and "_". */
  original: string;
}

/** The calendar day of an instant in Europe/Berlin (= Rome), as YYYY-MM-DD. */
export function displayDay(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  const parts = new Intl.DateTimeFormat("en-GB", { year: "numeric", month: "2-digit", day: "2-digit", timeZone: DISPLAY_TIME_ZONE }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

const asciiPart = (value: string) =>
  toAscii(value)
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");

const originalPart = (value: string) =>
  cleanLine(value)
    .normalize("NFC")
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");

/** Cuts to `max` characters (code points, never half a surrogate pair) and trims a dangling "-". */
function cut(value: string, max: number): string {
  const chars = [...value];
  return chars.length <= max ? value : chars.slice(0, max).join("").replace(/-+$/, "");
}

function assemble(title: string, network: string, day: string, extension: string): string {
  const fixed = (day ? day.length + 1 : 0) + 1 + extension.length;
  const room = MAX_FILE_NAME - fixed;
  const t = cut(title, Math.min(MAX_TITLE, network ? room - 1 - Math.min([...network].length, 20) : room));
  const n = network ? cut(network, room - [...t].length - 1) : "";
  return `${[t, n, day].filter(Boolean).join("_")}.${extension}`;
}

export function exportFileName(input: { title: string; networkName: string; date: string; extension: string; fallbackTitle: string }): ExportFileName {
  const extension = input.extension.replace(/[^a-z0-9]/g, "") || "bin";
  const day = displayDay(input.date);
  const asciiTitle = asciiPart(input.title) || asciiPart(input.fallbackTitle) || "export";
  const originalTitle = originalPart(input.title) || originalPart(input.fallbackTitle) || "export";
  return {
    ascii: assemble(asciiTitle, asciiPart(input.networkName), day, extension),
    original: assemble(originalTitle, originalPart(input.networkName), day, extension),
  };
}

/** RFC 8187 value: UTF-8, percent-encoded except the attr-chars. */
function encodeRfc8187(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function contentDisposition(name: ExportFileName): string {
  return `attachment; filename="${name.ascii}"; filename*=UTF-8''${encodeRfc8187(name.original)}`;
}
