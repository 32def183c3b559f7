/**
 * The client build's files, sent as the build precompressed them (scripts/precompress-assets.mjs
 * writes <file>.gz with zopfli) to every browser that accepts gzip, with Vary: Accept-Encoding;
 * files without a .gz twin go out as they are and the compression middleware handles them.
 * A path that does not decode is not a file of ours: it goes on to Remix, which answers with
 * its translated 404, instead of the library's plain-text 400.
 */
import type { RequestHandler } from "express";
import expressStaticGzip from "express-static-gzip";
import type { ServeStaticOptions } from "serve-static";

export function staticAssets(root: string, options: ServeStaticOptions): RequestHandler {
  const serve = expressStaticGzip(root, { index: false, serveStatic: options });
  return (req, res, next) => {
    try {
      decodeURIComponent(req.path);
    } catch {
      next();
      return;
    }
    serve(req, res, next);
  };
}
