/**
 * Makes previews when they are first asked for and keeps them (Nextcloud does the same): a
 * thumbnail for images and a PDF's first page, sanitised HTML for a DOCX. One preview is made at
 * a time per instance and a second request for the same one waits for the first, so a page full
 * of thumbnails or a hostile file cannot pile up work; everything slow runs in libvips' threads
 * or a child process, never on the event loop.
 */
import type { BlobStore } from "../storage/blob-store";
import { withLocalPath } from "../storage/local-path";
import type { Logger } from "#server/log";
import { PreviewCache, type PreviewVariant } from "./preview-cache";
import { imageThumbnail, pdfThumbnail } from "./thumbnails";
import { docxHtml } from "./docx-html";

export interface Preview {
  bytes: Buffer;
  contentType: string;
}

/** Which previews a kind of file has. */
export function previewVariantsOf(kind: string): PreviewVariant[] {
  if (kind === "image" || kind === "pdf") return ["thumbnail"];
  if (kind === "docx") return ["html"];
  return [];
}

export interface PreviewMaker {
  /** The preview, made now if need be; null when this kind has none or making it failed. */
  get(blob: { sha256: string; kind: string }, variant: PreviewVariant): Promise<Preview | null>;
}

const CONTENT_TYPES: Record<PreviewVariant, string> = { thumbnail: "image/webp", html: "text/html; charset=utf-8" };

export function createPreviewMaker(blobs: BlobStore, dir: string, log: Logger): PreviewMaker {
  const cache = new PreviewCache(dir);
  const inFlight = new Map<string, Promise<Buffer | null>>();
  let queue: Promise<unknown> = Promise.resolve();

  async function make(blob: { sha256: string; kind: string }, variant: PreviewVariant): Promise<Buffer | null> {
    const cached = await cache.get(blob.sha256, variant);
    if (cached === "failed") return null;
    if (cached) return cached;
    try {
      const bytes = await withLocalPath(blobs, blob.sha256, async (file) => {
        if (variant === "html") return Buffer.from(await docxHtml(file), "utf8");
        return blob.kind === "pdf" ? pdfThumbnail(file) : imageThumbnail(file);
      });
      await cache.put(blob.sha256, variant, bytes);
      return bytes;
    } catch (error) {
      const note = error instanceof Error ? error.message : String(error);
      log.warn(`[library] no ${variant} preview for blob ${blob.sha256.slice(0, 12)} (${blob.kind}): ${note}`);
      await cache.markFailed(blob.sha256, variant, note.slice(0, 300));
      return null;
    }
  }

  return {
    async get(blob, variant) {
      if (!previewVariantsOf(blob.kind).includes(variant)) return null;
      const key = `${blob.sha256}.${variant}`;
      let pending = inFlight.get(key);
      if (!pending) {
        // Cached previews answer at once; only making one waits its turn.
        pending = cache.get(blob.sha256, variant).then((cached) => {
          if (cached === "failed") return null;
          if (cached) return cached;
          const turn = queue.then(() => make(blob, variant));
          queue = turn.catch(() => undefined);
          return turn;
        });
        inFlight.set(key, pending);
        void pending.finally(() => inFlight.delete(key)).catch(() => undefined);
      }
      const bytes = await pending;
      return bytes ? { bytes, contentType: CONTENT_TYPES[variant] } : null;
    },
  };
}
