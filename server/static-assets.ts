/**
 * The client build's files, sent as the build precompressed them (scripts/precompress-assets.mjs
 * writes <file>.gz with zopfli) to every browser that accepts gzip, with Vary: Accept-Encoding;
 * files without a .gz twin go out as they are and the compression middleware handles them.
 *
 * The build does not change while the server runs, so its file list is read once at start.
 * A request for anything else goes on at once, without asking the disk: before, every page
 * request paid a stat() in the thread pool (docs/decisions/0017). A path that does not
 * decode is not a file of ours either: it goes on to Remix, which answers with its translated
 * 404, instead of the library's plain-text 400.
 */
import fs from "node:fs";
import path from "node:path";
import type { Request, RequestHandler, Response } from "express";
import expressStaticGzip from "express-static-gzip";
import type { ServeStaticOptions } from "serve-static";
import { sendErrorPage } from "./http/error-page";

/** URL paths ("/favicon.svg", "/assets/x.js") of the files under root; the .gz twins are not addressed by name. */
export function listBuildFiles(root: string): Set<string> {
  const files = new Set<string>();
  if (!fs.existsSync(root)) return files;
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name.endsWith(".gz")) continue;
    const absolute = path.join(entry.parentPath, entry.name);
    files.add("/" + path.relative(root, absolute).split(path.sep).join("/"));
  }
  return files;
}

export function staticAssets(root: string, options: ServeStaticOptions): RequestHandler {
  const files = listBuildFiles(root);
  const serve = expressStaticGzip(root, { index: false, serveStatic: options });
  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    let decoded: string;
    try {
      decoded = decodeURIComponent(req.path);
    } catch {
      return next();
    }
    if (!files.has(decoded)) return next();
    serve(req, res, next);
  };
}

/**
 * File types no page of ours ends in. A request for such a file that the build does not have
 * (a browser's /favicon.ico, a stale tab's hashed chunk from an earlier release, a crawler's
 * /robots.txt) is answered 404 with the short error page, not by rendering the app's 404
 * page. `.json` is not here: /translations/<lng>.json is a page route.
 */
const FILE_EXTENSION = /\.(?:ico|png|jpe?g|gif|webp|avif|svg|txt|xml|js|mjs|css|map|woff2?|ttf|webmanifest)$/i;

export function missingFiles(): RequestHandler {
  return (req: Request, res: Response, next) => {
    if ((req.method === "GET" || req.method === "HEAD") && (req.path.startsWith("/assets/") || FILE_EXTENSION.test(req.path))) {
      sendErrorPage(req, res, 404, "notFound");
      return;
    }
    next();
  };
}
