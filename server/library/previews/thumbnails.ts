/**
 * Thumbnails of images (sharp, i.e. libvips, which decodes in its own threads and refuses
 * images beyond a pixel limit before decoding them) and of a PDF's first page (poppler's
 * pdftoppm in a child process that is killed at the time limit, then sharp). Output is WebP.
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { PREVIEW_LIMITS } from "./preview-limits";

/** One thumbnail at a time is plenty, and libvips' own thread pool does the work. */
sharp.concurrency(1);
sharp.cache(false);

export async function imageThumbnail(file: string): Promise<Buffer> {
  return sharp(file, { limitInputPixels: PREVIEW_LIMITS.maxInputPixels, failOn: "error", animated: false })
    .rotate()
    .resize({ width: PREVIEW_LIMITS.thumbnailSize, height: PREVIEW_LIMITS.thumbnailSize, fit: "inside", withoutEnlargement: true })
    .webp({ quality: 78 })
    .toBuffer();
}

export async function pdfThumbnail(file: string): Promise<Buffer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "connactions-pdfpage-"));
  try {
    const prefix = path.join(dir, "page");
    await run("pdftoppm", ["-q", "-f", "1", "-l", "1", "-singlefile", "-scale-to", String(PREVIEW_LIMITS.thumbnailSize * 2), "-png", file, prefix]);
    return await imageThumbnail(`${prefix}.png`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "ignore" });
    const timer = setTimeout(() => child.kill("SIGKILL"), PREVIEW_LIMITS.timeMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(signal ? `${command} stopped at the time limit` : `${command} exited with ${code}`));
    });
  });
}
