/**
 * A DOCX as sanitised HTML, for reading it in the page. mammoth converts it, in a child Node
 * process with a small heap and a deadline: it inflates the document whole in memory, so a
 * crafted file must be able to exhaust only that process. Before it runs, the real inflated size
 * of word/document.xml is measured by streaming it (a zip's declared sizes may lie). The HTML is
 * then sanitised to a short allowlist (no script, no styles, no event handlers, links only to
 * http(s) and mailto, images only as inline data), and is served under `CSP: sandbox` besides.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import sanitizeHtml from "sanitize-html";
import { entryInflatesWithin } from "../text/office-text";
import { DEFAULT_TEXT_LIMITS } from "../text/text-limits";
import { PREVIEW_LIMITS } from "./preview-limits";

const require = createRequire(import.meta.url);

/** Runs in the child: argv = [node, mammoth entry URL, docx path]. Writes the HTML to stdout. */
const CONVERTER = `
const [mammothUrl, file] = process.argv.slice(1);
const mammoth = (await import(mammothUrl)).default;
const result = await mammoth.convertToHtml({ path: file });
process.stdout.write(result.value);
`;

export class PreviewRefused extends Error {
  override name = "PreviewRefused";
}

function convert(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [`--max-old-space-size=${PREVIEW_LIMITS.converterHeapMb}`, "--input-type=module", "-e", CONVERTER, pathToFileURL(require.resolve("mammoth")).href, file],
      // No inherited environment: the converter needs none of the server's settings or secrets.
      { stdio: ["ignore", "pipe", "ignore"], env: { PATH: process.env.PATH ?? "", NODE_ENV: "production" } },
    );
    const chunks: Buffer[] = [];
    let size = 0;
    let why = "";
    const timer = setTimeout(() => {
      why = "time limit";
      child.kill("SIGKILL");
    }, PREVIEW_LIMITS.timeMs);
    child.stdout.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > PREVIEW_LIMITS.maxHtmlBytes) {
        why = "HTML larger than the limit";
        child.kill("SIGKILL");
      } else chunks.push(chunk);
    });
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      if (code === 0 && !why) resolve(Buffer.concat(chunks).toString("utf8"));
      else reject(new PreviewRefused(why || `converter exited with ${code}`));
    });
  });
}

export function sanitiseDocumentHtml(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: ["h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "strong", "em", "b", "i", "u", "s", "sub", "sup", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td", "a", "img", "blockquote"],
    allowedAttributes: { a: ["href", "rel", "target"], img: ["src", "alt"], td: ["colspan", "rowspan"], th: ["colspan", "rowspan"] },
    allowedSchemes: ["http", "https", "mailto"],
    allowedSchemesByTag: { img: ["data"] },
    allowProtocolRelative: false,
    // Only raster images: an SVG, even as an <img>, is markup we do not need.
    exclusiveFilter: (frame) => frame.tag === "img" && !/^data:image\/(png|jpeg|gif|webp);/i.test(frame.attribs.src ?? ""),
    transformTags: { a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer", target: "_blank" }) },
  });
}

/** The page served for a DOCX preview: the sanitised body in a plain, readable frame. */
export function documentPage(body: string, lang: string): string {
  return `<!DOCTYPE html><html lang="${lang === "de" || lang === "it" ? lang : "en"}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><style>body{font:16px/1.5 system-ui,sans-serif;margin:1rem;color:#1a1a1a;background:#fff;overflow-wrap:anywhere}img{max-width:100%;height:auto}table{border-collapse:collapse}td,th{border:1px solid #999;padding:.25rem .5rem}</style></head><body>${body}</body></html>`;
}

export async function docxHtml(file: string): Promise<string> {
  if (!(await entryInflatesWithin(file, "word/document.xml", PREVIEW_LIMITS.maxDocxXmlBytes, DEFAULT_TEXT_LIMITS.maxZipEntries))) {
    throw new PreviewRefused("word/document.xml missing or larger than the limit");
  }
  return sanitiseDocumentHtml(await convert(file));
}
